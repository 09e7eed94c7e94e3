package confbot.telegram;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task later without holding a thread meanwhile: a send waiting for its chat's turn or for
 * Telegram's {@code retry_after} is a timer entry, not a sleeping worker, so one chat's flood wait
 * never delays another chat. Behind this seam tests move a fake clock instead of waiting.
 */
@FunctionalInterface
interface Scheduler {

    /** Runs {@code task} on a worker once {@code delay} has passed; silently not, once shutting down. */
    void after(Duration delay, Runnable task);

    /** A timer thread that hands due tasks to the workers. */
    static Scheduler of(ScheduledExecutorService timer, Executor workers) {
        return (delay, task) -> {
            try {
                if (delay.isZero() || delay.isNegative()) {
                    workers.execute(task);
                } else {
                    timer.schedule(
                            () -> {
                                try {
                                    workers.execute(task);
                                } catch (RejectedExecutionException e) {
                                    // Shutting down: the update stays journaled for the next start.
                                }
                            },
                            delay.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            } catch (RejectedExecutionException e) {
                // Shutting down: the update stays journaled for the next start.
            }
        };
    }
}
