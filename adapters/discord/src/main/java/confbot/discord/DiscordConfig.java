package confbot.discord;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * How to reach Discord, read from the environment by {@link #fromEnv(Map)}.
 *
 * @param token the bot token from the developer portal; never logged, never in {@link #toString()}
 * @param guildId register the slash commands for this one server only (instant, for trying the bot
 *     out); empty registers them globally
 * @param messageContent whether to request the privileged Message Content intent and answer
 *     {@code @confbot question} mentions; slash commands work without it
 * @param shardsTotal the total number of shards across all processes; empty lets Discord recommend
 *     it
 * @param shardIds the shards this process runs, ascending; empty runs all of them
 * @param apiUrl a Discord-compatible REST base URL instead of {@code https://discord.com/api/v10/}
 * @param gatewayUrl a Discord-compatible gateway URL instead of the one Discord announces
 */
public record DiscordConfig(
        String token,
        OptionalLong guildId,
        boolean messageContent,
        OptionalInt shardsTotal,
        List<Integer> shardIds,
        Optional<URI> apiUrl,
        Optional<URI> gatewayUrl) {

    static final String TOKEN = "DISCORD_BOT_TOKEN";
    static final String TOKEN_FILE = "DISCORD_BOT_TOKEN_FILE";
    static final String GUILD_ID = "DISCORD_GUILD_ID";
    static final String MESSAGE_CONTENT = "DISCORD_MESSAGE_CONTENT";
    static final String SHARDS = "DISCORD_SHARDS";
    static final String SHARD_IDS = "DISCORD_SHARD_IDS";
    static final String API_URL = "DISCORD_API_URL";
    static final String GATEWAY_URL = "DISCORD_GATEWAY_URL";

    /** Validates every field; messages name the setting, never the token's value. */
    public DiscordConfig {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(shardsTotal, "shardsTotal");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(TOKEN + " must be one word without spaces");
        }
        if (guildId.isPresent() && guildId.getAsLong() <= 0) {
            throw new IllegalArgumentException(GUILD_ID + " must be a positive server id, got " + guildId.getAsLong());
        }
        if (shardsTotal.isPresent() && shardsTotal.getAsInt() < 1) {
            throw new IllegalArgumentException(SHARDS + " must be at least 1, got " + shardsTotal.getAsInt());
        }
        shardIds = List.copyOf(new TreeSet<>(shardIds));
        if (!shardIds.isEmpty()) {
            if (shardsTotal.isEmpty()) {
                throw new IllegalArgumentException(
                        SHARD_IDS + " needs " + SHARDS + " (the total across all processes)");
            }
            int total = shardsTotal.getAsInt();
            for (int id : shardIds) {
                if (id < 0 || id >= total) {
                    throw new IllegalArgumentException(SHARD_IDS + " must lie in 0.." + (total - 1) + " for " + SHARDS
                            + "=" + total + ", got " + id);
                }
            }
        }
        apiUrl = apiUrl.map(url -> withTrailingSlash(API_URL, url));
        gatewayUrl.ifPresent(url -> requireScheme(GATEWAY_URL, url, "ws", "wss"));
    }

    /**
     * Reads the settings; empty when neither {@code DISCORD_BOT_TOKEN} nor {@code
     * DISCORD_BOT_TOKEN_FILE} is set, so {@code confbot serve} skips Discord.
     *
     * @throws IllegalArgumentException naming the setting whose value is bad
     */
    public static Optional<DiscordConfig> fromEnv(Map<String, String> env) {
        Optional<String> token = token(env);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DiscordConfig(
                token.get(),
                value(env, GUILD_ID)
                        .map(v -> OptionalLong.of(parseLong(GUILD_ID, v)))
                        .orElse(OptionalLong.empty()),
                value(env, MESSAGE_CONTENT)
                        .map(v -> parseBoolean(MESSAGE_CONTENT, v))
                        .orElse(false),
                value(env, SHARDS).map(v -> OptionalInt.of(parseInt(SHARDS, v))).orElse(OptionalInt.empty()),
                value(env, SHARD_IDS).map(DiscordConfig::parseShardIds).orElse(List.of()),
                value(env, API_URL).map(v -> parseUri(API_URL, v)),
                value(env, GATEWAY_URL).map(v -> parseUri(GATEWAY_URL, v))));
    }

    /** The shards this process runs: {@link #shardIds()}, or all of them when that is empty. */
    List<Integer> shardsToRun() {
        if (!shardIds.isEmpty() || shardsTotal.isEmpty()) {
            return shardIds;
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < shardsTotal.getAsInt(); i++) {
            all.add(i);
        }
        return all;
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=***, guildId=" + guildId + ", messageContent=" + messageContent
                + ", shardsTotal=" + shardsTotal + ", shardIds=" + shardIds + ", apiUrl=" + apiUrl
                + ", gatewayUrl=" + gatewayUrl + "]";
    }

    private static Optional<String> token(Map<String, String> env) {
        Optional<String> direct = value(env, TOKEN);
        Optional<String> file = value(env, TOKEN_FILE);
        if (direct.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException("set only one of " + TOKEN + " and " + TOKEN_FILE);
        }
        if (direct.isPresent()) {
            return direct;
        }
        return file.map(DiscordConfig::readTokenFile);
    }

    private static String readTokenFile(String path) {
        try {
            String token =
                    Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new IllegalArgumentException(TOKEN_FILE + " names an empty file: " + path);
            }
            return token;
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException(TOKEN_FILE + " cannot be read: " + path, e);
        }
    }

    /** A set, non-blank value, stripped; blank counts as unset (as {@code VAR=} in a shell does). */
    private static Optional<String> value(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a numeric id, got '" + value + "'", e);
        }
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static boolean parseBoolean(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
        };
    }

    /** {@code 0-3}, {@code 0,1} or a mix such as {@code 0-1,4}. */
    private static List<Integer> parseShardIds(String value) {
        List<Integer> ids = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String range = part.strip();
            int dash = range.indexOf('-', 1);
            int from = parseShardId(dash < 0 ? range : range.substring(0, dash), value);
            int to = dash < 0 ? from : parseShardId(range.substring(dash + 1), value);
            if (to < from) {
                throw new IllegalArgumentException(SHARD_IDS + " has a backwards range '" + range + "'");
            }
            for (int id = from; id <= to; id++) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static int parseShardId(String text, String whole) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SHARD_IDS + " must look like 0-3 or 0,1, got '" + whole + "'", e);
        }
    }

    private static URI parseUri(String key, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a URL: '" + value + "'", e);
        }
    }

    private static URI withTrailingSlash(String key, URI url) {
        requireScheme(key, url, "http", "https");
        String text = url.toString();
        return text.endsWith("/") ? url : URI.create(text + "/");
    }

    private static void requireScheme(String key, URI url, String... schemes) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of(schemes).contains(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException(
                    key + " must be an absolute " + String.join(" or ", schemes) + " URL, got '" + url + "'");
        }
    }
}
