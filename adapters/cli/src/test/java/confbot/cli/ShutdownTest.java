package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import confbot.telegram.FakeTelegram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot serve} as its own process, stopped the way Docker, Kubernetes and systemd stop it:
 * SIGTERM ({@link Process#destroy()} on Linux) while an answer is on its way to Telegram.
 *
 * <p>Why a child JVM over the test classpath rather than {@code target/confbot.jar}: the jar is
 * built in the package phase, after the tests, so in {@code ./mvnw verify} on a clean clone it
 * does not exist yet, and otherwise it may be stale. The classes are the same; only the launcher
 * differs.
 */
@EnabledOnOs(OS.LINUX)
final class ShutdownTest {

    static final String TOKEN = "123456789:AAH-shutdown_secret_abcdef0123";

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesTheAnswerInFlightAndExitsZeroWithinTenSeconds() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(
                notes.resolve("tidewater.md"),
                "# Tidewater\n\nTidewater, the batch scheduler Mei Lin presented, drains 4,000 batch jobs per hour.\n");
        Path log = dir.resolve("serve.log");
        try (FakeTelegram telegram = new FakeTelegram(TOKEN);
                SlowSendProxy proxy = new SlowSendProxy(telegram.url(), Duration.ofSeconds(3))) {
            Process serve = start(proxy.url(), notes, log);
            try {
                // GIVEN the bot is polling and an answer is held on its way to Telegram
                await().atMost(Duration.ofSeconds(60)).until(() -> telegram.polls() > 0 || !serve.isAlive());
                assertThat(serve.isAlive())
                        .as("serve is running; its log:%n%s", read(log))
                        .isTrue();
                telegram.sendPrivate(1, "How many batch jobs per hour does Tidewater drain?");
                assertThat(proxy.sendStarted().await(30, TimeUnit.SECONDS))
                        .as("an answer is being sent")
                        .isTrue();

                // WHEN it gets SIGTERM
                long stopAsked = System.nanoTime();
                serve.destroy();

                // THEN the answer still reaches Telegram and the process exits 0 within 10 s
                assertThat(serve.waitFor(10, TimeUnit.SECONDS))
                        .as("exited within 10 s; log:%n%s", read(log))
                        .isTrue();
                Duration took = Duration.ofNanos(System.nanoTime() - stopAsked);
                assertThat(serve.exitValue())
                        .as("exit status; log:%n%s", read(log))
                        .isZero();
                assertThat(took).isLessThan(Duration.ofSeconds(10));
                assertThat(telegram.delivered()).hasSize(1);
                assertThat(read(log)).contains("Stopped").doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    private Process start(String apiUrl, Path notes, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-XX:+UseSerialGC",
                        "-Xmx256m",
                        "-cp",
                        ChildJvm.testClasspath(),
                        ChildJvm.logbackConfig(),
                        Main.class.getName(),
                        "serve",
                        "--no-builtin",
                        "--notes",
                        notes.toString(),
                        "--http-port",
                        "0"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Only what this test sets: a developer's own TELEGRAM_BOT_TOKEN or DISCORD_BOT_TOKEN must not leak in.
        env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME") && !name.equals("LANG"));
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("TELEGRAM_API_URL", apiUrl);
        env.put("CONFBOT_LOG_LEVEL", "DEBUG");
        env.put("CONFBOT_STATE_FILE", dir.resolve("state.db").toString());
        return builder.start();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
