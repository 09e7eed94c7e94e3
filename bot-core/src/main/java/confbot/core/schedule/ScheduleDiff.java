package confbot.core.schedule;

import confbot.core.catalog.Talk;
import confbot.core.catalog.TalkCatalog;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two versions of the loaded catalogs talk by talk. A talk is the same talk in both when
 * it has the same catalog id (pretalx/frab {@code guid} or {@code id}, iCalendar {@code UID});
 * without one, when it has the same title and speakers, so a TSV talk that changed speakers reads
 * as one cancelled and one new.
 *
 * <p>Only conferences listed in both versions are compared: a conference whose talks appear or
 * disappear as a whole came or went with its catalog file, which is a setup change, not a schedule
 * change.
 */
public final class ScheduleDiff {

    private ScheduleDiff() {}

    /** The changes from {@code before} to {@code after}, by conference then by the new schedule's order. */
    static List<ScheduleChange> between(TalkCatalog before, TalkCatalog after, Instant found) {
        Map<String, List<Talk>> old = byConference(before.talks());
        Map<String, List<Talk>> fresh = byConference(after.talks());
        List<ScheduleChange> out = new ArrayList<>();
        for (Map.Entry<String, List<Talk>> conference : fresh.entrySet()) {
            List<Talk> was = old.get(conference.getKey());
            if (was != null) {
                out.addAll(compare(conference.getKey(), was, conference.getValue(), found));
            }
        }
        return out;
    }

    private static List<ScheduleChange> compare(String conference, List<Talk> was, List<Talk> now, Instant found) {
        // A key may repeat (the same talk twice in a TSV): the n-th of each version pair up.
        Map<String, Deque<Talk>> unmatched = new LinkedHashMap<>();
        was.forEach(
                t -> unmatched.computeIfAbsent(key(t), k -> new ArrayDeque<>()).add(t));
        List<ScheduleChange> out = new ArrayList<>();
        for (Talk t : now) {
            Deque<Talk> same = unmatched.get(key(t));
            Talk old = same == null ? null : same.poll();
            if (old == null) {
                out.add(change(
                        conference, EnumSet.of(ScheduleChange.Kind.NEW), Optional.empty(), Optional.of(t), found));
                continue;
            }
            Set<ScheduleChange.Kind> kinds = EnumSet.noneOf(ScheduleChange.Kind.class);
            if (!old.date().equals(t.date())
                    || !old.start().equals(t.start())
                    || !old.end().equals(t.end())) {
                kinds.add(ScheduleChange.Kind.MOVED_TIME);
            }
            if (!old.room().equals(t.room())) {
                kinds.add(ScheduleChange.Kind.MOVED_ROOM);
            }
            if (!new HashSet<>(old.speakers()).equals(new HashSet<>(t.speakers()))) {
                kinds.add(ScheduleChange.Kind.SPEAKERS_CHANGED);
            }
            if (!kinds.isEmpty()) {
                out.add(change(conference, kinds, Optional.of(old), Optional.of(t), found));
            }
        }
        for (Deque<Talk> left : unmatched.values()) {
            for (Talk t : left) {
                out.add(change(
                        conference,
                        EnumSet.of(ScheduleChange.Kind.CANCELLED),
                        Optional.of(t),
                        Optional.empty(),
                        found));
            }
        }
        return out;
    }

    private static ScheduleChange change(
            String conference,
            Set<ScheduleChange.Kind> kinds,
            Optional<Talk> before,
            Optional<Talk> after,
            Instant found) {
        return new ScheduleChange(0, conference, kinds, before, after, found);
    }

    /**
     * What pairs a talk across versions: the catalog's id, else the title and speakers, without
     * case or spacing differences.
     */
    public static String key(Talk t) {
        return t.id().map(id -> "id:" + id)
                .orElseGet(() -> "talk:"
                        + normal(t.title()) + "|"
                        + String.join(
                                ",",
                                t.speakers().stream()
                                        .map(ScheduleDiff::normal)
                                        .sorted()
                                        .toList()));
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<Talk>> byConference(List<Talk> talks) {
        Map<String, List<Talk>> out = new LinkedHashMap<>();
        talks.forEach(
                t -> out.computeIfAbsent(t.conference(), c -> new ArrayList<>()).add(t));
        return out;
    }
}
