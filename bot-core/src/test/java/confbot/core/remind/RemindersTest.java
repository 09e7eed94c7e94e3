package confbot.core.remind;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.feedback.Feedback;
import confbot.core.schedule.ScheduleChange;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.FakeClock;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import confbot.core.testing.TidepoolSummit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions, reminders and change posts on a fixed clock over the Tidepool Summit catalog: the
 * keynote at 09:00 UTC, Kata and Harbor together at 10:00, the panel at 16:00; ten minutes' lead.
 */
final class RemindersTest {

    private static final LocalDateTime KEYNOTE_AT = LocalDateTime.parse("2026-12-10T09:00");
    private static final Instant EIGHT = Instant.parse("2026-12-10T08:00:00Z");
    private static final Duration LEAD = Duration.ofMinutes(10);
    private static final String GROUP = "-100";
    private static final String ADMIN = "telegram-admin";

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock(EIGHT);
    private final RecordingPoster telegram = new RecordingPoster(Platform.TELEGRAM);
    private StateStore store;
    private ConfBot bot;

    @BeforeEach
    void start() {
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        bot = ConfBot.create(
                Fixtures.knowledge(),
                TidepoolSummit.write(dir, KEYNOTE_AT),
                BotOptions.defaults().withAdmins(Set.of("telegram:" + ADMIN)).withClock(clock),
                Feedback.off(),
                SubscriptionDesk.to(store.subscriptions(), clock, LEAD));
    }

    @AfterEach
    void stop() {
        bot.close();
        store.close();
    }

    /** A new Reminders, as a restarted process builds it, over the same store. */
    private Reminders reminders() {
        return new Reminders(
                bot::library,
                store.subscriptions(),
                new SubscriberPosts(List.of(telegram), store.subscriptions()),
                clock,
                LEAD);
    }

    private Reply say(String text, Origin origin) {
        return bot.reply(new Inbound(text, Locale.ENGLISH, origin));
    }

    private static Origin group(String user, boolean manager) {
        return new Origin(Platform.TELEGRAM, GROUP, user, true, manager);
    }

    private static Origin privately(String user) {
        return new Origin(Platform.TELEGRAM, user, user, false);
    }

