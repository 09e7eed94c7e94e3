package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import confbot.core.chat.Platform;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.TidepoolSummit;
import confbot.telegram.FakeTelegram;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders across restarts of {@code serve} in a child JVM, against the fake Bot API, on the real
 * clock: a catalog whose keynote starts ten minutes from now (so it is due at once, with the
 * default ten minutes' lead, and stays due for the whole test) and whose next two talks, together,
 * fall due some seconds later. A subscription acknowledged to the user survives {@code kill -9};
 * each reminder goes out once, whichever run posts it, and none again after another restart.
 */
@EnabledOnOs(OS.LINUX)
final class RemindRestartTest {

    static final String TOKEN = "123456789:AAH-remind_restart_abcdef0123";

    @TempDir
    Path dir;

    @Test
    void aSubscriptionSurvivesSigkillAndEachReminderGoesOutOnceAcrossRestarts() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        // The keynote due at once; Kata and Harbor (one message) due about 40 s from now.
        TidepoolSummit.write(dir, now.plusMinutes(10), Duration.ofSeconds(40));
        Path state = dir.resolve("state.db");

        try (FakeTelegram telegram = new FakeTelegram(TOKEN)) {
            // 1. Subscribe, and SIGKILL the moment the user has been told.
            Process first = start(telegram.url(), state, dir.resolve("serve-1.log"));
            try {
                awaitPolling(telegram, first, dir.resolve("serve-1.log"));
                telegram.sendPrivate(1, "/subscribe tidepool");
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() ->
                                telegram.delivered().stream().anyMatch(t -> t.contains("This chat is subscribed")));
                first.destroyForcibly();
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                first.destroyForcibly();
            }
            try (StateStore store = JdbcStateStore.open(new StateLocation.SqliteFile(state, "--state"))) {
                assertThat(store.subscriptions().subscriptions())
                        .extracting(s -> s.platform(), s -> s.chatId(), s -> s.conference())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                Platform.TELEGRAM, String.valueOf(FakeTelegram.CHAT), TidepoolSummit.ID));
            }

            // 2. Start again: both reminders go out (the second perhaps as soon as it starts, if it
            // fell due while the bot was down), then stop it cleanly.
            Process second = start(telegram.url(), state, dir.resolve("serve-2.log"));
            try {
                awaitPolling(telegram, second, dir.resolve("serve-2.log"));
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> count(telegram, TidepoolSummit.KEYNOTE) >= 1
                                && count(telegram, TidepoolSummit.KATA) >= 1);
                second.destroy(); // SIGTERM
                assertThat(second.waitFor(15, TimeUnit.SECONDS)).isTrue();
            } finally {
                second.destroyForcibly();
            }

            // 3. And again, while both talks are still ahead: nothing is posted twice.
            Process third = start(telegram.url(), state, dir.resolve("serve-3.log"));
            try {
                awaitPolling(telegram, third, dir.resolve("serve-3.log"));
                int polls = telegram.polls();
                // Several ticks (one each 5 s) and polls later, still nothing new.
                await().atMost(Duration.ofSeconds(60)).until(() -> telegram.polls() > polls + 3);
                Thread.sleep(Duration.ofSeconds(12).toMillis()); // at least two reminder ticks of this run
                assertThat(third.isAlive()).isTrue();
            } finally {
                third.destroy();
                third.waitFor(15, TimeUnit.SECONDS);
                third.destroyForcibly();
            }

            List<String> delivered = telegram.delivered();
            assertThat(count(telegram, TidepoolSummit.KEYNOTE))
                    .as("the keynote's reminder, in %s", delivered)
                    .isEqualTo(1);
            assertThat(count(telegram, TidepoolSummit.KATA))
                    .as("Kata's, in %s", delivered)
                    .isEqualTo(1);
            assertThat(delivered.stream().filter(t -> t.contains(TidepoolSummit.KATA)))
                    .as("two talks at one time, one message")
                    .allMatch(t -> t.contains(TidepoolSummit.HARBOR));
            // Besides the two reminders, only acknowledgements: the kill may come before the
            // /subscribe update is marked done, and the next start answers it again ("Updated …").
            assertThat(delivered.stream().filter(t -> !t.startsWith("⏰")))
                    .isNotEmpty()
                    .allMatch(t ->
                            t.contains("subscribed to Tidepool Summit") || t.contains("subscription: Tidepool Summit"));
            assertThat(delivered.stream().filter(t -> t.startsWith("⏰"))).hasSize(2);
        }
    }

    private static long count(FakeTelegram telegram, String title) {
        return telegram.delivered().stream()
                .filter(t -> t.contains("Starting") && t.contains(title))
                .count();
    }

    private static void awaitPolling(FakeTelegram telegram, Process serve, Path log) {
        int before = telegram.polls();
        await().atMost(Duration.ofSeconds(90)).until(() -> telegram.polls() > before || !serve.isAlive());
        assertThat(serve.isAlive())
                .as("serve is running; its log:%n%s", ChildJvm.read(log))
                .isTrue();
    }

    private Process start(String apiUrl, Path state, Path log) throws IOException {
        return ChildJvm.serve(
                log,
                Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", apiUrl, "CONFBOT_STATE_FILE", state.toString()),
                "--no-builtin",
                "--notes",
                dir.resolve("notes").toString(),
                "--catalog",
                dir.resolve("schedule.json").toString(),
                "--http-port",
                "0");
    }
}
