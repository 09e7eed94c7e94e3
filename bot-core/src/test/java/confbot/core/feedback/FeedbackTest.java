package confbot.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.Vote;
import confbot.core.chat.VoteButton;
import confbot.core.chat.VoteReceipt;
import confbot.core.state.AnswerLog;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.FakeClock;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's side of feedback, over the fixture knowledge and a real SQLite store. */
final class FeedbackTest {

    private static final String ANSWERED = "How many batch jobs per hour does Tidewater drain?";
    private static final String NOT_COVERED = "Who won the Harbor awards?";
    private static final Origin ALICE = new Origin(Platform.TELEGRAM, "100", "1", false);
    private static final Origin BOB = new Origin(Platform.TELEGRAM, "-200", "2", true);
    private static final Origin ADMIN = new Origin(Platform.TELEGRAM, "300", "42", false);

    @TempDir
    Path dir;

    private StateStore store;
    private ConfBot bot;
    private final FakeClock clock = new FakeClock();

    @BeforeEach
    void open() {
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        bot = ConfBot.create(
                Fixtures.knowledge(),
                Setup.builtinOnly(),
                BotOptions.defaults().withAdmins(Set.of("telegram:42")),
                Feedback.to(store.answers(), clock));
    }

    @AfterEach
    void close() {
        bot.close();
        store.close();
    }

    private Reply ask(Origin who, String text) {
        return bot.reply(new Inbound(text, Locale.ENGLISH, who));
    }

    private VoteReceipt vote(Origin who, String answerId, Vote.Rating rating) {
        return bot.vote(new Vote(answerId, rating, who, Locale.ENGLISH));
    }

