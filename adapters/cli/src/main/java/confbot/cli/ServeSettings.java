package confbot.cli;

import confbot.core.BotOptions;
import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.remind.Reminders;
import confbot.core.schedule.CatalogPoller;
import confbot.core.state.StateLocation;
import confbot.telegram.InboxPolicy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything {@code confbot serve} runs with, typed and checked. Built once at start from a {@link
 * ServeEnvironment}; every message names the setting (and where it was set), never a token's value.
 *
 * @param adapters the chat platforms with a token
 * @param knowledge what to index
 * @param admins who may use {@code /reload}, per platform
 * @param rateLimits messages per minute per user and per chat; empty leaves the core's default
 * @param answerCacheSize answers to keep (0 turns the cache off); empty leaves the core's default
 * @param httpPort the health and metrics port; 0 picks a free one
 * @param logFormat console lines or JSON lines
 * @param state where the bot's state lives: an SQLite file, or PostgreSQL when a database URL is set
 * @param inbox how old a journaled update may be to be answered at start, and how long sends are retried
 * @param remindBefore how long before each talk its reminder goes out to the subscribed chats
 * @param polling the catalogs given as addresses and how often they are polled
 */
record ServeSettings(
        Adapters adapters,
        Setup knowledge,
        Admins admins,
        RateLimits rateLimits,
        OptionalInt answerCacheSize,
        int httpPort,
        LogFormat logFormat,
        StateLocation state,
        InboxPolicy inbox,
        Duration remindBefore,
        Polling polling) {

    static final int DEFAULT_HTTP_PORT = 8080;
    /** Under the working directory, so a first `serve` needs no setting to keep what it took. */
    static final Path DEFAULT_STATE_FILE = Path.of("confbot-state.db");

    private static final Pattern DURATION = Pattern.compile("([0-9]+)\\s*(ms|s|m|min|h|d)");
    private static final Pattern ID = Pattern.compile("-?[0-9]+");

    ServeSettings {
        Objects.requireNonNull(adapters, "adapters");
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(admins, "admins");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(answerCacheSize, "answerCacheSize");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(remindBefore, "remindBefore");
        Objects.requireNonNull(polling, "polling");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("http port must be 0-65535, was " + httpPort);
        }
    }

    /** User ids allowed to run admin commands, as the platforms send them (opaque strings). */
    record Admins(Set<String> telegram, Set<String> discord) {
        Admins {
            telegram = Set.copyOf(telegram);
            discord = Set.copyOf(discord);
        }
    }

    /**
     * The catalogs published at addresses: each fetched before the first load, then polled.
     *
     * @param remotes each address with the copy the library loads (listed in {@link #knowledge()}'s catalogs)
     * @param interval how long between two polls of every address
     */
    record Polling(List<CatalogPoller.Remote> remotes, Duration interval) {
        Polling {
            remotes = List.copyOf(remotes);
            Objects.requireNonNull(interval, "interval");
        }
    }

    /** Messages per minute; empty leaves the core's default. */
    record RateLimits(OptionalInt perUserPerMinute, OptionalInt perChatPerMinute) {
        RateLimits {
            Objects.requireNonNull(perUserPerMinute, "perUserPerMinute");
            Objects.requireNonNull(perChatPerMinute, "perChatPerMinute");
        }
    }

    /**
     * The core's options: admins as {@code platform:userId}, the per-minute budgets (the core's
     * defaults where unset), the answer cache size, the system clock.
     */
    BotOptions botOptions() {
        BotOptions.RateLimit defaults = BotOptions.RateLimit.defaults();
        Set<String> adminKeys = Stream.concat(
                        admins.telegram().stream().map(id -> "telegram:" + id),
                        admins.discord().stream().map(id -> "discord:" + id))
                .collect(Collectors.toSet());
        return new BotOptions(
                adminKeys,
                new BotOptions.RateLimit(
                        rateLimits.perUserPerMinute().orElse(defaults.perUser()),
                        rateLimits.perChatPerMinute().orElse(defaults.perChat()),
                        Duration.ofMinutes(1)),
                answerCacheSize.orElse(BotOptions.DEFAULT_ANSWER_CACHE_SIZE),
                InstantSource.system());
    }

    enum LogFormat {
        TEXT,
        JSON
    }

    /**
     * Reads and checks every setting.
     *
     * @throws IllegalArgumentException naming the first bad setting and where it was set
     */
    static ServeSettings from(ServeEnvironment env) {
        Adapters adapters;
        try {
            adapters = Adapters.fromEnv(env.values());
        } catch (IllegalArgumentException e) {
            throw env.explain(e);
        }
        StateLocation state = state(env);
        Path copies = KnowledgeOptions.copiesFolder(state);
        return new ServeSettings(
                adapters,
                knowledge(env, copies),
                new Admins(ids(env, Settings.ADMINS_TELEGRAM), ids(env, Settings.ADMINS_DISCORD)),
                new RateLimits(count(env, Settings.RATE_PER_USER, 1), count(env, Settings.RATE_PER_CHAT, 1)),
                count(env, Settings.ANSWER_CACHE_SIZE, 0),
                env.get(Settings.HTTP_PORT).map(v -> port(env, v)).orElse(DEFAULT_HTTP_PORT),
                env.get(Settings.LOG_FORMAT).map(v -> logFormat(env, v)).orElse(LogFormat.TEXT),
                state,
                inbox(env),
                remindBefore(env),
                polling(env, copies));
    }

    /** CONFBOT_REMIND_BEFORE (reminders.before, --remind-before), else ten minutes; at most a day. */
    static Duration remindBefore(ServeEnvironment env) {
        Optional<Duration> lead = env.get(Settings.REMIND_BEFORE).map(v -> duration(env, Settings.REMIND_BEFORE, v));
        try {
            return Reminders.checkedLead(lead.orElse(Reminders.DEFAULT_LEAD));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(env.describe(Settings.REMIND_BEFORE)
                    + " must be more than 0 and at most a day, such as 10m, got '"
                    + env.get(Settings.REMIND_BEFORE).orElse("") + "'");
        }
    }

    private static Polling polling(ServeEnvironment env, Path copies) {
        List<CatalogPoller.Remote> remotes = catalogItems(env).stream()
                .filter(CatalogPoller::isRemote)
                .map(item -> KnowledgeOptions.remote(copies, item))
                .toList();
        Duration interval = env.get(Settings.CATALOG_POLL)
                .map(v -> duration(env, Settings.CATALOG_POLL, v))
                .orElse(CatalogPoller.DEFAULT_INTERVAL);
        if (interval.isZero()) {
            throw new IllegalArgumentException(env.describe(Settings.CATALOG_POLL) + " must be longer than 0");
        }
        return new Polling(remotes, interval);
    }

    /**
     * CONFBOT_CATALOGS split at the path separator, an address kept whole: on Unix the separator is
     * the colon that also follows {@code https} and comes before a port.
     */
    static List<String> catalogItems(ServeEnvironment env) {
        String[] pieces = env.get(Settings.CATALOGS)
                .map(v -> v.split(Pattern.quote(File.pathSeparator), -1))
                .orElse(new String[0]);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            StringBuilder item = new StringBuilder(pieces[i].strip());
            if (item.toString().matches("(?i)https?") && i + 1 < pieces.length && pieces[i + 1].startsWith("//")) {
                item.append(':').append(pieces[++i]);
                if (i + 1 < pieces.length && pieces[i + 1].matches("[0-9]+(/.*)?")) {
                    item.append(':').append(pieces[++i]);
                }
            }
            if (!item.toString().isBlank()) {
                items.add(item.toString().strip());
            }
        }
        return items;
    }

    /** CONFBOT_DATABASE_URL when set (several replicas share it), else the SQLite file. */
    static StateLocation state(ServeEnvironment env) {
        Optional<String> url = env.get(Settings.DATABASE_URL);
        if (url.isPresent()) {
            return StateLocation.database(url.get(), env.describe(Settings.DATABASE_URL));
        }
        Optional<String> file = env.get(Settings.STATE_FILE);
        return new StateLocation.SqliteFile(
                file.map(Path::of).orElse(DEFAULT_STATE_FILE),
                file.isPresent()
                        ? env.describe(Settings.STATE_FILE)
                        : "the state file (--state, " + Settings.STATE_FILE + ")");
    }

    private static InboxPolicy inbox(ServeEnvironment env) {
        InboxPolicy policy = InboxPolicy.defaults();
        Optional<Duration> maxAge = env.get(Settings.INBOX_MAX_AGE).map(v -> duration(env, Settings.INBOX_MAX_AGE, v));
        Optional<Duration> retryFor =
                env.get(Settings.TELEGRAM_RETRY_FOR).map(v -> duration(env, Settings.TELEGRAM_RETRY_FOR, v));
        return policy.withMaxAge(maxAge.orElse(policy.maxAge())).withRetryFor(retryFor.orElse(policy.retryFor()));
    }

    /** {@code 90s}, {@code 10m}, {@code 24h}, {@code 2d}, or ISO-8601 ({@code PT24H}). */
    static Duration duration(ServeEnvironment env, String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = DURATION.matcher(v);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m", "min" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            if (v.startsWith("p")) {
                Duration d = Duration.parse(value.strip());
                if (!d.isNegative()) {
                    return d;
                }
            }
        } catch (RuntimeException e) {
            // reported below, with the name
        }
        throw new IllegalArgumentException(
                env.describe(name) + " must be a duration such as 90s, 10m, 24h or 2d, got '" + value + "'");
    }

    private static Setup knowledge(ServeEnvironment env, Path copies) {
        boolean builtin = env.get(Settings.BUILTIN)
                .map(v -> bool(env, Settings.BUILTIN, v))
                .orElse(true);
        List<Path> notes = paths(env, Settings.NOTES, Files::isDirectory, "no such folder");
        List<Path> catalogs = new ArrayList<>();
        for (String item : catalogItems(env)) {
            if (CatalogPoller.isRemote(item)) {
                catalogs.add(KnowledgeOptions.remote(copies, item).copy());
                continue;
            }
            Path path = Path.of(item);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(env.describe(Settings.CATALOGS) + ": no such file: " + path);
            }
            catalogs.add(path);
        }
        if (!builtin && notes.isEmpty() && catalogs.isEmpty()) {
            throw new IllegalArgumentException(env.describe(Settings.BUILTIN)
                    + " is false and no notes or catalogs are set: there is nothing to answer from");
        }
        boolean builtinGlossary = env.get(Settings.BUILTIN_GLOSSARY)
                .map(v -> bool(env, Settings.BUILTIN_GLOSSARY, v))
                .orElse(true);
        List<Path> glossaries = paths(env, Settings.GLOSSARIES, Files::isRegularFile, "no such file");
        List<Path> conferences = paths(env, Settings.CONFERENCES, Files::isRegularFile, "no such file");
        long catalogMax = count(env, Settings.CATALOG_MAX_MB, 1).stream()
                .mapToLong(mb -> mb * KnowledgeOptions.MEGABYTE)
                .findFirst()
                .orElse(CatalogReader.DEFAULT_MAX_BYTES);
        return new Setup(builtin, notes, catalogs, builtinGlossary, glossaries, conferences, catalogMax);
    }

    private static List<Path> paths(ServeEnvironment env, String name, Predicate<Path> exists, String missing) {
        List<Path> paths = new ArrayList<>();
        for (String item : env.get(name)
                .map(v -> v.split(Pattern.quote(File.pathSeparator)))
                .orElse(new String[0])) {
            if (item.isBlank()) {
                continue;
            }
            Path path = Path.of(item.strip());
            if (!exists.test(path)) {
                throw new IllegalArgumentException(env.describe(name) + ": " + missing + ": " + path);
            }
            paths.add(path);
        }
        return paths;
    }

    private static Set<String> ids(ServeEnvironment env, String name) {
        List<String> ids = new ArrayList<>();
        for (String item : env.get(name).map(v -> v.split(",")).orElse(new String[0])) {
            String id = item.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        env.describe(name) + " must be numeric user ids separated by commas, got '" + id + "'");
            }
            ids.add(id);
        }
        return Set.copyOf(ids);
    }

    private static OptionalInt count(ServeEnvironment env, String name, int least) {
        Optional<String> value = env.get(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= least) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below, with the name
        }
        throw new IllegalArgumentException(
                env.describe(name) + " must be a whole number of at least " + least + ", got '" + value.get() + "'");
    }

    private static int port(ServeEnvironment env, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the name
        }
        throw new IllegalArgumentException(env.describe(Settings.HTTP_PORT)
                + " must be a port number 0-65535 (0 picks a free one), got '" + value + "'");
    }

    private static LogFormat logFormat(ServeEnvironment env, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text", "plain", "console" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new IllegalArgumentException(
                    env.describe(Settings.LOG_FORMAT) + " must be text or json, got '" + value + "'");
        };
    }

    private static boolean bool(ServeEnvironment env, String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(
                    env.describe(name) + " must be true or false, got '" + value + "'");
        };
    }
}
