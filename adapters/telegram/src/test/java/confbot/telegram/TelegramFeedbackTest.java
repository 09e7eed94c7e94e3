package confbot.telegram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.feedback.Feedback;
import confbot.core.state.AnswerLog;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback round trip on Telegram, end to end: the real core (fixture knowledge, votes in a
 * real SQLite file) behind the real telegrambots client, against the fake Bot API over HTTP. An
 * answer carries 👍 / 👎; a press is stored before its callback query is answered; a second press
 * by the same person changes the vote, another person's counts apart; {@code /feedback} shows it.
 */
final class TelegramFeedbackTest {

    private static final String TOKEN = "123456789:AAH-test_token_0123456789abcdef";
    private static final String QUESTION = "How many batch jobs per hour does Tidewater drain?";
    private static final long ADMIN = 4004;

    @TempDir
    Path dir;

    private TelegramTestbed testbed;
    private FakeBotApi api;
    private ConfBot bot;

    @BeforeEach
    void start() throws Exception {
        testbed = new TelegramTestbed(TOKEN, dir);
        api = testbed.api;
        bot = ConfBot.create(
                Fixtures.knowledge(),
                Setup.builtinOnly(),
                BotOptions.defaults().withAdmins(Set.of("telegram:" + ADMIN)),
                Feedback.to(testbed.store.answers(), testbed.clock));
        TelegramConfig config = TelegramConfig.fromEnv(
                        Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url()))
                .orElseThrow();
        TelegramAdapter adapter = new TelegramAdapter(
                config, bot, bot, testbed.clock, testbed.store.inbox(), InboxPolicy.defaults(), DeliveryEvents.none());
        testbed.adapters.add(adapter);
        adapter.start();
    }

    @AfterEach
    void stop() {
        testbed.close();
        bot.close();
    }

    @Test
    void aPressIsStoredASecondPressChangesItAnotherPersonCountsApartAndFeedbackShowsIt() throws Exception {
        api.enqueue(Updates.privateText(1, QUESTION).json());
        await().atMost(20, SECONDS).until(() -> api.delivered().size() == 1);

        JsonNode answer = api.delivered().get(0).body();
        JsonNode buttons = answer.at("/reply_markup/inline_keyboard/0");
        assertThat(buttons.findValuesAsText("text")).containsExactly("👍", "👎");
        String up = buttons.get(0).path("callback_data").asText();
        String down = buttons.get(1).path("callback_data").asText();
        assertThat(up).startsWith("fb:u:");
        assertThat(down).isEqualTo("fb:d:" + up.substring(5));
        assertThat(up.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);

        // Alice likes it.
        JsonNode first = press(2, "q-1", Updates.ALICE, up);
        assertThat(first.path("text").asText()).isEqualTo("Thanks for the feedback 👍");
        assertThat(votes()).containsExactly(1L, 0L);

        // Alice changes her mind: the other button replaces her vote.
        JsonNode second = press(3, "q-2", Updates.ALICE, down);
        assertThat(second.path("text").asText()).isEqualTo("Changed your vote to 👎, thanks");
        assertThat(votes()).containsExactly(0L, 1L);

        // Bob agrees with her second thought: his vote counts apart.
        press(4, "q-3", Updates.BOB, down);
        assertThat(votes()).containsExactly(0L, 2L);

        // Pressing the same button again changes nothing.
        JsonNode again = press(5, "q-4", Updates.BOB, down);
        assertThat(again.path("text").asText()).isEqualTo("Your 👎 is already counted");
        assertThat(votes()).containsExactly(0L, 2L);

        api.enqueue(Updates.privateTextIn(ADMIN, 6, "/feedback").json());
        await().atMost(20, SECONDS).until(() -> api.delivered().size() == 2);
        String report = api.delivered().get(1).text();
        assertThat(report).contains("👍 0, 👎 2").contains("1. 👎 2 👍 0 — " + QUESTION);
        assertThat(api.delivered().get(1).body().has("reply_markup"))
                .as("a listing carries no buttons")
                .isFalse();
    }

    @Test
    void aVoteIsCommittedBeforeTheVoterIsToldSoAnotherProcessSeesIt() throws Exception {
        api.enqueue(Updates.privateText(1, QUESTION).json());
        await().atMost(20, SECONDS).until(() -> api.delivered().size() == 1);
        String up = api.delivered()
                .get(0)
                .body()
                .at("/reply_markup/inline_keyboard/0/0/callback_data")
                .asText();

        press(2, "q-1", Updates.ALICE, up);

        // The moment the toast went out, a second connection to the file (as a restarted process
        // after a kill -9 would open) already reads the vote.
        try (StateStore other = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"))) {
            AnswerLog.Rated rated = other.answers().worstRated(1).get(0);
            assertThat(rated.up()).isEqualTo(1);
            assertThat(rated.question()).isEqualTo(QUESTION);
        }
    }

    @Test
    void othersAskingForFeedbackArePolitelyRefused() {
        api.enqueue(Updates.privateText(1, "/feedback").json());
        await().atMost(20, SECONDS).until(() -> api.delivered().size() == 1);

        assertThat(api.delivered().get(0).text()).isEqualTo("Sorry, only the bot's admins can see the feedback.");
    }

    @Test
    void aButtonThatIsNotAVoteIsStillAnsweredSoTheSpinnerStops() {
        JsonNode answer = press(1, "q-x", Updates.ALICE, "something-else");

        assertThat(answer.has("text")).isFalse();
        assertThat(testbed.store.answers().totals().up()).isZero();
    }

    @Test
    void anAbstentionCarriesNoButtonsButIsCountedAsAGap() {
        api.enqueue(Updates.privateText(1, "Who won the Harbor awards?").json());
        await().atMost(20, SECONDS).until(() -> api.delivered().size() == 1);

        assertThat(api.delivered().get(0).body().has("reply_markup")).isFalse();
        assertThat(testbed.store.answers().mostAskedUnanswered(5))
                .extracting(AnswerLog.Gap::question)
                .containsExactly("Who won the Harbor awards?");
    }

    /** Presses a button and returns the answerCallbackQuery the bot sent for it. */
    private JsonNode press(int updateId, String queryId, long user, String data) {
        api.enqueue(Updates.callbackQuery(updateId, queryId, user, Updates.PRIVATE_CHAT, 100_000, data));
        await().atMost(20, SECONDS).until(() -> answered(queryId).size() == 1);
        return answered(queryId).get(0);
    }

    private List<JsonNode> answered(String queryId) {
        return api.calls("answerCallbackQuery").stream()
                .map(FakeBotApi.Call::body)
                .filter(b -> b.path("callback_query_id").asText().equals(queryId))
                .toList();
    }

    /** Thumbs up and thumbs down on the one answer. */
    private List<Long> votes() {
        AnswerLog.Rated rated = testbed.store.answers().worstRated(1).get(0);
        return List.of(rated.up(), rated.down());
    }
}
