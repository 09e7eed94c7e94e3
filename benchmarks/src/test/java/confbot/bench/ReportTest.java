package confbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportTest {

    @Test
    void judgesEachFigureAgainstItsTarget(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("jmh.json"),
                """
                [{"benchmark": "confbot.bench.AnswerBenchmark.confbot", "params": {"corpus": "builtin"},
                  "primaryMetric": {"score": 2000.0, "scoreUnit": "us/op", "scorePercentiles": {"50.0": 1500.0, "99.0": 4000.0}}},
                 {"benchmark": "confbot.bench.AnswerBenchmark.lucene", "params": {"corpus": "builtin"},
                  "primaryMetric": {"score": 500.0, "scoreUnit": "us/op", "scorePercentiles": {"50.0": 400.0, "99.0": 900.0}}}]
                """,
                StandardCharsets.UTF_8);
        Results.write(dir, "index-confbot-10000", Map.of("build_ms", 25000, "passages", 30000, "bytes", 11_500_000));
        Results.write(
                dir,
                "telegram",
                Map.of(
                        "burst.per_second", "1012.5",
                        "paced.p50_ms", "3.1",
                        "paced.p99_ms", "9.0",
                        "burst.cpu_ms_per_update", "1.950",
                        "burst.cpu_ms.workers", "1.400",
                        "instant.burst.per_second", "2748.0",
                        "instant.burst.cpu_ms_per_update", "0.540"));
        Results.write(dir, "startup", Map.of("launcher.ready_ms", "1400", "launcher.ready_cpu_ms", "2100"));
        Results.write(dir, "machine", Map.of("load_before", "0.50 0.40 0.30", "load_after", "1.20 0.60 0.35"));

        List<Report.Row> rows = Report.rows(dir);

        assertThat(row(rows, "answer p99, built-in").met()).contains(true);
        assertThat(row(rows, "answer p99, built-in").measured()).startsWith("4.00 ms");
        assertThat(row(rows, "confbot / baseline (mean), built-in").measured()).startsWith("4.0x");
        assertThat(row(rows, "confbot / baseline (mean), built-in").met()).contains(false);
        assertThat(row(rows, "index build (ingest + index), 10,000 notes").met())
                .contains(false);
        assertThat(row(rows, "Telegram updates/s end to end (answer cache off)").met())
                .contains(true);
        assertThat(row(rows, "Telegram updates/s, instant bot (the adapter's own ceiling); CPU per update")
                        .measured())
                .isEqualTo("2748; 0.540 ms");
        assertThat(row(rows, "Telegram CPU per update, cache off: process (workers, send, fake, JIT and GC)")
                        .measured())
                .startsWith("1.95 ms (1.400, ");
        assertThat(rows.stream().filter(r -> r.metric().startsWith("start to ready")))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.measured()).isEqualTo("1.40 s (CPU 2.10 s)");
                    assertThat(r.met()).contains(true);
                });
        assertThat(row(rows, "machine load (1, 5, 15 min) before / after the run")
                        .measured())
                .isEqualTo("0.50 0.40 0.30 / 1.20 0.60 0.35");
        assertThat(row(rows, "answer p99, 100,000 notes").measured()).isEqualTo("missing");
        assertThat(row(rows, "answer p99, 100,000 notes").met()).isEqualTo(Optional.empty());
    }

    @Test
    void aMeanWithinThreeTimesTheBaselineStillMissesWhenItsP99IsBeyondFive(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("jmh.json"),
                """
                [{"benchmark": "confbot.bench.AnswerBenchmark.confbot", "params": {"corpus": "1000"},
                  "primaryMetric": {"score": 1000.0, "scoreUnit": "us/op", "scorePercentiles": {"50.0": 800.0, "99.0": 6000.0}}},
                 {"benchmark": "confbot.bench.AnswerBenchmark.lucene", "params": {"corpus": "1000"},
                  "primaryMetric": {"score": 500.0, "scoreUnit": "us/op", "scorePercentiles": {"50.0": 400.0, "99.0": 1000.0}}}]
                """,
                StandardCharsets.UTF_8);

        Report.Row ratio = row(Report.rows(dir), "confbot / baseline (mean), 1,000 notes");

        assertThat(ratio.measured()).isEqualTo("2.0x (p99 6.0x)");
        assertThat(ratio.met()).contains(false);
    }

    @Test
    void printsOneLinePerRowAndTheCountOfTargets() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report.print(
                List.of(
                        new Report.Row("a", "1 ms", "<= 5 ms", Optional.of(true)),
                        new Report.Row("b", "9 ms", "<= 5 ms", Optional.of(false)),
                        new Report.Row("c", "3", "", Optional.empty())),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table.lines()).hasSize(6);
        assertThat(table).contains("| pass").contains("| MISS").endsWith("targets: 1 met, 1 missed\n");
    }

    private static Report.Row row(List<Report.Row> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }
}
