package confbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.KnowledgeWatcher;
import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.catalog.Talk;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Reply;
import confbot.core.feedback.Feedback;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LiveSchedule;
import confbot.core.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule published on a local HTTP server, polled with its ETag: a 304 finds nothing; a new
 * version is read, compared talk by talk with the one loaded, stored in the state file, listed by
 * /changes and heard once by the listeners; a failed or empty version is one warning and the bot
 * goes on answering from the old one.
 */
final class SchedulePollingTest {

    @TempDir
    Path dir;

    private final Clock clock = LiveSchedule.clockAt(LiveSchedule.DAY_ONE_0940);
    private final List<List<ScheduleChange>> heard = new CopyOnWriteArrayList<>();
    private final LogCapture log = LogCapture.of(CatalogPoller.class);
    private LiveSchedule.Server server;
    private StateStore store;
    private CatalogPoller poller;
    private ConfBot bot;

    @BeforeEach
    void start() {
        server = LiveSchedule.Server.serving(LiveSchedule.FIRST);
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        poller = poller();
        poller.fetchFirst();
        ScheduleChanges changes = new ScheduleChanges(store.scheduleChanges(), clock);
        changes.addListener(heard::add);
        bot = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(true, List.of(), poller.copies()),
                BotOptions.defaults().withClock(clock),
                Feedback.off(),
                changes);
    }

    private CatalogPoller poller() {
        return new CatalogPoller(
                List.of(CatalogPoller.Remote.in(dir.resolve("copies"), server.address())),
                CatalogPoller.client(),
                new CatalogReader());
    }

    @AfterEach
    void stop() {
        poller.close();
        bot.close();
        store.close();
        server.close();
        log.close();
    }

    private Reply reply(String text) {
        return bot.reply(new Inbound(text, Locale.ENGLISH, Origin.console()));
    }

    private static Map<String, java.util.Set<ScheduleChange.Kind>> byTitle(List<ScheduleChange> changes) {
        return changes.stream().collect(Collectors.toMap(c -> c.talk().title(), ScheduleChange::kinds));
    }

    @Test
    void anUnchangedScheduleIsA304AndFindsNothing() {
        assertThat(poller.pollOnce()).isFalse();

        assertThat(server.notModified()).isEqualTo(1);
        assertThat(server.conditions()).containsExactly("", "\"v1\"");
        bot.tryReload();
        assertThat(heard).isEmpty();
        assertThat(store.scheduleChanges().latest(java.util.Optional.empty(), 10))
                .isEmpty();
        assertThat(reply("/changes").text()).contains("No schedule changes");
    }

    @Test
    void aNewVersionIsComparedTalkByTalkStoredListedAndHeardOnce() {
        server.publish(LiveSchedule.CHANGED);

        assertThat(poller.pollOnce()).isTrue();
        bot.tryReload();

        assertThat(heard).hasSize(1);
        List<ScheduleChange> batch = heard.get(0);
        assertThat(byTitle(batch))
                .containsOnly(
                        Map.entry("Batch windows without tears", java.util.Set.of(ScheduleChange.Kind.MOVED_TIME)),
                        Map.entry("Reading the harbour logs", java.util.Set.of(ScheduleChange.Kind.MOVED_ROOM)),
                        Map.entry("Small boats, small queues", java.util.Set.of(ScheduleChange.Kind.CANCELLED)),
                        Map.entry("Closing the locks", java.util.Set.of(ScheduleChange.Kind.SPEAKERS_CHANGED)),
                        Map.entry("A late addition", java.util.Set.of(ScheduleChange.Kind.NEW)));
        assertThat(batch).extracting(ScheduleChange::id).isSorted().doesNotHaveDuplicates();
        assertThat(batch).allSatisfy(c -> assertThat(c.conference())
                .isEqualTo(batch.get(0).conference()));
        assertThat(store.scheduleChanges().latest(java.util.Optional.empty(), 10))
                .extracting(ScheduleChange::id)
                .containsExactlyInAnyOrderElementsOf(
                        batch.stream().map(ScheduleChange::id).toList());

        // The same version again: a 304, no reload finds anything, nobody hears it twice.
        assertThat(poller.pollOnce()).isFalse();
        bot.tryReload();
        assertThat(server.conditions()).last().isEqualTo("\"v2\"");
        assertThat(heard).hasSize(1);

        String changes = reply("/changes").text();
        assertThat(changes)
                .contains(
                        "Batch windows without tears — Mei Lin — moved to 2030-05-14 11:00, Room 2 (was 2030-05-14 09:30, Room 2)")
                .contains("Reading the harbour logs — Omar Haddad — now in Room 2 (was Hall A)")
                .contains("Small boats, small queues — Chen Jing — cancelled")
                .contains("speakers now Li Na, Jonas Berg (was Li Na)")
                .contains("A late addition — Ana Duarte — new: 2030-05-14 11:00, Hall A");
        assertThat(reply("/changes 2030").text())
                .startsWith("Latest schedule changes of Tidewater Days 2030")
                .contains("Small boats, small queues — Chen Jing — cancelled");
        assertThat(reply("/changes 2018").text()).contains("No schedule changes");
    }

    @Test
    void aNewVersionIsWhatNowAndNextAnswerFrom() {
        server.publish(LiveSchedule.CHANGED);
        poller.pollOnce();
        bot.tryReload();

        Reply next = reply("/next");

        assertThat(next.text())
                .contains("10:00–10:40 Room 2: Reading the harbour logs")
                .contains("11:00–11:30 Hall A: A late addition")
                .doesNotContain("Small boats");
        assertThat(reply("/slides late addition").text()).contains("A late addition");
    }

    @Test
    void thePollersOwnThreadReloadsAndTheListenerHearsOnce() {
        bot.poll(poller, Duration.ofMillis(100));
        // The copy is the poller's to reload for: the watcher, started after, leaves it alone.
        KnowledgeWatcher watcher = bot.watchKnowledge();
        server.publish(LiveSchedule.CHANGED);

        await().atMost(Duration.ofSeconds(20)).until(() -> !heard.isEmpty());
        int requests = server.requests();
        await().atMost(Duration.ofSeconds(20)).until(() -> server.requests() >= requests + 3);

        assertThat(heard).hasSize(1);
        assertThat(heard.get(0)).hasSize(5);
        assertThat(bot.library().catalog().talks()).extracting(Talk::title).contains("A late addition");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> bot.reloadCount() == 1);
        watcher.close();
    }

    @Test
    void aLocalCatalogSavedAgainIsWatchedAndComparedTheSameWay() throws Exception {
        Path file = Files.write(dir.resolve("tidewater.json"), LiveSchedule.bytes(LiveSchedule.FIRST));
        List<List<ScheduleChange>> local = new CopyOnWriteArrayList<>();
        ScheduleChanges changes = new ScheduleChanges(store.scheduleChanges(), clock);
        changes.addListener(local::add);
        try (ConfBot watched = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(true, List.of(), List.of(file)),
                BotOptions.defaults().withClock(clock),
                Feedback.off(),
                changes)) {
            KnowledgeWatcher watcher = watched.watchKnowledge();
            Files.write(file, LiveSchedule.bytes(LiveSchedule.CHANGED));

            await().atMost(Duration.ofSeconds(20)).until(() -> !local.isEmpty());
            assertThat(local).singleElement().satisfies(batch -> assertThat(byTitle(batch))
                    .containsEntry("Small boats, small queues", java.util.Set.of(ScheduleChange.Kind.CANCELLED))
                    .hasSize(5));
            watcher.close();
        }
    }

    @Test
    void aFailedPollIsOneWarningAndTheOldVersionKeepsAnswering() {
        server.failWith(500);

        assertThat(poller.pollOnce()).isFalse();

        assertThat(log.warnings())
                .singleElement()
                .asString()
                .contains(server.address().toString(), "HTTP 500");
        assertThat(reply("/now").text()).contains("Opening the tide tables");
    }

    @Test
    void aVersionWithoutTalksIsRefusedWithOneWarning() throws Exception {
        server.publish(LiveSchedule.NO_TALKS);

        assertThat(poller.pollOnce()).isFalse();

        assertThat(log.warnings()).singleElement().asString().contains("no talks");
        assertThat(Files.readAllBytes(poller.copies().get(0))).isEqualTo(LiveSchedule.bytes(LiveSchedule.FIRST));
        bot.tryReload();
        assertThat(heard).isEmpty();
        assertThat(reply("/now").text()).contains("Opening the tide tables");
    }

    @Test
    void anUnreachableServerIsOneWarning() {
        server.close();

        assertThat(poller.pollOnce()).isFalse();

        assertThat(log.warnings())
                .singleElement()
                .asString()
                .contains(server.address().toString());
    }

    @Test
    void aStartWithoutTheServerUsesTheCopyKeptOrFailsNamingTheAddress() {
        server.close();

        CatalogPoller again = poller();
        again.fetchFirst();
        assertThat(log.warnings()).singleElement().asString().contains("starting from the copy kept");

        CatalogPoller elsewhere = new CatalogPoller(
                List.of(CatalogPoller.Remote.in(dir.resolve("empty"), server.address())),
                CatalogPoller.client(),
                new CatalogReader());
        assertThatThrownBy(elsewhere::fetchFirst)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(server.address().toString())
                .hasMessageContaining("no earlier copy");
    }
}
