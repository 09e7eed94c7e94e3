package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import confbot.core.catalog.CatalogReader;
import confbot.telegram.FakeTelegram;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large catalogs under the heap that ships ({@code -XX:+UseSerialGC -Xmx256m}, as
 * deploy/systemd/confbot.service runs it), each in a child JVM so the heap is the real one: a
 * calendar just under the 20 MB cap loads and answers, a 50 MB one is refused with one line naming
 * the file and the cap, and a live reload to it keeps the old knowledge. Never an
 * OutOfMemoryError. The files are generated here; none is committed.
 */
@EnabledOnOs(OS.LINUX)
final class CatalogHeapTest {

    static final String TOKEN = "123456789:AAH-heap_secret_abcdef0123";

    @TempDir
    Path dir;

    @Test
    void aCalendarJustUnderTheCapLoadsAndAnswersUnderTheShippedHeap() throws Exception {
        Path ics = calendar(dir.resolve("at-cap.ics"), CatalogReader.DEFAULT_MAX_BYTES - 4096);
        Path log = dir.resolve("ask.log");

        ProcessBuilder builder =
                java(log, "ask", "--no-builtin", "--catalog", ics.toString(), "Who gave Generated talk 1234?");
        builder.environment().put("CONFBOT_LOG_LEVEL", "INFO"); // ask logs at WARN; the count is INFO
        Process ask = builder.start();

        assertThat(ask.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
        String out = read(log);
        assertThat(out).doesNotContain("OutOfMemoryError");
        assertThat(ask.exitValue()).as("exit status; output:%n%s", tail(out)).isZero();
        assertThat(out).contains("Generated talk 1234 on topic").containsPattern("Loaded \\d{5} talks from " + ics);
    }

    @Test
    void aFiftyMegabyteCalendarIsRefusedInOneLineNamingTheFileAndTheCap() throws Exception {
        Path ics = calendar(dir.resolve("fifty.ics"), 50L * 1024 * 1024);
        Path log = dir.resolve("ask.log");

        Process ask = java(log, "ask", "--no-builtin", "--catalog", ics.toString(), "Who gave talk 1?")
                .start();

        assertThat(ask.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        String out = read(log);
        assertThat(out).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        assertThat(ask.exitValue()).as("output:%n%s", tail(out)).isEqualTo(2);
        assertThat(out.lines().filter(l -> l.startsWith("confbot: ")))
                .containsExactly("confbot: " + ics + ": 50.0 MB is over the size cap for catalogs (20 MB)");
    }

    @Test
    void aLiveReloadToAFiftyMegabyteCalendarKeepsTheOldKnowledge() throws Exception {
        Path catalog = calendar(dir.resolve("talks.ics"), 16 * 1024);
        Path fifty = calendar(dir.resolve("fifty.tmp"), 50L * 1024 * 1024);
        Path log = dir.resolve("serve.log");
        try (FakeTelegram telegram = new FakeTelegram(TOKEN)) {
            ProcessBuilder builder =
                    java(log, "serve", "--no-builtin", "--catalog", catalog.toString(), "--http-port", "0");
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME") && !name.equals("LANG"));
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("TELEGRAM_API_URL", telegram.url());
            env.put("CONFBOT_STATE_FILE", dir.resolve("state.db").toString());
            Process serve = builder.start();
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> telegram.polls() > 0 || !serve.isAlive());
                assertThat(serve.isAlive())
                        .as("serve runs; log:%n%s", tail(read(log)))
                        .isTrue();

                // WHEN the catalog is replaced by a 50 MB one, as a copy does
                Files.move(fifty, catalog, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

                // THEN one warning names the file and the cap, the process lives, and the old talks still answer
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> read(log).contains("keeping the previous knowledge") || !serve.isAlive());
                assertThat(serve.isAlive()).as("log:%n%s", tail(read(log))).isTrue();
                assertThat(read(log))
                        .doesNotContain("OutOfMemoryError")
                        .contains("WARN")
                        .contains(catalog + ": 50.0 MB is over the size cap for catalogs (20 MB)");
                telegram.sendPrivate(1, "Who gave Generated talk 7?");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !telegram.delivered().isEmpty());
                assertThat(telegram.delivered()).singleElement().asString().contains("Generated talk 7 on topic");
            } finally {
                serve.destroy();
                if (!serve.waitFor(15, TimeUnit.SECONDS)) {
                    serve.destroyForcibly();
                }
            }
        }
    }

    /** The cli in a child JVM with the shipped heap settings, its output (both streams) in {@code log}. */
    private static ProcessBuilder java(Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                ChildJvm.testClasspath(),
                ChildJvm.logbackConfig(),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    /**
     * A calendar of about {@code bytes}, in sched.com's shape: a talk every few minutes, each with a
     * page, a room, a track, a speaker and a paragraph of description.
     */
    static Path calendar(Path file, long bytes) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//confbot tests//EN\r\nX-WR-TIMEZONE:UTC\r\n");
            long written = 0;
            for (int i = 0; ; i++) {
                String event = "BEGIN:VEVENT\r\nUID:talk-" + i + "@example.org\r\n"
                        + String.format("DTSTART:202403%02dT%02d%02d00Z\r\n", 1 + i / 1440 % 28, i / 60 % 24, i % 60)
                        + String.format("DTEND:202403%02dT%02d%02d59Z\r\n", 1 + i / 1440 % 28, i / 60 % 24, i % 60)
                        + "SUMMARY:Generated talk " + i + " on topic " + (i % 997) + "\r\n"
                        + "ATTENDEE;CN=Speaker " + (i % 4001) + ":mailto:s" + (i % 4001) + "@example.org\r\n"
                        + "LOCATION:Room " + (i % 20) + "\r\nCATEGORIES:Track " + (i % 7) + "\r\n"
                        + "URL:https://sched.example.org/event/" + i + "\r\n"
                        + "DESCRIPTION:" + ("A paragraph about generated topic " + (i % 997) + ". ").repeat(8)
                        + "\r\nEND:VEVENT\r\n";
                if (written + event.length() + 15 > bytes) {
                    break;
                }
                out.write(event);
                written += event.length();
            }
            out.write("END:VCALENDAR\r\n");
        }
        return file;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String tail(String out) {
        List<String> lines = out.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
