package confbot.telegram;

import confbot.bench.Corpus;
import confbot.bench.Questions;
import confbot.bench.Results;
import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Telegram path end to end under load: the real {@link TelegramAdapter} (telegrambots' long
 * polling, OkHttp, the adapter's four workers, its renderer and sender) and the real core over the
 * built-in knowledge, against the adapter's own fake Bot API on 127.0.0.1.
 *
 * <p>Three phases: a warm-up (not reported) so the JIT has compiled the path; a burst of updates all
 * queued at once, whose replies per second are the throughput (their latencies are mostly time spent
 * queued behind each other, and are reported as such); then updates at half that rate, open loop,
 * whose latencies are what one user waits for a reply when the bot is busy but not saturated.
 *
 * <p>Usage: {@code java -cp benchmarks.jar confbot.telegram.TelegramLoad [burst] [paced]}; figures go
 * to {@code telegram.properties} in {@link Results#folder()}. Every request is bounded: each phase
 * gives up after two minutes.
 */
public final class TelegramLoad {

    private static final int WARMUP = 600;
    private static final long PHASE_TIMEOUT_MILLIS = 120_000;

    private TelegramLoad() {}

    public static void main(String[] args) throws Exception {
        fakeWithoutNagle();
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int paced = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        List<String> questions = Questions.read(Questions.defaultFile());
        Corpus builtin = Corpus.named(Corpus.BUILTIN, Corpus.defaultWorkDir());
        Map<String, Object> figures = new LinkedHashMap<>();
        // Every update answered from scratch, as when no two people ask the same thing...
        run(builtin.bot(), questions, burst, paced, "", figures);
        // ...and as served by default, where the 60 questions soon all come from the answer cache.
        run(builtin.bot(BotOptions.defaults()), questions, burst, paced, "cached.", figures);
        Results.write(Results.folder(), "telegram", figures);
    }

    private static void run(
            ConfBot bot, List<String> questions, int burst, int paced, String prefix, Map<String, Object> figures)
            throws Exception {
        // The journal on a real SQLite file, as serve keeps it: each update costs a write and a commit.
        java.nio.file.Path state = Files.createTempDirectory("confbot-load").resolve("state.db");
        try (FakeBotApi api = new FakeBotApi(LoadFeed.TOKEN);
                LoadFeed feed = new LoadFeed(api, questions, WARMUP + burst + paced);
                StateStore store = JdbcStateStore.open(new StateLocation.SqliteFile(state, "state"))) {
            TelegramConfig config = TelegramConfig.fromEnv(
                            Map.of("TELEGRAM_BOT_TOKEN", LoadFeed.TOKEN, "TELEGRAM_API_URL", api.url()))
                    .orElseThrow();
            TelegramAdapter adapter =
                    new TelegramAdapter(config, bot, InstantSource.system(), store.inbox(), InboxPolicy.defaults());
            try {
                adapter.start();
                feed.burst(WARMUP, PHASE_TIMEOUT_MILLIS);
                LoadFeed.Phase saturated = feed.burst(burst, PHASE_TIMEOUT_MILLIS);
                // Half the saturated rate: busy, yet below capacity, so latency is service, not queue.
                double rate = Math.max(10, saturated.perSecond() / 2);
                LoadFeed.Phase steady = feed.paced(paced, rate, PHASE_TIMEOUT_MILLIS);
                put(figures, prefix + "burst", saturated);
                put(figures, prefix + "paced", steady);
                figures.put(prefix + "paced.rate", Math.round(rate));
            } finally {
                adapter.close();
                bot.close();
            }
        }
    }

    /**
     * The fake is the JDK's HttpServer, which writes a response's headers and body in two packets
     * without TCP_NODELAY: Nagle's algorithm then holds the body until the client's delayed ACK, 40
     * ms later, on every call over a kept-alive connection (measured: 44 ms a call; 0.7 ms with
     * this). Telegram's servers do not do that, so the fake must not either. Set before the first
     * HttpServer is created, which is when the JDK reads it.
     */
    static void fakeWithoutNagle() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static void put(Map<String, Object> figures, String prefix, LoadFeed.Phase phase) {
        figures.put(prefix + ".updates", phase.updates());
        figures.put(prefix + ".answered", phase.answered());
        figures.put(prefix + ".failed", phase.failed());
        figures.put(prefix + ".seconds", String.format(java.util.Locale.ROOT, "%.2f", phase.seconds()));
        figures.put(prefix + ".per_second", String.format(java.util.Locale.ROOT, "%.1f", phase.perSecond()));
        figures.put(prefix + ".p50_ms", String.format(java.util.Locale.ROOT, "%.1f", phase.p50Millis()));
        figures.put(prefix + ".p99_ms", String.format(java.util.Locale.ROOT, "%.1f", phase.p99Millis()));
    }
}
