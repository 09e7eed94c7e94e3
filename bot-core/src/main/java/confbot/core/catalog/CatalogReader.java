package confbot.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.conference.ConferenceRegistry;
import confbot.knowledge.Conference;
import confbot.knowledge.Localized;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a talk catalog in whichever format it is: the TSV of {@code shared/data}, iCalendar
 * ({@code .ics}, as sched.com exports), a pretalx/frab {@code schedule.json} or frab's {@code
 * schedule.xml}. The one place that decides the format: by extension, else by the first characters
 * ({@code BEGIN:VCALENDAR}, a JSON brace, an XML prolog or {@code <schedule>}), else TSV.
 *
 * <p>It is also the one gate every file passes before a parser sees it: a size cap (a catalog is
 * read whole into the index, so the cap is what keeps a heap of {@code -Xmx256m} safe), UTF-8
 * text, and at least one talk; each refusal is one {@link IllegalArgumentException} whose message
 * names the file and why. The parsers stream, so memory grows with the talks kept, not with the
 * file's size; the catalog's own metadata, which ties it to a conference of the registry, is read
 * the same way before its talks.
 */
public final class CatalogReader {

    private static final Logger log = LoggerFactory.getLogger(CatalogReader.class);

    /**
     * The default size cap. The largest real exports seen are a few MB (a congress of 400 talks
     * with abstracts is 2 MB as JSON); 20 MB leaves room for ten times that, and loads in a
     * {@code -Xmx256m} heap (CatalogHeapTest in adapters/cli checks it in a child JVM).
     */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private static final Pattern OTHER_ENCODING = Pattern.compile("^<\\?XML[^>]*ENCODING\\s*=\\s*[\"'](?!UTF-?8[\"'])");

    /** The formats a catalog may come in. */
    public enum Format {
        TSV("TSV file", "a header line with a 'title' column, then a talk a line"),
        ICALENDAR("iCalendar file", "VEVENTs with a SUMMARY"),
        SCHEDULE_JSON("schedule.json", "schedule.conference.days[].rooms or schedule.events with titles"),
        FRAB_XML("frab schedule.xml", "<day><room><event> with a <title>");

        private final String label;
        private final String expected;

        Format(String label, String expected) {
            this.label = label;
            this.expected = expected;
        }
    }

    /** The conference of talks whose catalog names none and gives no dates. */
    public static final String UNKNOWN = "unknown";

    private final ObjectMapper json = new ObjectMapper();
    private final long maxBytes;

    /**
     * A catalog read: its talks, all of one conference.
     *
     * @param file the talks and the schedule's own address, as {@link TalkCatalog} takes them
     * @param conference the id of that conference
     * @param registered the conference made from what the file says, when the registry had none
     *     that its name or dates agree with; empty when it had one (or the file gave no dates)
     */
    public record Read(CatalogFile file, String conference, Optional<Conference> registered) {
        public Read {
            java.util.Objects.requireNonNull(file, "file");
            java.util.Objects.requireNonNull(registered, "registered");
        }

        public List<Talk> talks() {
            return file.talks();
        }

        /** The published schedule the file names, which a talk without a page of its own cites. */
        public Optional<URI> address() {
            return file.address();
        }
    }

    /** With the default size cap. */
    public CatalogReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest file read; a larger one is refused before it is opened */
    public CatalogReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the catalog size cap must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The largest file read, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a catalog and ties it to its conference: the registry's entry that its own name or
     * dates agree with, else a new one from what it says (its name, days and zone). Times are put
     * on that conference's clock. Logs one INFO line with the count.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is over the size cap, empty, not
     *     UTF-8, not of its format, or holds no talk
     */
    public Read load(Path file, ConferenceRegistry registry) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IllegalArgumentException(
                    file + ": " + megabytes(size) + " is over the size cap for catalogs (" + megabytes(maxBytes) + ")");
        }
        if (size == 0) {
            throw new IllegalArgumentException(file + ": the file is empty");
        }
        Format format = formatOf(file);
        // XML may name another encoding in its prolog, and the XML parser holds it to that one.
        if (format != Format.FRAB_XML || !OTHER_ENCODING.matcher(head(file)).find()) {
            CatalogText.requireUtf8(file);
        }
        CatalogMeta meta =
                switch (format) {
                    case TSV -> TsvCatalog.metadata(file);
                    case ICALENDAR -> IcsCatalog.metadata(file);
                    case SCHEDULE_JSON -> PretalxCatalog.metadata(file, json);
                    case FRAB_XML -> FrabXmlCatalog.metadata(file);
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
        CatalogFile read =
                switch (format) {
                    case TSV -> new CatalogFile(file, Optional.empty(), new TsvCatalog(id).load(file));
                    case ICALENDAR -> new IcsCatalog(times).load(file);
                    case SCHEDULE_JSON -> new PretalxCatalog(times, json).load(file);
                    case FRAB_XML -> new FrabXmlCatalog(times).load(file);
                };
        if (read.talks().isEmpty()) {
            throw new IllegalArgumentException(
                    file + ": no talks in this " + format.label + " (expected " + format.expected + ")");
        }
        log.info("Loaded {} talks from {}", read.talks().size(), file);
        if (known.isPresent()) {
            log.debug("{}: talks of {}", file.getFileName(), id);
            return new Read(read, id, Optional.empty());
        }
        Optional<Conference> fresh =
                id.equals(UNKNOWN) ? Optional.empty() : register(id, meta, file, read.talks(), zone);
        fresh.ifPresent(c -> log.info(
                "{}: of no conference in the registry; registered {} ({} to {}, {})",
                file.getFileName(),
                c.id(),
                c.start(),
                c.end(),
                c.timezone().getId()));
        return new Read(read, id, fresh);
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
        if (name.endsWith(".xml")) {
            return Format.FRAB_XML;
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
        if (head.startsWith("<?XML") || head.startsWith("<SCHEDULE")) {
            return Format.FRAB_XML;
        }
        return Format.TSV;
    }

    /** The first characters, read leniently: a file that is not UTF-8 is refused later, with its offset. */
    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(128);
            return new String(bytes, StandardCharsets.UTF_8)
                    .replace("\uFEFF", "")
                    .stripLeading()
                    .toUpperCase(Locale.ROOT);
        }
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb)
                ? String.format(Locale.ROOT, "%.0f MB", mb)
                : String.format(Locale.ROOT, "%.1f MB", mb);
    }
}
