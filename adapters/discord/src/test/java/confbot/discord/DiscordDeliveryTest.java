package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.testing.LogCapture;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How answers reach Discord when Discord is slow or unwell: real JDA against the fake gateway and
 * the fake REST API, which answers chosen requests with 5xx, 429 or 400. Only the core is faked.
 */
final class DiscordDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Short, so a give-up is seen in a second or two; the shape is the default's. */
    private static final Delivery.RetryPolicy RETRIES =
            new Delivery.RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(3));

    private static final Reply SHORT = new Reply(
            Reply.Kind.ANSWER,
            "KubeCon China 2019 was held at the Shanghai Expo Centre.",
            List.of(new Source("KubeCon China 2019 notes", URI.create("https://example.org/2019"))));

    /** Three paragraphs of 3,000 characters: three embeds, more than one message's 6,000. */
    private static final Reply LONG = new Reply(
            Reply.Kind.ANSWER,
            IntStream.range(0, 3)
                    .mapToObj(i -> ("Paragraph " + i + " about the keynotes. ").repeat(100))
                    .collect(Collectors.joining("\n\n")),
            SHORT.sources());

    private final ObjectMapper json = new ObjectMapper();
    private final LogCapture deliveryLog = LogCapture.of(Delivery.class);
    private volatile Function<Inbound, Reply> answer = inbound -> SHORT;
    private final FakeChatBot bot = new FakeChatBot(inbound -> answer.apply(inbound));

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
        adapter = new DiscordAdapter(config, bot, (prefix, limit) -> List.of(), RETRIES);
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        fakes.close();
        deliveryLog.close();
    }

    @Test
    void interactionIsAcknowledgedWithinThreeSecondsWhileTheCoreIsStillThinking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        answer = inbound -> {
            try {
                release.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SHORT;
        };
        String id = Interactions.freshSnowflake();

        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(id, "token-slow", "Where was KubeCon China 2019?"));

        // Discord's own deadline: an interaction not acknowledged in 3 s fails on the user's screen.
        await().atMost(Duration.ofSeconds(3)).until(() -> !callbacks(id).isEmpty());
        assertThat(json.readTree(callbacks(id).get(0).body()).path("type").asInt())
                .as("deferred channel message")
                .isEqualTo(5);
        await().atMost(PATIENCE).until(() -> bot.received().size() == 1);
        assertThat(webhook("token-slow", "PATCH"))
                .as("no answer while the core thinks")
                .isEmpty();

        release.countDown();
        await().atMost(PATIENCE).until(() -> webhook("token-slow", "PATCH").size() == 1);
    }

    @Test
    void followUpFailingWithServerErrorsIsRetriedPastJdasOwnRetriesUntilDelivered() throws Exception {
        answer = inbound -> LONG;
        Predicate<FakeDiscordRest.Request> followUp = followUps("token-retry");
        // JDA gives a 500 up at once, and a 502 after one more try (here a 500 again): each failure
        // below reaches the adapter, which must send again.
        rest.failNext(
                followUp,
                FakeDiscordRest.Fault.internalError(),
                FakeDiscordRest.Fault.internalError(),
                FakeDiscordRest.Fault.badGateway(),
                FakeDiscordRest.Fault.internalError(),
                FakeDiscordRest.Fault.internalError(),
                FakeDiscordRest.Fault.internalError());
        String id = Interactions.freshSnowflake();

        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(id, "token-retry", "Tell me about the keynotes"));

        // The first follow-up refused six times and taken the seventh, then the second follow-up.
        await().atMost(PATIENCE)
                .until(() -> rest.requests().stream().filter(followUp).count() >= 8);
        await().during(Duration.ofMillis(500))
                .atMost(PATIENCE)
                .until(() -> rest.requests().stream().filter(followUp).count() == 8);
        List<String> sent = rest.requests().stream()
                .filter(followUp)
                .map(FakeDiscordRest.Request::body)
                .toList();
        assertThat(sent.subList(0, 7)).containsOnly(sent.get(0));
        assertThat(sent.get(7)).as("the last part, after the one retried").isNotEqualTo(sent.get(0));
        List<FakeDiscordRest.Request> calls = rest.requests().stream()
                .filter(r -> r.path().contains("token-retry"))
                .toList();
        assertThat(calls.get(1).method()).as("the original answer comes first").isEqualTo("PATCH");
        assertThat(calls).noneMatch(r -> r.method().equals("DELETE")); // no failure notice
        assertThat(deliveryLog.warnings()).isEmpty();
        assertThat(rest.violations()).isEmpty();
    }

    @Test
    void rateLimitedFollowUpIsWaitedOutByJdaAndSentOnce() throws Exception {
        answer = inbound -> LONG;
        Predicate<FakeDiscordRest.Request> followUp = followUps("token-429");
        rest.failNext(followUp, FakeDiscordRest.Fault.rateLimited(0.3));
        String id = Interactions.freshSnowflake();

        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(id, "token-429", "Tell me about the keynotes"));

        // Two follow-ups; the first sent again once, after the wait Discord asked for.
        await().atMost(PATIENCE)
                .until(() -> rest.requests().stream().filter(followUp).count() >= 3);
        await().during(Duration.ofMillis(500))
                .atMost(PATIENCE)
                .until(() -> rest.requests().stream().filter(followUp).count() == 3);
        List<String> sent = rest.requests().stream()
                .filter(followUp)
                .map(FakeDiscordRest.Request::body)
                .toList();
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
        assertThat(sent.get(2)).isNotEqualTo(sent.get(0));
        assertThat(webhook("token-429", "DELETE")).as("no failure notice").isEmpty();
        assertThat(deliveryLog.events())
                .as("JDA's rate limiter handled it, not the retries")
                .isEmpty();
    }

    @Test
    void answerThatKeepsFailingIsGivenUpAfterTheRetryTimeWithOneWarnNamingTheInteraction() throws Exception {
        Predicate<FakeDiscordRest.Request> original =
                r -> r.method().equals("PATCH") && r.path().contains("/token-down/messages/@original");
        rest.failAlways(original, FakeDiscordRest.Fault.internalError());
        String id = Interactions.freshSnowflake();

        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(id, "token-down", "Where was it?"));

        await().atMost(PATIENCE).until(() -> !deliveryLog.warnings().isEmpty());
        long attempts = rest.requests().stream().filter(original).count();
        await().during(Duration.ofMillis(700))
                .atMost(PATIENCE)
                .until(() -> rest.requests().stream().filter(original).count() == attempts);
        assertThat(attempts).as("retried until the retry time was over").isGreaterThan(4);
        assertThat(deliveryLog.warnings()).singleElement().asString().contains("interaction " + id + " (/ask)", "500");
        assertThat(rest.requests())
                .noneMatch(r -> r.path().contains("token-down") && r.method().equals("DELETE"));
    }

    @Test
    void badRequestIsNotRetriedAndTheAskerIsToldItFailed() throws Exception {
        Predicate<FakeDiscordRest.Request> original =
                r -> r.method().equals("PATCH") && r.path().contains("/token-400/messages/@original");
        rest.failNext(
                original,
                new FakeDiscordRest.Fault(400, "{\"message\":\"Invalid Form Body\",\"code\":50035}", Map.of()));
        String id = Interactions.freshSnowflake();

        gateway.dispatch("INTERACTION_CREATE", Interactions.ask(id, "token-400", "Where was it?"));

        await().atMost(PATIENCE).until(() -> !webhook("token-400", "POST").isEmpty());
        assertThat(rest.requests().stream().filter(original)).hasSize(1);
        assertThat(webhook("token-400", "DELETE")).hasSize(1);
        assertThat(json.readTree(webhook("token-400", "POST").get(0).body())
                        .path("content")
                        .asText())
                .isEqualTo(Texts.ENGLISH.failed());
    }

    private List<FakeDiscordRest.Request> callbacks(String interactionId) {
        return rest.requests("POST", p -> p.startsWith("/api/v10/interactions/" + interactionId + "/"));
    }

    private List<FakeDiscordRest.Request> webhook(String token, String method) {
        return rest.requests(method, p -> p.startsWith("/api/v10/webhooks/100/" + token));
    }

    private static Predicate<FakeDiscordRest.Request> followUps(String token) {
        return r -> r.method().equals("POST") && r.path().startsWith("/api/v10/webhooks/100/" + token + "?")
                || r.method().equals("POST") && r.path().equals("/api/v10/webhooks/100/" + token);
    }
}
