package confbot.core.catalog;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One talk of a catalog. Empty cells are empty optionals or lists: unknown, not "none". Date and
 * times are wall-clock times in the conference's time zone ({@code Conference.timezone()}); the
 * readers of formats that carry zones convert to it.
 *
 * @param page the talk's own page (a schedule entry), when the catalog gives one
 * @param id the catalog's own id of the talk (pretalx/frab {@code guid}, else its {@code id};
 *     iCalendar {@code UID}), which keeps a talk the same talk across versions of its schedule
 *     when its title, time or room change; empty for TSV catalogs
 */
public record Talk(
        String title,
        List<String> speakers,
        List<String> organizations,
        Optional<LocalDate> date,
        Optional<LocalTime> start,
        Optional<LocalTime> end,
        Optional<String> room,
        Optional<String> track,
        List<URI> slides,
        String conference,
        Optional<URI> page,
        Optional<String> id) {

    public Talk {
        Objects.requireNonNull(title, "title");
        speakers = List.copyOf(speakers);
        organizations = List.copyOf(organizations);
        slides = List.copyOf(slides);
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(id, "id");
    }

    /** A talk without an id of its own. */
    public Talk(
            String title,
            List<String> speakers,
            List<String> organizations,
            Optional<LocalDate> date,
            Optional<LocalTime> start,
            Optional<LocalTime> end,
            Optional<String> room,
            Optional<String> track,
            List<URI> slides,
            String conference,
            Optional<URI> page) {
        this(title, speakers, organizations, date, start, end, room, track, slides, conference, page, Optional.empty());
    }

    /** A talk without a page of its own, as TSV catalogs list them. */
    public Talk(
            String title,
            List<String> speakers,
            List<String> organizations,
            Optional<LocalDate> date,
            Optional<LocalTime> start,
            Optional<LocalTime> end,
            Optional<String> room,
            Optional<String> track,
            List<URI> slides,
            String conference) {
        this(
                title,
                speakers,
                organizations,
                date,
                start,
                end,
                room,
                track,
                slides,
                conference,
                Optional.empty(),
                Optional.empty());
    }

    /** "Title — Speaker; Speaker (Org)", as a one-line listing. */
    public String line() {
        StringBuilder out = new StringBuilder(title);
        if (!speakers.isEmpty()) {
            out.append(" — ").append(String.join(", ", speakers));
        }
        if (!organizations.isEmpty()) {
            out.append(" (").append(String.join(", ", organizations)).append(')');
        }
        return out.toString();
    }
}
