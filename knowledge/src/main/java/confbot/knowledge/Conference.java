package confbot.knowledge;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The facts of one conference edition, from {@code conferences.yaml}. */
public record Conference(
        String id,
        int year,
        Localized name,
        Localized shortName,
        Localized city,
        Localized venue,
        ZoneId timezone,
        LocalDate start,
        LocalDate end,
        List<Day> days,
        List<Link> links,
        List<NoteSource> sources) {

    public Conference {
        Objects.requireNonNull(id, "id");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(id + ": end " + end + " is before start " + start);
        }
        days = List.copyOf(days);
        links = List.copyOf(links);
        sources = List.copyOf(sources);
    }

    /** One day of the programme. */
    public record Day(int number, LocalDate date, Localized label) {}

    /** Where to find something: the official site, the schedule, the slides, the videos. */
    public record Link(Kind kind, Localized title, URI url, Optional<Localized> note) {
        public enum Kind {
            OFFICIAL,
            SCHEDULE,
            SLIDES,
            VIDEO
        }
    }

    public Optional<Day> day(int number) {
        return days.stream().filter(d -> d.number() == number).findFirst();
    }

    public List<Link> links(Link.Kind kind) {
        return links.stream().filter(l -> l.kind() == kind).toList();
    }
}
