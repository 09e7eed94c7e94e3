package confbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prints the suite's table from what its steps left in {@link Results#folder()}: JMH's {@code
 * jmh.json}, the index figures the benchmark forks wrote, {@code telegram.properties} and {@code
 * startup.properties}. One row per figure, with its target and whether it was met; a figure whose
 * step did not run shows as missing rather than failing the report.
 *
 * <p>Usage: {@code java -cp benchmarks.jar confbot.bench.Report [folder]}.
 */
public final class Report {

    static final List<String> CORPORA = List.of(Corpus.BUILTIN, "1000", "10000", "100000");
    static final String CONFBOT = "confbot.bench.AnswerBenchmark.confbot";
    static final String LUCENE = "confbot.bench.AnswerBenchmark.lucene";

    /** One line of the table; {@code target} and {@code met} are empty for figures without a target. */
    record Row(String metric, String measured, String target, Optional<Boolean> met) {
        String verdict() {
            return met.map(m -> m ? "pass" : "MISS").orElse(target.isEmpty() ? "" : "n/a");
        }
    }

    /** Latency of one benchmark at one corpus, in microseconds. */
    record Latency(double mean, double p50, double p99) {
        double perSecond() {
            return 1e6 / mean;
        }
    }

    private Report() {}

    public static void main(String[] args) {
        Path folder = args.length > 0 ? Path.of(args[0]) : Results.folder();
        print(rows(folder), System.out);
    }

