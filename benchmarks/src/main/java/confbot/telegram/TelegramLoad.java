package confbot.telegram;

import confbot.bench.Corpus;
import confbot.bench.Questions;
import confbot.bench.Results;
import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.chat.ChatBot;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The Telegram path end to end under load: the real {@link TelegramAdapter} (telegrambots' long
 * polling, OkHttp, the adapter's four workers, its renderer and sender) and the real core over the
 * built-in knowledge, against the adapter's own fake Bot API on 127.0.0.1.
 *
 * <p>Three phases: a warm-up (not reported, in rounds until the JIT has compiled the path); a burst of updates all
 * queued at once, whose replies per second are the throughput (their latencies are mostly time spent
 * queued behind each other, and are reported as such); then updates at half that rate, open loop,
 * whose latencies are what one user waits for a reply when the bot is busy but not saturated.
 *
 * <p>Three bots, each on a fresh adapter, fake and journal: {@code instant} answers every question
 * at once with the core's own reply ({@link RecordedBot}), so its figures are the adapter's ceiling
 * (keys {@code instant.*}); {@code off} is the real core with its answer cache off, every update
 * answered from scratch (the target row; keys without a prefix); {@code cached} is the core as
 * {@code serve} runs it, where the 60 questions soon all come from the answer cache ({@code cached.*}).
 *
 * <p>Usage: {@code java -cp benchmarks.jar confbot.telegram.TelegramLoad [burst] [paced] [bots]},
 * {@code bots} a comma-separated subset of {@code instant,off,cached} (all three by default); figures
 * go to {@code telegram.properties} in {@link Results#folder()}. Every request is bounded: each phase
 * gives up after two minutes.
 *
 * <p>Beside the rates, each phase reports the CPU time an update cost ({@code *.cpu_ms_per_update},
 * the whole process) and its parts ({@code *.cpu_ms.PART}: the fake, the poll thread, the workers
 * with the core's answer, the sending and HTTP threads, the journal writer, other Java threads,
 * and the JVM's own JIT and GC threads), see {@link CpuUse}; and the machine's load average as the
 * burst began ({@code *.load}). With {@code -Dconfbot.bench.jfr=DIR} each burst, and only the burst, is
 * recorded with JFR's {@code profile} settings to {@code DIR/telegram-BOT.jfr}.
 */
public final class TelegramLoad {

    /**
     * The warm-up goes in rounds of this many updates until the JIT has little left to compile:
     * measured with a fixed 600 updates, and still with 4,800, the C2 compiler took 30-40 % of the
     * process's CPU through the burst and the paced phase (Lucene, HanLP, Jackson, OkHttp: thousands
     * of methods, compiled slowly on two shared cores), so those measured compilation as much as
     * the path. A bot that has been up a few minutes is past that.
     */
    private static final int WARMUP_ROUND = 600;
    /** Warm once a round's compilation time is below this share of its wall time... */
    private static final double WARM_COMPILE_SHARE = 0.05;
    /** ...or once the warm-up has taken this long, whichever comes first. */
    private static final long MAX_WARMUP_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Update ids the feed can hold: the longest warm-up at the fastest rate, then the phases. */
    private static final int MAX_WARMUP_UPDATES = 300_000;

    private static final long PHASE_TIMEOUT_MILLIS = 120_000;
    /** Where to record each burst with JFR; unset, nothing is recorded. */
    static final String JFR_PROPERTY = "confbot.bench.jfr";

    private TelegramLoad() {}

    public static void main(String[] args) throws Exception {
        fakeWithoutNagle();
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int paced = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        Set<String> bots = Set.copyOf(Arrays.asList((args.length > 2 ? args[2] : "instant,off,cached").split(",")));
        List<String> questions = Questions.read(Questions.defaultFile());
        Corpus builtin = Corpus.named(Corpus.BUILTIN, Corpus.defaultWorkDir());
        Map<String, Object> figures = new LinkedHashMap<>();
        if (bots.contains("instant")) {
            // The adapter alone: the core's replies, each made once, then returned at once.
            try (ConfBot core = builtin.bot()) {
                run(new RecordedBot(core), questions, burst, paced, "instant", figures);
            }
        }
        if (bots.contains("off")) {
            // Every update answered from scratch, as when no two people ask the same thing...
            try (ConfBot core = builtin.bot()) {
                run(core, questions, burst, paced, "off", figures);
            }
        }
        if (bots.contains("cached")) {
            // ...and as served by default, where the 60 questions soon all come from the answer cache.
            try (ConfBot core = builtin.bot(BotOptions.defaults())) {
                run(core, questions, burst, paced, "cached", figures);
            }
        }
        Results.write(Results.folder(), "telegram", figures);
    }

    private static void run(
            ChatBot bot, List<String> questions, int burst, int paced, String name, Map<String, Object> figures)
            throws Exception {
        // The target row keeps the keys it always had (burst.*, paced.*), which the report reads.
        String prefix = name.equals("off") ? "" : name + ".";
        // The journal on a real SQLite file, as serve keeps it: each update costs a write and a commit.
        Path state = Files.createTempDirectory("confbot-load").resolve("state.db");
        try (FakeBotApi api = new FakeBotApi(LoadFeed.TOKEN);
                LoadFeed feed = new LoadFeed(api, questions, MAX_WARMUP_UPDATES + burst + paced);
                StateStore store = JdbcStateStore.open(new StateLocation.SqliteFile(state, "state"))) {
            TelegramConfig config = TelegramConfig.fromEnv(
                            Map.of("TELEGRAM_BOT_TOKEN", LoadFeed.TOKEN, "TELEGRAM_API_URL", api.url()))
                    .orElseThrow();
            TelegramAdapter adapter =
                    new TelegramAdapter(config, bot, InstantSource.system(), store.inbox(), InboxPolicy.defaults());
            try {
                adapter.start();
                long warming = System.nanoTime();
                figures.put(prefix + "warmup.updates", warmUp(feed));
                figures.put(
                        prefix + "warmup.seconds",
                        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - warming) / 1e9));
                figures.put(prefix + "load", String.format(Locale.ROOT, "%.2f", loadAverage()));
                Optional<Recording> recording = startRecording();
                CpuUse before = CpuUse.now();
                LoadFeed.Phase saturated = feed.burst(burst, PHASE_TIMEOUT_MILLIS);
                CpuUse burstCpu = CpuUse.now().since(before);
                stopRecording(recording, name);
                // Half the saturated rate: busy, yet below capacity, so latency is service, not queue.
                double rate = Math.max(10, saturated.perSecond() / 2);
                before = CpuUse.now();
                LoadFeed.Phase steady = feed.paced(paced, rate, PHASE_TIMEOUT_MILLIS);
                CpuUse pacedCpu = CpuUse.now().since(before);
                put(figures, prefix + "burst", saturated, burstCpu);
                put(figures, prefix + "paced", steady, pacedCpu);
                figures.put(prefix + "paced.rate", Math.round(rate));
            } finally {
                adapter.close();
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

    /** @return how many updates it took */
    private static int warmUp(LoadFeed feed) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + MAX_WARMUP_NANOS;
        int updates = 0;
        while (updates + WARMUP_ROUND <= MAX_WARMUP_UPDATES) {
            long compiling = jit.getTotalCompilationTime();
            long started = System.nanoTime();
            feed.burst(WARMUP_ROUND, PHASE_TIMEOUT_MILLIS);
            updates += WARMUP_ROUND;
            double wallMillis = (System.nanoTime() - started) / 1e6;
            boolean quiet = jit.getTotalCompilationTime() - compiling < WARM_COMPILE_SHARE * wallMillis;
            if ((updates > WARMUP_ROUND && quiet) || System.nanoTime() > deadline) {
                break;
            }
        }
        return updates;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Optional<Recording> startRecording() throws IOException, ParseException {
        if (System.getProperty(JFR_PROPERTY) == null) {
            return Optional.empty();
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return Optional.of(recording);
    }

    private static void stopRecording(Optional<Recording> recording, String name) throws IOException {
        if (recording.isPresent()) {
            Path dir = Files.createDirectories(Path.of(System.getProperty(JFR_PROPERTY)));
            recording.get().stop();
            recording.get().dump(dir.resolve("telegram-" + name + ".jfr"));
            recording.get().close();
        }
    }

    private static void put(Map<String, Object> figures, String prefix, LoadFeed.Phase phase, CpuUse cpu) {
        int answered = Math.max(1, phase.answered());
        figures.put(
                prefix + ".cpu_ms_per_update", String.format(Locale.ROOT, "%.3f", cpu.processNanos() / 1e6 / answered));
        cpu.byPart()
                .forEach((part, nanos) -> figures.put(
                        prefix + ".cpu_ms." + part, String.format(Locale.ROOT, "%.3f", nanos / 1e6 / answered)));
        figures.put(prefix + ".cpu_ms.jvm", String.format(Locale.ROOT, "%.3f", cpu.jvmNanos() / 1e6 / answered));
        figures.put(prefix + ".updates", phase.updates());
        figures.put(prefix + ".answered", phase.answered());
        figures.put(prefix + ".failed", phase.failed());
        figures.put(prefix + ".seconds", String.format(Locale.ROOT, "%.2f", phase.seconds()));
        figures.put(prefix + ".per_second", String.format(Locale.ROOT, "%.1f", phase.perSecond()));
        figures.put(prefix + ".p50_ms", String.format(Locale.ROOT, "%.1f", phase.p50Millis()));
        figures.put(prefix + ".p99_ms", String.format(Locale.ROOT, "%.1f", phase.p99Millis()));
    }
}
