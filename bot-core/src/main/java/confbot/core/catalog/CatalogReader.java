package confbot.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.conference.ConferenceRegistry;
import confbot.knowledge.Conference;
import confbot.knowledge.Localized;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a talk catalog in whichever format it is: the TSV of {@code shared/data}, iCalendar
 * ({@code .ics}, as sched.com exports) or a pretalx/frab {@code schedule.json}. The one place that
 * decides the format: by extension, else by the first characters ({@code BEGIN:VCALENDAR}, a JSON
 * brace), else TSV.
 */
public final class CatalogReader {

    private static final Logger log = LoggerFactory.getLogger(CatalogReader.class);

    /** The formats a catalog may come in. */
    public enum Format {
        TSV,
        ICALENDAR,
        SCHEDULE_JSON
    }

    /** The conference of talks whose catalog names none and gives no dates. */
    public static final String UNKNOWN = "unknown";

    private final ObjectMapper json = new ObjectMapper();

    /**
     * A catalog read: its talks, all of one conference.
     *
     * @param conference the id of that conference
     * @param registered the conference made from what the file says, when the registry had none
     *     that its name or dates agree with; empty when it had one (or the file gave no dates)
     */
    public record Read(List<Talk> talks, String conference, Optional<Conference> registered) {
        public Read {
            talks = List.copyOf(talks);
        }
    }

    /**
     * Reads a catalog and ties it to its conference: the registry's entry that its own name or
     * dates agree with, else a new one from what it says (its name, days and zone). Times are put
     * on that conference's clock.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when its content does not fit its format
     */
    public Read load(Path file, ConferenceRegistry registry) throws IOException {
        Format format = formatOf(file);
        CatalogMeta meta =
                switch (format) {
                    case TSV -> TsvCatalog.metadata(file);
                    case ICALENDAR -> IcsCatalog.metadata(file);
                    case SCHEDULE_JSON -> PretalxCatalog.metadata(file, json);
                };
        Optional<Conference> known = Stream.concat(meta.title().stream(), meta.aliases().stream())
                .map(name -> registry.catalogOf(Optional.of(name), meta.first(), meta.last()))
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> registry.catalogOf(Optional.empty(), meta.first(), meta.last()));
        // A catalog without dates that names no known conference is of none we could list.
        String id = known.map(Conference::id)
                .orElseGet(() -> meta.first().isPresent() ? newId(meta, file, registry) : UNKNOWN);
        ZoneId zone = known.map(Conference::timezone).or(meta::zone).orElse(ZoneOffset.UTC);
        ConferenceTimes times = new ConferenceTimes(id, zone);
        List<Talk> talks =
                switch (format) {
                    case TSV -> new TsvCatalog(id).load(file);
                    case ICALENDAR -> new IcsCatalog(times).load(file);
                    case SCHEDULE_JSON -> new PretalxCatalog(times, json).load(file);
                };
        if (known.isPresent()) {
            log.debug("{}: talks of {}", file.getFileName(), id);
            return new Read(talks, id, Optional.empty());
        }
        Optional<Conference> fresh = id.equals(UNKNOWN) ? Optional.empty() : register(id, meta, file, talks, zone);
        fresh.ifPresent(c -> log.info(
                "{}: of no conference in the registry; registered {} ({} to {}, {})",
                file.getFileName(),
                c.id(),
                c.start(),
                c.end(),
                c.timezone().getId()));
        return new Read(talks, id, fresh);
    }

    /** A conference from what the catalog says: its name, the days its talks are on, its zone. */
    private static Optional<Conference> register(
            String id, CatalogMeta meta, Path file, List<Talk> talks, ZoneId zone) {
        List<LocalDate> dates = talks.stream().flatMap(t -> t.date().stream()).toList();
        Optional<LocalDate> first =
                dates.stream().min(Comparator.naturalOrder()).or(meta::first);
        Optional<LocalDate> last = dates.stream().max(Comparator.naturalOrder()).or(meta::last);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        String name = meta.title().orElseGet(() -> stem(file));
        Localized named = new Localized(name, name);
        Localized none = new Localized("", "");
        List<Conference.Link> links = meta.url().stream()
                .map(u -> new Conference.Link(
                        Conference.Link.Kind.SCHEDULE, new Localized("Schedule", "日程"), u, Optional.empty()))
                .toList();
        return Optional.of(new Conference(
                id,
                first.get().getYear(),
                named,
                named,
                meta.aliases(),
                none,
                none,
                zone,
                first.get(),
                last.get(),
                Conference.everyDay(first.get(), last.get()),
                links,
                List.of()));
    }

    /** An id from the catalog's name (its year added when the name has none), unused so far. */
    private static String newId(CatalogMeta meta, Path file, ConferenceRegistry registry) {
        String name = meta.title().orElseGet(() -> stem(file));
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "catalog";
        }
        String year = meta.first().map(d -> Integer.toString(d.getYear())).orElse("");
        if (!year.isEmpty() && !slug.contains(year)) {
            slug = slug + "-" + year;
        }
        String id = slug;
        for (int n = 2; registry.byId(id).isPresent(); n++) {
            id = slug + "-" + n;
        }
        return id;
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    /** The format of {@code file}, by its name or else its first characters. */
    public static Format formatOf(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ics") || name.endsWith(".ical") || name.endsWith(".ifb")) {
            return Format.ICALENDAR;
        }
        if (name.endsWith(".json")) {
            return Format.SCHEDULE_JSON;
        }
        if (name.endsWith(".tsv")) {
            return Format.TSV;
        }
        String head = head(file);
        if (head.startsWith("BEGIN:VCALENDAR")) {
            return Format.ICALENDAR;
        }
        if (head.startsWith("{")) {
            return Format.SCHEDULE_JSON;
        }
        return Format.TSV;
    }

    private static String head(Path file) throws IOException {
        char[] buffer = new char[64];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = in.read(buffer);
            return n <= 0
                    ? ""
                    : new String(buffer, 0, n)
                            .replace("\uFEFF", "")
                            .stripLeading()
                            .toUpperCase(Locale.ROOT);
        }
    }
}
