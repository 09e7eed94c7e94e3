package confbot.telegram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Hands updates to the adapter's own worker threads, telegrambots' idiom for a consumer; the same
 * object takes the webhook's pushes.
 *
 * <p>It never hands on an update id twice (Telegram redelivers a webhook push that was not
 * acknowledged in time), and it tracks the highest id it accepted, so that at shutdown the adapter
 * can confirm exactly those to Telegram: a restarted bot then neither answers them again nor loses
 * the ones it never took. Once closing, it takes nothing more; what it refuses stays unconfirmed and
 * comes back to the next start.
 */
final class UpdateDispatcher implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);
    // Ids are increasing; remembering the last few thousand covers any redelivery window.
    private static final int REMEMBERED_IDS = 10_000;

    private final Consumer<Update> handler;
    private final ExecutorService workers;
    private final Object lock = new Object();
    private final Map<Integer, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private boolean accepting = true;
    private int highestAccepted;

    UpdateDispatcher(Consumer<Update> handler, ExecutorService workers) {
        this.handler = handler;
        this.workers = workers;
    }

    @Override
    public void consume(List<Update> updates) {
        synchronized (lock) {
            if (!accepting) {
                log.debug("Shutting down: {} update(s) left for the next start", updates.size());
                return;
            }
            for (Update update : updates) {
                if (update == null || update.getUpdateId() == null) {
                    continue;
                }
                int id = update.getUpdateId();
                highestAccepted = Math.max(highestAccepted, id);
                if (seen.put(id, Boolean.TRUE) != null) {
                    log.debug("Update {} was delivered before; not answered twice", id);
                    continue;
                }
                try {
                    workers.execute(() -> handler.accept(update));
                } catch (RejectedExecutionException e) {
                    log.warn("Update {} dropped: workers are shut down", id);
                }
            }
        }
    }

    /** The highest update id taken so far, 0 if none. */
    int highestAccepted() {
        synchronized (lock) {
            return highestAccepted;
        }
    }

    /** Takes no more updates; those in hand still get answered. */
    void stopAccepting() {
        synchronized (lock) {
            accepting = false;
        }
    }

    /** Stops taking updates and waits up to {@code timeout} for the answers in flight. */
    void drain(Duration timeout) {
        stopAccepting();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Answers still in flight after {} s; abandoning them", timeout.toSeconds());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Closing through telegrambots (unregistering the bot) drains as well. */
    @Override
    public void close() {
        drain(Duration.ofSeconds(30));
    }
}
