package confbot.core;

import confbot.core.catalog.CatalogFile;
import confbot.core.catalog.CatalogReader;
import confbot.core.catalog.Talk;
import confbot.core.catalog.TalkCatalog;
import confbot.core.chat.Source;
import confbot.core.index.Analyzers;
import confbot.core.index.PassageIndex;
import confbot.core.ingest.ConferenceFacts;
import confbot.core.ingest.MarkdownCleaner;
import confbot.core.ingest.NotesFolder;
import confbot.core.ingest.Passage;
import confbot.core.ingest.Passages;
import confbot.knowledge.Conference;
import confbot.knowledge.FrontMatter;
import confbot.knowledge.Glossary;
import confbot.knowledge.KnowledgeBase;
import confbot.knowledge.KnowledgeException;
import confbot.knowledge.KnowledgeLoader;
import confbot.knowledge.Note;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link Library} from a {@link Setup}: every passage in one fresh index. */
public final class LibraryLoader {

    private static final Logger log = LoggerFactory.getLogger(LibraryLoader.class);

    private final KnowledgeBase builtin;
    private final Analyzers analyzers;
    private final Map<Integer, String> conferenceIdsByYear;
    private final Glossary questionTypes = questionTypes();

    /**
     * @param builtin the shipped knowledge; its conference ids name the conferences even when its
     *     notes are left out, so raw notes about 2019 still count as the 2019 conference
     */
    public LibraryLoader(KnowledgeBase builtin, Analyzers analyzers) {
        this.builtin = builtin;
        this.analyzers = analyzers;
        this.conferenceIdsByYear =
                builtin.conferences().stream().collect(Collectors.toMap(Conference::year, Conference::id));
    }

    /**
     * The glossary a setup asks for: the shipped one unless switched off, the general question types
     * ({@value #QUESTION_TYPES}: when, where, who, price…), which hold for any notes, and each file given.
     *
     * @throws IllegalArgumentException naming the file and line when one cannot be read or parsed
     */
    public Glossary glossary(Setup setup) {
        Glossary out = (setup.builtinGlossary() ? builtin.glossary() : Glossary.empty()).plus(questionTypes);
        for (Path file : setup.glossaries()) {
            try {
                out = out.plus(new KnowledgeLoader()
                        .parseGlossary(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException | KnowledgeException e) {
                throw new IllegalArgumentException("cannot read glossary " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    static final String QUESTION_TYPES = "/confbot/core/question-types.tsv";

    private static Glossary questionTypes() {
        try (java.io.InputStream in = java.util.Objects.requireNonNull(
                LibraryLoader.class.getResourceAsStream(QUESTION_TYPES), QUESTION_TYPES)) {
            return new KnowledgeLoader()
                    .parseGlossary(QUESTION_TYPES, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + QUESTION_TYPES, e);
        }
    }

    public Map<Integer, String> conferenceIdsByYear() {
        return conferenceIdsByYear;
    }

    /**
     * @throws IllegalArgumentException naming the folder or file when one cannot be used at all (a
     *     missing folder, an unreadable catalog); a single bad note inside a folder is only skipped
     */
    public Library load(Setup setup) {
        List<Passage> passages = new ArrayList<>();
        Set<String> notes = new HashSet<>();
        KnowledgeBase kb = setup.builtin() ? builtin : builtin.withoutKnowledge();
        Passages cutter = new Passages(new MarkdownCleaner());
        for (Note note : kb.notes()) {
            List<Source> sources = note.sources().stream()
                    .map(s -> new Source(s.title() + " (" + s.author() + ")", s.url()))
                    .toList();
            passages.addAll(cutter.of(note, sources, Passage.Origin.CURATED, note.language()));
            notes.add(note.id());
        }
        ConferenceFacts facts = new ConferenceFacts();
        kb.conferences().forEach(c -> passages.addAll(facts.of(c)));

        NotesFolder folders = new NotesFolder(new FrontMatter(), cutter, conferenceIdsByYear);
        for (Path folder : setup.notesFolders()) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("notes folder not found: " + folder);
            }
            List<Passage> read = folders.read(folder);
            read.forEach(p -> notes.add(p.noteId()));
            passages.addAll(read);
            log.info("Indexed {} passages from {}", read.size(), folder);
        }

        // The shipped conferences, even with --no-builtin: a catalog's times are placed in their zones.
        CatalogReader reader = new CatalogReader(builtin.conferences(), setup.catalogMaxBytes());
        List<CatalogFile> files = new ArrayList<>();
        for (Path file : setup.catalogs()) {
            try {
                files.add(reader.read(file));
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalArgumentException("cannot read catalog " + file + ": " + e.getMessage(), e);
            }
        }
        TalkCatalog catalog = new TalkCatalog(files);
        List<Talk> talks = catalog.talks();
        passages.addAll(catalog.passages());

        PassageIndex index = PassageIndex.build(passages, analyzers);
        log.debug("Index ready: {} passages from {} notes, {} talks", index.size(), notes.size(), talks.size());
        return new Library(index, kb.conferences(), catalog, glossary(setup), notes.size());
    }
}
