package confbot.core.remind;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.feedback.Feedback;
import confbot.core.schedule.CatalogPoller;
import confbot.core.schedule.ScheduleChanges;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LiveSchedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two halves of issue 11 together: a schedule published on a local HTTP server is polled, the
 * new version's changes are stored, and the {@link ChangePoster} listening to the bot's {@link
 * ScheduleChanges} posts them once to the chat subscribed to the conference; a poster started
 * after the changes were stored (a restart) catches up on them from the change log, once.
 */
final class PolledChangesPostedTest {

    private static final String CHAT = "42";

    @TempDir
    Path dir;

    private final Clock clock = LiveSchedule.clockAt(LiveSchedule.DAY_ONE_0940);
    private final RecordingPoster telegram = new RecordingPoster(Platform.TELEGRAM);
    private LiveSchedule.Server server;
    private StateStore store;
    private CatalogPoller poller;
    private ScheduleChanges schedule;
    private ConfBot bot;

    @BeforeEach
    void start() {
        server = LiveSchedule.Server.serving(LiveSchedule.FIRST);
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        poller = new CatalogPoller(
                List.of(CatalogPoller.Remote.in(dir.resolve("copies"), server.address())),
                CatalogPoller.client(),
                new CatalogReader());
        poller.fetchFirst();
        schedule = new ScheduleChanges(store.scheduleChanges(), clock);
        bot = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(true, List.of(), poller.copies()),
                BotOptions.defaults().withClock(clock),
                Feedback.off(),
                SubscriptionDesk.to(store.subscriptions(), clock, Duration.ofMinutes(10)),
                schedule);
    }

    @AfterEach
    void stop() {
        poller.close();
        bot.close();
        store.close();
        server.close();
    }

    /** A ChangePoster as the composition root builds one, over the same store. */
    private ChangePoster changePoster() {
        return new ChangePoster(
                bot::library, store.subscriptions(), new SubscriberPosts(List.of(telegram), store.subscriptions()));
    }

    private Reply subscribe(String user) {
        return bot.reply(
                new Inbound("/subscribe 2030", Locale.ENGLISH, new Origin(Platform.TELEGRAM, user, user, false)));
    }

    /** One poll that finds the changed version, and the reload it sets off. */
    private void publishChangedAndPoll() {
        server.publish(LiveSchedule.CHANGED);
        assertThat(poller.pollOnce()).isTrue();
        bot.tryReload();
    }

    @Test
    void aChangeFoundByPollingIsPostedOnceToTheSubscribedChat() {
        assertThat(subscribe(CHAT).text()).contains("subscribed to");
        changePoster().listenTo(schedule);
        assertThat(telegram.posts()).as("nothing changed yet").isEmpty();

        publishChangedAndPoll();
        // The same version again: a 304 and a reload that finds nothing new.
        assertThat(poller.pollOnce()).isFalse();
        bot.tryReload();

        assertThat(telegram.textsTo(CHAT)).hasSize(1);
        assertThat(telegram.posts().get(0).privately())
                .as("a private chat is posted to its owner")
                .isTrue();
        assertThat(telegram.textsTo(CHAT).get(0))
                .contains("Schedule change")
                .contains("Small boats, small queues")
                .contains("A late addition")
                .contains("Reading the harbour logs");
    }

    @Test
    void changesStoredWhileNoPosterListenedArePostedOnceAtTheNextStart() {
        subscribe(CHAT);
        publishChangedAndPoll(); // stored, but the process "crashed" before posting them
        assertThat(telegram.posts()).isEmpty();

        changePoster().listenTo(schedule); // the restart catches up from the change log
        changePoster().listenTo(schedule); // and one more: nothing is posted twice

        assertThat(telegram.textsTo(CHAT)).hasSize(1);
        assertThat(telegram.textsTo(CHAT).get(0)).contains("Small boats, small queues");

        subscribe("43");
        changePoster().listenTo(schedule);
        assertThat(telegram.textsTo("43"))
                .as("a later subscriber starts after the changes heard")
                .isEmpty();
    }
}
