package confbot.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * How the adapter treats the journal of updates and failing sends.
 *
 * @param maxAge at start, journaled updates older than this are not answered (their askers have
 *     moved on); one INFO line counts them
 * @param retryFor how long a send that fails with 5xx, a reset connection, a timeout or a body that
 *     is not JSON keeps being retried before the update is given up with one WARN
 * @param keepDone how long an answered update is remembered, so that a late duplicate delivery is
 *     still recognised; Telegram keeps an unconfirmed update for at most 24 h
 */
public record InboxPolicy(Duration maxAge, Duration retryFor, Duration keepDone) {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
    public static final Duration DEFAULT_KEEP_DONE = Duration.ofHours(48);

    public InboxPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(retryFor, "retryFor");
        Objects.requireNonNull(keepDone, "keepDone");
        if (maxAge.isNegative() || retryFor.isNegative() || keepDone.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** 24 h, 10 min, 48 h. */
    public static InboxPolicy defaults() {
        return new InboxPolicy(DEFAULT_MAX_AGE, Retries.DEFAULT_RETRY_FOR, DEFAULT_KEEP_DONE);
    }

    public InboxPolicy withMaxAge(Duration age) {
        return new InboxPolicy(age, retryFor, keepDone);
    }

    public InboxPolicy withRetryFor(Duration duration) {
        return new InboxPolicy(maxAge, duration, keepDone);
    }
}
