package confbot.core.schedule;

import confbot.core.catalog.TalkCatalog;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what changed between two versions of the loaded catalogs, stores it, then tells the
 * listeners (the posters of subscribed chats) the changes just stored, once each. Called after each
 * reload that swapped the knowledge, whatever set it off: a polled address with a new version, a
 * local catalog saved again, {@code /reload}.
 */
public final class ScheduleChanges {

    private static final Logger log = LoggerFactory.getLogger(ScheduleChanges.class);

    private final ScheduleChangeLog store;
    private final InstantSource clock;
    private final List<ScheduleChangeListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param store where the changes are kept (the state store's {@code scheduleChanges()})
     * @param clock stamps each change with when it was found
     */
    public ScheduleChanges(ScheduleChangeLog store, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Changes kept in memory only, for runs without a state store (one-off questions). */
    public static ScheduleChanges inMemory(InstantSource clock) {
        return new ScheduleChanges(new MemoryLog(), clock);
    }

    /** {@code listener} hears each batch of changes once it is stored, on the thread that found it. */
    public void addListener(ScheduleChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** {@code listener} hears no more batches (one being told to it finishes). */
    public void removeListener(ScheduleChangeListener listener) {
        listeners.remove(listener);
    }

    /**
     * Compares two versions of the catalogs, stores the differences and tells the listeners.
     *
     * @return the changes stored, with their ids; empty when nothing changed (or another replica
     *     stored the same changes first)
     */
    public List<ScheduleChange> compare(TalkCatalog before, TalkCatalog after) {
        List<ScheduleChange> found = ScheduleDiff.between(before, after, clock.instant());
        if (found.isEmpty()) {
            return List.of();
        }
        List<ScheduleChange> stored = store.append(found);
        log.info("Schedule changes: {} found, {} new", found.size(), stored.size());
        if (!stored.isEmpty()) {
            for (ScheduleChangeListener listener : listeners) {
                try {
                    listener.changed(stored);
                } catch (RuntimeException e) {
                    log.warn("A schedule change listener failed: {}", e.toString());
                }
            }
        }
        return stored;
    }

    /** The newest changes, newest first; of one conference, or of all when empty. */
    public List<ScheduleChange> latest(Optional<String> conference, int limit) {
        return store.latest(conference, limit);
    }

    /** Changes with an id above {@code id}, oldest first: what a poster missed while it was down. */
    public List<ScheduleChange> after(long id, int limit) {
        return store.after(id, limit);
    }

    /** Keeps the changes of this process; ids count from 1. */
    private static final class MemoryLog implements ScheduleChangeLog {
        private final List<ScheduleChange> changes = new ArrayList<>();

        @Override
        public synchronized List<ScheduleChange> append(List<ScheduleChange> found) {
            List<ScheduleChange> stored = new ArrayList<>();
            for (ScheduleChange c : found) {
                ScheduleChange numbered = new ScheduleChange(
                        changes.size() + 1L, c.conference(), c.kinds(), c.before(), c.after(), c.found());
                changes.add(numbered);
                stored.add(numbered);
            }
            return stored;
        }

        @Override
        public synchronized List<ScheduleChange> latest(Optional<String> conference, int limit) {
            return changes.stream()
                    .filter(c -> conference.isEmpty() || conference.get().equals(c.conference()))
                    .sorted(Comparator.comparingLong(ScheduleChange::id).reversed())
                    .limit(Math.max(0, limit))
                    .toList();
        }

        @Override
        public synchronized List<ScheduleChange> after(long id, int limit) {
            return changes.stream()
                    .filter(c -> c.id() > id)
                    .limit(Math.max(0, limit))
                    .toList();
        }
    }
}
