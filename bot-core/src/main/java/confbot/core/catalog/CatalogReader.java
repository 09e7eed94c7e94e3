package confbot.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.knowledge.Conference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * file's size.
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

    private final TsvCatalog tsv;
    private final IcsCatalog ics;
    private final PretalxCatalog pretalx;
    private final FrabXmlCatalog frabXml;
    private final long maxBytes;

    /** @param conferences whose ids and time zones the talks are placed in */
    public CatalogReader(List<Conference> conferences) {
        this(conferences, DEFAULT_MAX_BYTES);
    }

    /**
     * @param conferences whose ids and time zones the talks are placed in
     * @param maxBytes the largest file read; a larger one is refused before it is opened
     */
    public CatalogReader(List<Conference> conferences, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the catalog size cap must be positive, got " + maxBytes);
        }
        Map<Integer, String> ids = conferences.stream().collect(Collectors.toMap(Conference::year, Conference::id));
        ConferenceTimes times = new ConferenceTimes(conferences);
        this.tsv = new TsvCatalog(ids);
        this.ics = new IcsCatalog(times);
        this.pretalx = new PretalxCatalog(times, new ObjectMapper());
        this.frabXml = new FrabXmlCatalog(times);
        this.maxBytes = maxBytes;
    }

    /**
     * The talks of {@code file}.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is over the size cap, empty, not
     *     UTF-8, not of its format, or holds no talk
     */
    public List<Talk> load(Path file) throws IOException {
        return read(file).talks();
    }

    /**
     * The talks of {@code file} and the schedule's address; logs one INFO line with the count.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is over the size cap, empty, not
     *     UTF-8, not of its format, or holds no talk
     */
    public CatalogFile read(Path file) throws IOException {
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
        CatalogFile read =
                switch (format) {
                    case TSV -> new CatalogFile(file, java.util.Optional.empty(), tsv.load(file));
                    case ICALENDAR -> ics.load(file);
                    case SCHEDULE_JSON -> pretalx.load(file);
                    case FRAB_XML -> frabXml.load(file);
                };
        if (read.talks().isEmpty()) {
            throw new IllegalArgumentException(
                    file + ": no talks in this " + format.label + " (expected " + format.expected + ")");
        }
        log.info("Loaded {} talks from {}", read.talks().size(), file);
        return read;
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
