package confbot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * Instead of waiting, notes how long the adapter meant to wait, moves the test clock on, and runs
 * the task at once on the adapter's send workers.
 */
final class RecordingScheduler implements Scheduler {

    private final TestClock clock;
    private final ExecutorService workers;
    private final List<Duration> waits;

    RecordingScheduler(TestClock clock, ExecutorService workers, List<Duration> waits) {
        this.clock = clock;
        this.workers = workers;
        this.waits = waits;
    }

    @Override
    public void after(Duration delay, Runnable task) {
        if (!delay.isZero() && !delay.isNegative()) {
            waits.add(delay);
            clock.advance(delay);
        }
        Scheduler.of(null, workers).after(Duration.ZERO, task);
    }

    /** What the scheduler was asked to wait, across every adapter made with {@link #factory}. */
    static final class Waits {
        private final List<Duration> waits = new CopyOnWriteArrayList<>();
        private final TestClock clock;

        Waits(TestClock clock) {
            this.clock = clock;
        }

        Scheduler scheduler(java.util.concurrent.ScheduledExecutorService timer, ExecutorService workers) {
            return new RecordingScheduler(clock, workers, waits);
        }

        List<Duration> waits() {
            return List.copyOf(waits);
        }
    }
}
