package confbot.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How the Telegram adapter connects, built from the environment at the edge and passed in.
 *
 * @param token the bot token from BotFather; never printed
 * @param apiUrl the Bot API base, {@code {apiUrl}/bot{token}/{method}}; a self-hosted server or a test fake
 * @param webhookUrl when present, Telegram pushes updates to this public address instead of being long-polled
 * @param webhookSecret the {@code X-Telegram-Bot-Api-Secret-Token} Telegram sends with each push; required with a webhook
 * @param webhookPort the local port the webhook listener binds (0: any free port)
 * @param skipBacklog whether to ignore messages sent before the adapter started
 */
public record TelegramConfig(
        String token,
        URI apiUrl,
        Optional<URI> webhookUrl,
        Optional<String> webhookSecret,
        int webhookPort,
        boolean skipBacklog) {

    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");
    public static final int DEFAULT_WEBHOOK_PORT = 8443;

    // BotFather tokens are "<bot id>:<secret>"; checking the shape catches copy-paste accidents
    // (quotes, trailing newlines) and keeps the token a single safe URL path segment.
    private static final Pattern TOKEN = Pattern.compile("[0-9]+:[A-Za-z0-9_-]+");
    // The Bot API's own rule for secret_token.
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public TelegramConfig {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        checkToken(token, "token");
        checkApiUrl(apiUrl, "apiUrl");
        webhookUrl.ifPresent(url -> checkWebhookUrl(url, "webhookUrl"));
        webhookSecret.ifPresent(secret -> checkSecret(secret, "webhookSecret"));
        checkPort(webhookPort, "webhookPort");
        if (webhookUrl.isPresent() && webhookSecret.isEmpty()) {
            // Without the secret anyone who guesses the address could inject updates.
            throw new IllegalArgumentException("a webhook needs a secret: set TELEGRAM_WEBHOOK_SECRET");
        }
    }

    /**
     * Reads {@code TELEGRAM_BOT_TOKEN} or {@code TELEGRAM_BOT_TOKEN_FILE}, {@code TELEGRAM_API_URL},
     * {@code TELEGRAM_WEBHOOK_URL}, {@code TELEGRAM_WEBHOOK_SECRET}, {@code TELEGRAM_WEBHOOK_PORT} and
     * {@code TELEGRAM_SKIP_BACKLOG}.
     *
     * @return empty when no token is configured, i.e. Telegram is not wanted
     * @throws IllegalArgumentException naming the variable whose value is bad
     */
    public static Optional<TelegramConfig> fromEnv(Map<String, String> env) {
        Optional<String> inline = value(env, "TELEGRAM_BOT_TOKEN");
        Optional<String> file = value(env, "TELEGRAM_BOT_TOKEN_FILE");
        if (inline.isEmpty() && file.isEmpty()) {
            return Optional.empty();
        }
        if (inline.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException("set only one of TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_TOKEN_FILE");
        }
        String token = inline.isPresent()
                ? checkToken(inline.get(), "TELEGRAM_BOT_TOKEN")
                : checkToken(readTokenFile(file.get()), "TELEGRAM_BOT_TOKEN_FILE");

        URI apiUrl = value(env, "TELEGRAM_API_URL")
                .map(v -> checkApiUrl(parseUri(v, "TELEGRAM_API_URL"), "TELEGRAM_API_URL"))
                .orElse(DEFAULT_API_URL);
        Optional<URI> webhookUrl = value(env, "TELEGRAM_WEBHOOK_URL")
                .map(v -> checkWebhookUrl(parseUri(v, "TELEGRAM_WEBHOOK_URL"), "TELEGRAM_WEBHOOK_URL"));
        Optional<String> secret =
                value(env, "TELEGRAM_WEBHOOK_SECRET").map(v -> checkSecret(v, "TELEGRAM_WEBHOOK_SECRET"));
        int port = value(env, "TELEGRAM_WEBHOOK_PORT")
                .map(v -> parsePort(v, "TELEGRAM_WEBHOOK_PORT"))
                .orElse(DEFAULT_WEBHOOK_PORT);
        boolean skipBacklog = value(env, "TELEGRAM_SKIP_BACKLOG")
                .map(v -> parseBoolean(v, "TELEGRAM_SKIP_BACKLOG"))
                .orElse(false);
        return Optional.of(new TelegramConfig(token, apiUrl, webhookUrl, secret, port, skipBacklog));
    }

    /** The same configuration with {@code --skip-backlog} applied. */
    public TelegramConfig withSkipBacklog(boolean skip) {
        return new TelegramConfig(token, apiUrl, webhookUrl, webhookSecret, webhookPort, skip);
    }

    /** The API address in telegrambots' terms; it has no path prefix, which is why apiUrl may not have one. */
    TelegramUrl telegramUrl() {
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "https".equals(scheme(apiUrl)) ? 443 : 80;
        return new TelegramUrl(scheme(apiUrl), apiUrl.getHost(), port, false);
    }

    /** The local path the webhook listener serves: the public URL's path, as a reverse proxy usually keeps it. */
    Optional<String> webhookPath() {
        return webhookUrl.map(url -> url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath());
    }

    /** Never shows the token or the webhook secret: this string ends up in logs. */
    @Override
    public String toString() {
        return "TelegramConfig[token=<redacted>, apiUrl=" + apiUrl
                + ", webhookUrl=" + webhookUrl.map(URI::toString).orElse("<long polling>")
                + ", webhookSecret=" + (webhookSecret.isPresent() ? "<redacted>" : "<none>")
                + ", webhookPort=" + webhookPort
                + ", skipBacklog=" + skipBacklog + "]";
    }

    private static Optional<String> value(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String readTokenFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "TELEGRAM_BOT_TOKEN_FILE: cannot read '" + path + "' ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    // The message must not echo the value: it is the secret.
    private static String checkToken(String token, String name) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(name + " does not look like a bot token (digits, ':', then letters,"
                    + " digits, '_' or '-'); the value is not shown because it is a secret");
        }
        return token;
    }

    private static URI parseUri(String value, String name) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: '" + value + "'", e);
        }
    }

    private static URI checkApiUrl(URI url, String name) {
        checkHttpUrl(url, name);
        String path = url.getPath() == null ? "" : url.getPath();
        if (!(path.isEmpty() || path.equals("/")) || url.getQuery() != null) {
            // telegrambots builds scheme://host:port/bot<token>/<method> and cannot keep a path prefix.
            throw new IllegalArgumentException(
                    name + " must be scheme://host[:port] without a path, was '" + url + "'");
        }
        return url;
    }

    private static URI checkWebhookUrl(URI url, String name) {
        checkHttpUrl(url, name);
        return url;
    }

    private static void checkHttpUrl(URI url, String name) {
        String scheme = scheme(url);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL with a host, was '" + url + "'");
        }
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String checkSecret(String secret, String name) {
        if (!SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException(
                    name + " must be 1-256 characters of A-Z, a-z, 0-9, '_' and '-'; the value is not shown");
        }
        return secret;
    }

    private static int parsePort(String value, String name) {
        try {
            return checkPort(Integer.parseInt(value), name);
        } catch (IllegalArgumentException e) { // NumberFormatException, or out of range
            throw new IllegalArgumentException(name + " must be a port number 0-65535, was '" + value + "'", e);
        }
    }

    private static int checkPort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be a port number 0-65535, was " + port);
        }
        return port;
    }

    private static boolean parseBoolean(String value, String name) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }
}
