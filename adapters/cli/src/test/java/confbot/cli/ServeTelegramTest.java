package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateStore;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import confbot.telegram.FakeTelegram;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code serve} with the real Telegram adapter against the Telegram module's fake Bot API, with
 * every log line from every logger captured at DEBUG: the token must appear in none of them, nor in
 * any reply or error message.
 */
final class ServeTelegramTest {

    static final String TOKEN = "123456789:AAH-serve_secret_0123456789abcdef";
    /** The secret half alone: a log line with it but not the id would leak it just as well. */
    static final String SECRET = TOKEN.substring(TOKEN.indexOf(':') + 1);

    @TempDir
    Path dir;

    private final LogCapture logs = LogCapture.root();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger confbot = (Logger) LoggerFactory.getLogger("confbot");
    private Level rootLevel;
    private Level confbotLevel;
    private FakeTelegram telegram;
    private Optional<Server> server = Optional.empty();
    private Optional<StateStore> store = Optional.empty();

    @BeforeEach
    void captureEverything() throws IOException {
        rootLevel = root.getLevel();
        confbotLevel = confbot.getLevel();
        root.setLevel(Level.DEBUG);
        confbot.setLevel(Level.DEBUG);
        telegram = new FakeTelegram(TOKEN);
    }

    @AfterEach
    void restore() {
        server.ifPresent(Server::close);
        store.ifPresent(StateStore::close);
        telegram.close();
        logs.close();
        root.setLevel(rootLevel);
        confbot.setLevel(confbotLevel);
    }

