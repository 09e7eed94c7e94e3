package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import confbot.core.state.Inbox;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.state.StateStoreException;
import confbot.core.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes marked done on a real SQLite file: what gathers during one commit goes in the next, and a stop writes all. */
final class DoneWriterTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private StateStore store;
    private LogCapture logs;

    @BeforeEach
    void open() {
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        logs = LogCapture.of(DoneWriter.class);
    }

    @AfterEach
    void close() {
        logs.close();
        store.close();
    }

    @Test
    void marksWhatGatheredDuringACommitInTheNextOne() throws Exception {
        record(1, 2, 3, 4);
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Long>> commits = new CopyOnWriteArrayList<>();
        Inbox slowFirstCommit = new RecordingInbox(store.inbox(), commits) {
            @Override
            public void markDone(String platform, List<Done> done) {
                if (commits.isEmpty()) {
                    firstCommitStarted.countDown();
                    awaitQuietly(release);
                }
                super.markDone(platform, done);
            }
        };
        DoneWriter writer = new DoneWriter(slowFirstCommit, UpdateDispatcher.PLATFORM, Thread::new);

        writer.add(1, "answered", T0);
        assertThat(firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
        writer.add(2, "answered", T0);
        writer.add(3, "ignored", T0);
        writer.add(4, "failed", T0);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.size() == 2);
        writer.close(Duration.ofSeconds(5));

        assertThat(commits).containsExactly(List.of(1L), List.of(2L, 3L, 4L));
        assertThat(store.inbox().pending(UpdateDispatcher.PLATFORM)).isEmpty();
    }

    @Test
    void aStopWritesEverythingQueuedBeforeItReturns() {
        long[] ids = LongStream.rangeClosed(1, 500).toArray();
        record(ids);
        DoneWriter writer = new DoneWriter(store.inbox(), UpdateDispatcher.PLATFORM, Thread::new);

        for (long id : ids) {
            writer.add(id, "answered", T0);
        }
        assertThat(writer.close(Duration.ofSeconds(10))).isTrue();

        assertThat(store.inbox().pending(UpdateDispatcher.PLATFORM)).isEmpty();
        writer.add(1000, "answered", T0); // after the stop: dropped, nothing thrown
    }

    @Test
    void aStoreThatFailsCostsOneWarningPerCommitAndTheWriterGoesOn() {
        record(1, 2);
        List<List<Long>> commits = new CopyOnWriteArrayList<>();
        Inbox failingOnce = new RecordingInbox(store.inbox(), commits) {
            @Override
            public void markDone(String platform, List<Done> done) {
                if (done.get(0).updateId() == 1) {
                    throw new StateStoreException("state store (test): disk I/O error");
                }
                super.markDone(platform, done);
            }
        };
        DoneWriter writer = new DoneWriter(failingOnce, UpdateDispatcher.PLATFORM, Thread::new);

        writer.add(1, "answered", T0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !logs.messages(Level.WARN, "").isEmpty());
        writer.add(2, "answered", T0);
        writer.close(Duration.ofSeconds(5));

        assertThat(logs.messages(Level.WARN, ""))
                .containsExactly("1 update(s) are done but could not be marked so; the next start may answer them"
                        + " again: state store (test): disk I/O error");
        assertThat(store.inbox().pending(UpdateDispatcher.PLATFORM))
                .extracting(Inbox.Entry::updateId)
                .containsExactly(1L);
    }

    private void record(long... ids) {
        Set<Long> fresh = store.inbox()
                .record(
                        UpdateDispatcher.PLATFORM,
                        LongStream.of(ids)
                                .mapToObj(id -> new Inbox.Entry(id, T0, "{\"update_id\":" + id + "}"))
                                .toList());
        assertThat(fresh).hasSize(ids.length);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real inbox, noting the ids of each batch it was asked to mark. */
    private static class RecordingInbox implements Inbox {
        private final Inbox inner;
        private final List<List<Long>> commits;

        RecordingInbox(Inbox inner, List<List<Long>> commits) {
            this.inner = inner;
            this.commits = commits;
        }

        @Override
        public Set<Long> record(String platform, List<Entry> entries) {
            return inner.record(platform, entries);
        }

        @Override
        public void markDone(String platform, List<Done> done) {
            inner.markDone(platform, done);
            commits.add(done.stream().map(Done::updateId).toList());
        }

        @Override
        public List<Entry> pending(String platform) {
            return inner.pending(platform);
        }

        @Override
        public int prune(Instant before) {
            return inner.prune(before);
        }
    }
}
