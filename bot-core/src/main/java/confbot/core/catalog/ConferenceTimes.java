package confbot.core.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Optional;

/**
 * Puts a catalog's times on the wall clock of the conference it is of. Calendars carry instants
 * (UTC, an offset or a TZID); /schedule and the catalog speak in the local time of that one
 * conference, whatever zone the file used. Every talk of a catalog belongs to the catalog's
 * conference: a talk is never filed elsewhere because its year or date happens to match.
 *
 * @param conference the id of the catalog's conference
 * @param zone that conference's time zone
 */
record ConferenceTimes(String conference, ZoneId zone) {

    /** A talk's place in its conference: id, local date and times. */
    record Placed(String conference, LocalDate date, LocalTime start, Optional<LocalTime> end) {}

    /**
     * @param floating the zone of times that carry none (iCalendar "floating" times, pretalx's
     *     local start): the catalog's own zone if it names one, else the conference's
     */
    Placed place(Temporal start, Optional<Temporal> end, Optional<ZoneId> floating) {
        ZonedDateTime local = zoned(start, floating).withZoneSameInstant(zone);
        Optional<LocalTime> until =
                end.map(e -> zoned(e, floating).withZoneSameInstant(zone).toLocalTime());
        return new Placed(conference, local.toLocalDate(), local.toLocalTime(), until);
    }

    /** The conference of an all-day date, which has no time to convert. */
    String conferenceOn(LocalDate date) {
        return conference;
    }

    private ZonedDateTime zoned(Temporal t, Optional<ZoneId> floating) {
        if (t instanceof ZonedDateTime z) {
            return z;
        }
        if (t instanceof OffsetDateTime o) {
            return o.toZonedDateTime();
        }
        if (t instanceof Instant i) {
            return i.atZone(zone);
        }
        if (t instanceof LocalDateTime l) {
            // Floating: read on the catalog's clock, else the conference's.
            return l.atZone(floating.orElse(zone));
        }
        throw new IllegalArgumentException("not a date and time: " + t);
    }
}
