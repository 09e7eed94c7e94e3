package confbot.discord;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the messages of one answer to Discord in order, and keeps trying through Discord's own
 * outages.
 *
 * <p>A 429 never reaches this class: JDA's rate limiter waits out {@code retry_after} per bucket
 * and sends again. A 502, 503, 504 or 520 JDA sends again itself, four attempts within about 7 s
 * ({@code Requester.execute} in JDA 6.5: waits of 0.5, 1, 2 and 4 s), and any other 5xx not at
 * all; both are far shorter than a Discord incident. The action then fails with an {@link
 * ErrorResponseException} that {@link ErrorResponseException#isServerError() is a server error}.
 * Those failures, and I/O errors (connection reset, timeout), are retried here with capped
 * exponential backoff and jitter until {@link RetryPolicy#retryFor()} has passed or the
 * interaction's token expires (Discord accepts follow-ups for 15 minutes), whichever is first;
 * then one WARN names what was given up. Any other failure (a 400, a 404 for a deleted message) is
 * final and returned to the caller at once.
 *
 * <p>Nothing waits on a thread: each step is {@link RestAction#submit() submitted}, the next one is
 * submitted when it succeeds, and a backoff is a task on the scheduler.
 */
final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /**
     * How long and how often to retry a step that failed with a server error.
     *
     * @param first the wait after the first failure, doubled after each further one
     * @param cap the longest wait between two attempts
     * @param retryFor how long after the first attempt to keep trying
     */
    record RetryPolicy(Duration first, Duration cap, Duration retryFor) {
        /** Ten minutes: well inside the 15 minutes an interaction token is valid. */
        static final RetryPolicy DEFAULT =
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));

        RetryPolicy {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(cap, "cap");
            Objects.requireNonNull(retryFor, "retryFor");
            if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || retryFor.isNegative()) {
                throw new IllegalArgumentException("retry policy: first > 0, cap >= first, retryFor >= 0; got " + first
                        + ", " + cap + ", " + retryFor);
            }
        }

        /** The wait before attempt {@code failures + 1}: exponential, capped, between half and all of it. */
        Duration delay(int failures) {
            long max = first.toMillis() << Math.min(failures - 1, 20);
            long capped = Math.min(Math.max(max, first.toMillis()), cap.toMillis());
            return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        }
    }

    /** The delivery stopped after retrying server errors for as long as allowed; already logged. */
    static final class GaveUp extends RuntimeException {
        GaveUp(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ScheduledExecutorService scheduler;
    private final RetryPolicy policy;
    private final Clock clock;
    private int running;

    Delivery(ScheduledExecutorService scheduler, RetryPolicy policy, Clock clock) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code steps} one after another, each built anew for every attempt.
     *
     * @param what names the delivery in the log, e.g. {@code "interaction 123 (/ask)"}
     * @param notAfter no attempt starts after this (the interaction token's expiry)
     * @return completes when the last step succeeded; fails with the first final failure, or with
     *     {@link GaveUp} after retrying server errors for as long as allowed
     */
    CompletableFuture<Void> send(String what, Instant notAfter, List<Supplier<? extends RestAction<?>>> steps) {
        Instant retryUntil = clock.instant().plus(policy.retryFor());
        Run run = new Run(what, retryUntil.isBefore(notAfter) ? retryUntil : notAfter, List.copyOf(steps));
        started();
        run.done.whenComplete((ignored, failure) -> finished());
        run.attempt(0, 0);
        return run.done;
    }

    /**
     * Waits until no delivery is running (for a stop: the answers computed are sent before JDA
     * disconnects).
     *
     * @return whether all finished within the timeout
     */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void started() {
        running++;
    }

    private synchronized void finished() {
        running--;
        notifyAll();
    }

    /** Server errors and broken connections pass; anything else Discord said is its final word. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponseException error) {
                return error.isServerError() || (error.getResponse() != null && error.getResponse().code >= 500);
            }
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private final class Run {
        private final String what;
        private final Instant deadline;
        private final List<Supplier<? extends RestAction<?>>> steps;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private int attempts;

        Run(String what, Instant deadline, List<Supplier<? extends RestAction<?>>> steps) {
            this.what = what;
            this.deadline = deadline;
            this.steps = steps;
        }

        void attempt(int step, int failures) {
            if (step == steps.size()) {
                done.complete(null);
                return;
            }
            attempts++;
            CompletableFuture<?> sent;
            try {
                sent = steps.get(step).get().submit();
            } catch (RuntimeException e) { // JDA refuses to build or send it (limits, shut down)
                done.completeExceptionally(e);
                return;
            }
            sent.whenComplete((ignored, failure) -> {
                if (failure == null) {
                    attempt(step + 1, 0);
                } else {
                    failed(step, failures + 1, unwrap(failure));
                }
            });
        }

        private void failed(int step, int failures, Throwable failure) {
            if (!isTransient(failure)) {
                done.completeExceptionally(failure);
                return;
            }
            Duration delay = policy.delay(failures);
            if (clock.instant().plus(delay).isAfter(deadline)) {
                log.warn(
                        "Gave up delivering {} (message {} of {}) after {} attempt(s): {}",
                        what,
                        step + 1,
                        steps.size(),
                        attempts,
                        failure.toString());
                done.completeExceptionally(new GaveUp("gave up delivering " + what, failure));
                return;
            }
            log.debug("Delivering {} failed ({}); retrying in {} ms", what, failure, delay.toMillis());
            try {
                scheduler.schedule(() -> attempt(step, failures), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) { // shutting down
                done.completeExceptionally(failure);
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
