package confbot.cli;

import java.util.List;
import java.util.Optional;

/**
 * Every setting {@code confbot serve} reads: its key in {@code confbot.yaml} and the environment
 * variable that overrides it. One table, so the file, the environment, the validation messages and
 * docs/operations.md all use the same names.
 */
final class Settings {
    private Settings() {}

    /** The shape a value must have in the YAML file. */
    enum Type {
        STRING,
        /** A file or folder; relative paths are resolved against the config file's folder. */
        PATH,
        INTEGER,
        BOOLEAN,
        /**
         * A list of paths, joined with the platform's path separator in the environment (like PATH);
         * for catalogs, an item may also be an http(s):// address.
         */
        PATHS,
        /** A list of ids, comma-separated in the environment. */
        IDS,
        /** A shard list: {@code 0-3}, {@code "0,1"} or a YAML list of numbers; comma-separated in the environment. */
        SHARD_IDS
    }

    /**
     * One setting.
     *
     * @param key the dotted path in confbot.yaml, e.g. {@code telegram.api_url}
     * @param env the environment variable, e.g. {@code TELEGRAM_API_URL}
     */
    record Setting(String key, String env, Type type) {}

    static final String TELEGRAM_TOKEN = "TELEGRAM_BOT_TOKEN";
    static final String TELEGRAM_TOKEN_FILE = "TELEGRAM_BOT_TOKEN_FILE";
    static final String DISCORD_TOKEN = "DISCORD_BOT_TOKEN";
    static final String DISCORD_TOKEN_FILE = "DISCORD_BOT_TOKEN_FILE";
    static final String BUILTIN = "CONFBOT_BUILTIN";
    static final String NOTES = "CONFBOT_NOTES";
    static final String CATALOGS = "CONFBOT_CATALOGS";
    static final String CATALOG_MAX_MB = "CONFBOT_CATALOG_MAX_MB";
    static final String CATALOG_POLL = "CONFBOT_CATALOG_POLL";
    static final String GLOSSARIES = "CONFBOT_GLOSSARIES";
    static final String CONFERENCES = "CONFBOT_CONFERENCES";
    static final String BUILTIN_GLOSSARY = "CONFBOT_BUILTIN_GLOSSARY";
    static final String ADMINS_TELEGRAM = "CONFBOT_ADMINS_TELEGRAM";
    static final String ADMINS_DISCORD = "CONFBOT_ADMINS_DISCORD";
    static final String RATE_PER_USER = "CONFBOT_RATE_LIMIT_PER_USER";
    static final String RATE_PER_CHAT = "CONFBOT_RATE_LIMIT_PER_CHAT";
    static final String ANSWER_CACHE_SIZE = "CONFBOT_ANSWER_CACHE_SIZE";
    static final String HTTP_PORT = "CONFBOT_HTTP_PORT";
    static final String LOG_FORMAT = "LOG_FORMAT";
    static final String STATE_FILE = "CONFBOT_STATE_FILE";
    static final String DATABASE_URL = "CONFBOT_DATABASE_URL";
    static final String INBOX_MAX_AGE = "CONFBOT_INBOX_MAX_AGE";
    static final String TELEGRAM_RETRY_FOR = "TELEGRAM_RETRY_FOR";
    static final String REMIND_BEFORE = "CONFBOT_REMIND_BEFORE";

    static final List<Setting> ALL = List.of(
            new Setting("telegram.token_file", TELEGRAM_TOKEN_FILE, Type.PATH),
            new Setting("telegram.api_url", "TELEGRAM_API_URL", Type.STRING),
            new Setting("telegram.webhook_url", "TELEGRAM_WEBHOOK_URL", Type.STRING),
            new Setting("telegram.webhook_secret", "TELEGRAM_WEBHOOK_SECRET", Type.STRING),
            new Setting("telegram.webhook_port", "TELEGRAM_WEBHOOK_PORT", Type.INTEGER),
            new Setting("telegram.skip_backlog", "TELEGRAM_SKIP_BACKLOG", Type.BOOLEAN),
            new Setting("telegram.retry_for", TELEGRAM_RETRY_FOR, Type.STRING),
            new Setting("discord.token_file", DISCORD_TOKEN_FILE, Type.PATH),
            new Setting("discord.guild_id", "DISCORD_GUILD_ID", Type.STRING),
            new Setting("discord.message_content", "DISCORD_MESSAGE_CONTENT", Type.BOOLEAN),
            new Setting("discord.shards", "DISCORD_SHARDS", Type.INTEGER),
            new Setting("discord.shard_ids", "DISCORD_SHARD_IDS", Type.SHARD_IDS),
            new Setting("discord.api_url", "DISCORD_API_URL", Type.STRING),
            new Setting("discord.gateway_url", "DISCORD_GATEWAY_URL", Type.STRING),
            new Setting("knowledge.builtin", BUILTIN, Type.BOOLEAN),
            new Setting("knowledge.notes", NOTES, Type.PATHS),
            new Setting("knowledge.catalogs", CATALOGS, Type.PATHS),
            new Setting("knowledge.catalog_max_mb", CATALOG_MAX_MB, Type.INTEGER),
            new Setting("knowledge.catalog_poll", CATALOG_POLL, Type.STRING),
            new Setting("knowledge.glossaries", GLOSSARIES, Type.PATHS),
            new Setting("knowledge.conferences", CONFERENCES, Type.PATHS),
            new Setting("knowledge.builtin_glossary", BUILTIN_GLOSSARY, Type.BOOLEAN),
            new Setting("admins.telegram", ADMINS_TELEGRAM, Type.IDS),
            new Setting("admins.discord", ADMINS_DISCORD, Type.IDS),
            new Setting("rate_limit.per_user_per_minute", RATE_PER_USER, Type.INTEGER),
            new Setting("rate_limit.per_chat_per_minute", RATE_PER_CHAT, Type.INTEGER),
            new Setting("answer_cache.size", ANSWER_CACHE_SIZE, Type.INTEGER),
            new Setting("http.port", HTTP_PORT, Type.INTEGER),
            new Setting("log.format", LOG_FORMAT, Type.STRING),
            new Setting("state.file", STATE_FILE, Type.PATH),
            new Setting("state.database_url", DATABASE_URL, Type.STRING),
            new Setting("inbox.max_age", INBOX_MAX_AGE, Type.STRING),
            new Setting("reminders.before", REMIND_BEFORE, Type.STRING));

    static Optional<Setting> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    static Optional<Setting> byEnv(String env) {
        return ALL.stream().filter(s -> s.env().equals(env)).findFirst();
    }
}
