package confbot.cli;

import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every answering subcommand shares: what knowledge to load. */
final class KnowledgeOptions {

    static final long MEGABYTE = 1024L * 1024;

    @Option(
            names = "--notes",
            paramLabel = "DIR",
            description = "Also index every Markdown or text file under DIR (repeatable).")
    List<Path> notes = new ArrayList<>();

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description = "Load a talk catalog: TSV with a header line, iCalendar .ics, pretalx/frab"
                    + " schedule.json or frab schedule.xml (repeatable).")
    List<Path> catalogs = new ArrayList<>();

    @Option(
            names = "--conferences",
            paramLabel = "FILE",
            description = "Add the conferences of a registry file (the format of the built-in conferences.yaml;"
                    + " an entry replaces the one of the same id; repeatable).")
    List<Path> conferences = new ArrayList<>();

    @Option(
            names = "--catalog-max-mb",
            paramLabel = "MB",
            description = "Refuse a catalog larger than this many megabytes (default: 20).")
    Optional<Integer> catalogMaxMb = Optional.empty();

    @Option(names = "--no-builtin", description = "Leave the built-in knowledge out.")
    boolean noBuiltin;

    @Option(
            names = "--glossary",
            paramLabel = "FILE",
            description = "Add a glossary of names and terms (kind<TAB>form<TAB>form..., repeatable).")
    List<Path> glossaries = new ArrayList<>();

    @Option(
            names = "--no-glossary",
            description = "Leave the shipped glossary out: questions are read with the general lexicon alone.")
    boolean noGlossary;

    /** @throws IllegalArgumentException naming the first missing folder or file */
    Setup setup() {
        for (Path dir : notes) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--notes: no such folder: " + dir);
            }
        }
        for (Path file : catalogs) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--catalog: no such file: " + file);
            }
        }
        for (Path file : glossaries) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--glossary: no such file: " + file);
            }
        }
        for (Path file : conferences) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--conferences: no such file: " + file);
            }
        }
        if (noBuiltin && notes.isEmpty() && catalogs.isEmpty()) {
            throw new IllegalArgumentException(
                    "--no-builtin leaves nothing to answer from: add --notes DIR or --catalog FILE");
        }
        if (catalogMaxMb.isPresent() && catalogMaxMb.get() < 1) {
            throw new IllegalArgumentException("--catalog-max-mb must be at least 1, got " + catalogMaxMb.get());
        }
        return new Setup(
                !noBuiltin,
                notes,
                catalogs,
                !noGlossary,
                glossaries,
                conferences,
                catalogMaxMb.map(mb -> mb * MEGABYTE).orElse(CatalogReader.DEFAULT_MAX_BYTES));
    }
}
