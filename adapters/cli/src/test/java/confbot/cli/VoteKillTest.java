package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import confbot.core.state.AnswerLog;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
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
 * A vote the voter was told about survives {@code kill -9}: {@code serve} in a child JVM against
 * the fake Bot API, killed with SIGKILL the moment Telegram has the callback answer that thanked
 * the voter; the state file then holds the vote, with its question.
 */
@EnabledOnOs(OS.LINUX)
final class VoteKillTest {

    static final String TOKEN = "123456789:AAH-votekill_secret_abcdef0123";
    private static final String QUESTION = "How many batch jobs per hour does Tidewater drain?";

    @TempDir
    Path dir;

    @Test
    void aVoteAcknowledgedToTheVoterSurvivesSigkill() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(
                notes.resolve("tidewater.md"),
                "# Tidewater\n\nTidewater, the batch scheduler Mei Lin presented, drains 4,000 batch jobs per hour.\n");
        Path log = dir.resolve("serve.log");
        Path state = dir.resolve("state.db");
        try (FakeTelegram telegram = new FakeTelegram(TOKEN)) {
            Process serve = start(telegram.url(), notes, state, log);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> telegram.polls() > 0 || !serve.isAlive());
                assertThat(serve.isAlive())
                        .as("serve is running; its log:%n%s", read(log))
                        .isTrue();
                telegram.sendPrivate(1, QUESTION);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> telegram.delivered().size() == 1);
                List<String> buttons = telegram.buttons().get(0);
                assertThat(buttons).as("👍 and 👎 under the answer").hasSize(2);

                telegram.pressButton(2, "q-kill", FakeTelegram.CHAT, buttons.get(1));
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> telegram.callbackAnswers().containsKey("q-kill"));
                serve.destroyForcibly(); // SIGKILL, as soon as the voter has been thanked
                assertThat(serve.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(telegram.callbackAnswers().get("q-kill")).isEqualTo("Thanks for the feedback 👎");
            } finally {
                serve.destroyForcibly();
            }
        }

        try (StateStore store = JdbcStateStore.open(new StateLocation.SqliteFile(state, "--state"))) {
            List<AnswerLog.Rated> rated = store.answers().worstRated(5);
            assertThat(rated).hasSize(1);
            assertThat(rated.get(0).down()).isEqualTo(1);
            assertThat(rated.get(0).question()).isEqualTo(QUESTION);
            assertThat(rated.get(0).text()).contains("4,000");
        }
    }

    private Process start(String apiUrl, Path notes, Path state, Path log) throws IOException {
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
        // Only what this test sets: a developer's own tokens must not leak in.
        env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME") && !name.equals("LANG"));
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("TELEGRAM_API_URL", apiUrl);
        env.put("CONFBOT_STATE_FILE", state.toString());
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
