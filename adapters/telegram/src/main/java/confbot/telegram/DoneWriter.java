package confbot.telegram;

import confbot.core.state.Inbox;
import confbot.core.state.StateStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks updates done in the {@link Inbox} on a thread of its own, many to one commit.
 *
 * <p>Why: a commit on SQLite with {@code synchronous=FULL} waits for the disk. One commit per
 * answer, on the threads that send the answers, held every sender in turn on the store's one
 * connection, and the poll thread's journal write behind them: measured with JFR, that queue was
 * most of the adapter's time and capped it at a few hundred updates a second whatever the core's
 * speed. Here an outcome is queued and the writer commits all that gathered during its previous
 * commit in one transaction (group commit): when the bot is quiet an outcome is committed at once,
 * under load one commit carries dozens.
 *
 * <p>What that changes for a crash: an answer that went out and whose mark is still queued when
 * the process is killed is answered again by the next start, as one whose single commit was on its
 * way was before; the window is one commit longer. Nothing is lost: a mark is queued only once its
 * answer went out, and the journal entry itself is written before the update is confirmed.
 */
final class DoneWriter {

    private static final Logger log = LoggerFactory.getLogger(DoneWriter.class);

    private final Inbox inbox;
    private final String platform;
    private final Thread thread;
    // Guarded by this.
    private List<Inbox.Done> queued = new ArrayList<>();
    private boolean closed;

    DoneWriter(Inbox inbox, String platform, ThreadFactory threads) {
        this.inbox = inbox;
        this.platform = platform;
        this.thread = threads.newThread(this::run);
        thread.start();
    }

    /** Queues the mark; it is committed with whatever else is queued by then. Never blocks on the store. */
    void add(long updateId, String outcome, Instant at) {
        synchronized (this) {
            if (!closed) {
                queued.add(new Inbox.Done(updateId, outcome, at));
                notifyAll();
                return;
            }
        }
        // A send that finished after the stop's deadline: it stays journaled, and the next start answers it again.
        log.debug(
                "Update {} is {} after the journal was closed; the next start may answer it again", updateId, outcome);
    }

    /**
     * Commits what is queued, then stops the thread; waits up to {@code timeout}.
     *
     * @return whether everything queued was committed (or failed to be, with its warning) in time
     */
    boolean close(Duration timeout) {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        while (true) {
            List<Inbox.Done> batch;
            synchronized (this) {
                while (queued.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Only close() ends the writer: what is queued must still be written.
                    }
                }
                if (queued.isEmpty()) {
                    return;
                }
                batch = queued;
                queued = new ArrayList<>();
            }
            write(batch);
        }
    }

    private void write(List<Inbox.Done> batch) {
        try {
            inbox.markDone(platform, batch);
        } catch (StateStoreException e) {
            log.warn(
                    "{} update(s) are done but could not be marked so; the next start may answer them again: {}",
                    batch.size(),
                    e.getMessage());
        } catch (RuntimeException e) {
            // Not the store's own failure; still, the writer must live on for the next batch.
            log.warn(
                    "{} update(s) are done but could not be marked so; the next start may answer them again: {}",
                    batch.size(),
                    e.toString());
        }
    }
}
