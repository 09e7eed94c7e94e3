package confbot.knowledge;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts of one conference edition, from a {@code conferences.yaml} (the built-in one, a {@code
 * --conferences} file, a notes folder's) or from what a talk catalog says about itself.
 *
 * @param aliases other names people use for it, in any language ("KubeCon 上海 2019"); matched
 *     like the names
 * @param days the programme by day; every date from start to end when the file lists none
 */
public record Conference(
        String id,
        int year,
        Localized name,
        Localized shortName,
        List<String> aliases,
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
        aliases = List.copyOf(aliases);
        days = List.copyOf(days);
        links = List.copyOf(links);
        sources = List.copyOf(sources);
    }

    /** One day of the programme. */
    public record Day(int number, LocalDate date, Localized label) {}

    /** Day 1 on {@code start}, one a date up to {@code end}, unlabelled: when the data lists no days. */
    public static List<Day> everyDay(LocalDate start, LocalDate end) {
        List<Day> out = new java.util.ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            out.add(new Day(out.size() + 1, d, new Localized("", "")));
        }
        return out;
    }

    /** Where to find something: the official site, the schedule, the slides, the videos. */
    public record Link(Kind kind, Localized title, URI url, Optional<Localized> note) {
        public enum Kind {
            OFFICIAL,
            SCHEDULE,
            SLIDES,
            VIDEO
        }
    }

    /** The name, the short name and the aliases, in both languages: every way the data names it. */
    public List<String> names() {
        List<String> out = new java.util.ArrayList<>(List.of(name.en(), name.zh(), shortName.en(), shortName.zh()));
        out.addAll(aliases);
        return out.stream().filter(n -> !n.isBlank()).distinct().toList();
    }

    public Optional<Day> day(int number) {
        return days.stream().filter(d -> d.number() == number).findFirst();
    }

    public List<Link> links(Link.Kind kind) {
        return links.stream().filter(l -> l.kind() == kind).toList();
    }
}
