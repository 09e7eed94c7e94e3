package confbot.core.remind;

import confbot.core.Library;
import confbot.core.chat.Reply;
import confbot.core.schedule.ScheduleChange;
import confbot.core.schedule.ScheduleChangeListener;
import confbot.core.schedule.ScheduleChanges;
import confbot.core.state.StateStoreException;
import confbot.core.state.Subscriptions;
import confbot.core.state.Subscriptions.Subscription;
import confbot.knowledge.Conference;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each schedule change, as it is found, to the chats subscribed to its conference: those
 * limited to a track or room hear only of talks that were or are there. A chat hears the changes
 * of one new version in one post (split by the adapter when long).
 *
 * <p>Each chat's subscription keeps the last change id posted to it, claimed before the post
 * ({@link Subscriptions#claimChanges}), so changes heard again (a restart that compares the same
 * versions, another replica) are not posted twice. A chat that subscribes later starts after the
 * last change heard ({@link Subscriptions#changeCursor}). {@link #listenTo} first posts what the
 * change log holds after that cursor, the changes stored while no poster listened (a crash between
 * storing and posting, a restart), then hears each new batch.
 *
 * <p>Runs on the caller's thread (the catalog poller): the store writes are a few rows, and the
 * posts are handed to the adapters, which send them on their own threads. One batch at a time, so
 * the catch-up and a batch found meanwhile are posted in the order of their ids. Never throws.
 */
public final class ChangePoster implements ScheduleChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ChangePoster.class);

    /** How many stored changes the catch-up reads at a time. */
    static final int CATCH_UP_PAGE = 200;

    private final Supplier<Library> library;
    private final Subscriptions store;
    private final SubscriberPosts posts;

    public ChangePoster(Supplier<Library> library, Subscriptions store, SubscriberPosts posts) {
        this.library = Objects.requireNonNull(library, "library");
        this.store = Objects.requireNonNull(store, "store");
        this.posts = Objects.requireNonNull(posts, "posts");
    }

    /**
     * Posts the changes stored after the last one heard ({@link Subscriptions#changeCursor}), then
     * hears each batch {@code schedule} finds. A batch found during the catch-up waits for it; its
     * changes already posted by the catch-up are not posted again.
     */
    public synchronized void listenTo(ScheduleChanges schedule) {
        schedule.addListener(this);
        long from;
        try {
            from = store.changeCursor();
        } catch (StateStoreException e) {
            log.warn("The schedule changes missed while down are not posted: {}", e.getMessage());
            return;
        }
        int read = 0;
        while (true) {
            List<ScheduleChange> page;
            try {
                page = schedule.after(from, CATCH_UP_PAGE);
            } catch (StateStoreException e) {
                log.warn("The schedule changes missed while down are not posted: {}", e.getMessage());
                return;
            }
            if (page.isEmpty()) {
                break;
            }
            changed(page);
            read += page.size();
            from = page.get(page.size() - 1).id();
            if (page.size() < CATCH_UP_PAGE) {
                break;
            }
        }
        if (read > 0) {
            log.info("Caught up on {} schedule change(s) stored since the last one heard", read);
        }
    }

    @Override
    public synchronized void changed(List<ScheduleChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            post(changes);
        } catch (StateStoreException e) {
            log.warn("{} schedule change(s) not posted: {}", changes.size(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Posting {} schedule change(s) failed", changes.size(), e);
        }
    }

    private void post(List<ScheduleChange> changes) {
        Library lib = library.get();
        long highest = changes.stream().mapToLong(ScheduleChange::id).max().orElse(0);
        for (Subscription s : store.subscriptions()) {
            if (!posts.reaches(s.platform())) {
                continue;
            }
            List<ScheduleChange> mine = changes.stream()
                    .filter(c -> c.conference().equals(s.conference()))
                    .filter(c -> c.id() > s.lastChangeId())
                    .filter(c -> s.place().isEmpty()
                            || c.before()
                                    .filter(t -> Timetable.at(t, s.place().get()))
                                    .isPresent()
                            || c.after()
                                    .filter(t -> Timetable.at(t, s.place().get()))
                                    .isPresent())
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            long upTo = mine.stream().mapToLong(ScheduleChange::id).max().orElseThrow();
            if (!store.claimChanges(s.platform(), s.chatId(), s.conference(), upTo)) {
                continue; // posted already, by an earlier run or another replica
            }
            Optional<Conference> conference = lib.registry().byId(s.conference());
            ZoneId zone = conference.map(Conference::timezone).orElse(ZoneId.of("UTC"));
            String name = conference
                    .map(c -> c.shortName().in(RemindTexts.language(s.language())))
                    .orElse(s.conference());
            posts.toChat(
                    s,
                    new Reply(
                            Reply.Kind.LISTING,
                            RemindTexts.changes(name, mine, zone, RemindTexts.language(s.language())),
                            List.of()));
        }
        store.advanceChangeCursor(highest);
    }
}
