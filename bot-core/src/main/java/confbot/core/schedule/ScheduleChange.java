package confbot.core.schedule;

import confbot.core.catalog.Talk;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One talk that differs between two versions of a conference's published schedule.
 *
 * @param id the store's sequence number for this change, increasing; whoever posts changes keeps
 *     the last id it posted, so a restart neither posts one twice nor skips one
 * @param conference the registry id of the conference whose schedule changed
 * @param kinds what changed; {@link Kind#NEW} and {@link Kind#CANCELLED} come alone
 * @param before the talk as it was; empty for a new talk
 * @param after the talk as it is now; empty for a cancelled talk
 * @param found when the new version was read
 */
public record ScheduleChange(
        long id, String conference, Set<Kind> kinds, Optional<Talk> before, Optional<Talk> after, Instant found) {

    public enum Kind {
        NEW,
        CANCELLED,
        MOVED_TIME,
        MOVED_ROOM,
        SPEAKERS_CHANGED
    }

    public ScheduleChange {
        Objects.requireNonNull(conference, "conference");
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a change needs at least one kind");
        }
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(found, "found");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("a change needs the talk before or after it");
        }
    }

    /** The talk as it is now, or as it was when it was cancelled. */
    public Talk talk() {
        return after.or(() -> before).orElseThrow();
    }
}
