package confbot.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A journal of the updates a chat adapter took from its platform, so that none is lost to a crash
 * or a stop: each is recorded before the platform is told it arrived, and marked done once it has
 * been answered (or needed no answer). What is recorded and not done is answered at the next start.
 *
 * <p>Every method may throw {@link StateStoreException} when the store cannot be reached; callers
 * decide whether to hold the update (not confirm it) or to retry.
 */
public interface Inbox {

    /** One update as the platform sent it, serialised by the adapter. */
    record Entry(long updateId, Instant receivedAt, String payload) {}

    /** How and when an update ended: answered, needed no answer, or will never get one. */
    record Done(long updateId, String outcome, Instant at) {}

    /**
     * Records updates in one transaction.
     *
     * @return the ids that were not recorded before; the others are duplicate deliveries (a webhook
     *     push resent, a poll that was not confirmed, another replica's), not to be answered again
     */
    Set<Long> record(String platform, List<Entry> entries);

    /** The update has been answered, or needs no answer, or will never get one; {@code outcome} says which. */
    default void markDone(String platform, long updateId, String outcome, Instant at) {
        markDone(platform, List.of(new Done(updateId, outcome, at)));
    }

    /**
     * Marks updates done in one transaction, so that a busy adapter pays one commit for many
     * answers instead of one each. An update already done keeps its first outcome.
     */
    void markDone(String platform, List<Done> done);

    /** What is recorded and not done, oldest first. */
    List<Entry> pending(String platform);

    /**
     * Forgets updates done before {@code before}. They are kept a while after being done so that a
     * late duplicate delivery is still recognised.
     *
     * @return how many were removed
     */
    int prune(Instant before);
}
