package confbot.telegram;

import confbot.bench.Questions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The adapter's fake Bot API as a process of its own, for {@code benchmarks/startup.sh}, which
 * starts {@code confbot serve} against it and reads the bot's start-up time and memory from outside.
 *
 * <p>Usage: {@code java -cp benchmarks.jar confbot.telegram.StandaloneFakeApi DIR UPDATES}. Writes
 * the base URL to {@code DIR/url}; when {@code DIR/go} appears, queues UPDATES private-chat questions,
 * writes {@code DIR/done} (answered count, seconds) once they are answered or after two minutes, and
 * exits when {@code DIR/stop} appears or after ten minutes, whichever comes first.
 */
public final class StandaloneFakeApi {

    private static final long LIFETIME_MILLIS = TimeUnit.MINUTES.toMillis(10);
    private static final long LOAD_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(2);

    private StandaloneFakeApi() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int updates = Integer.parseInt(args[1]);
        List<String> questions = Questions.read(Questions.defaultFile());
        TelegramLoad.fakeWithoutNagle();
        long until = System.currentTimeMillis() + LIFETIME_MILLIS;
        try (FakeBotApi api = new FakeBotApi(LoadFeed.TOKEN);
                LoadFeed feed = new LoadFeed(api, questions, updates)) {
            Files.writeString(dir.resolve("url.tmp"), api.url(), StandardCharsets.UTF_8);
            Files.move(dir.resolve("url.tmp"), dir.resolve("url"));
            boolean fed = false;
            while (System.currentTimeMillis() < until && !Files.exists(dir.resolve("stop"))) {
                if (!fed && Files.exists(dir.resolve("go"))) {
                    LoadFeed.Phase phase = feed.burst(updates, LOAD_TIMEOUT_MILLIS);
                    Files.writeString(
                            dir.resolve("done"),
                            phase.answered() + " " + String.format(java.util.Locale.ROOT, "%.3f", phase.seconds())
                                    + "\n",
                            StandardCharsets.UTF_8);
                    fed = true;
                }
                Thread.sleep(20);
            }
        }
    }
}
