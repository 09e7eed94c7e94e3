package confbot.cli;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.chat.ChatPoster;
import confbot.core.feedback.Feedback;
import confbot.core.remind.SubscriptionDesk;
import confbot.core.schedule.CatalogPoller;
import confbot.core.schedule.ScheduleChanges;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateStore;
import confbot.core.state.StateStoreException;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs every chat adapter whose token is set (TELEGRAM_BOT_TOKEN, DISCORD_BOT_TOKEN, or their *_FILE",
            "variants) in one process, with /healthz, /readyz and /metrics on --http-port, until stopped.",
            "Settings come from confbot.yaml (--config, CONFBOT_CONFIG, or ./confbot.yaml), then the",
            "environment, then these options, each overriding the one before. See docs/operations.md."
        })
final class ServeCli implements Callable<Integer> {

    /** SIGTERM to exit: Kubernetes waits 30 s by default, Docker 10 s; stay inside the shorter. */
    static final Duration STOP_DEADLINE = Duration.ofMillis(9_500);

    static final String CONFIG_ENV = "CONFBOT_CONFIG";
    static final Path DEFAULT_CONFIG = Path.of("confbot.yaml");

    private static final Logger log = LoggerFactory.getLogger(ServeCli.class);

    @Mixin
    KnowledgeOptions knowledge;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Read settings from FILE (default: $CONFBOT_CONFIG, else ./confbot.yaml if present).")
    Optional<Path> config = Optional.empty();

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            description = "Serve /healthz, /readyz and /metrics on PORT (default 8080; 0 picks a free port, logged).")
    Optional<Integer> httpPort = Optional.empty();

    @Option(names = "--skip-backlog", description = "Ignore Telegram updates sent before the bot started.")
    boolean skipBacklog;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description =
                    "Keep the bot's state (the journal of Telegram updates, answers and votes) in the SQLite FILE, created on"
                            + " first use (default ./confbot-state.db; CONFBOT_DATABASE_URL chooses PostgreSQL instead).")
    Optional<Path> state = Optional.empty();

    @Option(
            names = "--remind-before",
            paramLabel = "DURATION",
            description = "Post each reminder to the subscribed chats this long before its talk, e.g. 10m or 1h"
                    + " (default 10m; CONFBOT_REMIND_BEFORE, reminders.before).")
    Optional<String> remindBefore = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Builds the core; {@code ConfBot::create}, or a test's. */
    @FunctionalInterface
    interface Cores {
        ConfBot create(
                Setup setup,
                BotOptions options,
                Feedback feedback,
                SubscriptionDesk subscriptions,
                ScheduleChanges schedule);
    }

    private final Cores bots;
    private final Map<String, String> env;

    ServeCli(Cores bots, Map<String, String> env) {
        this.bots = bots;
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Optional<Path> file = configFile();
        ServeSettings settings = settings(file);
        if (settings.adapters().isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "confbot serve: no chat adapter is configured; set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN"
                                    + " (or TELEGRAM_BOT_TOKEN_FILE / DISCORD_BOT_TOKEN_FILE, or token_file in confbot.yaml).");
            return 2;
        }
        Logging.configureServe(settings.logFormat(), env.containsKey("CONFBOT_LOG_LEVEL"));
        file.ifPresent(f -> log.info("Settings from {}", f.toAbsolutePath()));

        // Opened before anything else starts: a bad or unreachable database is a one-line error now,
        // not a failure at the first message.
        Optional<StateStore> store;
        try {
            store = settings.adapters().needState()
                    ? Optional.of(JdbcStateStore.open(settings.state()))
                    : Optional.empty();
        } catch (StateStoreException e) {
            spec.commandLine().getErr().println("confbot serve: " + e.getMessage());
            return 2;
        }

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Memory and threads: the numbers to watch against the container's limit.
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        BotOptions botOptions = settings.botOptions();
        // One clock for everything the core decides by time: the answers' records, the reminders,
        // the schedule changes found.
        InstantSource clock = botOptions.clock();
        Feedback feedback = store.map(s -> Feedback.to(s.answers(), clock)).orElseGet(Feedback::off);
        SubscriptionDesk subscriptions = store.map(
                        s -> SubscriptionDesk.to(s.subscriptions(), clock, settings.remindBefore()))
                .orElseGet(SubscriptionDesk::off);
        ScheduleChanges schedule = store.map(s -> new ScheduleChanges(s.scheduleChanges(), clock))
                .orElseGet(() -> ScheduleChanges.inMemory(clock));
        CatalogPoller poller = new CatalogPoller(
                settings.polling().remotes(),
                CatalogPoller.client(),
                new CatalogReader(settings.knowledge().catalogMaxBytes()));
        Server server = new Server(
                () -> {
                    // Fetched before the first load, which reads the copies.
                    poller.fetchFirst();
                    ConfBot bot = bots.create(settings.knowledge(), botOptions, feedback, subscriptions, schedule);
                    bot.poll(poller, settings.polling().interval());
                    return bot;
                },
                bot -> settings.adapters().create(bot, store, settings.inbox()),
                !settings.knowledge().notesFolders().isEmpty()
                        || !settings.knowledge().catalogs().isEmpty(),
                settings.httpPort(),
                registry,
                // Once the adapters are connected: the reminders, and the schedule changes the
                // poller finds posted to the subscribed chats (those missed while down first).
                (bot, adapters) -> store.<AutoCloseable>map(s -> Subscribing.start(
                                bot,
                                schedule,
                                s.subscriptions(),
                                adapters.stream()
                                        .filter(ChatPoster.class::isInstance)
                                        .map(ChatPoster.class::cast)
                                        .toList(),
                                clock,
                                settings.remindBefore()))
                        .orElse(() -> {}));

        // Registered before start: a SIGTERM while the index builds must stop cleanly too.
        Thread hook = new Thread(
                () -> {
                    poller.close();
                    stopAndHalt(server, store);
                },
                "confbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.start();
        } catch (Exception e) {
            poller.close();
            server.close();
            store.ifPresent(StateStore::close);
            removeHook(hook);
            spec.commandLine().getErr().println("confbot serve: " + e.getMessage());
            return 1;
        }
        // Runs until a signal: the hook stops the server and ends the process.
        new CountDownLatch(1).await();
        return 0;
    }

    /** --config, else $CONFBOT_CONFIG, else ./confbot.yaml when there is one. */
    private Optional<Path> configFile() {
        return configFile(config, env);
    }

    /** {@code option}, else $CONFBOT_CONFIG, else ./confbot.yaml when there is one. */
    static Optional<Path> configFile(Optional<Path> config, Map<String, String> env) {
        return config.or(() -> Optional.ofNullable(env.get(CONFIG_ENV))
                        .filter(v -> !v.isBlank())
                        .map(Path::of))
                .or(() -> Files.isRegularFile(DEFAULT_CONFIG) ? Optional.of(DEFAULT_CONFIG) : Optional.empty());
    }

    /** The file, the environment and this command's options, layered and checked. */
    private ServeSettings settings(Optional<Path> file) {
        Map<String, String> options = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        httpPort.ifPresent(p -> option(options, names, Settings.HTTP_PORT, String.valueOf(p), "--http-port"));
        if (!knowledge.notes.isEmpty()) {
            option(options, names, Settings.NOTES, join(knowledge.notes), "--notes");
        }
        if (!knowledge.catalogs.isEmpty()) {
            option(options, names, Settings.CATALOGS, join(knowledge.catalogs), "--catalog");
        }
        if (!knowledge.conferences.isEmpty()) {
            option(options, names, Settings.CONFERENCES, join(knowledge.conferences), "--conferences");
        }
        knowledge.catalogPoll.ifPresent(v -> option(options, names, Settings.CATALOG_POLL, v, "--catalog-poll"));
        knowledge.catalogMaxMb.ifPresent(
                mb -> option(options, names, Settings.CATALOG_MAX_MB, String.valueOf(mb), "--catalog-max-mb"));
        if (knowledge.noBuiltin) {
            option(options, names, Settings.BUILTIN, "false", "--no-builtin");
        }
        if (!knowledge.glossaries.isEmpty()) {
            option(options, names, Settings.GLOSSARIES, join(knowledge.glossaries), "--glossary");
        }
        if (knowledge.noGlossary) {
            option(options, names, Settings.BUILTIN_GLOSSARY, "false", "--no-glossary");
        }
        if (skipBacklog) {
            option(options, names, "TELEGRAM_SKIP_BACKLOG", "true", "--skip-backlog");
        }
        state.ifPresent(f -> option(options, names, Settings.STATE_FILE, f.toString(), "--state"));
        remindBefore.ifPresent(d -> option(options, names, Settings.REMIND_BEFORE, d, "--remind-before"));
        ServeEnvironment layered = ServeEnvironment.of(file.map(ConfigFile::read), env, options, names);
        return ServeSettings.from(layered);
    }

    private static void option(
            Map<String, String> options, Map<String, String> names, String env, String value, String option) {
        options.put(env, value);
        names.put(env, option);
    }

    private static String join(List<?> paths) {
        return paths.stream().map(Object::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The shutdown hook: stop the server (no new messages, answers in flight finished, index
     * closed), then end the process with status 0.
     *
     * <p>Why {@code halt}: on SIGTERM the JVM runs its hooks and then exits with 143 (128 + 15),
     * which Docker and Kubernetes report as an error; a hook cannot call {@code System.exit} (it
     * would wait for itself), but it can halt with the status it chooses. Halting also means a
     * library's stray non-daemon thread cannot keep the process alive past the deadline. Why 0
     * even from the watchdog: the stop was asked for, and nothing is lost by cutting it short —
     * every Telegram update taken is journaled and answered at the next start, and a Discord user whose
     * answer was cut sees the interaction fail rather than a wrong answer.
     */
    private static void stopAndHalt(Server server, Optional<StateStore> store) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(STOP_DEADLINE.toMillis());
                        log.warn("Still stopping after {} s; exiting now", STOP_DEADLINE.toSeconds());
                        Runtime.getRuntime().halt(0);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // stopped in time
                    }
                },
                "confbot-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        log.info("Signal received; stopping");
        server.close();
        // Last: the adapters have stopped, and nothing writes to the journal any more.
        store.ifPresent(StateStore::close);
        watchdog.interrupt();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and will end the process itself.
        }
    }
}