    @Test
    void answersOverTelegramAndTheTokenAppearsInNoLogNoReplyAndNoMetric() throws Exception {
        Files.writeString(dir.resolve("token"), TOKEN + "\n");
        ServeSettings settings = ServeSettings.from(ServeEnvironment.of(
                Optional.empty(),
                Map.of("TELEGRAM_BOT_TOKEN_FILE", dir.resolve("token").toString(), "TELEGRAM_API_URL", telegram.url()),
                Map.of(),
                Map.of()));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Server s = new Server(
                () -> ConfBot.create(Fixtures.knowledge(), Setup.builtinOnly()),
                adapters(settings),
                false,
                0,
                registry);
        server = Optional.of(s);

        s.start();
        telegram.sendPrivate(1, ServerTest.QUESTION);
        telegram.sendPrivate(2, "/schedule 2031 9");
        telegram.sendPrivate(3, "/help");

        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.delivered().size() >= 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.scrape().contains("confbot_telegram_updates_total{outcome=\"answered\"} 3.0"));
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body())
                .contains("confbot_questions_total{platform=\"telegram\"} 3.0")
                .contains("confbot_telegram_updates_total{outcome=\"answered\"} 3.0")
                .contains("confbot_telegram_send_retries_total{reason=\"flood\"} 0.0");
        s.close();

        assertThat(logs.everything())
                .contains("telegram adapter connected")
                .doesNotContain(TOKEN)
                .doesNotContain(SECRET);
        assertThat(telegram.delivered()).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
        assertThat(telegram.requestBodies()).allSatisfy(body -> assertThat(body).doesNotContain(SECRET));
        assertThat(metrics.body()).doesNotContain(SECRET);
    }

    @Test
    void aReplyRefusedWith429IsSentAgainAfterRetryAfterAndNothingIsLost() throws Exception {
        ServeSettings settings = ServeSettings.from(ServeEnvironment.of(
                Optional.empty(),
                Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", telegram.url()),
                Map.of(),
                Map.of()));
        Server s = new Server(
                () -> ConfBot.create(Fixtures.knowledge(), Setup.builtinOnly()),
                adapters(settings),
                false,
                0,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        server = Optional.of(s);
        telegram.answerNextSendMessageWith429(1);

        s.start();
        telegram.sendPrivate(1, ServerTest.QUESTION);
        telegram.sendPrivate(2, "/help");

        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.delivered().size() >= 2);
        assertThat(telegram.delivered()).hasSize(2);
        assertThat(telegram.requestBodies().stream()
                        .filter(b -> b.contains("\"text\""))
                        .count())
                .as("the refused reply was sent a second time")
                .isGreaterThanOrEqualTo(3);
        assertThat(logs.warnings())
                .anySatisfy(w -> assertThat(w).contains("flood control").contains("waiting 1 s"));
    }

    @Test
    void anAdminFromTheSettingsCanReloadAndTheReloadIsCounted() throws Exception {
        ServeSettings settings = ServeSettings.from(ServeEnvironment.of(
                Optional.empty(),
                Map.of(
                        "TELEGRAM_BOT_TOKEN",
                        TOKEN,
                        "TELEGRAM_API_URL",
                        telegram.url(),
                        "CONFBOT_ADMINS_TELEGRAM",
                        String.valueOf(FakeTelegram.CHAT)),
                Map.of(),
                Map.of()));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Server s = new Server(
                () -> ConfBot.create(Fixtures.knowledge(), Setup.builtinOnly(), settings.botOptions()),
                adapters(settings),
                false,
                0,
                registry);
        server = Optional.of(s);

        s.start();
        telegram.sendPrivate(1, "/reload");

        await().atMost(Duration.ofSeconds(20)).until(() -> registry.scrape().contains("confbot_reloads_total 1.0"));
        assertThat(registry.scrape()).contains("confbot_knowledge_version 1.0");
    }

    @Test
    void aTokenTelegramRefusesFailsStartWithout401EchoingTheToken() {
        String wrong = "987654321:AAH-refused_secret_abcdef0123";
        Map<String, String> env = Map.of(
                "TELEGRAM_BOT_TOKEN",
                wrong,
                "TELEGRAM_API_URL",
                telegram.url(),
                "CONFBOT_HTTP_PORT",
                "0",
                "CONFBOT_STATE_FILE",
                dir.resolve("state.db").toString());

        CliTest.Run r = CliTest.run(
                "", env, "serve", "--no-builtin", "--notes", fixtureNotes().toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains("cannot start telegram")
                .doesNotContain(wrong)
                .doesNotContain("refused_secret");
        assertThat(r.out()).doesNotContain("refused_secret");
        assertThat(logs.everything()).doesNotContain("refused_secret");
    }

    @Test
    void aMissingTokenFileIsNamedAndNothingSecretIsPrinted() {
        Path missing = dir.resolve("no-such-token");

        CliTest.Run r = CliTest.runWithEnv(Map.of("TELEGRAM_BOT_TOKEN_FILE", missing.toString()), "serve");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("TELEGRAM_BOT_TOKEN_FILE").contains(missing.toString());
    }

    @Test
    void aTokenFileWithAMangledTokenIsRefusedWithoutShowingIt() throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "\"" + TOKEN + "\"\n");

        CliTest.Run r = CliTest.runWithEnv(Map.of("TELEGRAM_BOT_TOKEN_FILE", file.toString()), "serve");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("TELEGRAM_BOT_TOKEN_FILE").doesNotContain(SECRET);
        assertThat(logs.everything()).doesNotContain(SECRET);
    }

    @Test
    void anUnreachableDatabaseStopsServeAtOnceWithOneLineNamingTheVariableNotThePassword() {
        CliTest.Run r = CliTest.runWithEnv(
                Map.of(
                        "TELEGRAM_BOT_TOKEN",
                        TOKEN,
                        // Port 1 on loopback: nothing listens, the connection is refused at once.
                        "CONFBOT_DATABASE_URL",
                        "postgresql://bot:hunter2@127.0.0.1:1/confbot"),
                "serve");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip())
                .startsWith("confbot serve: CONFBOT_DATABASE_URL: cannot open PostgreSQL 127.0.0.1:1/confbot: ")
                .doesNotContain("hunter2")
                .doesNotContain("Exception")
                .doesNotContain("\n");
        assertThat(logs.everything()).doesNotContain("hunter2");
    }

    @Test
    void aMalformedDatabaseUrlIsRefusedBeforeAnythingStarts() {
        CliTest.Run r = CliTest.runWithEnv(
                Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "CONFBOT_DATABASE_URL", "mysql://root:hunter2@db/confbot"),
                "serve");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("CONFBOT_DATABASE_URL must be a PostgreSQL URL")
                .doesNotContain("hunter2");
    }

    /** The adapters as serve makes them, over a state file in the test's folder. */
    private Server.AdapterFactory adapters(ServeSettings settings) {
        StateStore opened = JdbcStateStore.open(
                new confbot.core.state.StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        store = Optional.of(opened);
        return bot -> settings.adapters().create(bot, store, settings.inbox());
    }

    /** A small notes folder, so the refused-token run does not build the whole built-in index. */
    private Path fixtureNotes() {
        try {
            Path notes = Files.createDirectories(dir.resolve("notes"));
            Files.writeString(
                    notes.resolve("tidewater.md"), "# Tidewater\n\nTidewater drains 4,000 batch jobs per hour.\n");
            return notes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
