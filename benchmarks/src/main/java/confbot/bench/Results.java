package confbot.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Figures handed from one step of the suite to the report as small properties files in one folder
 * ({@value #PROPERTY}, default {@code benchmarks/target/bench}): JMH has no place for a one-off cost
 * such as an index build, and the start-up script and the load test run in processes of their own.
 */
public final class Results {

    public static final String PROPERTY = "confbot.bench.out";

    private Results() {}

    public static Path folder() {
        return Path.of(System.getProperty(PROPERTY, "benchmarks/target/bench"))
                .toAbsolutePath()
                .normalize();
    }

    /** Writes (replaces) {@code name}.properties in {@code folder}, keys sorted. */
    public static void write(Path folder, String name, Map<String, ?> figures) {
        Properties p = new Properties();
        new TreeMap<>(figures).forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try {
            Files.createDirectories(folder);
            try (Writer w = Files.newBufferedWriter(folder.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + folder, e);
        }
    }

    /** {@code name}.properties from {@code folder}, empty when that step did not run. */
    public static Map<String, String> read(Path folder, String name) {
        Path file = folder.resolve(name + ".properties");
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