    @Test
    void aSubscribedGroupGetsEachReminderOnceAndTalksStartingTogetherInOneMessage() {
        Reply ack = say("/subscribe tidepool", group("5", true));
        assertThat(ack.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(ack.text()).contains("subscribed to Tidepool Summit").contains("10 minutes");
        Reminders reminders = reminders();

        clock.advance(Duration.ofMinutes(49)); // 08:49
        reminders.tick();
        assertThat(telegram.posts()).as("not due before 08:50").isEmpty();

        clock.advance(Duration.ofMinutes(1)); // 08:50
        reminders.tick();
        reminders.tick();
        assertThat(telegram.textsTo(GROUP)).hasSize(1);
        assertThat(telegram.textsTo(GROUP).get(0))
                .contains("Starting in 10 minutes")
                .contains("09:00 UTC")
                .contains(TidepoolSummit.KEYNOTE)
                .contains("Ana Sousa")
                .contains("https://tidepool.example.org/talk/1");

        clock.advance(Duration.ofMinutes(58)); // 09:48: the keynote is on, Kata and Harbor not yet due
        reminders.tick();
        assertThat(telegram.textsTo(GROUP)).hasSize(1);
        clock.advance(Duration.ofMinutes(3)); // 09:51
        reminders.tick();
        assertThat(telegram.textsTo(GROUP)).hasSize(2);
        assertThat(telegram.textsTo(GROUP).get(1))
                .as("two talks at 10:00, one message")
                .contains("Starting in 9 minutes")
                .contains(TidepoolSummit.KATA)
                .contains(TidepoolSummit.HARBOR)
                .doesNotContain(TidepoolSummit.KEYNOTE);
    }

    @Test
    void aSubscriptionToARoomHearsOnlyOfItsTalks() {
        assertThat(say("/subscribe tidepool room 2", group("5", true)).text()).contains("(Room 2)");
        Reminders reminders = reminders();

        clock.advance(Duration.ofMinutes(55));
        reminders.tick();
        clock.advance(Duration.ofHours(1));
        reminders.tick();

        assertThat(telegram.textsTo(GROUP)).hasSize(1);
        assertThat(telegram.textsTo(GROUP).get(0)).contains(TidepoolSummit.KATA).doesNotContain(TidepoolSummit.HARBOR);
    }

    @Test
    void aPlaceIsFoundByTheWordsItBeginsWithWhenOnlyOneHasThem() {
        assertThat(say("/subscribe tidepool regis", group("5", true)).text()).contains("(Registry)");
        Reply several = say("/subscribe tidepool r", group("5", true)); // Room 2, Runtime, Registry
        assertThat(several.kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(several.text())
                .contains("Room 2")
                .contains("Runtime")
                .contains("Registry")
                .doesNotContain("Main hall");
    }

    @Test
    void anUnknownRoomIsAPoliteReplyNamingTheRooms() {
        Reply reply = say("/subscribe tidepool Room 9", group("5", true));

        assertThat(reply.kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(reply.text())
                .contains("Room 9")
                .contains(TidepoolSummit.ROOM_2)
                .contains(TidepoolSummit.MAIN_HALL);
        assertThat(store.subscriptions().subscriptions()).isEmpty();
    }

    @Test
    void inAGroupOnlyItsManagersAndTheBotsAdminsMaySubscribeInAPrivateChatAnyone() {
        Reply refused = say("/subscribe", group("6", false));
        assertThat(refused.kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(refused.text()).contains("only its admins");
        assertThat(say("/unsubscribe", group("6", false)).text()).contains("only its admins");
        assertThat(store.subscriptions().subscriptions()).isEmpty();

        assertThat(say("/subscribe", group(ADMIN, false)).kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(say("/subscribe", privately("6")).kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(store.subscriptions().subscriptions())
                .extracting(s -> s.chatId())
                .containsExactly(GROUP, "6");

        assertThat(say("/unsubscribe", group("5", true)).text()).contains("Unsubscribed");
        assertThat(store.subscriptions().subscriptions())
                .extracting(s -> s.chatId())
                .containsExactly("6");
    }

    @Test
    void aRestartNeverPostsAReminderTwiceNorSkipsOneThatFellDueWhileItWasDownForLessThanTheLead() {
        say("/subscribe tidepool", group("5", true));
        clock.advance(Duration.ofMinutes(45)); // 08:45, then down until 08:58: the keynote fell due at 08:50
        reminders().tick();
        assertThat(telegram.posts()).isEmpty();

        clock.advance(Duration.ofMinutes(13)); // 08:58, a new process
        Reminders restarted = reminders();
        restarted.tick();
        assertThat(telegram.textsTo(GROUP)).hasSize(1);
        assertThat(telegram.textsTo(GROUP).get(0))
                .contains("Starting in 2 minutes")
                .contains(TidepoolSummit.KEYNOTE);

        reminders().tick(); // and another restart at the same moment
        assertThat(telegram.textsTo(GROUP))
                .as("claimed in the store: not again")
                .hasSize(1);

        clock.advance(Duration.ofMinutes(50)); // 09:48, down until 10:01: Kata and Harbor started meanwhile
        clock.advance(Duration.ofMinutes(13));
        reminders().tick();
        assertThat(telegram.textsTo(GROUP))
                .as("a talk that started is not announced late")
                .hasSize(1);
    }

    @Test
    void aChatClosedToTheBotEndsItsSubscriptionsWithOneWarningAndTellsTheSubscriber() {
        say("/subscribe tidepool", group("5", true));
        telegram.close(GROUP);
        Reminders reminders = reminders();

        try (LogCapture logs = LogCapture.of(SubscriberPosts.class)) {
            clock.advance(Duration.ofMinutes(51));
            reminders.tick();
            clock.advance(Duration.ofHours(1));
            reminders.tick();

            assertThat(logs.warnings()).hasSize(1);
            assertThat(logs.warnings().get(0)).contains("no longer post").contains(GROUP);
        }
        assertThat(store.subscriptions().subscriptions()).isEmpty();
        assertThat(telegram.posts()).hasSize(1);
        assertThat(telegram.posts().get(0).privately()).isTrue();
        assertThat(telegram.posts().get(0).to()).isEqualTo("5");
        assertThat(telegram.posts().get(0).text())
                .contains("can no longer post")
                .contains("/subscribe again");
    }

    @Test
    void remindFindsATalkByTitleWordsAndRemindsThatPersonOnce() {
        Reply several = say("/remind c", privately("8")); // Containers, Closing
        assertThat(several.text())
                .contains("Several")
                .contains(TidepoolSummit.KATA)
                .contains(TidepoolSummit.PANEL);
        assertThat(say("/remind quantum", privately("8")).text()).contains("No upcoming talk matches");
        assertThat(say("/remind kata", group("8", false)).text()).contains("private chat");

        Reply ok = say("/remind kata", privately("8"));
        assertThat(ok.text())
                .contains("remind you 10 minutes before")
                .contains(TidepoolSummit.KATA)
                .contains("2026-12-10 10:00 UTC");
        assertThat(say("/remind kata", privately("8")).text()).startsWith("Already noted");
        Reminders reminders = reminders();

        clock.advance(Duration.ofMinutes(100)); // 09:40
        reminders.tick();
        assertThat(telegram.posts()).isEmpty();
        clock.advance(Duration.ofMinutes(11)); // 09:51
        reminders.tick();
        reminders().tick();

        assertThat(telegram.posts()).hasSize(1);
        assertThat(telegram.posts().get(0).privately()).isTrue();
        assertThat(telegram.posts().get(0).to()).isEqualTo("8");
        assertThat(telegram.posts().get(0).text()).contains(TidepoolSummit.KATA).doesNotContain(TidepoolSummit.HARBOR);
    }

    @Test
    void eachChangeIsPostedOnceToEachChatSubscribedToItsRoomAndNotAgainAfterARestart() {
        say("/subscribe tidepool", group("5", true));
        say("/subscribe tidepool Room 2", privately("8"));
        ChangePoster poster = changePoster();
        ScheduleChange moved = new ScheduleChange(
                1,
                TidepoolSummit.ID,
                EnumSet.of(ScheduleChange.Kind.MOVED_TIME, ScheduleChange.Kind.MOVED_ROOM),
                Optional.of(TidepoolSummit.talk(
                        TidepoolSummit.HARBOR,
                        KEYNOTE_AT.plusHours(1),
                        TidepoolSummit.MAIN_HALL,
                        "Registry",
                        "Chen Jie")),
                Optional.of(TidepoolSummit.talk(
                        TidepoolSummit.HARBOR, KEYNOTE_AT.plusHours(2), TidepoolSummit.ROOM_2, "Registry", "Chen Jie")),
                EIGHT);
        ScheduleChange cancelled = new ScheduleChange(
                2,
                TidepoolSummit.ID,
                EnumSet.of(ScheduleChange.Kind.CANCELLED),
                Optional.of(TidepoolSummit.talk(
                        TidepoolSummit.PANEL,
                        KEYNOTE_AT.plusHours(7),
                        TidepoolSummit.MAIN_HALL,
                        "Keynote",
                        "Ana Sousa")),
                Optional.empty(),
                EIGHT);

        poster.changed(List.of(moved, cancelled));
        poster.changed(List.of(moved, cancelled));
        changePoster().changed(List.of(moved, cancelled)); // a restart that hears them again

        assertThat(telegram.textsTo(GROUP)).hasSize(1);
        assertThat(telegram.textsTo(GROUP).get(0))
                .contains("Schedule change at Tidepool Summit")
                .contains(
                        "“Harbor at scale”, now at 2026-12-10 11:00 UTC (was 2026-12-10 10:00 UTC), now in Room 2 (was Main hall)")
                .contains("Cancelled: “Closing panel”");
        assertThat(telegram.textsTo("8"))
                .as("Room 2: the talk that moved there, not the panel")
                .hasSize(1);
        assertThat(telegram.textsTo("8").get(0)).contains(TidepoolSummit.HARBOR).doesNotContain(TidepoolSummit.PANEL);

        say("/subscribe tidepool", privately("9"));
        poster.changed(List.of(moved, cancelled));
        assertThat(telegram.textsTo("9"))
                .as("a later subscriber starts after the changes heard")
                .isEmpty();
    }

    private ChangePoster changePoster() {
        return new ChangePoster(
                bot::library, store.subscriptions(), new SubscriberPosts(List.of(telegram), store.subscriptions()));
    }
}