    @Test
    void anAnswerCarriesAnIdThatFitsInButtonDataAndIsTheSameForTheSameAnswer() {
        Reply first = ask(ALICE, ANSWERED);
        Reply again = ask(BOB, "  " + ANSWERED);

        assertThat(first.kind()).isEqualTo(Reply.Kind.ANSWER);
        String id = first.answerId().orElseThrow();
        assertThat(again.answerId()).contains(id);
        for (VoteButton button : VoteButton.both(id)) {
            assertThat(button.data().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .as("Telegram's callback data holds 64 bytes")
                    .hasSizeLessThanOrEqualTo(64);
            assertThat(VoteButton.parse(button.data())).contains(button);
        }
    }

    @Test
    void listingsUsageAndAbstentionsCarryNoButtons() {
        assertThat(ask(ALICE, "/help").answerId()).isEmpty();
        assertThat(ask(ALICE, "/ask").answerId()).isEmpty();
        Reply abstained = ask(ALICE, NOT_COVERED);
        assertThat(abstained.kind()).isEqualTo(Reply.Kind.NOT_COVERED);
        assertThat(abstained.answerId()).isEmpty();
    }

    @Test
    void votesAreOnePerPersonPerAnswerAndThePersonCanChangeTheirs() {
        String id = ask(ALICE, ANSWERED).answerId().orElseThrow();

        assertThat(vote(ALICE, id, Vote.Rating.UP).outcome()).isEqualTo(VoteReceipt.Outcome.RECORDED);
        assertThat(vote(ALICE, id, Vote.Rating.UP).outcome()).isEqualTo(VoteReceipt.Outcome.UNCHANGED);
        VoteReceipt changed = vote(ALICE, id, Vote.Rating.DOWN);
        assertThat(changed.outcome()).isEqualTo(VoteReceipt.Outcome.CHANGED);
        assertThat(changed.text()).contains("👎");
        assertThat(vote(BOB, id, Vote.Rating.DOWN).outcome()).isEqualTo(VoteReceipt.Outcome.RECORDED);

        AnswerLog.Rated rated = store.answers().worstRated(5).get(0);
        assertThat(rated.down()).isEqualTo(2);
        assertThat(rated.up()).isZero();
        assertThat(rated.question()).isEqualTo(ANSWERED);
        assertThat(rated.sources()).isNotEmpty();
        assertThat(rated.knowledgeVersion()).matches("[0-9a-f]{12}");
        assertThat(rated.timesAsked()).isEqualTo(1);
    }

    @Test
    void aVoteOnAnUnknownAnswerIsRefusedPolitely() {
        VoteReceipt receipt = vote(ALICE, "madeUpAnswerId00", Vote.Rating.UP);

        assertThat(receipt.outcome()).isEqualTo(VoteReceipt.Outcome.UNKNOWN_ANSWER);
        assertThat(receipt.stored()).isFalse();
        assertThat(receipt.text()).isNotBlank();
    }

    @Test
    void feedbackShowsCountsTheWorstRatedAnswersAndTheMostAskedGaps() {
        String id = ask(ALICE, ANSWERED).answerId().orElseThrow();
        vote(ALICE, id, Vote.Rating.DOWN);
        vote(BOB, id, Vote.Rating.UP);
        ask(ALICE, NOT_COVERED);
        clock.advance(java.time.Duration.ofMinutes(1));
        ask(BOB, "who won the harbor awards");
        ask(ALICE, "What is the capital of Mongolia?");

        Reply report = ask(ADMIN, "/feedback");

        assertThat(report.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(report.text())
                .contains("Feedback: 1 distinct answer given (asked once), 👍 1, 👎 1.")
                .contains("Not covered by the notes: 2 questions (asked 3 times).")
                .contains("1. 👎 1 👍 1 — " + ANSWERED + " (asked once)")
                .contains("1. who won the harbor awards — asked 2 times")
                .contains("2. What is the capital of Mongolia? — asked once");
        assertThat(report.answerId()).isEmpty();
    }

    @Test
    void feedbackIsForAdminsOnlyOthersArePolitelyRefused() {
        Reply refused = ask(ALICE, "/feedback");

        assertThat(refused.kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(refused.text()).isEqualTo("Sorry, only the bot's admins can see the feedback.");
        assertThat(bot.reply(new Inbound("/feedback", Locale.CHINESE, BOB)).text())
                .isEqualTo("抱歉，只有机器人的管理员可以查看反馈。");
        assertThat(bot.reply(Fixtures.inbound("/feedback")).kind())
                .as("the terminal is no admin either, as for /reload")
                .isEqualTo(Reply.Kind.USAGE);
    }

    @Test
    void aCachedAnswerIsCountedAgainAndKeepsItsId() {
        String id = ask(ALICE, ANSWERED).answerId().orElseThrow();
        ask(BOB, ANSWERED);
        ask(ALICE, ANSWERED);

        vote(ALICE, id, Vote.Rating.UP);
        assertThat(store.answers().worstRated(1).get(0).timesAsked()).isEqualTo(3);
        assertThat(store.answers().totals().askedAnswered()).isEqualTo(3);
    }

    @Test
    void aStoreThatFailsCostsTheButtonsNotTheAnswerWithOneWarning() {
        try (LogCapture log = LogCapture.of(Feedback.class)) {
            store.close();

            Reply first = ask(ALICE, ANSWERED);
            Reply second = ask(BOB, ANSWERED);

            assertThat(first.kind()).isEqualTo(Reply.Kind.ANSWER);
            assertThat(first.answerId()).isEmpty();
            assertThat(second.answerId()).isEmpty();
            assertThat(log.warnings()).singleElement().asString().startsWith("Cannot record answers for feedback");
            VoteReceipt receipt = vote(ALICE, "whatever", Vote.Rating.UP);
            assertThat(receipt.outcome()).isEqualTo(VoteReceipt.Outcome.FAILED);
            assertThat(receipt.text()).startsWith("Sorry, your vote could not be saved");
        }
    }

    @Test
    void theKnowledgeVersionIsADigestOfThePassagesTheSameInEveryProcess() {
        Feedback feedback = Feedback.off();
        var passages = Fixtures.library().index().passages();

        String version = feedback.knowledgeVersion(passages);

        assertThat(version).isEqualTo(Feedback.off().knowledgeVersion(List.copyOf(passages)));
        assertThat(feedback.knowledgeVersion(passages.subList(1, passages.size())))
                .isNotEqualTo(version);
    }

    @Test
    void buttonDataThatIsNotOursIsNotAVote() {
        assertThat(VoteButton.parse("fb:u:abc")).contains(new VoteButton("abc", Vote.Rating.UP));
        assertThat(VoteButton.parse("fb:d:abc")).contains(new VoteButton("abc", Vote.Rating.DOWN));
        for (String data : List.of("", "fb:", "fb:x:abc", "fb:u:", "fb:u:a b", "fb:u:" + "a".repeat(33), "other")) {
            assertThat(VoteButton.parse(data)).as(data).isEmpty();
        }
        assertThat(VoteButton.parse(null)).isEmpty();
    }
}
