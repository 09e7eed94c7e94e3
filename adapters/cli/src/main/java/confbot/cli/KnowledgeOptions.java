package confbot.cli;

import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.schedule.CatalogPoller;
import confbot.core.state.StateLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every answering subcommand shares: what knowledge to load. */
final class KnowledgeOptions {

    static final long MEGABYTE = 1024L * 1024;

    /**
     * Where the copies of polled catalogs are kept: beside the SQLite state file, a folder the bot
     * may write to wherever it runs (the working directory with PostgreSQL, and for {@code ask}).
     */
    static final String COPIES_FOLDER = "confbot-catalogs";

    /** The folder of the copies for a state kept at {@code state}. */
    static Path copiesFolder(StateLocation state) {
        if (state instanceof StateLocation.SqliteFile sqlite) {
            Path parent = sqlite.file().toAbsolutePath().getParent();
            return parent == null ? Path.of(COPIES_FOLDER) : parent.resolve(COPIES_FOLDER);
        }
        return Path.of(COPIES_FOLDER);
    }

    @Option(
            names = "--notes",
            paramLabel = "DIR",
            description = "Also index every Markdown or text file under DIR (repeatable).")
    List<Path> notes = new ArrayList<>();

    @Option(
            names = "--catalog",
            paramLabel = "FILE|URL",
            description = "Load a talk catalog: TSV with a header line, iCalendar .ics, pretalx/frab"
                    + " schedule.json or frab schedule.xml (repeatable). An http(s):// address is fetched at"
                    + " start and polled for new versions (a copy is kept in " + COPIES_FOLDER + "/ beside the state"
                    + " file).")
    List<String> catalogs = new ArrayList<>();

    @Option(
            names = "--catalog-poll",
            paramLabel = "DURATION",
            description = "How often to poll catalogs given as addresses, e.g. 90s, 10m, 1h (default: 10m).")
    Optional<String> catalogPoll = Optional.empty();

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

    /** The catalogs given as addresses, each with the copy the library loads, kept in {@code copies}. */
    List<CatalogPoller.Remote> remotes(Path copies) {
        return catalogs.stream()
                .filter(CatalogPoller::isRemote)
                .map(v -> remote(copies, v))
                .toList();
    }

    /** --catalog-poll, else {@link CatalogPoller#DEFAULT_INTERVAL}. */
    Duration pollInterval() {
        return catalogPoll
                .map(v -> ServeSettings.duration(
                        ServeEnvironment.of(
                                Optional.empty(),
                                Map.of(),
                                Map.of(Settings.CATALOG_POLL, v),
                                Map.of(Settings.CATALOG_POLL, "--catalog-poll")),
                        Settings.CATALOG_POLL,
                        v))
                .orElse(CatalogPoller.DEFAULT_INTERVAL);
    }

    static CatalogPoller.Remote remote(Path copies, String address) {
        try {
            return CatalogPoller.Remote.in(copies, new URI(address.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--catalog: not a valid address: " + address);
        }
    }

    /** With the copies of polled catalogs in the working directory's {@value #COPIES_FOLDER}. */
    Setup setup() {
        return setup(Path.of(COPIES_FOLDER));
    }

    /**
     * @param copies where the copies of catalogs given as addresses are kept
     * @throws IllegalArgumentException naming the first missing folder or file
     */
    Setup setup(Path copies) {
        for (Path dir : notes) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--notes: no such folder: " + dir);
            }
        }
        List<Path> catalogFiles = new ArrayList<>();
        for (String value : catalogs) {
            if (CatalogPoller.isRemote(value)) {
                catalogFiles.add(remote(copies, value).copy());
                continue;
            }
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--catalog: no such file: " + file);
            }
            catalogFiles.add(file);
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
                catalogFiles,
                !noGlossary,
                glossaries,
                conferences,
                catalogMaxMb.map(mb -> mb * MEGABYTE).orElse(CatalogReader.DEFAULT_MAX_BYTES));
    }
}
