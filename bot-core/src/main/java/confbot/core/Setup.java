package confbot.core;

import confbot.core.catalog.CatalogReader;
import java.nio.file.Path;
import java.util.List;

/**
 * What to load: the built-in knowledge or not, raw notes folders, talk catalogs, glossaries.
 *
 * @param builtin whether to include the curated notes and conference facts
 * @param notesFolders folders of Markdown or text notes to index as they are
 * @param catalogs talk catalogs: the TSV of {@code shared/data/*-talks.tsv}, iCalendar {@code .ics},
 *     a pretalx/frab {@code schedule.json} or frab's {@code schedule.xml}
 * @param builtinGlossary whether the shipped glossary (names and terms of the KubeCon China notes)
 *     expands questions; the engine answers without it, from its general lexicon and tagger
 * @param glossaries glossary files of a deployment ({@code kind<TAB>form<TAB>form...}), added to it
 * @param conferences registry files ({@code conferences.yaml}, the format of the built-in one):
 *     their entries are added, or replace the entry of the same id; a {@code conferences.yaml} at
 *     the top of a notes folder counts as one too
 * @param catalogMaxBytes the largest catalog file read; a larger one is refused, naming the file
 *     and this cap ({@link CatalogReader#DEFAULT_MAX_BYTES} unless set)
 */
public record Setup(
        boolean builtin,
        List<Path> notesFolders,
        List<Path> catalogs,
        boolean builtinGlossary,
        List<Path> glossaries,
        List<Path> conferences,
        long catalogMaxBytes) {
    public Setup {
        notesFolders = List.copyOf(notesFolders);
        catalogs = List.copyOf(catalogs);
        glossaries = List.copyOf(glossaries);
        conferences = List.copyOf(conferences);
        if (catalogMaxBytes <= 0) {
            throw new IllegalArgumentException("the catalog size cap must be positive, got " + catalogMaxBytes);
        }
    }

    /** With the default size cap for catalogs. */
    public Setup(
            boolean builtin,
            List<Path> notesFolders,
            List<Path> catalogs,
            boolean builtinGlossary,
            List<Path> glossaries,
            List<Path> conferences) {
        this(
                builtin,
                notesFolders,
                catalogs,
                builtinGlossary,
                glossaries,
                conferences,
                CatalogReader.DEFAULT_MAX_BYTES);
    }

    /** Without registry files of its own, with the default size cap for catalogs. */
    public Setup(
            boolean builtin,
            List<Path> notesFolders,
            List<Path> catalogs,
            boolean builtinGlossary,
            List<Path> glossaries) {
        this(builtin, notesFolders, catalogs, builtinGlossary, glossaries, List.of());
    }

    /** The registry files a load reads: those given, then each notes folder's {@code conferences.yaml}. */
    public List<Path> registryFiles() {
        List<Path> out = new java.util.ArrayList<>(conferences);
        for (Path folder : notesFolders) {
            Path file = folder.resolve(REGISTRY_FILE);
            if (java.nio.file.Files.isRegularFile(file)) {
                out.add(file);
            }
        }
        return out;
    }

    /** The name of a registry file inside a notes folder. */
    public static final String REGISTRY_FILE = "conferences.yaml";

    /** With the shipped glossary and no other. */
    public Setup(boolean builtin, List<Path> notesFolders, List<Path> catalogs) {
        this(builtin, notesFolders, catalogs, true, List.of(), List.of());
    }

    public static Setup builtinOnly() {
        return new Setup(true, List.of(), List.of());
    }
}
