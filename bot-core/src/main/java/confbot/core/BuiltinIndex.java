package confbot.core;

import confbot.core.index.Analyzers;
import confbot.core.index.IndexSnapshot;
import confbot.knowledge.KnowledgeLoader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of the built-in knowledge, made at build time ({@link #main}, in bot-core's {@code
 * process-classes} phase) into the jar, and read at start instead of built: building it is most of
 * a cold start (BENCHMARKS.md, issue 13).
 *
 * <p>It is keyed by everything it is made from: the knowledge module (notes,
 * conferences, its loaders), the code that cuts and indexes passages, the versions of the libraries
 * that parse the notes (Lucene's is checked by {@link IndexSnapshot}). A jar whose knowledge or code
 * changed without the snapshot being made again (a module rebuilt alone, classes from another
 * build on the path) gets another key, and the index is then built as if there were no snapshot.
 */
final class BuiltinIndex {

    private static final Logger log = LoggerFactory.getLogger(BuiltinIndex.class);

    static final String RESOURCE = "/confbot/core/prebuilt/builtin-index.bin";

    /** Classes and resources whose bytes the index depends on, by path prefix. */
    static final List<String> INPUTS = List.of(
            "confbot/knowledge/",
            "confbot/core/ingest/",
            "confbot/core/index/",
            "confbot/core/conference/",
            "confbot/core/catalog/",
            "confbot/core/LibraryLoader",
            "confbot/core/Setup",
            "confbot/core/stopwords.txt");

    /** The libraries that read the notes: a new version may cut the same notes differently. */
    static final List<String> LIBRARIES = List.of(
            "META-INF/maven/org.commonmark/commonmark/pom.properties",
            "META-INF/maven/com.fasterxml.jackson.core/jackson-databind/pom.properties",
            "META-INF/maven/com.fasterxml.jackson.dataformat/jackson-dataformat-yaml/pom.properties",
            "META-INF/maven/com.fasterxml.jackson.dataformat/jackson-dataformat-toml/pom.properties",
            "META-INF/maven/org.yaml/snakeyaml/pom.properties");

    private final CompletableFuture<Optional<IndexSnapshot.Read>> read;

    private BuiltinIndex(CompletableFuture<Optional<IndexSnapshot.Read>> read) {
        this.read = read;
    }

    /**
     * The snapshot in the jar, keyed by the classpath this JVM runs, read on another thread from
     * now on: the key and the read take a fifth of a second in a cold JVM, beside the knowledge's
     * own loading.
     */
    static BuiltinIndex shipped() {
        return new BuiltinIndex(CompletableFuture.supplyAsync(() -> read(RESOURCE, BuiltinIndex::holds)));
    }

    /** A snapshot at another resource, or checked otherwise, read now: for tests of the fallback. */
    static BuiltinIndex of(String resource, Predicate<String> key) {
        return new BuiltinIndex(CompletableFuture.completedFuture(read(resource, key)));
    }

    /**
     * The prebuilt index, if the jar has one made from this knowledge and code; empty (and one
     * line in the log saying why) otherwise, and the caller builds it. The same index each time:
     * it never changes.
     */
    Optional<IndexSnapshot.Read> load() {
        return read.join();
    }

    private static Optional<IndexSnapshot.Read> read(String resource, Predicate<String> key) {
        InputStream raw = BuiltinIndex.class.getResourceAsStream(resource);
        if (raw == null) {
            log.info("No prebuilt index of the built-in knowledge in the jar; building it");
            return Optional.empty();
        }
        try (InputStream in = new BufferedInputStream(raw, 1 << 16)) {
            Optional<IndexSnapshot.Read> read = IndexSnapshot.read(in, key);
            if (read.isEmpty()) {
                log.info("The prebuilt index is of other knowledge or code than this jar's; building it");
            }
            return read;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the prebuilt index ({}); building it", e.toString());
            return Optional.empty();
        }
    }

    /**
     * What the snapshot is made from: each of the {@link #INPUTS} in the code sources of the
     * knowledge and of the core (one jar, or two folders of classes in a build) and each of the
     * {@link #LIBRARIES}, by name, size and CRC-32, one per line. Made at build time and kept
     * whole in the snapshot; a start checks it with {@link #holds}. Not hashed: a jar's directory
     * holds sizes and CRCs, so a check reads no class, and a cold JVM spends 0.1 s setting up
     * {@code MessageDigest} (0.4 s more to hash the bytes themselves, measured).
     */
    static String key() {
        try {
            TreeMap<String, String> entries = new TreeMap<>();
            for (Path source : sources()) {
                collect(source, entries);
            }
            for (String library : LIBRARIES) {
                entries.put(library, library(library));
            }
            StringBuilder key = new StringBuilder();
            entries.forEach((name, fingerprint) ->
                    key.append(name).append('\t').append(fingerprint).append('\n'));
            return key.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classpath for the prebuilt index's key", e);
        }
    }

    /**
     * Whether this classpath still holds every input of a {@link #key()}, unchanged: each looked up
     * by name (listing the 22,000 entries of the jar took half a second of a cold start). An input
     * added without any listed one changing can only be a new note, which {@link LibraryLoader}
     * catches by comparing the notes' ids.
     */
    static boolean holds(String key) {
        List<Path> sources = sources();
        List<ZipFile> jars = new ArrayList<>();
        try {
            for (Path source : sources) {
                if (!Files.isDirectory(source)) {
                    jars.add(new ZipFile(source.toFile()));
                }
            }
            for (String line : key.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    return false;
                }
                String name = line.substring(0, tab);
                String stored = line.substring(tab + 1);
                String now = LIBRARIES.contains(name) ? library(name) : find(name, sources, jars);
                if (!stored.equals(now)) {
                    log.debug("Prebuilt index input changed: {}", name);
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            log.debug("Cannot check the prebuilt index's inputs: {}", e.toString());
            return false;
        } finally {
            for (ZipFile jar : jars) {
                try {
                    jar.close();
                } catch (IOException e) {
                    log.debug("Closing {}: {}", jar.getName(), e.toString());
                }
            }
        }
    }

    /** The fingerprint of {@code name} in the first source that has it, or "absent". */
    private static String find(String name, List<Path> sources, List<ZipFile> jars) throws IOException {
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                Path file = source.resolve(name);
                if (Files.isRegularFile(file)) {
                    return fingerprint(Files.readAllBytes(file));
                }
            }
        }
        for (ZipFile jar : jars) {
            ZipEntry entry = jar.getEntry(name);
            if (entry != null) {
                return fingerprint(entry.getSize(), entry.getCrc());
            }
        }
        return ABSENT;
    }

    private static final String ABSENT = "absent";

    private static String library(String resource) throws IOException {
        try (InputStream in = BuiltinIndex.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? ABSENT : fingerprint(in.readAllBytes());
        }
    }

    /** Where the knowledge's and the core's classes come from: one jar, or two folders in a build. */
    private static List<Path> sources() {
        Set<Path> sources = new LinkedHashSet<>();
        for (Class<?> anchor : List.of(KnowledgeLoader.class, LibraryLoader.class)) {
            try {
                sources.add(Path.of(anchor.getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate " + anchor.getName(), e);
            }
        }
        return List.copyOf(sources);
    }

    private static void collect(Path source, TreeMap<String, String> entries) throws IOException {
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                String name = source.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (isInput(name)) {
                    entries.put(name, fingerprint(Files.readAllBytes(file)));
                }
            }
            return;
        }
        // The JDK shares one parsed directory per jar file, so this does not read the jar again.
        try (ZipFile jar = new ZipFile(source.toFile())) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && isInput(entry.getName())) {
                    entries.put(entry.getName(), fingerprint(entry.getSize(), entry.getCrc()));
                }
            }
        }
    }

    private static String fingerprint(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return fingerprint(bytes.length, crc.getValue());
    }

    private static String fingerprint(long size, long crc) {
        return size + ":" + Long.toHexString(crc);
    }

    /** A plain loop: it runs for each of the jar's 22,000 entries, interpreted (a stream took 1 s). */
    private static boolean isInput(String name) {
        if (!name.startsWith("confbot/")) {
            return false;
        }
        for (String input : INPUTS) {
            if (name.startsWith(input)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Build time: indexes the built-in knowledge and writes the snapshot to {@code args[0]}.
     * Quiet on success, like the lexicon's compiler; a failure fails the build.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltinIndex OUTPUT_FILE");
        }
        LibraryLoader loader = new LibraryLoader(new KnowledgeLoader().loadBuiltin(), new Analyzers());
        Library library = loader.build(Setup.builtinOnly());
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
            IndexSnapshot.write(library.index(), library.notes(), key(), file);
        }
    }
}
