package confbot.core.ingest;

import confbot.core.chat.Source;
import confbot.core.conference.ConferenceRegistry;
import confbot.knowledge.Conference;
import confbot.knowledge.FrontMatter;
import confbot.knowledge.Language;
import confbot.knowledge.Note;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every Markdown or text file under a folder, as people wrote it: front matter optional and
 * forgiven when broken, the conference guessed from the text when the file does not say. A file
 * that cannot be read is skipped with one warning that names it; nothing here throws on content.
 */
public final class NotesFolder {

    private static final Logger log = LoggerFactory.getLogger(NotesFolder.class);
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    private final FrontMatter frontMatter;
    private final Passages passages;
    private final ConferenceRegistry conferences;

    /**
     * @param conferences the registry a note's conference is found in: by its front matter, else
     *     by the names, aliases and years its title, path and text mention
     */
    public NotesFolder(FrontMatter frontMatter, Passages passages, ConferenceRegistry conferences) {
        this.frontMatter = frontMatter;
        this.passages = passages;
        this.conferences = conferences;
    }

    /** All passages of all readable files under {@code root}, in a stable (sorted) file order. */
    public List<Passage> read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a folder: " + root);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(NotesFolder::isNote)
                    .filter(file -> !insideHiddenFolder(root, file))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot list notes folder {}: {}", root, e.getMessage());
            return List.of();
        }
        // Files are read and cut on every core (reading was half of indexing 1k notes, JFR), and
        // their passages joined in the files' order: the same list one thread makes.
        List<List<Passage>> perFile = files.parallelStream()
                .map(file -> readFile(root, file)
                        .map(raw -> passages.of(
                                raw.note(), sources(raw.note(), file), Passage.Origin.FOLDER, null, raw.context()))
                        .orElse(List.of()))
                .toList();
        List<Passage> out = new ArrayList<>();
        perFile.forEach(out::addAll);
        return out;
    }

    /**
     * Hidden folders hold copies, not notes: a Kubernetes ConfigMap volume keeps its files in a
     * {@code ..<timestamp>} folder and links them into place, so walking it would index each twice.
     */
    static boolean insideHiddenFolder(Path root, Path file) {
        Path relative = root.relativize(file).getParent();
        if (relative == null) {
            return false;
        }
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Markdown and text files, except hidden ones and READMEs: a README describes the folder (which
     * files, from where), and indexed as a note it matches every question about every note.
     */
    static boolean isNote(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean text = name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt");
        return text && !name.startsWith(".") && !name.startsWith("readme.");
    }

    /** A note read from a file, and what its front matter and name say about it. */
    record RawNote(Note note, String context) {}

    /**
     * Front matter fields whose values are facts of the event, not of the page: they open the
     * note's text. The rest (layout, slugs, covers, the post's own date) describe the page.
     */
    private static final List<String> FACT_FIELDS = List.of(
            "description",
            "excerpt",
            "summary",
            "subtitle",
            "abstract",
            "event",
            "conference",
            "venue",
            "location",
            "address",
            "city",
            "place",
            "start",
            "end");
    /** Fields that name or place the note: its context. */
    private static final List<String> CONTEXT_FIELDS =
            List.of("title", "author", "authors", "tags", "categories", "category", "keywords", "series");

    private static final Pattern URL_LIKE = Pattern.compile("^(https?:|/|\\.{1,2}/)\\S*$");

    Optional<RawNote> readFile(Path root, Path file) {
        String content;
        try {
            if (Files.size(file) > MAX_BYTES) {
                log.warn("Skipping note {}: larger than {} MiB", file, MAX_BYTES / 1024 / 1024);
                return Optional.empty();
            }
            content = decode(Files.readAllBytes(file));
        } catch (IOException e) {
            log.warn("Skipping note {}: cannot read it ({})", file, e.getMessage());
            return Optional.empty();
        }
        FrontMatter.Parsed parsed = frontMatter.parseLenient(file.toString(), content);
        String relative = root.relativize(file).toString().replace('\\', '/');
        String title =
                parsed.text("title").orElseGet(() -> firstHeading(parsed.body()).orElse(relative));
        Optional<LocalDate> date = parsed.text("date").flatMap(NotesFolder::date);
        String conference = declaredConference(parsed)
                .orElseGet(() -> guessConference(title + " " + relative + " " + parsed.body()));
        StringBuilder lead = new StringBuilder();
        for (String key : FACT_FIELDS) {
            String value = values(parsed.fields().get(key));
            if (!value.isBlank()) {
                // A time or a place alone says nothing; its key says what it is.
                boolean bare = !List.of("description", "excerpt", "summary", "subtitle", "abstract")
                        .contains(key);
                String label = Character.toUpperCase(key.charAt(0)) + key.substring(1) + ": ";
                lead.append(bare ? label : "").append(value).append("\n\n");
            }
        }
        StringBuilder context = new StringBuilder(title);
        for (String key : CONTEXT_FIELDS) {
            if (!key.equals("title")) {
                context.append(' ').append(values(parsed.fields().get(key)));
            }
        }
        // The file name often names the event and the author (2019-qcon-shanghai-notes-someone.md).
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        context.append(' ').append(name.replaceAll("[-_.]+", " "));
        Note note = new Note(
                "folder:" + relative,
                title,
                Optional.ofNullable(conference),
                Optional.empty(),
                OptionalInt.empty(),
                Language.detect(parsed.body()),
                List.of(),
                List.of(),
                lead + parsed.body());
        return Optional.of(
                new RawNote(note, MarkdownCleaner.stripHtml(context.toString()).strip()));
    }

    /** The text of a front matter value: lists and tables flattened, addresses and paths left out. */
    private static String values(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream()
                    .map(NotesFolder::values)
                    .filter(v -> !v.isBlank())
                    .collect(java.util.stream.Collectors.joining(" "));
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(NotesFolder::values)
                    .filter(v -> !v.isBlank())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        String text = value.toString().strip();
        return URL_LIKE.matcher(text).matches() ? "" : text;
    }

    /** UTF-8, and when a file is not valid UTF-8, the bytes it has replaced rather than lost. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> firstHeading(String body) {
        return body.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").strip())
                .filter(l -> !l.isEmpty())
                .findFirst();
    }

    private static Optional<LocalDate> date(String raw) {
        try {
            return Optional.of(LocalDate.parse(raw.length() >= 10 ? raw.substring(0, 10) : raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The conference the front matter names ({@code conference}, else {@code event}): an id, a
     * name or an alias of one registry entry.
     */
    private Optional<String> declaredConference(FrontMatter.Parsed parsed) {
        for (String key : List.of("conference", "event")) {
            Optional<String> named = parsed.text(key)
                    .map(conferences::resolve)
                    .filter(found -> found.size() == 1)
                    .map(found -> found.get(0).id())
                    .or(() -> parsed.text(key).flatMap(conferences::byId).map(Conference::id));
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    /** The conference the note mentions most (names, aliases, years), or null when it mentions none. */
    String guessConference(String text) {
        return conferences.mostMentioned(text).map(Conference::id).orElse(null);
    }

    /**
     * The note's own address when its front matter gives one, else the file itself: a raw note has
     * no author we know, so its source is honestly the file.
     */
    private static List<Source> sources(Note note, Path file) {
        return List.of(new Source(note.title(), addressOf(file)));
    }

    private static URI addressOf(Path file) {
        return file.toAbsolutePath().normalize().toUri();
    }
}
