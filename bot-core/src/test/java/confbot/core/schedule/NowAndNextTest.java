package confbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.feedback.Feedback;
import confbot.core.testing.FakeClock;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LiveSchedule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /now and /next, and the free questions that mean them, over the Tidewater schedule fetched from
 * a local server, on a clock set to 09:40 in Berlin on the first day (07:40 UTC): talks 101 (Hall
 * A) and 102 (Room 2) are on, 103 (Hall A, 10:00) and 104 (Room 2, 10:30) come next.
 */
final class NowAndNextTest {

    @TempDir
    static Path dir;

    private static final FakeClock clock = new FakeClock(LiveSchedule.DAY_ONE_0940);
    private static LiveSchedule.Server server;
    private static ConfBot bot;

    @BeforeAll
    static void start() {
        server = LiveSchedule.Server.serving(LiveSchedule.FIRST);
        CatalogPoller poller = new CatalogPoller(
                List.of(CatalogPoller.Remote.in(dir, server.address())), CatalogPoller.client(), new CatalogReader());
        poller.fetchFirst();
        bot = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(true, List.of(), poller.copies()),
                BotOptions.defaults().withClock(clock),
                Feedback.off(),
                ScheduleChanges.inMemory(clock));
        poller.close();
    }

    @AfterAll
    static void stop() {
        bot.close();
        server.close();
    }

    @BeforeEach
    void atTwentyToTen() {
        clock.set(LiveSchedule.DAY_ONE_0940);
    }

    private static Reply reply(String text) {
        return reply(text, Locale.ENGLISH);
    }

    private static Reply reply(String text, Locale locale) {
        return bot.reply(new Inbound(text, locale, Origin.console()));
    }

    /** The part of a /now reply between "On now" and "Next". */
    private static String onNow(Reply r) {
        String text = r.text();
        return text.substring(text.indexOf("On now:"), text.indexOf("Next:"));
    }

    private static String next(Reply r) {
        return r.text().substring(r.text().indexOf("Next:"));
    }

    @Test
    void nowListsTheTalksOnAndNextWithTheirRoomsSpeakersAndLinksOnTheConferencesClock() {
        Reply r = reply("/now");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.text()).contains("09:40 Europe/Berlin");
        assertThat(onNow(r))
                .contains("09:00–09:45 Hall A: Opening the tide tables — Ana Duarte")
                .contains("09:30–10:15 Room 2: Batch windows without tears — Mei Lin")
                .doesNotContain("Reading the harbour logs", "Closing the locks");
        assertThat(next(r))
                .contains("10:00–10:40 Hall A: Reading the harbour logs — Omar Haddad")
                .contains("10:30–11:00 Room 2: Small boats, small queues — Chen Jing")
                .doesNotContain("Opening the tide tables");
        assertThat(r.sources())
                .extracting(Source::url)
                .contains(URI.create("https://pretalx.example.org/tide2030/talk/T101/"));
    }

    @Test
    void theClockMovesWhatIsOn() {
        clock.set(Instant.parse("2030-05-14T08:20:00Z")); // 10:20 in Berlin

        Reply r = reply("/now");

        assertThat(onNow(r)).contains("Reading the harbour logs").doesNotContain("Opening the tide tables");
        assertThat(next(r)).contains("Small boats, small queues");
    }

    @Test
    void nextInARoomOrTrackListsOnlyItsTalks() {
        Reply room = reply("/next room 2");
        Reply track = reply("/next Runtime");

        assertThat(room.text()).contains("Small boats, small queues").doesNotContain("Reading the harbour logs");
        assertThat(track.text()).contains("Reading the harbour logs").doesNotContain("Small boats");
        assertThat(reply("/next Room 9").kind()).isEqualTo(Reply.Kind.NOT_COVERED);
        assertThat(reply("/next Room 9").text()).contains("Room 9");
    }

    @Test
    void freeQuestionsInEitherLanguageAreNowAndNext() {
        record Case(String question, String expected, String absent) {}
        for (Case c : List.of(
                new Case("what's on now?", "On now:", "正在进行"),
                new Case("What is happening right now?", "Opening the tide tables", "正在进行"),
                new Case("现在在讲什么", "正在进行：", "On now"),
                new Case("现在有什么演讲？", "Batch windows without tears", "On now"),
                new Case("what's next in room 2", "Small boats, small queues", "Reading the harbour logs"),
                new Case("Room 2 下一场是什么？", "Small boats, small queues", "Reading the harbour logs"),
                new Case("What's coming up?", "Reading the harbour logs", "On now"))) {
            Reply r = reply(c.question());

            assertThat(r.kind()).as(c.question()).isEqualTo(Reply.Kind.LISTING);
            assertThat(r.text()).as(c.question()).contains(c.expected()).doesNotContain(c.absent());
        }
    }

    @Test
    void questionsForTheNotesAreNotTakenForNowOrNext() {
        for (String question :
                List.of("What's next for Kubernetes?", "Who presented Tidewater in 2019?", "What is the venue now?")) {
            Reply r = reply(question);

            assertThat(r.text()).as(question).doesNotContain("Next:", "On now:");
        }
    }

    @Test
    void aChineseInterfaceHearsChinese() {
        Reply r = reply("/now", Locale.SIMPLIFIED_CHINESE);

        assertThat(r.text()).contains("正在进行：", "接下来：", "Opening the tide tables");
    }

    @Test
    void beforeTheConferenceSaysWhenItStarts() {
        clock.set(Instant.parse("2030-04-30T10:00:00Z"));

        Reply en = reply("/now");
        Reply zh = reply("现在在讲什么");

        assertThat(en.text()).contains("No conference is on right now", "2030-05-14", "in 14 days");
        assertThat(zh.text()).contains("现在没有进行中的大会", "2030-05-14", "14 天");
    }

    @Test
    void afterEveryKnownConferenceSaysNoneIsScheduled() {
        clock.set(Instant.parse("2031-01-10T10:00:00Z"));

        Reply r = reply("/next");

        assertThat(r.kind()).isEqualTo(Reply.Kind.NOT_COVERED);
        assertThat(r.text()).contains("none I know of is scheduled");
    }

    @Test
    void theLastDayLooksPastTheEndOfTheFirst() {
        clock.set(Instant.parse("2030-05-14T18:00:00Z")); // 20:00, the first day's talks are over

        Reply r = reply("/next");

        assertThat(r.text()).contains("2030-05-15 09:00–09:30 Hall A: Closing the locks");
    }
}
