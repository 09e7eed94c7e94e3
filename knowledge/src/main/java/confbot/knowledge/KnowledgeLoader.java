package confbot.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a knowledge folder ({@code conferences.yaml}, {@code glossary.tsv}, {@code notes/*.md})
 * into a {@link KnowledgeBase}, validating every field. The built-in folder ships inside the jar
 * under {@code confbot/knowledge}.
 *
 * <p>Curated knowledge is ours, so it is loaded strictly: one bad field fails the load with a
 * message naming the file and the field. Raw notes folders go through the core's lenient ingest.
 */
public final class KnowledgeLoader {

    public static final String RESOURCE_ROOT = "confbot/knowledge";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final FrontMatter frontMatter = new FrontMatter();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Loads the knowledge that ships with confbot. */
    public KnowledgeBase loadBuiltin() {
        URL url = KnowledgeLoader.class.getClassLoader().getResource(RESOURCE_ROOT + "/conferences.yaml");
        if (url == null) {
            throw new KnowledgeException("the built-in knowledge is missing from the classpath: " + RESOURCE_ROOT);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(jar.getPath("/" + RESOURCE_ROOT));
                } catch (FileSystemAlreadyExistsException e) {
                    // Someone else holds the jar open: read through theirs and leave it open.
                    return load(FileSystems.getFileSystem(uri).getPath("/" + RESOURCE_ROOT));
                }
            }
            return load(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new KnowledgeException("cannot read the built-in knowledge: " + e.getMessage(), e);
        }
    }

    /** Loads a knowledge folder laid out like the built-in one. */
    public KnowledgeBase load(Path root) {
        List<Conference> conferences = loadConferences(root.resolve("conferences.yaml"));
        Glossary glossary = loadGlossary(root.resolve("glossary.tsv"));
        Set<String> known = new HashSet<>();
        conferences.forEach(c -> known.add(c.id()));
        known.add("both");
        List<Note> notes = loadNotes(root.resolve("notes"), known);
        return new KnowledgeBase(conferences, notes, glossary);
    }

    // ---- notes -------------------------------------------------------------------------------

    List<Note> loadNotes(Path folder, Set<String> conferenceIds) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Note> notes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            Note note = parseNote(file.getFileName().toString(), read(file), conferenceIds);
            if (!ids.add(note.id())) {
                throw new KnowledgeException(file.getFileName() + ": duplicate id " + note.id());
            }
            notes.add(note);
        }
        return notes;
    }

    /** Parses one curated note; every field is checked and errors name the file and field. */
    public Note parseNote(String fileName, String content, Set<String> conferenceIds) {
        FrontMatter.Parsed parsed = frontMatter.parse(fileName, content);
        Fields f = new Fields(fileName, parsed.fields());
        String id = f.required("id");
        if (!ID.matcher(id).matches()) {
            throw f.bad("id", "must be lowercase letters, digits and dashes: " + id);
        }
        if (!fileName.equals(id + ".md")) {
            throw f.bad("id", id + " does not match the file name");
        }
        String conference = f.required("conference");
        if (!conferenceIds.contains(conference)) {
            throw f.bad("conference", "unknown conference " + conference + " (known: " + conferenceIds + ")");
        }
        Optional<LocalDate> date = f.optional("date").map(d -> f.date("date", d));
        OptionalInt day = f.optional("day")
                .map(d -> OptionalInt.of(f.positiveInt("day", d)))
                .orElse(OptionalInt.empty());
        Language language =
                Language.parse(f.required("language")).orElseThrow(() -> f.bad("language", "must be en or zh"));
        List<String> tags = f.list("tags").stream().map(Object::toString).toList();
        if (tags.isEmpty()) {
            throw f.bad("tags", "needs at least one tag");
        }
        List<NoteSource> sources =
                f.list("sources").stream().map(s -> source(f, s)).toList();
        if (sources.isEmpty()) {
            throw f.bad("sources", "needs at least one source");
        }
        if (parsed.body().isBlank()) {
            throw new KnowledgeException(fileName + ": the note has no body");
        }
        return new Note(
                id, f.required("title"), Optional.of(conference), date, day, language, tags, sources, parsed.body());
    }

    private static NoteSource source(Fields f, Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw f.bad("sources", "each source needs title, author and url");
        }
        Fields s = new Fields(f.file, castFields(map));
        return new NoteSource(s.required("title"), s.required("author"), s.url("url", s.required("url")));
    }

    // ---- conferences -------------------------------------------------------------------------

    List<Conference> loadConferences(Path file) {
        return parseConferences(file.getFileName().toString(), read(file));
    }

    /**
     * Parses a conference registry ({@code conferences:} a list of entries), strictly: errors name
     * the file, the entry and the field.
     */
    public List<Conference> parseConferences(String name, String content) {
        Object tree;
        try {
            tree = yaml.readValue(content, Object.class);
        } catch (JacksonException e) {
            throw new KnowledgeException(name + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof Map<?, ?> top) || !(top.get("conferences") instanceof List<?> list)) {
            throw new KnowledgeException(name + ": expected a top-level 'conferences' list");
        }
        List<Conference> conferences = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new KnowledgeException(name + ": each conference must be a mapping");
            }
            Fields f = new Fields(name, castFields(map));
            Conference c = conference(f);
            if (!ids.add(c.id())) {
                throw f.bad("id", "duplicate conference id " + c.id());
            }
            conferences.add(c);
        }
        return conferences;
    }

    private static Conference conference(Fields f) {
        String id = f.required("id");
        if (!ID.matcher(id).matches()) {
            throw f.bad("id", "must be lowercase letters, digits and dashes: " + id);
        }
        Fields in = f.in(id);
        LocalDate start = in.date("start", in.required("start"));
        LocalDate end = in.date("end", in.required("end"));
        if (end.isBefore(start)) {
            throw in.bad("end", end + " is before start " + start);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(in.required("timezone"));
        } catch (DateTimeException e) {
            throw in.bad("timezone", e.getMessage());
        }
        List<Conference.Day> days = new ArrayList<>();
        Localized name = in.localized("name");
        for (Object d : in.list("days")) {
            Fields day = in.nested("days", d);
            LocalDate date = day.date("date", day.required("date"));
            if (date.isBefore(start) || date.isAfter(end)) {
                throw day.bad("days", date + " is outside " + start + ".." + end);
            }
            days.add(new Conference.Day(day.positiveInt("day", day.required("day")), date, day.localized("label")));
        }
        List<Conference.Link> links = new ArrayList<>();
        for (Object l : in.list("links")) {
            Fields link = in.nested("links", l);
            Conference.Link.Kind kind;
            try {
                kind = Conference.Link.Kind.valueOf(link.required("kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw link.bad("kind", "must be official, schedule, slides or video");
            }
            Optional<Localized> note = link.has("note") ? Optional.of(link.localized("note")) : Optional.empty();
            links.add(new Conference.Link(kind, link.localized("title"), link.url("url", link.required("url")), note));
        }
        List<NoteSource> sources =
                in.list("sources").stream().map(s -> source(in, s)).toList();
        Localized none = new Localized("", "");
        int year = in.optional("year").map(y -> in.positiveInt("year", y)).orElse(start.getYear());
        if (year != start.getYear()) {
            throw in.bad("year", year + " is not the year of start " + start);
        }
        return new Conference(
                id,
                year,
                name,
                in.has("short") ? in.localized("short") : name,
                in.aliases("aliases"),
                in.has("city") ? in.localized("city") : none,
                in.has("venue") ? in.localized("venue") : none,
                zone,
                start,
                end,
                days.isEmpty() ? Conference.everyDay(start, end) : days,
                links,
                sources);
    }

    // ---- glossary ----------------------------------------------------------------------------

    Glossary loadGlossary(Path file) {
        if (!Files.exists(file)) {
            return Glossary.empty();
        }
        return parseGlossary(file.getFileName().toString(), read(file));
    }

    /** Parses glossary TSV: {@code kind<TAB>form<TAB>form...}; {@code #} starts a comment line. */
    public Glossary parseGlossary(String name, String content) {
        List<Glossary.Group> groups = new ArrayList<>();
        String[] lines = content.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = lines[i].split("\t");
            List<String> forms = Stream.of(cells)
                    .skip(1)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            if (forms.size() < 2) {
                throw new KnowledgeException(
                        name + ":" + (i + 1) + ": needs a kind and two forms or more, tab-separated");
            }
            groups.add(new Glossary.Group(cells[0].strip(), forms));
        }
        return new Glossary(groups);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KnowledgeException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> castFields(Map<?, ?> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Typed access to one mapping of a file, with errors that name file, path and field. */
    private static final class Fields {
        private final String file;
        private final String path;
        private final Map<String, Object> map;

        Fields(String file, Map<String, Object> map) {
            this(file, "", map);
        }

        private Fields(String file, String path, Map<String, Object> map) {
            this.file = file;
            this.path = path;
            this.map = map;
        }

        Fields in(String label) {
            return new Fields(file, path + label + ".", map);
        }

        Fields nested(String key, Object value) {
            if (!(value instanceof Map<?, ?> m)) {
                throw bad(key, "each entry must be a mapping");
            }
            return new Fields(file, path + key + ".", castFields(m));
        }

        boolean has(String key) {
            return map.get(key) != null;
        }

        Optional<String> optional(String key) {
            Object v = map.get(key);
            return v == null
                    ? Optional.empty()
                    : Optional.of(v.toString().trim()).filter(s -> !s.isEmpty());
        }

        String required(String key) {
            return optional(key).orElseThrow(() -> bad(key, "is required"));
        }

        List<?> list(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw bad(key, "must be a list");
            }
            return l;
        }

        Localized localized(String key) {
            Object v = map.get(key);
            if (!(v instanceof Map<?, ?> m) || m.get("en") == null || m.get("zh") == null) {
                throw bad(key, "needs both en and zh");
            }
            return new Localized(
                    m.get("en").toString().trim(), m.get("zh").toString().trim());
        }

        /** A list of names, or {@code {en: [...], zh: [...]}}: either way, every name in it. */
        List<String> aliases(String key) {
            Object v = map.get(key);
            List<Object> raw = new ArrayList<>();
            if (v instanceof Map<?, ?> m) {
                for (Object lang : m.values()) {
                    if (lang instanceof List<?> l) {
                        raw.addAll(l);
                    } else if (lang != null) {
                        raw.add(lang);
                    }
                }
            } else if (v instanceof List<?> l) {
                raw.addAll(l);
            } else if (v != null) {
                throw bad(key, "must be a list of names, or en and zh lists");
            }
            return raw.stream()
                    .map(o -> o.toString().strip())
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        LocalDate date(String key, String value) {
            try {
                return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            } catch (DateTimeException e) {
                throw bad(key, "not a date (YYYY-MM-DD): " + value);
            }
        }

        int positiveInt(String key, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(key, "must be a positive whole number: " + value);
        }

        URI url(String key, String value) {
            try {
                URI uri = new URI(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw bad(key, "not a well-formed http(s) address: " + value);
        }

        KnowledgeException bad(String key, String problem) {
            return new KnowledgeException(file + ": " + path + key + " " + problem);
        }
    }
}
