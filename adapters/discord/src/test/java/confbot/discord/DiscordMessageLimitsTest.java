package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.chat.Reply;
import confbot.core.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request real JDA sends for a long answer is within Discord's limits: the fake REST checks
 * each body as Discord does and answers 400 to one over them, which the adapter would log and
 * replace with its failure notice.
 */
final class DiscordMessageLimitsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ObjectMapper json = new ObjectMapper();
    private final LogCapture listenerLog = LogCapture.of(DiscordListener.class);
    private volatile Reply answer;
    private final FakeChatBot bot = new FakeChatBot(inbound -> answer);

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
        listenerLog.close();
    }

    @Test
    void longAnswersManySourcesLongTitlesCjkAndEmojiAreSplitAndNeverRejected() throws Exception {
        int n = 0;
        for (Map.Entry<String, Reply> reply : LongReplies.all().entrySet()) {
            answer = reply.getValue();
            String token = "token-long-" + n++;

            gateway.dispatch(
                    "INTERACTION_CREATE",
                    Interactions.ask(Interactions.freshSnowflake(), token, LongReplies.longQuestion()));

            await().atMost(PATIENCE).until(() -> !webhook(token, "PATCH").isEmpty());
            await().during(Duration.ofMillis(400)).atMost(PATIENCE).until(() -> {
                int before = calls(token);
                Thread.sleep(100);
                return calls(token) == before;
            });
            assertThat(rest.violations()).as(reply.getKey()).isEmpty();
            assertThat(webhook(token, "DELETE"))
                    .as(reply.getKey() + ": no failure notice")
                    .isEmpty();
            String first = json.readTree(webhook(token, "PATCH").get(0).body())
                    .at("/embeds/0/title")
                    .asText();
            assertThat(first)
                    .as(reply.getKey() + ": the question, shortened")
                    .startsWith("What happened")
                    .endsWith("…");
        }
        assertThat(listenerLog.warnings()).isEmpty();
        assertThat(bot.received()).hasSize(LongReplies.all().size());
    }

    private int calls(String token) {
        return (int)
                rest.requests().stream().filter(r -> r.path().contains(token)).count();
    }

    private List<FakeDiscordRest.Request> webhook(String token, String method) {
        return rest.requests(method, p -> p.startsWith("/api/v10/webhooks/100/" + token));
    }
}
