package confbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.state.Inbox;
import confbot.core.state.StateStoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes updates from Telegram (a long poll's batch, or one webhook push), journals them in the
 * {@link Inbox}, and hands the new ones to the adapter's workers; when an update's answer has gone
 * out, marks it done.
 *
 * <p>The order is what makes a crash lose nothing: {@link #consume} returns, and so lets
 * telegrambots poll again with the next offset (which confirms the batch to Telegram), only once
 * the batch is journaled; {@link #accept} tells the webhook to answer 200 only once the push is.
 * While the store cannot be written, the poll thread holds the batch and tries again, so nothing is
 * confirmed that is not on disk. An id the inbox already holds is a duplicate delivery (a webhook
 * push resent, another replica's, a poll that was not confirmed before a crash) and is not answered
 * again. Once stopping, updates are still journaled but no longer handed on: the next start answers
 * them.
 */
final class UpdateDispatcher implements LongPollingUpdateConsumer {

    static final String PLATFORM = "telegram";
    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);
    private static final Duration MAX_HOLD_BACKOFF = Duration.ofSeconds(10);

    private final Inbox inbox;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final BiConsumer<Update, Consumer<String>> handler;
    private final ThreadPoolExecutor workers;
    private final ChatOrder chats;
    private final DoneWriter doneWriter;
    private final DeliveryEvents events;
    private final Object lock = new Object();
    private volatile boolean accepting = true;
    private long highestJournaled;

    /**
     * @param handler handles one update and tells the consumer how it ended, exactly once
     * @param workers the threads that handle updates; queued updates are dropped at {@link #drain},
     *     which is safe because they are journaled
     * @param doneWriter where each update's outcome goes, to be marked done in {@code inbox}; the
     *     caller closes it once nothing more can end (after the send queue has drained)
     */
    UpdateDispatcher(
            Inbox inbox,
            ObjectMapper json,
            InstantSource clock,
            BiConsumer<Update, Consumer<String>> handler,
            ThreadPoolExecutor workers,
            DoneWriter doneWriter,
            DeliveryEvents events) {
        this.inbox = inbox;
        this.json = json;
        this.clock = clock;
        this.handler = handler;
        this.workers = workers;
        this.chats = new ChatOrder(workers);
        this.doneWriter = doneWriter;
        this.events = events;
    }

    /**
     * A long poll's batch, on telegrambots' poll thread. Never throws: an exception here would end
     * telegrambots' polling for good.
     */
    @Override
    public void consume(List<Update> updates) {
        boolean warned = false;
        for (int failures = 1; ; failures++) {
            try {
                dispatch(journal(updates));
                if (warned) {
                    log.info("State store reachable again; updates are taken again");
                }
                return;
            } catch (StateStoreException e) {
                if (!accepting) {
                    log.warn("{} update(s) not journaled while stopping; Telegram delivers them again", updates.size());
                    return;
                }
                if (!warned) {
                    log.warn(
                            "Cannot journal {} update(s), holding them unconfirmed until the store is back: {}",
                            updates.size(),
                            e.getMessage());
                    warned = true;
                }
                pause(failures);
            } catch (RuntimeException e) {
                log.warn("Updates not taken: {}", e.toString());
                return;
            }
        }
    }

    /**
     * One webhook push.
     *
     * @return false when it could not be journaled: the webhook then answers an error, and Telegram
     *     pushes it again later
     */
    boolean accept(Update update) {
        try {
            dispatch(journal(List.of(update)));
            return true;
        } catch (StateStoreException e) {
            log.warn(
                    "Cannot journal update {}; asking Telegram to push it again: {}",
                    update.getUpdateId(),
                    e.getMessage());
            return false;
        }
    }

    /**
     * At start: answers what the last run journaled and did not finish, oldest first, except what is
     * older than {@code maxAge}, which is marked done unanswered with one INFO line.
     */
    void replay(Duration maxAge) {
        List<Inbox.Entry> pending = inbox.pending(PLATFORM);
        if (pending.isEmpty()) {
            return;
        }
        Instant cutoff = clock.instant().minus(maxAge);
        List<Update> recent = new ArrayList<>();
        int expired = 0;
        for (Inbox.Entry entry : pending) {
            if (entry.receivedAt().isBefore(cutoff)) {
                done(entry.updateId(), "expired");
                expired++;
                continue;
            }
            try {
                recent.add(json.readValue(entry.payload(), Update.class));
            } catch (JsonProcessingException e) {
                log.warn("Journaled update {} cannot be read back; skipped", entry.updateId());
                done(entry.updateId(), "unreadable");
            }
        }
        if (expired > 0) {
            log.info(
                    "Skipped {} journaled update(s) older than {}; their askers have moved on",
                    expired,
                    describe(maxAge));
        }
        if (!recent.isEmpty()) {
            log.info("Answering {} journaled update(s) left unanswered by the last run", recent.size());
        }
        synchronized (lock) {
            recent.forEach(u -> highestJournaled = Math.max(highestJournaled, u.getUpdateId()));
        }
        dispatch(recent);
    }

    /** The highest update id journaled so far, 0 if none: every id up to it may be confirmed. */
    long highestJournaled() {
        synchronized (lock) {
            return highestJournaled;
        }
    }

    /**
     * Hands no more updates to the workers, and takes back those waiting for one: they are
     * journaled, and the next start answers them. Those being handled go on.
     *
     * @return how many waiting updates were taken back
     */
    int stopAccepting() {
        accepting = false;
        int waiting = chats.stop();
        List<Runnable> left = new ArrayList<>();
        workers.getQueue().drainTo(left);
        return waiting + left.size();
    }

    /**
     * Stops handing on updates, drops those queued for the workers (journaled: the next start
     * answers them) and waits up to {@code timeout} for those being handled.
     *
     * @return how many queued updates were left for the next start
     */
    int drain(Duration timeout) {
        int left = stopAccepting();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Updates still being handled after {} s", timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return left;
    }

    /** Closing through telegrambots (unregistering the bot) drains as well. */
    @Override
    public void close() {
        drain(Duration.ofSeconds(5));
    }

    private List<Update> journal(List<Update> updates) {
        Instant now = clock.instant();
        List<Inbox.Entry> entries = new ArrayList<>();
        List<Update> valid = new ArrayList<>();
        for (Update update : updates) {
            if (update == null || update.getUpdateId() == null) {
                continue;
            }
            try {
                entries.add(new Inbox.Entry(update.getUpdateId(), now, json.writeValueAsString(update)));
                valid.add(update);
            } catch (JsonProcessingException e) {
                log.warn("Update {} cannot be journaled ({}); skipped", update.getUpdateId(), e.getOriginalMessage());
            }
        }
        Set<Long> fresh = inbox.record(PLATFORM, entries);
        synchronized (lock) {
            for (Inbox.Entry entry : entries) {
                highestJournaled = Math.max(highestJournaled, entry.updateId());
            }
        }
        List<Update> toHandle = new ArrayList<>();
        for (Update update : valid) {
            if (fresh.contains((long) update.getUpdateId())) {
                toHandle.add(update);
            } else {
                log.debug("Update {} was delivered before; not answered twice", update.getUpdateId());
            }
        }
        return toHandle;
    }

    private void dispatch(List<Update> updates) {
        if (!accepting) {
            if (!updates.isEmpty()) {
                log.debug("Stopping: {} update(s) journaled for the next start", updates.size());
            }
            return;
        }
        for (Update update : updates) {
            long id = update.getUpdateId();
            try {
                chats.execute(chatOf(update), () -> handler.accept(update, outcome -> done(id, outcome)));
            } catch (RejectedExecutionException e) {
                log.debug("Update {} left journaled: workers are stopping", id);
            }
        }
    }

    /** The chat whose answers must keep the order of its questions; none for inline queries. */
    private static Optional<Long> chatOf(Update update) {
        if (update.hasMessage() && update.getMessage().getChat() != null) {
            return Optional.ofNullable(update.getMessage().getChatId());
        }
        return Optional.empty();
    }

    private void done(long updateId, String outcome) {
        events.outcome(outcome);
        doneWriter.add(updateId, outcome, clock.instant());
    }

    private void pause(int failures) {
        long millis = Math.min(MAX_HOLD_BACKOFF.toMillis(), 250L << Math.min(failures, 10));
        long until = System.nanoTime() + millis * 1_000_000;
        // In small steps, so that a stop does not wait out the whole pause.
        while (accepting && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String describe(Duration age) {
        return age.toMinutes() % 60 == 0 && age.toHours() > 0 ? age.toHours() + " h" : age.toSeconds() + " s";
    }
}
