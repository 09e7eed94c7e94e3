package confbot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends answers to Telegram, one lane per chat: within a chat the calls go out in order and paced
 * ({@link ChatPacer}); across chats nothing waits for anything. A call that fails is tried again as
 * {@link Retries} says, by scheduling it again, never by sleeping on a worker, so a flood wait in
 * one chat holds only that chat's lane.
 *
 * <p>No thread waits for Telegram's answer: each call goes out through the client's asynchronous
 * execute and its answer is handled where it arrives, so the calls in flight are bounded by the
 * HTTP client's dispatcher (per host), not by a pool of blocked senders, and a slow answer from
 * Telegram holds no thread.
 *
 * <p>When every call of an update has gone out (or failed for good), the update's {@code done}
 * callback says how it ended; the inbox then marks it done. {@link #drain} lets answers that are on
 * their way finish and starts no new ones: those stay journaled and are answered at the next start.
 */
final class SendQueue {

    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

    /**
     * One update's calls to Telegram, in the order they must go out.
     *
     * @param lane whose turn they wait for: the chat, or an inline query's own lane
     * @param paced whether the chat's pacing applies (not to inline answers, which go stale)
     * @param after what must have reached Telegram before the first call (the chat's typing
     *     indicator, sent while the answer was being made); how it ended does not matter
     * @param done told once how the update ended: "answered", "refused" or "failed"
     */
    record Outgoing(
            int updateId,
            String lane,
            boolean group,
            boolean paced,
            List<? extends BotApiMethod<? extends Serializable>> calls,
            CompletionStage<?> after,
            Consumer<String> done) {
        Outgoing {
            Objects.requireNonNull(lane, "lane");
            calls = List.copyOf(calls);
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(done, "done");
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("nothing to send");
            }
        }
    }

    private static final class Lane {
        final String key;
        final Deque<Outgoing> queue = new ArrayDeque<>();
        boolean running;
        int nextCall;
        int failures;
        Instant firstFailure;

        Lane(String key) {
            this.key = key;
        }
    }

    private final TelegramClient client;
    private final ChatPacer pacer;
    private final Scheduler scheduler;
    private final Retries retries;
    private final InstantSource clock;
    private final Redactor redactor;
    private final RandomGenerator random;
    private final DeliveryEvents events;
    private final Map<String, Lane> lanes = new HashMap<>();
    // Guarded by this: lanes whose head is on its way (scheduled or being sent).
    private int active;
    private boolean draining;
    private boolean closed;

    SendQueue(
            TelegramClient client,
            ChatPacer pacer,
            Scheduler scheduler,
            Retries retries,
            InstantSource clock,
            Redactor redactor,
            RandomGenerator random,
            DeliveryEvents events) {
        this.client = client;
        this.pacer = pacer;
        this.scheduler = scheduler;
        this.retries = retries;
        this.clock = clock;
        this.redactor = redactor;
        this.random = random;
        this.events = events;
    }

    /**
     * Queues an update's calls behind whatever its lane is already sending.
     *
     * @return false when the queue is stopped: nothing will be sent, and {@code done} is not told
     */
    boolean submit(Outgoing outgoing) {
        Lane lane;
        synchronized (this) {
            if (closed) {
                return false; // journaled, not done: answered at the next start
            }
            lane = lanes.computeIfAbsent(outgoing.lane(), Lane::new);
            lane.queue.add(outgoing);
            if (lane.running) {
                return true; // the lane's head is on its way; this one follows it
            }
            lane.running = true;
            active++;
        }
        schedule(lane, Duration.ZERO);
        return true;
    }

    /**
     * Sends a call once, now, unpaced, without waiting for it: for calls that post nothing, like the
     * typing indicator. Best effort: a failure is logged at DEBUG and costs nothing else.
     *
     * @return completes, always normally, once Telegram answered or the call failed
     */
    CompletableFuture<Void> sendBestEffort(BotApiMethod<? extends Serializable> method) {
        try {
            return client.executeAsync(method).handle((result, error) -> {
                if (error != null) {
                    log.debug("{} failed: {}", method.getMethod(), redactor.describe(unwrap(error, method)));
                }
                return null;
            });
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("{} failed: {}", method.getMethod(), redactor.describe(e));
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * Starts no further updates, waits up to {@code timeout} for those on their way, then stops:
     * what is still queued or waiting out a retry stays journaled for the next start.
     *
     * @return how many updates were left unsent
     */
    int drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            draining = true;
            try {
                while (active > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closed = true;
            return lanes.values().stream().mapToInt(l -> l.queue.size()).sum();
        }
    }

    private void schedule(Lane lane, Duration atLeast) {
        Outgoing head;
        synchronized (this) {
            head = lane.queue.peek();
        }
        Duration wait = head.paced() ? pacer.reserve(lane.key, head.group()) : Duration.ZERO;
        scheduler.after(wait.compareTo(atLeast) >= 0 ? wait : atLeast, () -> attempt(lane));
    }

    private void attempt(Lane lane) {
        Outgoing head;
        BotApiMethod<? extends Serializable> call;
        boolean first;
        synchronized (this) {
            if (closed || lane.queue.isEmpty()) {
                return;
            }
            head = lane.queue.peek();
            call = head.calls().get(lane.nextCall);
            first = lane.nextCall == 0;
        }
        CompletableFuture<?> after = head.after().toCompletableFuture();
        if (first && !after.isDone()) {
            // Back through the scheduler: the typing indicator's answer arrives on an HTTP thread.
            after.whenComplete((result, error) -> scheduler.after(Duration.ZERO, () -> attempt(lane)));
            return;
        }
        CompletableFuture<? extends Serializable> sent;
        try {
            sent = client.executeAsync(call);
        } catch (TelegramApiException e) {
            failed(lane, head, call, e);
            return;
        } catch (RuntimeException e) {
            // Not Telegram's answer but our own bug (a call that cannot be serialised): never retried.
            log.warn("Update {} failed: {}", head.updateId(), redactor.describe(e));
            finish(lane, head, "failed");
            return;
        }
        // On the HTTP client's thread: what follows only updates the lane and schedules, never blocks.
        sent.whenComplete((result, error) -> {
            if (error != null) {
                failed(lane, head, call, unwrap(error, call));
            } else {
                sentOne(lane, head);
            }
        });
    }

    private void sentOne(Lane lane, Outgoing head) {
        boolean last;
        synchronized (this) {
            lane.nextCall++;
            lane.failures = 0;
            lane.firstFailure = null;
            last = lane.nextCall == head.calls().size();
        }
        if (last) {
            finish(lane, head, "answered");
        } else {
            schedule(lane, Duration.ZERO);
        }
    }

    /** What the blocking execute would have thrown: Telegram's error, or the failure wrapped as one. */
    private static TelegramApiException unwrap(Throwable error, BotApiMethod<?> call) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof TelegramApiException telegram
                ? telegram
                : new TelegramApiException("Unable to execute " + call.getMethod() + " method", cause);
    }

    private void failed(Lane lane, Outgoing head, BotApiMethod<?> call, TelegramApiException e) {
        Retries.Failure failure = Retries.classify(e);
        if (failure instanceof Retries.Flood flood) {
            log.warn(
                    "Telegram flood control on {}: waiting {} s as asked, then sending again",
                    call.getMethod(),
                    flood.retryAfter().toSeconds());
            events.retry("flood");
            if (head.paced()) {
                // Through the pacer, so that the chat's later answers back off too.
                pacer.holdOff(lane.key, flood.retryAfter());
            }
            schedule(lane, flood.retryAfter());
            return;
        }
        if (failure instanceof Retries.Final refusal) {
            log.warn("Update {} failed: {}", head.updateId(), redactor.describe(e));
            finish(lane, head, refusal.forbidden() ? DeliveryEvents.FORBIDDEN : "refused");
            return;
        }
        Instant now = clock.instant();
        int failures;
        Instant since;
        synchronized (this) {
            if (lane.firstFailure == null) {
                lane.firstFailure = now;
            }
            failures = ++lane.failures;
            since = lane.firstFailure;
        }
        if (Duration.between(since, now).compareTo(retries.retryFor()) >= 0) {
            log.warn(
                    "Update {} not answered: Telegram kept failing for {} s ({} tries), last: {}",
                    head.updateId(),
                    Duration.between(since, now).toSeconds(),
                    failures,
                    redactor.describe(e));
            finish(lane, head, "failed");
            return;
        }
        events.retry("transient");
        Duration backoff = retries.backoff(failures, random);
        log.debug(
                "Update {}: {} failed ({}); trying again in {} ms",
                head.updateId(),
                call.getMethod(),
                redactor.describe(e),
                backoff.toMillis());
        schedule(lane, backoff);
    }

    private void finish(Lane lane, Outgoing head, String outcome) {
        try {
            head.done().accept(outcome);
        } catch (RuntimeException e) {
            log.warn("Update {}: recording its outcome failed: {}", head.updateId(), e.toString());
        }
        boolean more;
        synchronized (this) {
            lane.queue.poll();
            lane.nextCall = 0;
            lane.failures = 0;
            lane.firstFailure = null;
            more = !lane.queue.isEmpty() && !draining;
            if (!more) {
                lane.running = false;
                active--;
                notifyAll();
            }
            if (lane.queue.isEmpty()) {
                lanes.remove(lane.key);
            }
        }
        if (more) {
            schedule(lane, Duration.ZERO);
        }
    }
}
