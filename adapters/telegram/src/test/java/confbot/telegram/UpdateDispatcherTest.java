package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.state.Inbox;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The inbox side of the adapter on a real SQLite file: each update journaled before it is handed
 * on, handled once however often it is delivered, marked done with its outcome, and what a run left
 * unanswered answered by the next, oldest first, unless it is too old.
 */
final class UpdateDispatcherTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final TestClock clock = new TestClock(Updates.NOW);
    private final List<Integer> handled = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> outcomes = new ConcurrentHashMap<>();
    private final List<DoneWriter> writers = new CopyOnWriteArrayList<>();
    private StateStore store;
    private UpdateDispatcher dispatcher;
    private LogCapture logs;

    @BeforeEach
    void open() {
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        dispatcher = newDispatcher("answered");
        logs = LogCapture.of(UpdateDispatcher.class);
    }

    @AfterEach
    void close() {
        dispatcher.drain(Duration.ofSeconds(5));
        writers.forEach(w -> w.close(Duration.ofSeconds(5)));
        logs.close();
        store.close();
    }

    @Test
    void journalsEachUpdateBeforeHandingItOnAndMarksItDoneWithItsOutcome() {
        dispatcher.consume(updates(1, 2));
        awaitHandled(2);

        assertThat(handled).containsExactlyInAnyOrder(1, 2);
        assertThat(dispatcher.highestJournaled()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.inbox().pending(UpdateDispatcher.PLATFORM).isEmpty());
    }

    @Test
    void handlesARedeliveredUpdateOnlyOnceEvenAfterARestart() {
        dispatcher.consume(updates(1, 2));
        dispatcher.consume(updates(2, 3));
        awaitHandled(3);
        dispatcher.drain(Duration.ofSeconds(5));
        dispatcher = newDispatcher("answered");
        dispatcher.consume(updates(3, 4));
        awaitHandled(4);

        assertThat(handled).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void onceStoppingJournalsButHandsNothingOnAndTheNextStartAnswersIt() {
        dispatcher.consume(updates(1));
        awaitHandled(1);
        dispatcher.drain(Duration.ofSeconds(5));
        dispatcher.consume(updates(2, 3));

        assertThat(handled).containsExactly(1);
        assertThat(dispatcher.highestJournaled())
                .as("journaled, so safe to confirm")
                .isEqualTo(3);

        dispatcher = newDispatcher("answered");
        dispatcher.replay(Duration.ofHours(24));
        awaitHandled(3);

        assertThat(handled).containsExactly(1, 2, 3);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.inbox().pending(UpdateDispatcher.PLATFORM).isEmpty());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.inbox().pending(UpdateDispatcher.PLATFORM).isEmpty());
    }

    @Test
    void replaySkipsWhatIsOlderThanTheMaximumAgeWithOneInfoLine() {
        UpdateDispatcher stopped = newDispatcher("answered");
        stopped.stopAccepting();
        stopped.consume(updates(1, 2));
        clock.advance(Duration.ofHours(20));
        stopped.consume(updates(3));
        clock.advance(Duration.ofHours(5));

        dispatcher.replay(Duration.ofHours(24));
        awaitHandled(1);

        assertThat(handled).containsExactly(3);
        assertThat(logs.messages(Level.INFO, ""))
                .containsExactly(
                        "Skipped 2 journaled update(s) older than 24 h; their askers have moved on",
                        "Answering 1 journaled update(s) left unanswered by the last run");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> store.inbox().pending(UpdateDispatcher.PLATFORM).isEmpty());
    }

    @Test
    void anUpdateWhoseAnswerIsStillOnItsWayIsNotDone() throws Exception {
        UpdateDispatcher pending = new UpdateDispatcher(
                store.inbox(),
                json,
                clock,
                (u, done) -> handled.add(u.getUpdateId()),
                workers(),
                doneWriter(),
                DeliveryEvents.none());
        pending.consume(updates(7));
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains(7));
        pending.drain(Duration.ofSeconds(5));

        assertThat(store.inbox().pending(UpdateDispatcher.PLATFORM))
                .extracting(Inbox.Entry::updateId)
                .containsExactly(7L);
    }

    @Test
    void replayOrdersOldestFirstAndReadsBackTheWholeUpdate() {
        UpdateDispatcher stopped = newDispatcher("answered");
        stopped.stopAccepting();
        stopped.consume(
                List.of(parse(Updates.privateText(5, "first question").json().toString())));
        clock.advance(Duration.ofSeconds(1));
        stopped.consume(
                List.of(parse(Updates.groupText(4, "@ItsBot second").json().toString())));
        List<String> texts = new CopyOnWriteArrayList<>();
        dispatcher = new UpdateDispatcher(
                store.inbox(),
                json,
                clock,
                (u, done) -> {
                    texts.add(u.getMessage().getText());
                    done.accept("answered");
                },
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()),
                doneWriter(),
                DeliveryEvents.none());

        dispatcher.replay(Duration.ofHours(24));
        await().atMost(Duration.ofSeconds(5)).until(() -> texts.size() == 2);

        assertThat(texts).containsExactly("first question", "@ItsBot second");
    }

    private void awaitHandled(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() >= count);
    }

    private UpdateDispatcher newDispatcher(String outcome) {
        return new UpdateDispatcher(
                store.inbox(),
                json,
                clock,
                (u, done) -> {
                    handled.add(u.getUpdateId());
                    outcomes.put(u.getUpdateId(), outcome);
                    done.accept(outcome);
                },
                workers(),
                doneWriter(),
                DeliveryEvents.none());
    }

    private DoneWriter doneWriter() {
        DoneWriter writer = new DoneWriter(store.inbox(), UpdateDispatcher.PLATFORM, Thread::new);
        writers.add(writer);
        return writer;
    }

    private static ThreadPoolExecutor workers() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }

    private Update parse(String raw) {
        try {
            return json.readValue(raw, Update.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Update> updates(int... ids) {
        return Arrays.stream(ids)
                .mapToObj(id -> {
                    Update update = new Update();
                    update.setUpdateId(id);
                    return update;
                })
                .toList();
    }
}
