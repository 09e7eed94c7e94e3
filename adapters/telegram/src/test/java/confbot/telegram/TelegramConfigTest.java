package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Reading the Telegram settings from the environment. */
final class TelegramConfigTest {

    private static final String TOKEN = "123456789:AAH-test_token_0123456789abcdef";

    @Test
    void isEmptyWithoutAToken() {
        assertThat(TelegramConfig.fromEnv(Map.of())).isEmpty();
        assertThat(TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "  "))).isEmpty();
    }

    @Test
    void defaultsToTheOfficialApiAndLongPolling() {
        TelegramConfig config =
                TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)).orElseThrow();

        assertThat(config)
                .isEqualTo(new TelegramConfig(
                        TOKEN,
                        URI.create("https://api.telegram.org"),
                        Optional.empty(),
                        Optional.empty(),
                        8443,
                        false));
        assertThat(config.telegramUrl()).isEqualTo(TelegramUrl.DEFAULT_URL);
    }

    @Test
    void readsEveryVariable() {
        TelegramConfig config = TelegramConfig.fromEnv(env(
                        "TELEGRAM_API_URL", "http://127.0.0.1:8081",
                        "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/tg",
                        "TELEGRAM_WEBHOOK_SECRET", "s3cret_-X",
                        "TELEGRAM_WEBHOOK_PORT", "9000",
                        "TELEGRAM_SKIP_BACKLOG", "yes"))
                .orElseThrow();

        assertThat(config.telegramUrl()).isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
        assertThat(config.webhookUrl()).contains(URI.create("https://bot.example.org/tg"));
        assertThat(config.webhookPath()).contains("/tg");
        assertThat(config.webhookSecret()).contains("s3cret_-X");
        assertThat(config.webhookPort()).isEqualTo(9000);
        assertThat(config.skipBacklog()).isTrue();
    }

    @Test
    void readsTheTokenFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");

        assertThat(TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN_FILE", file.toString()))
                        .orElseThrow()
                        .token())
                .isEqualTo(TOKEN);
    }

    @Test
    void namesTheVariableWhoseValueIsBad() {
        assertBad(env("TELEGRAM_WEBHOOK_PORT", "eighty"), "TELEGRAM_WEBHOOK_PORT", "'eighty'");
        assertBad(env("TELEGRAM_WEBHOOK_PORT", "70000"), "TELEGRAM_WEBHOOK_PORT", "'70000'");
        assertBad(env("TELEGRAM_API_URL", "ftp://example.org"), "TELEGRAM_API_URL", "ftp://example.org");
        assertBad(env("TELEGRAM_API_URL", "https://example.org/prefix"), "TELEGRAM_API_URL", "without a path");
        assertBad(env("TELEGRAM_WEBHOOK_URL", "not a url"), "TELEGRAM_WEBHOOK_URL", "not a url");
        assertBad(env("TELEGRAM_SKIP_BACKLOG", "maybe"), "TELEGRAM_SKIP_BACKLOG", "'maybe'");
        assertBad(env("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/tg"), "TELEGRAM_WEBHOOK_SECRET", "secret");
        assertBad(env("TELEGRAM_WEBHOOK_SECRET", "has spaces"), "TELEGRAM_WEBHOOK_SECRET", "1-256");
        assertBad(
                Map.of("TELEGRAM_BOT_TOKEN_FILE", "/nonexistent/token"),
                "TELEGRAM_BOT_TOKEN_FILE",
                "/nonexistent/token");
        assertBad(env("TELEGRAM_BOT_TOKEN_FILE", "/run/secrets/token"), "only one of", "TELEGRAM_BOT_TOKEN_FILE");
    }

    @Test
    void refusesAMalformedTokenWithoutEchoingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "\"123:abc def\"")))
                .withMessageContaining("TELEGRAM_BOT_TOKEN")
                .withMessageNotContaining("abc def");
    }

    @Test
    void neverShowsTheTokenOrSecretInToString() {
        TelegramConfig config = TelegramConfig.fromEnv(env(
                        "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/tg", "TELEGRAM_WEBHOOK_SECRET", "s3cret_-X"))
                .orElseThrow();

        assertThat(config.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("AAH-test_token")
                .doesNotContain("s3cret_-X")
                .contains("https://bot.example.org/tg");
    }

    @Test
    void appliesSkipBacklogFromTheCommandLine() {
        TelegramConfig config =
                TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)).orElseThrow();

        assertThat(config.withSkipBacklog(true).skipBacklog()).isTrue();
        assertThat(config.withSkipBacklog(true).withSkipBacklog(false)).isEqualTo(config);
    }

    private static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    private static void assertBad(Map<String, String> env, String... messageParts) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TelegramConfig.fromEnv(env))
                .withMessageContainingAll(messageParts);
    }
}
