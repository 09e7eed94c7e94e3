package confbot.core;

import confbot.core.catalog.CatalogFile;
import confbot.core.catalog.CatalogReader;
import confbot.core.catalog.Talk;
import confbot.core.catalog.TalkCatalog;
import confbot.core.chat.Source;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.index.Analyzers;
import confbot.core.index.IndexSnapshot;
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
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link Library} from a {@link Setup}: every passage in one fresh index. */
public final class LibraryLoader {

    private static final Logger log = LoggerFactory.getLogger(LibraryLoader.class);

    private final KnowledgeBase builtin;
    private final Analyzers analyzers;
    private final ConferenceRegistry shipped;
    private final Glossary questionTypes = questionTypes();
    private final Optional<BuiltinIndex> prebuilt;

    /**
     * @param builtin the shipped knowledge; its conferences are recognised even when its notes and
     *     facts are left out, so raw notes about a shipped edition still belong to it
     */
    public LibraryLoader(KnowledgeBase builtin, Analyzers analyzers) {
        this(builtin, analyzers, Optional.empty());
    }

    /**
     * @param prebuilt the index of {@code builtin} made at build time, read instead of built when a
     *     setup asks for the built-in knowledge alone; only for the shipped knowledge
     */
    LibraryLoader(KnowledgeBase builtin, Analyzers analyzers, Optional<BuiltinIndex> prebuilt) {
        this.builtin = builtin;
        this.analyzers = analyzers;
        this.shipped = ConferenceRegistry.of(builtin.conferences());
        this.prebuilt = prebuilt;
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

    /** The shipped conferences, for a retriever built before any library is loaded. */
    public ConferenceRegistry shippedConferences() {
        return shipped;
    }

    /**
     * The registry of a setup: the shipped entries (only recognised, not listed, without the
     * built-in knowledge), then each registry file's entries, which add or replace by id.
     *
     * @throws IllegalArgumentException naming the file and field when a registry file is bad
     */
    ConferenceRegistry registry(Setup setup) {
        ConferenceRegistry out = setup.builtin() ? shipped : new ConferenceRegistry(List.of(), builtin.conferences());
        KnowledgeLoader parser = new KnowledgeLoader();
        for (Path file : setup.registryFiles()) {
            try {
                List<Conference> entries =
                        parser.parseConferences(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                out = out.with(entries);
                log.info("Registered {} conferences from {}", entries.size(), file);
            } catch (IOException | KnowledgeException e) {
                throw new IllegalArgumentException("cannot read conferences " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
    /**
     * @throws IllegalArgumentException naming the folder or file when one cannot be used at all (a
     *     missing folder, an unreadable catalog); a single bad note inside a folder is only skipped
     */
    public Library load(Setup setup) {
        if (prebuilt.isPresent() && builtinAlone(setup)) {
            Optional<IndexSnapshot.Read> read = prebuilt.get().load().filter(this::ofTheseNotes);
            if (read.isPresent()) {
                log.debug(
                        "Index read from the prebuilt one: {} passages",
                        read.get().index().size());
                // What build() would add around the same passages: no catalog, the shipped registry.
                return new Library(
                        read.get().index(),
                        registry(setup),
                        new TalkCatalog(List.of()),
                        glossary(setup),
                        read.get().notes());
            }
        }
        return build(setup);
    }

    /**
     * Whether a prebuilt index holds the notes the knowledge has now: its key catches every changed
     * file, this a note added or removed.
     */
    private boolean ofTheseNotes(IndexSnapshot.Read read) {
        Set<String> indexed = new HashSet<>();
        for (Passage p : read.index().passages()) {
            if (p.origin() == Passage.Origin.CURATED) {
                indexed.add(p.noteId());
            }
        }
        Set<String> known = new HashSet<>();
        builtin.notes().forEach(n -> known.add(n.id()));
        if (!indexed.equals(known)) {
            log.info("The prebuilt index holds other notes than the built-in knowledge; building it");
            return false;
        }
        return true;
    }

    /** Whether {@code setup} indexes the built-in knowledge and nothing else (glossaries only expand questions). */
    static boolean builtinAlone(Setup setup) {
        return setup.builtin()
                && setup.notesFolders().isEmpty()
                && setup.catalogs().isEmpty()
                && setup.registryFiles().isEmpty();
    }

    /** As {@link #load}, always cutting and indexing every passage here. */
    Library build(Setup setup) {
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
        ConferenceRegistry registry = registry(setup);
        ConferenceFacts facts = new ConferenceFacts();
        registry.all().forEach(c -> passages.addAll(facts.of(c)));

        // Catalogs before notes: a catalog may register its conference, which notes then name.
        CatalogReader reader = new CatalogReader(setup.catalogMaxBytes());
        List<CatalogFile> files = new ArrayList<>();
        for (Path file : setup.catalogs()) {
            try {
                CatalogReader.Read read = reader.load(file, registry);
                files.add(read.file());
                if (read.registered().isPresent()) {
                    registry = registry.with(List.of(read.registered().get()));
                }
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalArgumentException("cannot read catalog " + file + ": " + e.getMessage(), e);
            }
        }

        NotesFolder folders = new NotesFolder(new FrontMatter(), cutter, registry);
        for (Path folder : setup.notesFolders()) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("notes folder not found: " + folder);
            }
            List<Passage> read = folders.read(folder);
            read.forEach(p -> notes.add(p.noteId()));
            passages.addAll(read);
            log.info("Indexed {} passages from {}", read.size(), folder);
        }
        TalkCatalog catalog = new TalkCatalog(files);
        List<Talk> talks = catalog.talks();
        passages.addAll(catalog.passages());

        PassageIndex index = PassageIndex.build(passages, analyzers);
        log.debug("Index ready: {} passages from {} notes, {} talks", index.size(), notes.size(), talks.size());
        return new Library(index, registry, catalog, glossary(setup), notes.size());
    }
}