    static List<Row> rows(Path folder) {
        Map<String, Latency> jmh = new LinkedHashMap<>();
        for (Path json : jmhFiles(folder)) {
            jmh.putAll(jmh(json));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, String> machine = Results.read(folder, "machine");
        rows.add(new Row(
                "machine load (1, 5, 15 min) before / after the run",
                machine.getOrDefault("load_before", "?") + " / " + machine.getOrDefault("load_after", "?"),
                "",
                Optional.empty()));
        for (String corpus : CORPORA) {
            Optional<Latency> bot = Optional.ofNullable(jmh.get(CONFBOT + "/" + corpus));
            Optional<Latency> base = Optional.ofNullable(jmh.get(LUCENE + "/" + corpus));
            String label = corpus.equals(Corpus.BUILTIN)
                    ? "built-in"
                    : String.format(Locale.ROOT, "%,d notes", Integer.parseInt(corpus));
            double limit = corpus.equals(Corpus.BUILTIN) ? 5 : corpus.equals("100000") ? 50 : Double.NaN;
            rows.add(new Row(
                    "answer p99, " + label,
                    bot.map(l -> ms(l.p99()) + " (mean " + ms(l.mean()) + ", p50 " + ms(l.p50()) + ")")
                            .orElse("missing"),
                    Double.isNaN(limit) ? "" : "<= " + (int) limit + " ms",
                    Double.isNaN(limit) ? Optional.empty() : bot.map(l -> l.p99() / 1000 <= limit)));
            rows.add(new Row(
                    "answers/s (1 thread), " + label,
                    bot.map(l -> String.format(Locale.ROOT, "%.0f", l.perSecond()))
                            .orElse("missing"),
                    "",
                    Optional.empty()));
            rows.add(new Row(
                    "Lucene baseline p99, " + label,
                    base.map(l -> ms(l.p99()) + " (mean " + ms(l.mean()) + ", p50 " + ms(l.p50()) + ")")
                            .orElse("missing"),
                    "",
                    Optional.empty()));
            Optional<Double> ratio = bot.flatMap(b -> base.map(l -> b.mean() / l.mean()));
            Optional<Double> tail = bot.flatMap(b -> base.map(l -> b.p99() / l.p99()));
            rows.add(new Row(
                    "confbot / baseline (mean), " + label,
                    ratio.map(r -> String.format(Locale.ROOT, "%.1fx", r)
                                    + tail.map(t -> String.format(Locale.ROOT, " (p99 %.1fx)", t))
                                            .orElse(""))
                            .orElse("missing"),
                    "<= 3x, p99 <= 5x",
                    ratio.flatMap(r -> tail.map(t -> r <= 3 && t <= 5))));
        }
        for (String corpus : CORPORA.subList(1, CORPORA.size())) {
            Map<String, String> index = Results.read(folder, "index-confbot-" + corpus);
            Map<String, String> lucene = Results.read(folder, "index-lucene-" + corpus);
            Optional<Double> seconds = number(index, "build_ms").map(v -> v / 1000);
            double limit = corpus.equals("10000") ? 10 : corpus.equals("100000") ? 90 : Double.NaN;
            boolean targeted = !Double.isNaN(limit);
            rows.add(new Row(
                    String.format(Locale.ROOT, "index build (ingest + index), %,d notes", Integer.parseInt(corpus)),
                    seconds.isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    "%.1f s, %s passages, %s",
                                    seconds.get(),
                                    index.get("passages"),
                                    megabytes(index.get("bytes")))
                            : "missing",
                    targeted ? "<= " + (int) limit + " s" : "",
                    targeted ? seconds.map(v -> v <= limit) : Optional.empty()));
            rows.add(new Row(
                    String.format(Locale.ROOT, "baseline index, %,d notes", Integer.parseInt(corpus)),
                    lucene.isEmpty()
                            ? "missing"
                            : String.format(
                                    Locale.ROOT,
                                    "%.1f s (+ %.1f s reading notes), %s",
                                    number(lucene, "index_ms").orElse(0.0) / 1000,
                                    number(lucene, "read_ms").orElse(0.0) / 1000,
                                    megabytes(lucene.get("bytes"))),
                    "",
                    Optional.empty()));
        }
        Map<String, String> telegram = Results.read(folder, "telegram");
        Optional<Double> perSecond = number(telegram, "burst.per_second");
        rows.add(new Row(
                "Telegram updates/s end to end (answer cache off)",
                perSecond.map(v -> String.format(Locale.ROOT, "%.0f", v)).orElse("missing"),
                ">= 1000",
                perSecond.map(v -> v >= 1000)));
        rows.add(new Row(
                "Telegram CPU per update, cache off: process (workers, send, fake, JIT and GC)",
                number(telegram, "burst.cpu_ms_per_update")
                        .map(v -> String.format(
                                Locale.ROOT,
                                "%.2f ms (%s, %s, %s, %s ms)",
                                v,
                                telegram.get("burst.cpu_ms.workers"),
                                telegram.get("burst.cpu_ms.send"),
                                telegram.get("burst.cpu_ms.fake"),
                                telegram.get("burst.cpu_ms.jvm")))
                        .orElse("missing"),
                "",
                Optional.empty()));
        rows.add(new Row(
                "Telegram updates/s, instant bot (the adapter's own ceiling); CPU per update",
                number(telegram, "instant.burst.per_second")
                        .map(v -> String.format(
                                Locale.ROOT, "%.0f; %s ms", v, telegram.get("instant.burst.cpu_ms_per_update")))
                        .orElse("missing"),
                "",
                Optional.empty()));
        rows.add(new Row(
                "Telegram reply latency at half that rate, p50 / p99",
                telegram.isEmpty()
                        ? "missing"
                        : telegram.get("paced.p50_ms") + " / " + telegram.get("paced.p99_ms") + " ms",
                "",
                Optional.empty()));
        rows.add(new Row(
                "Telegram reply latency in the burst, p50 / p99 (queueing)",
                telegram.isEmpty()
                        ? "missing"
                        : telegram.get("burst.p50_ms") + " / " + telegram.get("burst.p99_ms") + " ms",
                "",
                Optional.empty()));
        Optional<Double> cached = number(telegram, "cached.burst.per_second");
        rows.add(new Row(
                "Telegram updates/s, as served (answer cache on, 60 repeated questions)",
                cached.map(v -> String.format(
                                Locale.ROOT,
                                "%.0f; p50 / p99 at half rate %s / %s ms; CPU per update %s ms",
                                v,
                                telegram.get("cached.paced.p50_ms"),
                                telegram.get("cached.paced.p99_ms"),
                                telegram.get("cached.burst.cpu_ms_per_update")))
                        .orElse("missing"),
                "",
                Optional.empty()));

        Map<String, String> startup = Results.read(folder, "startup");
        Optional<Double> ready = number(startup, "launcher.ready_ms");
        rows.add(new Row(
                "start to ready, serve (launcher flags " + startup.getOrDefault("launcher.opts", "?") + "; median of "
                        + startup.getOrDefault("rounds", "?") + ")",
                ready.map(v -> String.format(Locale.ROOT, "%.2f s", v / 1000)
                                + number(startup, "launcher.ready_cpu_ms")
                                        .map(c -> String.format(Locale.ROOT, " (CPU %.2f s)", c / 1000))
                                        .orElse(""))
                        .orElse("missing"),
                "<= 1.5 s",
                ready.map(v -> v <= 1500)));
        Optional<Double> rss = number(startup, "launcher.rss_ready_mb");
        rows.add(new Row(
                "RSS after start, built-in knowledge",
                rss.map(v -> String.format(Locale.ROOT, "%.0f MB", v)).orElse("missing"),
                "<= 256 MB",
                rss.map(v -> v <= 256)));
        Optional<Double> loaded = number(startup, "launcher.rss_load_peak_mb");
        rows.add(new Row(
                "RSS peak under load (" + startup.getOrDefault("load_updates", "?") + " updates)",
                loaded.map(v -> String.format(Locale.ROOT, "%.0f MB", v)).orElse("missing"),
                "",
                Optional.empty()));
        rows.add(new Row(
                "ask one question, wall / peak RSS",
                startup.containsKey("launcher.ask_ms")
                        ? String.format(
                                Locale.ROOT,
                                "%.2f s / %s MB",
                                number(startup, "launcher.ask_ms").orElse(0.0) / 1000,
                                startup.get("launcher.ask_peak_mb"))
                        : "missing",
                "",
                Optional.empty()));
        for (String variant : variants(startup)) {
            if (variant.equals("launcher")) {
                continue;
            }
            rows.add(new Row(
                    "  JVM option set " + variant + ": ready (CPU) / RSS ready / RSS load / ask",
                    String.format(
                            Locale.ROOT,
                            "%.2f s (%.2f s) / %s / %s MB / %.2f s",
                            number(startup, variant + ".ready_ms").orElse(0.0) / 1000,
                            number(startup, variant + ".ready_cpu_ms").orElse(0.0) / 1000,
                            startup.get(variant + ".rss_ready_mb"),
                            startup.get(variant + ".rss_load_peak_mb"),
                            number(startup, variant + ".ask_ms").orElse(0.0) / 1000),
                    "",
                    Optional.empty()));
        }
        return rows;
    }

