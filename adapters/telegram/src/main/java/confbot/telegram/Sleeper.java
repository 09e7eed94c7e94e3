package confbot.telegram;

import java.time.Duration;

/**
 * Waits. The adapter waits for pacing and for Telegram's {@code retry_after}; behind this seam tests
 * advance a fake clock instead of sleeping, and can assert how long the adapter meant to wait.
 */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
