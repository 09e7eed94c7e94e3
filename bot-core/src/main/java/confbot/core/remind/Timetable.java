package confbot.core.remind;

import confbot.core.Library;
import confbot.core.catalog.Talk;
import confbot.core.conference.Units;
import confbot.knowledge.Conference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loaded talks on the clock: each talk with a date and a start, as an instant on its
 * conference's time zone. Talks without a time have nothing to be reminded of and are left out.
 */
final class Timetable {

    /** A talk, when it starts, and the zone its times are shown in. */
    record Timed(Talk talk, Instant start, ZoneId zone) {

        /** Names the talk at this start: a talk that moves gets a new key, and a new reminder. */
        String key() {
            return digest(talk.conference() + "\n" + talk.title() + "\n" + start.toEpochMilli());
        }

        /** Whether the talk is in the track or room {@code place} (any talk when empty). */
        boolean at(Optional<String> place) {
            return place.isEmpty() || Timetable.at(talk, place.get());
        }
    }

    private Timetable() {}

    /** Every timed talk of the library, by conference (registry order), each by start then title. */
    static Map<String, List<Timed>> byConference(Library library) {
        Map<String, List<Timed>> out = new LinkedHashMap<>();
        for (Talk talk : library.catalog().talks()) {
            timed(talk, library).ifPresent(t -> out.computeIfAbsent(talk.conference(), c -> new ArrayList<>())
                    .add(t));
        }
        out.values()
                .forEach(list -> list.sort(Comparator.comparing(Timed::start)
                        .thenComparing(t -> t.talk().title())));
        return out;
    }

    /** The talk on the clock of its conference, when it has a date and a start. */
    static Optional<Timed> timed(Talk talk, Library library) {
        if (talk.date().isEmpty() || talk.start().isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = library.registry()
                .byId(talk.conference())
                .map(Conference::timezone)
                .orElse(ZoneId.of("UTC"));
        Instant start =
                talk.date().get().atTime(talk.start().get()).atZone(zone).toInstant();
        return Optional.of(new Timed(talk, start, zone));
    }

    /** Whether {@code talk} is in the track or room {@code place}, compared word by word, any case. */
    static boolean at(Talk talk, String place) {
        List<String> wanted = Units.of(place);
        return talk.room().map(Units::of).filter(wanted::equals).isPresent()
                || talk.track().map(Units::of).filter(wanted::equals).isPresent();
    }

    /** The rooms and tracks of some talks, as the catalog writes them, first seen first. */
    static Set<String> places(List<Timed> talks) {
        Set<String> out = new LinkedHashSet<>();
        talks.forEach(t -> t.talk().room().ifPresent(out::add));
        talks.forEach(t -> t.talk().track().ifPresent(out::add));
        return out;
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
