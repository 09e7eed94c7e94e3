package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import confbot.core.testing.TidepoolSummit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot chat} subscribes the terminal and prints the reminder that falls due while it
 * runs, between the prompts; {@code /remind} answers there too.
 */
final class ChatRemindTest {

    @TempDir
    Path dir;

    @Test
    void theTerminalSubscribesAndPrintsTheReminderThatFallsDue() throws Exception {
        // The keynote ten minutes from now: due at once with the default lead.
        TidepoolSummit.write(dir, LocalDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        StringWriter out = new StringWriter(); // a StringBuffer inside: safe to read while written
        CompletableFuture<Integer> chat = CompletableFuture.supplyAsync(() -> Main.run(
                new String[] {
                    "chat",
                    "--no-builtin",
                    "--notes",
                    dir.resolve("notes").toString(),
                    "--catalog",
                    dir.resolve("schedule.json").toString(),
                    "--state",
                    dir.resolve("state.db").toString()
                },
                stdin,
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                Map.of()));

        type(typing, "/subscribe tidepool");
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("subscribed to Tidepool Summit"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        out.toString().contains("Starting in") && out.toString().contains(TidepoolSummit.KEYNOTE));
        type(typing, "/remind kata");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> out.toString().contains("I'll remind you 10 minutes before “" + TidepoolSummit.KATA));
        type(typing, "/quit");

        assertThat(chat.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString().split("Starting in", -1))
                .as("one reminder, printed once")
                .hasSize(2);
    }

    private static void type(OutputStream typing, String line) throws IOException {
        typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }
}
