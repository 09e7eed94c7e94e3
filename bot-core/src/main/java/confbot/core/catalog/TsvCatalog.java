package confbot.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a talk list in the TSV format of {@code shared/data/*-talks.tsv}: a header line naming
 * the columns (title, speakers, organization, date, start, end, room, track, language,
 * slides_file_or_url, source), then a talk a line. Columns are found by name, so their order may
 * change; a malformed cell is left empty with a warning, never a failed load.
 */
public final class TsvCatalog {

    private static final Logger log = LoggerFactory.getLogger(TsvCatalog.class);

    private final String conference;

    /** @param conference the id of the conference the talks are of: one catalog, one conference */
    public TsvCatalog(String conference) {
        this.conference = conference;
    }

    /**
     * What a TSV says about its conference, which is only its file name (the shared lists are
     * named after it) and its dates.
     */
    static CatalogMeta metadata(Path file) throws IOException {
        List<LocalDate> dates = new ArrayList<>();
        // Line by line, as the talks are read: the whole file is never held.
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first != null) {
                List<String> header = Arrays.stream(first.replace("\uFEFF", "").split("\t", -1))
                        .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                        .toList();
                int column = header.indexOf("date");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] cells = line.split("\t", -1);
                    if (column >= 0 && column < cells.length && !cells[column].isBlank()) {
                        try {
                            dates.add(LocalDate.parse(cells[column].strip()));
                        } catch (DateTimeParseException e) {
                            // reported when the talks are read
                        }
                    }
                }
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return CatalogMeta.spanning(Optional.of(name), List.of(), dates, Optional.empty(), Optional.empty());
    }

    /**
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it has no {@code title} column
     */
    public List<Talk> load(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(file, in);
        }
    }

    /** Line by line, so memory grows with the talks kept, not with the file. */
    private List<Talk> load(Path file, BufferedReader lines) throws IOException {
        String first = lines.readLine();
        if (first == null) {
            return List.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = first.replace("\uFEFF", "").split("\t", -1);
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i].strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        if (!columns.containsKey("title")) {
            throw new IllegalArgumentException(file + ": no 'title' column in the header line");
        }
        List<Talk> talks = new ArrayList<>();
        int n = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            n++;
            String[] cells = line.split("\t", -1);
            Cell cell = name -> {
                Integer i = columns.get(name);
                return i == null || i >= cells.length ? "" : cells[i].strip();
            };
            String title = CatalogText.decodeEntities(cell.get("title"));
            if (title.isEmpty()) {
                continue;
            }
            String where = file.getFileName() + ":" + (n + 1);
            Optional<LocalDate> date = parse(where, "date", cell.get("date"), LocalDate::parse);
            talks.add(new Talk(
                    title,
                    split(cell.get("speakers"), ";"),
                    split(cell.get("organization"), ";"),
                    date,
                    parse(where, "start", cell.get("start"), LocalTime::parse),
                    parse(where, "end", cell.get("end"), LocalTime::parse),
                    nonEmpty(cell.get("room")),
                    nonEmpty(cell.get("track")),
                    urls(where, cell.get("slides_file_or_url")),
                    conference));
        }
        return talks;
    }

    @FunctionalInterface
    private interface Cell {
        String get(String column);
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static List<String> split(String cell, String separator) {
        return Arrays.stream(cell.split(separator))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static <T> Optional<T> parse(
            String where, String column, String value, java.util.function.Function<String, T> parser) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value));
        } catch (DateTimeParseException e) {
            log.warn("{}: ignoring bad {} '{}'", where, column, value);
            return Optional.empty();
        }
    }

    private static List<URI> urls(String where, String cell) {
        List<URI> out = new ArrayList<>();
        for (String raw : cell.split("\\|")) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(s);
                if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
                    out.add(uri);
                    continue;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            log.warn("{}: ignoring slides link that is not an http(s) address: {}", where, s);
        }
        return out;
    }
}
