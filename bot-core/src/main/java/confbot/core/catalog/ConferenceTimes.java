package confbot.core.catalog;

import confbot.knowledge.Conference;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;

/**
 * Puts a talk's times on the conference's wall clock. Calendars carry instants (UTC, an offset or a
 * TZID); /schedule and the catalog speak in the local time of the conference the talk belongs to,
 * found by date: the conference whose days (in its own zone, a day's margin either side) hold the
 * moment, else the one of the same year.
 */
final class ConferenceTimes {

    /** A talk's place in a conference: id, local date and times. */
    record Placed(String conference, LocalDate date, LocalTime start, Optional<LocalTime> end) {}

    private final List<Conference> conferences;

    ConferenceTimes(List<Conference> conferences) {
        this.conferences = List.copyOf(conferences);
    }

    /**
     * @param floating the zone of times that carry none (iCalendar "floating" times, pretalx's
     *     local start): the catalog's own zone if it names one, else the conference's
     */
    Placed place(Temporal start, Optional<Temporal> end, Optional<ZoneId> floating) {
        ZonedDateTime from = zoned(start, floating);
        Optional<Conference> conference = of(from.toInstant());
        ZoneId zone = conference.map(Conference::timezone).orElse(from.getZone());
        ZonedDateTime local = from.withZoneSameInstant(zone);
        Optional<LocalTime> until =
                end.map(e -> zoned(e, floating).withZoneSameInstant(zone).toLocalTime());
        return new Placed(
                conference.map(Conference::id).orElse("unknown"), local.toLocalDate(), local.toLocalTime(), until);
    }

    /** The conference of an all-day date, which has no time to convert. */
    String conferenceOn(LocalDate date) {
        return conferences.stream()
                .filter(c -> !date.isBefore(c.start().minusDays(1))
                        && !date.isAfter(c.end().plusDays(1)))
                .findFirst()
                .or(() -> conferences.stream()
                        .filter(c -> c.year() == date.getYear())
                        .findFirst())
                .map(Conference::id)
                .orElse("unknown");
    }

    private Optional<Conference> of(Instant instant) {
        for (Conference c : conferences) {
            LocalDate date = instant.atZone(c.timezone()).toLocalDate();
            if (!date.isBefore(c.start().minusDays(1)) && !date.isAfter(c.end().plusDays(1))) {
                return Optional.of(c);
            }
        }
        return conferences.stream()
                .filter(c -> c.year() == instant.atZone(c.timezone()).getYear())
                .findFirst();
    }

    /** The zone of the conference held in {@code year}, which stands in for a floating time's. */
    Optional<ZoneId> zoneOfYear(int year) {
        return conferences.stream()
                .filter(c -> c.year() == year)
                .map(Conference::timezone)
                .findFirst();
    }

    private ZonedDateTime zoned(Temporal t, Optional<ZoneId> floating) {
        if (t instanceof ZonedDateTime z) {
            return z;
        }
        if (t instanceof OffsetDateTime o) {
            return o.toZonedDateTime();
        }
        if (t instanceof Instant i) {
            return i.atZone(ZoneOffset.UTC);
        }
        if (t instanceof LocalDateTime l) {
            // Floating: read on the conference's clock when the catalog names no zone.
            return l.atZone(floating.or(() -> zoneOfYear(l.getYear())).orElse(ZoneOffset.UTC));
        }
        throw new IllegalArgumentException("not a date and time: " + t);
    }
}
