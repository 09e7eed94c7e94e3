package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.chat.ChatPoster;
import confbot.core.remind.ChangePoster;
import confbot.core.remind.Reminders;
import confbot.core.remind.SubscriberPosts;
import confbot.core.schedule.ScheduleChanges;
import confbot.core.state.Subscriptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The reminders and change posts of a running bot: {@link Reminders} ticked every {@link
 * Reminders#TICK} on one daemon thread, and the {@link ChangePoster} listening to the {@link
 * ScheduleChanges} the catalog poller and reloads find, both posting through the adapters' {@link
 * ChatPoster}s. Started once the adapters are connected; closed before they stop, so no post is
 * queued into a closing adapter.
 */
final class Subscribing implements AutoCloseable {

    private final ScheduledExecutorService ticker;
    private final ScheduleChanges schedule;
    private final ChangePoster changes;

    private Subscribing(ScheduledExecutorService ticker, ScheduleChanges schedule, ChangePoster changes) {
        this.ticker = ticker;
        this.schedule = schedule;
        this.changes = changes;
    }

    /**
     * Starts ticking the reminders of {@code store} over {@code bot}'s current knowledge, and posting
     * the changes {@code schedule} stores: first those stored after the last one posted (missed
     * while the bot was down), then each batch as it is found.
     *
     * @param schedule the bot's schedule changes ({@link ConfBot#scheduleChanges()})
     * @param posters the adapters that can post (those not among them get nothing posted)
     */
    static Subscribing start(
            ConfBot bot,
            ScheduleChanges schedule,
            Subscriptions store,
            List<ChatPoster> posters,
            InstantSource clock,
            Duration lead) {
        SubscriberPosts posts = new SubscriberPosts(posters, store);
        Reminders reminders = new Reminders(bot::library, store, posts, clock, lead);
        ChangePoster changes = new ChangePoster(bot::library, store, posts);
        changes.listenTo(schedule);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "confbot-reminders");
            thread.setDaemon(true);
            return thread;
        });
        // From the start: what fell due while the bot was down goes out now, if its talk has not begun.
        ticker.scheduleWithFixedDelay(reminders::tick, 0, Reminders.TICK.toMillis(), TimeUnit.MILLISECONDS);
        return new Subscribing(ticker, schedule, changes);
    }

    /** Stops posting changes and ticking; a tick under way finishes (it only hands posts to the adapters). */
    @Override
    public void close() {
        schedule.removeListener(changes);
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
