package confbot.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.knowledge.Conference;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a talk catalog in whichever format it is: the TSV of {@code shared/data}, iCalendar
 * ({@code .ics}, as sched.com exports) or a pretalx/frab {@code schedule.json}. The one place that
 * decides the format: by extension, else by the first characters ({@code BEGIN:VCALENDAR}, a JSON
 * brace), else TSV.
 */
public final class CatalogReader {

    /** The formats a catalog may come in. */
    public enum Format {
        TSV,
        ICALENDAR,
        SCHEDULE_JSON
    }

    private final TsvCatalog tsv;
    private final IcsCatalog ics;
    private final PretalxCatalog pretalx;

    /** @param conferences whose ids and time zones the talks are placed in */
    public CatalogReader(List<Conference> conferences) {
        Map<Integer, String> ids = conferences.stream().collect(Collectors.toMap(Conference::year, Conference::id));
        ConferenceTimes times = new ConferenceTimes(conferences);
        this.tsv = new TsvCatalog(ids);
        this.ics = new IcsCatalog(times);
        this.pretalx = new PretalxCatalog(times, new ObjectMapper());
    }

    /**
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when its content does not fit its format
     */
    public List<Talk> load(Path file) throws IOException {
        return switch (formatOf(file)) {
            case TSV -> tsv.load(file);
            case ICALENDAR -> ics.load(file);
            case SCHEDULE_JSON -> pretalx.load(file);
        };
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
