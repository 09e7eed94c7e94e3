package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.chat.TopicSuggester;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real JDA, over real sockets, against a fake Discord on 127.0.0.1: the REST API ({@link
 * FakeDiscordRest}) and the gateway ({@link FakeDiscordGateway}). Only the core is faked.
 */
final class DiscordAdapterEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> suggestedFor = new CopyOnWriteArrayList<>();
    private final TopicSuggester topics = (prefix, limit) -> {
        suggestedFor.add(prefix);
        return List.of("CRD best practices", "Custom resources with operators");
    };
    private final FakeChatBot bot = new FakeChatBot(inbound -> inbound.text().startsWith("/schedule")
            ? new Reply(Reply.Kind.USAGE, "Usage: /schedule [2018|2019] [day]", List.of())
            : new Reply(
                    Reply.Kind.ANSWER,
                    "KubeCon + CloudNativeCon China 2019 took place at the *Shanghai* Expo Centre.",
                    List.of(new Source(
                            "KubeCon China 2019 notes", URI.create("https://example.org/kubecon-china-2019")))));

    private DiscordFakes fakes;
    private FakeDiscordGateway gateway;
    private FakeDiscordRest rest;
    private DiscordAdapter adapter;

    @BeforeEach
    void startFakesAndAdapter() throws Exception {
        fakes = DiscordFakes.start();
        gateway = fakes.gateway;
        rest = fakes.rest;
        DiscordConfig config = fakes.config();
        adapter = new DiscordAdapter(config, bot, topics);
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        fakes.close();
    }

    @Test
    void connectsIdentifiesWithoutPrivilegedIntentsAndRegistersCommandsGlobally() throws Exception {
        assertThat(adapter.isConnected()).isTrue();
        assertThat(gateway.upgradeRequests()).first().asString().contains("encoding=json", "v=10");

        JsonNode identify = gateway.received().stream()
                .filter(p -> p.path("op").asInt() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(identify.at("/d/token").asText()).isEqualTo("test-token");
        assertThat(identify.at("/d/intents").asInt() & (1 << 15))
                .as("MESSAGE_CONTENT")
                .isZero();
        assertThat(identify.at("/d/shard").toString()).isEqualTo("[0,1]");

        await().atMost(PATIENCE)
                .until(() -> !rest.requests("PUT", p -> p.contains("/commands")).isEmpty());
        FakeDiscordRest.Request registration =
                rest.requests("PUT", p -> p.contains("/commands")).get(0);
        assertThat(registration.path()).isEqualTo("/api/v10/applications/100/commands");
        JsonNode commands = json.readTree(registration.body());
        assertThat(commands.findValuesAsText("name")).contains("ask", "schedule", "slides", "help", "about");
        assertThat(commands.get(0).at("/name_localizations/zh-CN").asText()).isEqualTo("提问");
    }

    @Test
    void askInteractionIsDeferredThenAnsweredThroughTheWebhook() throws Exception {
        String id = Interactions.freshSnowflake();
        gateway.dispatch(
                "INTERACTION_CREATE",
                Interactions.interaction(
                        id,
                        "token-ask",
                        2,
                        "{\"id\":\"700\",\"name\":\"ask\",\"type\":1,\"options\":[{\"name\":\"question\",\"type\":3,"
                                + "\"value\":\"Where was KubeCon China 2019?\"}]}"));

        await().atMost(PATIENCE).until(() -> !rest.requests("PATCH", p -> p.contains("/messages/@original"))
                .isEmpty());

        List<FakeDiscordRest.Request> calls = rest.requests().stream()
                .filter(r -> r.path().contains("token-ask"))
                .toList();
        assertThat(calls).extracting(FakeDiscordRest.Request::method).containsExactly("POST", "PATCH");
        assertThat(calls.get(0).path()).startsWith("/api/v10/interactions/" + id + "/token-ask/callback");
        assertThat(json.readTree(calls.get(0).body()).path("type").asInt())
                .as("deferred")
                .isEqualTo(5);
        assertThat(calls.get(1).path()).startsWith("/api/v10/webhooks/100/token-ask/messages/@original");

        JsonNode edit = json.readTree(calls.get(1).body());
        JsonNode embed = edit.at("/embeds/0");
        assertThat(embed.path("title").asText()).isEqualTo("Where was KubeCon China 2019?");
        assertThat(embed.path("description").asText()).contains("at the \\*Shanghai\\* Expo Centre.");
        assertThat(embed.at("/fields/0/value").asText())
                .isEqualTo("• [KubeCon China 2019 notes](https://example.org/kubecon-china-2019)");
        assertThat(embed.at("/footer/text").asText()).endsWith("China 2019");
        assertThat(edit.at("/allowed_mentions/parse").isArray()).isTrue();
        assertThat(edit.at("/allowed_mentions/parse")).isEmpty();

        assertThat(bot.received())
                .containsExactly(new Inbound(
                        "/ask Where was KubeCon China 2019?",
                        Locale.forLanguageTag("en-US"),
                        new Origin(Platform.DISCORD, "300", "42", false)));
    }

    @Test
    void usageReplyBecomesAnEphemeralFollowUpInPlaceOfThePublicDeferral() throws Exception {
        String id = Interactions.freshSnowflake();
        gateway.dispatch(
                "INTERACTION_CREATE",
                Interactions.interaction(
                        id,
                        "token-usage",
                        2,
                        "{\"id\":\"702\",\"name\":\"schedule\",\"type\":1,\"options\":[{\"name\":\"day\",\"type\":4,"
                                + "\"value\":3}]}"));

        await().atMost(PATIENCE)
                .until(() -> !rest.requests("POST", p -> p.startsWith("/api/v10/webhooks/100/token-usage"))
                        .isEmpty());

        List<FakeDiscordRest.Request> calls = rest.requests().stream()
                .filter(r -> r.path().contains("token-usage"))
                .toList();
        assertThat(calls).extracting(FakeDiscordRest.Request::method).containsExactly("POST", "DELETE", "POST");
        assertThat(json.readTree(calls.get(0).body()).path("type").asInt())
                .as("deferred")
                .isEqualTo(5);
        assertThat(calls.get(1).path()).isEqualTo("/api/v10/webhooks/100/token-usage/messages/@original");
        JsonNode followUp = json.readTree(calls.get(2).body());
        assertThat(followUp.path("flags").asInt() & 64).as("ephemeral flag").isEqualTo(64);
        assertThat(followUp.at("/embeds/0/description").asText()).startsWith("Usage: /schedule");
        assertThat(bot.received()).extracting(Inbound::text).containsExactly("/schedule 3");
    }

    @Test
    void autocompleteInteractionGetsTopicChoices() throws Exception {
        String id = Interactions.freshSnowflake();
        gateway.dispatch(
                "INTERACTION_CREATE",
                Interactions.interaction(
                        id,
                        "token-complete",
                        4,
                        "{\"id\":\"701\",\"name\":\"slides\",\"type\":1,\"options\":[{\"name\":\"topic\",\"type\":3,"
                                + "\"value\":\"crd\",\"focused\":true}]}"));

        await().atMost(PATIENCE).until(() -> !rest.requests("POST", p -> p.contains("/interactions/" + id + "/"))
                .isEmpty());

        FakeDiscordRest.Request callback = rest.requests("POST", p -> p.contains("/interactions/" + id + "/"))
                .get(0);
        JsonNode body = json.readTree(callback.body());
        assertThat(body.path("type").asInt()).as("autocomplete result").isEqualTo(8);
        assertThat(body.at("/data/choices").findValuesAsText("value"))
                .containsExactly("CRD best practices", "Custom resources with operators");
        assertThat(suggestedFor).containsExactly("crd");
        assertThat(bot.received()).isEmpty();
    }
}