    /** The variants startup.sh measured, in the order it measured them. */
    private static List<String> variants(Map<String, String> startup) {
        List<String> out = new ArrayList<>();
        for (String key : startup.keySet()) {
            if (key.endsWith(".ready_ms")) {
                out.add(key.substring(0, key.length() - ".ready_ms".length()));
            }
        }
        return out;
    }

    static void print(List<Row> rows, PrintStream out) {
        int metric = rows.stream().mapToInt(r -> r.metric().length()).max().orElse(6);
        int measured = rows.stream().mapToInt(r -> r.measured().length()).max().orElse(8);
        String format = "%-" + metric + "s | %-" + measured + "s | %-9s | %s%n";
        out.printf(Locale.ROOT, format, "metric", "measured", "target", "");
        out.println("-".repeat(metric + measured + 20));
        for (Row r : rows) {
            out.printf(Locale.ROOT, format, r.metric(), r.measured(), r.target(), r.verdict());
        }
        long misses =
                rows.stream().filter(r -> r.met().filter(m -> !m).isPresent()).count();
        long passes =
                rows.stream().filter(r -> r.met().filter(m -> m).isPresent()).count();
        out.printf(Locale.ROOT, "targets: %d met, %d missed%n", passes, misses);
    }

    /** JMH's result files: the suite runs JMH more than once (the 100k answers with longer iterations). */
    static List<Path> jmhFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("jmh.*\\.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Mean, p50 and p99 per "benchmark/corpus" from JMH's JSON results (SampleTime, microseconds). */
    static Map<String, Latency> jmh(Path json) {
        Map<String, Latency> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(json)) {
            return out;
        }
        try {
            for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
                JsonNode metric = run.path("primaryMetric");
                double scale = toMicros(metric.path("scoreUnit").asText("us/op"));
                JsonNode pct = metric.path("scorePercentiles");
                out.put(
                        run.path("benchmark").asText() + "/"
                                + run.path("params").path("corpus").asText(),
                        new Latency(
                                metric.path("score").asDouble() * scale,
                                pct.path("50.0").asDouble() * scale,
                                pct.path("99.0").asDouble() * scale));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
    }

    private static double toMicros(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-3;
            case "us/op" -> 1;
            case "ms/op" -> 1e3;
            case "s/op" -> 1e6;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.2f ms" : "%.1f ms", micros / 1000);
    }

    private static String megabytes(String bytes) {
        return bytes == null ? "?" : String.format(Locale.ROOT, "%.1f MB", Long.parseLong(bytes) / 1e6);
    }

    private static Optional<Double> number(Map<String, String> figures, String key) {
        try {
            return Optional.ofNullable(figures.get(key)).map(Double::parseDouble);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
