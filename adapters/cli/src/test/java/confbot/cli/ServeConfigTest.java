package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import confbot.core.BotOptions;
import confbot.telegram.TelegramConfig;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** confbot.yaml, the environment and the command line: which wins, and what a mistake says. */
final class ServeConfigTest {

    static final String TOKEN = "123456789:AAH-config_test_token_abcdef";

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("confbot.yaml");
        Files.writeString(file, text);
        return file;
    }

    private ServeSettings settings(Path file, Map<String, String> env) {
        return ServeSettings.from(ServeEnvironment.of(Optional.of(ConfigFile.read(file)), env, Map.of(), Map.of()));
    }

    @Test
    void readsEverySectionUnderItsEnvironmentName() throws IOException {
        Files.createDirectories(dir.resolve("notes"));
        Path file = yaml(
                """
                telegram:
                  api_url: http://127.0.0.1:9999
                  skip_backlog: true
                discord:
                  guild_id: 123456789012345678
                  shard_ids: [0, 1]
                  shards: 4
                knowledge:
                  builtin: false
                  notes: [notes]
                admins:
                  telegram: [1001, 1002]
                http:
                  port: 9090
                log:
                  format: json
                """);

        ConfigFile config = ConfigFile.read(file);

        assertThat(config.values())
                .containsEntry("TELEGRAM_API_URL", "http://127.0.0.1:9999")
                .containsEntry("TELEGRAM_SKIP_BACKLOG", "true")
                .containsEntry("DISCORD_GUILD_ID", "123456789012345678")
                .containsEntry("DISCORD_SHARD_IDS", "0,1")
                .containsEntry("DISCORD_SHARDS", "4")
                .containsEntry("CONFBOT_BUILTIN", "false")
                .containsEntry("CONFBOT_NOTES", dir.resolve("notes").toString())
                .containsEntry("CONFBOT_ADMINS_TELEGRAM", "1001,1002")
                .containsEntry("CONFBOT_HTTP_PORT", "9090")
                .containsEntry("LOG_FORMAT", "json");
        ServeSettings settings = settings(file, Map.of());
        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.logFormat()).isEqualTo(ServeSettings.LogFormat.JSON);
        assertThat(settings.knowledge().builtin()).isFalse();
        assertThat(settings.knowledge().notesFolders()).containsExactly(dir.resolve("notes"));
        assertThat(settings.admins().telegram()).containsExactlyInAnyOrder("1001", "1002");
    }

    @Test
    void unknownKeyIsAnErrorThatSuggestsTheClosestKnownOne() throws IOException {
        Path file = yaml(
                """
                telegram:
                  api_ulr: http://127.0.0.1:9999
                """);

        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("telegram.api_ulr: unknown setting")
                .hasMessageContaining("did you mean 'telegram.api_url'?");
    }

    @Test
    void settingInTheWrongSectionPointsToTheRightOne() throws IOException {
        Path file = yaml("""
                telegram:
                  guild_id: 42
                """);

        assertThatThrownBy(() -> ConfigFile.read(file))
                .hasMessageContaining("telegram.guild_id: unknown setting; did you mean 'discord.guild_id'?");
    }

    @Test
    void unknownSectionIsAnErrorToo() throws IOException {
        Path file = yaml(
                """
                telegarm:
                  skip_backlog: true
                metrics:
                  enabled: true
                """);

        assertThatThrownBy(() -> ConfigFile.read(file))
                .hasMessageContaining("telegarm: unknown setting; did you mean 'telegram'?")
                .hasMessageContaining("metrics: unknown setting");
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnceEachWithItsKey() throws IOException {
        Path file = yaml(
                """
                telegram:
                  webhook_port: eighty
                  skip_backlog: maybe
                http:
                  port: [8080]
                """);

        assertThatThrownBy(() -> ConfigFile.read(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("telegram.webhook_port: expected a whole number, got 'eighty'")
                .hasMessageContaining("telegram.skip_backlog: expected true or false, got 'maybe'")
                .hasMessageContaining("http.port: expected a single value, got a list");
    }

    @Test
    void tokenInTheFileIsRefusedAndNotEchoed() throws IOException {
        Path file = yaml("telegram:\n  token: \"" + TOKEN + "\"\n");

        assertThatThrownBy(() -> ConfigFile.read(file))
                .hasMessageContaining("telegram.token: tokens are not read from the config file")
                .hasMessageContaining("TELEGRAM_BOT_TOKEN")
                .hasMessageContaining("telegram.token_file")
                .message()
                .doesNotContain(TOKEN)
                .doesNotContain("AAH-config");
    }

    @Test
    void tokenComesFromTheFileThatTokenFileNamesRelativeToTheConfig() throws IOException {
        Files.writeString(dir.resolve("telegram.token"), TOKEN + "\n");
        Path file =
                yaml("""
                telegram:
                  token_file: telegram.token
                """);

        ServeSettings settings = settings(file, Map.of());

        assertThat(settings.adapters().telegram()).map(TelegramConfig::token).contains(TOKEN);
    }

    @Test
    void environmentWinsOverTheFile() throws IOException {
        Path file = yaml(
                """
                telegram:
                  api_url: http://127.0.0.1:1111
                http:
                  port: 9090
                log:
                  format: json
                """);
        Map<String, String> env = Map.of(
                "TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://127.0.0.1:2222",
                "CONFBOT_HTTP_PORT", "9191",
                "LOG_FORMAT", "text");

        ServeSettings settings = settings(file, env);

        assertThat(settings.adapters().telegram())
                .map(TelegramConfig::apiUrl)
                .contains(URI.create("http://127.0.0.1:2222"));
        assertThat(settings.httpPort()).isEqualTo(9191);
        assertThat(settings.logFormat()).isEqualTo(ServeSettings.LogFormat.TEXT);
    }

    @Test
    void emptyEnvironmentVariableLeavesTheFilesValue() throws IOException {
        Path file = yaml("http:\n  port: 9090\n");

        assertThat(settings(file, Map.of("CONFBOT_HTTP_PORT", "")).httpPort()).isEqualTo(9090);
    }

    @Test
    void tokenInTheEnvironmentBeatsTokenFileInTheFile() throws IOException {
        Path file = yaml("telegram:\n  token_file: /run/secrets/nowhere\n");

        ServeSettings settings = settings(file, Map.of("TELEGRAM_BOT_TOKEN", TOKEN));

        assertThat(settings.adapters().telegram()).map(TelegramConfig::token).contains(TOKEN);
    }

    @Test
    void commandLineOptionsWinOverEnvironmentAndFile() throws IOException {
        Path file = yaml("http:\n  port: 9090\n");

        ServeSettings settings = ServeSettings.from(ServeEnvironment.of(
                Optional.of(ConfigFile.read(file)),
                Map.of("CONFBOT_HTTP_PORT", "9191"),
                Map.of("CONFBOT_HTTP_PORT", "0"),
                Map.of("CONFBOT_HTTP_PORT", "--http-port")));

        assertThat(settings.httpPort()).isZero();
    }

    @Test
    void badValueFromTheFileNamesBothTheVariableAndTheFileKey() throws IOException {
        Path file = yaml("telegram:\n  api_url: ftp://example.org\n");

        assertThatThrownBy(() -> settings(file, Map.of("TELEGRAM_BOT_TOKEN", TOKEN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TELEGRAM_API_URL must be")
                .hasMessageContaining("telegram.api_url in " + file)
                .message()
                .doesNotContain(TOKEN);
    }

    @Test
    void badValueFromTheEnvironmentNamesTheVariable() {
        Map<String, String> env = Map.of("CONFBOT_HTTP_PORT", "80800");

        assertThatThrownBy(() -> ServeSettings.from(ServeEnvironment.of(Optional.empty(), env, Map.of(), Map.of())))
                .hasMessageContaining("CONFBOT_HTTP_PORT must be a port number 0-65535");
    }

    @Test
    void missingNotesFolderNamesTheKeyAndThePath() throws IOException {
        Path file = yaml("knowledge:\n  notes:\n    - missing-notes\n");

        assertThatThrownBy(() -> settings(file, Map.of()))
                .hasMessageContaining("CONFBOT_NOTES (knowledge.notes in " + file + "): no such folder: "
                        + dir.resolve("missing-notes"));
    }

    @Test
    void notesListInTheEnvironmentIsSeparatedLikePath() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Map<String, String> env = new HashMap<>();
        env.put("CONFBOT_NOTES", a + File.pathSeparator + b);

        ServeSettings settings = ServeSettings.from(ServeEnvironment.of(Optional.empty(), env, Map.of(), Map.of()));

        assertThat(settings.knowledge().notesFolders()).isEqualTo(List.of(a, b));
    }

    @Test
    void emptyFileConfiguresNothing() throws IOException {
        Path file = yaml("# nothing yet\n");

        ServeSettings settings = settings(file, Map.of());

        assertThat(settings.adapters().isEmpty()).isTrue();
        assertThat(settings.httpPort()).isEqualTo(ServeSettings.DEFAULT_HTTP_PORT);
    }

    @Test
    void serveWithABadConfigFileExitsTwoNamingTheKey() throws IOException {
        Path file = yaml("http:\n  prot: 9090\n");

        CliTest.Run r = CliTest.run("", "serve", "--config", file.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("http.prot: unknown setting; did you mean 'http.port'?");
    }

    @Test
    void serveReadsTheConfigFileNamedByConfbotConfig() throws IOException {
        Path file = yaml("log:\n  format: xml\n");

        CliTest.Run r = CliTest.runWithEnv(Map.of("CONFBOT_CONFIG", file.toString()), "serve");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("LOG_FORMAT (log.format in " + file + ") must be text or json, got 'xml'");
    }

    @Test
    void adminsRateLimitsAndCacheSizeBecomeTheCoresOptions() throws IOException {
        Path file = yaml(
                """
                admins:
                  telegram: [1001]
                  discord: ["123456789012345678"]
                rate_limit:
                  per_user_per_minute: 3
                answer_cache:
                  size: 0
                """);

        BotOptions options = settings(file, Map.of()).botOptions();

        assertThat(options.admins()).containsExactlyInAnyOrder("telegram:1001", "discord:123456789012345678");
        assertThat(options.rateLimit().perUser()).isEqualTo(3);
        assertThat(options.rateLimit().perChat())
                .isEqualTo(BotOptions.RateLimit.defaults().perChat());
        assertThat(options.answerCacheSize()).isZero();
    }

    @Test
    void theConfigFilesShippedForDockerAndKubernetesAreValid() throws IOException {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        ConfigFile docker = ConfigFile.read(root.resolve("deploy/confbot.yaml"));
        assertThat(docker.values()).containsEntry("CONFBOT_NOTES", "/notes").containsEntry("CONFBOT_HTTP_PORT", "8080");

        // The ConfigMap carries confbot.yaml as a string; read it the way the pod will see it.
        JsonNode configMap = new YAMLMapper()
                .readTree(root.resolve("deploy/kubernetes/configmap.yaml").toFile());
        Path mounted = yaml(configMap.path("data").path("confbot.yaml").asText());
        assertThat(ConfigFile.read(mounted).values()).containsEntry("LOG_FORMAT", "json");
    }

    @Test
    void didYouMeanStaysQuietWhenNothingIsClose() {
        assertThat(ConfigFile.suggestion("zzz", List.of("http.port", "log.format")))
                .isEmpty();
        assertThat(ConfigFile.distance("http.prot", "http.port")).isEqualTo(2);
    }

    @Test
    void theStateIsAnSqliteFileByDefaultOrTheFilesPathOrPostgresWhenADatabaseUrlIsSet() throws IOException {
        Path file = yaml(
                """
                state:
                  file: data/state.db
                inbox:
                  max_age: 90m
                telegram:
                  retry_for: 2m
                """);

        ServeSettings fromFile = settings(file, Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        ServeSettings byDefault = ServeSettings.from(
                ServeEnvironment.of(Optional.empty(), Map.of("TELEGRAM_BOT_TOKEN", TOKEN), Map.of(), Map.of()));
        ServeSettings postgres = settings(
                file, Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "CONFBOT_DATABASE_URL", "postgresql://u:p@db:5432/confbot"));

        assertThat(fromFile.state())
                .isEqualTo(new confbot.core.state.StateLocation.SqliteFile(
                        dir.resolve("data/state.db"), "CONFBOT_STATE_FILE (state.file in " + file + ")"));
        assertThat(fromFile.inbox().maxAge()).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(fromFile.inbox().retryFor()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(byDefault.state())
                .isInstanceOfSatisfying(confbot.core.state.StateLocation.SqliteFile.class, f -> assertThat(f.file())
                        .isEqualTo(Path.of("confbot-state.db")));
        assertThat(byDefault.inbox()).isEqualTo(confbot.telegram.InboxPolicy.defaults());
        assertThat(postgres.state().shown()).isEqualTo("PostgreSQL db:5432/confbot");
    }

    @Test
    void aDurationThatIsNotOneNamesTheSettingAndWhereItWasSet() throws IOException {
        Path file = yaml("""
                inbox:
                  max_age: a day
                """);

        assertThatThrownBy(() -> settings(file, Map.of("TELEGRAM_BOT_TOKEN", TOKEN)))
                .hasMessageContaining("CONFBOT_INBOX_MAX_AGE (inbox.max_age in " + file + ")")
                .hasMessageContaining("must be a duration such as 90s, 10m, 24h or 2d, got 'a day'");
    }
}
