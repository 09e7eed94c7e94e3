package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dropped gateway connection: real JDA reconnects to the fake gateway, resumes the session, and
 * the events the fake replays (those after the sequence number JDA names) are answered once each.
 */
final class DiscordGatewayResumeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Reply ANSWER = new Reply(
            Reply.Kind.ANSWER,
            "KubeCon China 2019 was held at the Shanghai Expo Centre.",
            List.of(new Source("KubeCon China 2019 notes", URI.create("https://example.org/2019"))));

    private final FakeChatBot bot = FakeChatBot.answering(ANSWER);
    private DiscordFakes fakes;
    private FakeDiscordGateway gateway;
    private FakeDiscordRest rest;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        fakes = DiscordFakes.start();
        gateway = fakes.gateway;
        rest = fakes.rest;
        DiscordConfig config = fakes.config();
        adapter = new DiscordAdapter(config, bot, (prefix, limit) -> List.of());
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        fakes.close();
    }

    @Test
    void slashCommandSentWhileTheConnectionWasDownIsReplayedOnResumeAndAnsweredOnce() throws Exception {
        String before = Interactions.freshSnowflake();
        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(before, "token-before", "Where was it?"));
        await().atMost(PATIENCE).until(() -> answers("token-before") == 1);

        gateway.drop();
        String during = Interactions.freshSnowflake();
        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(during, "token-during", "When was it?"));

        await().atMost(PATIENCE).until(() -> answers("token-during") == 1);
        JsonNode resume = gateway.received().stream()
                .filter(p -> p.path("op").asInt() == 6)
                .findFirst()
                .orElseThrow();
        assertThat(resume.at("/d/session_id").asText()).isEqualTo("session-1");
        assertThat(resume.at("/d/seq").asInt())
                .as("READY and the first interaction")
                .isEqualTo(2);
        assertThat(gateway.received().stream().filter(p -> p.path("op").asInt() == 2))
                .as("resumed, not identified again")
                .hasSize(1);
        assertThat(gateway.connections()).isEqualTo(2);

        await().during(Duration.ofMillis(500))
                .atMost(PATIENCE)
                .until(() -> bot.received().size() == 2);
        assertThat(bot.received()).extracting(Inbound::text).containsExactly("/ask Where was it?", "/ask When was it?");
        assertThat(callbacks(during)).hasSize(1);
        assertThat(answers("token-during")).isEqualTo(1);
        assertThat(answers("token-before")).isEqualTo(1);
    }

    @Test
    void interactionReplayedAgainAfterItWasAnsweredIsNotAnsweredTwice() throws Exception {
        String first = Interactions.freshSnowflake();
        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(first, "token-first", "Where was it?"));
        await().atMost(PATIENCE).until(() -> answers("token-first") == 1);
        gateway.replayOverlap(1); // Discord's replay is at least once: it sends the first again

        gateway.drop();
        String second = Interactions.freshSnowflake();
        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(second, "token-second", "When was it?"));

        // The replay sends the first before the second, on JDA's one event thread.
        await().atMost(PATIENCE).until(() -> answers("token-second") == 1);
        await().during(Duration.ofMillis(500))
                .atMost(PATIENCE)
                .until(() -> bot.received().size() == 2);
        assertThat(callbacks(first)).as("acknowledged once").hasSize(1);
        assertThat(answers("token-first")).isEqualTo(1);
        assertThat(bot.received()).extracting(Inbound::text).containsExactly("/ask Where was it?", "/ask When was it?");
    }

    private long answers(String token) {
        return rest.requests("PATCH", p -> p.startsWith("/api/v10/webhooks/100/" + token + "/messages/@original"))
                .size();
    }

    private List<FakeDiscordRest.Request> callbacks(String interactionId) {
        return rest.requests("POST", p -> p.startsWith("/api/v10/interactions/" + interactionId + "/"));
    }
}
