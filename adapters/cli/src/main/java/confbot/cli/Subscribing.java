package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.chat.ChatPoster;
import confbot.core.remind.ChangePoster;
import confbot.core.remind.Reminders;
import confbot.core.remind.SubscriberPosts;
import confbot.core.schedule.ScheduleChangeListener;
import confbot.core.state.Subscriptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The reminders and change posts of a running bot: {@link Reminders} ticked every {@link
 * Reminders#TICK} on one daemon thread, and the {@link ChangePoster} the catalog poller tells of
 * schedule changes, both posting through the adapters' {@link ChatPoster}s. Started once the
 * adapters are connected; closed before they stop, so no post is queued into a closing adapter.
 */
final class Subscribing implements AutoCloseable {

    private final ScheduledExecutorService ticker;
    private final ChangePoster changes;

    private Subscribing(ScheduledExecutorService ticker, ChangePoster changes) {
        this.ticker = ticker;
        this.changes = changes;
    }

    /**
     * Starts ticking the reminders of {@code store} over {@code bot}'s current knowledge.
     *
     * @param posters the adapters that can post (those not among them get nothing posted)
     */
    static Subscribing start(
            ConfBot bot, Subscriptions store, List<ChatPoster> posters, InstantSource clock, Duration lead) {
        SubscriberPosts posts = new SubscriberPosts(posters, store);
        Reminders reminders = new Reminders(bot::library, store, posts, clock, lead);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "confbot-reminders");
            thread.setDaemon(true);
            return thread;
        });
        // From the start: what fell due while the bot was down goes out now, if its talk has not begun.
        ticker.scheduleWithFixedDelay(reminders::tick, 0, Reminders.TICK.toMillis(), TimeUnit.MILLISECONDS);
        return new Subscribing(ticker, new ChangePoster(bot::library, store, posts));
    }

    /** What the catalog poller tells of the schedule changes it finds and stores. */
    ScheduleChangeListener changes() {
        return changes;
    }

    /** Stops ticking; a tick under way finishes (it only hands posts to the adapters). */
    @Override
    public void close() {
        ticker.shutdown();
        try {
            if (!ticker.awaitTermination(2, TimeUnit.SECONDS)) {
                ticker.shutdownNow();
            }
        } catch (InterruptedException e) {
            ticker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
