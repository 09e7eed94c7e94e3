package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DiscordConfigTest {

    private static final String TOKEN = "MTA0.secret-token.value";

    @Test
    void isEmptyWithoutAToken() {
        assertThat(DiscordConfig.fromEnv(Map.of())).isEmpty();
        assertThat(DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", "  ", "DISCORD_GUILD_ID", "1")))
                .isEmpty();
    }

    @Test
    void defaultsToGlobalCommandsSlashOnlyAndRecommendedShards() {
        DiscordConfig config =
                DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", TOKEN)).orElseThrow();

        assertThat(config)
                .isEqualTo(new DiscordConfig(
                        TOKEN,
                        OptionalLong.empty(),
                        false,
                        OptionalInt.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty()));
        assertThat(config.shardsToRun()).isEmpty();
    }

    @Test
    void readsEverySetting() {
        DiscordConfig config = DiscordConfig.fromEnv(Map.of(
                        "DISCORD_BOT_TOKEN", TOKEN,
                        "DISCORD_GUILD_ID", "123456789012345678",
                        "DISCORD_MESSAGE_CONTENT", "TRUE",
                        "DISCORD_SHARDS", "8",
                        "DISCORD_SHARD_IDS", "0-2, 5",
                        "DISCORD_API_URL", "http://127.0.0.1:8080/api/v10",
                        "DISCORD_GATEWAY_URL", "wss://gateway.example.org"))
                .orElseThrow();

        assertThat(config.guildId()).hasValue(123456789012345678L);
        assertThat(config.messageContent()).isTrue();
        assertThat(config.shardsTotal()).hasValue(8);
        assertThat(config.shardIds()).containsExactly(0, 1, 2, 5);
        assertThat(config.shardsToRun()).containsExactly(0, 1, 2, 5);
        assertThat(config.apiUrl()).contains(URI.create("http://127.0.0.1:8080/api/v10/"));
        assertThat(config.gatewayUrl()).contains(URI.create("wss://gateway.example.org"));
    }

    @Test
    void runsEveryShardWhenOnlyTheTotalIsGiven() {
        DiscordConfig config = DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_SHARDS", "3"))
                .orElseThrow();

        assertThat(config.shardsToRun()).containsExactly(0, 1, 2);
    }

    @Test
    void readsTheTokenFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");

        DiscordConfig config = DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN_FILE", file.toString()))
                .orElseThrow();

        assertThat(config.token()).isEqualTo(TOKEN);
    }

    @Test
    void rejectsBadValuesNamingTheSetting(@TempDir Path dir) {
        record Case(String key, String value, String message) {}
        List<Case> cases = List.of(
                new Case("DISCORD_GUILD_ID", "my-server", "DISCORD_GUILD_ID must be a numeric id"),
                new Case("DISCORD_GUILD_ID", "0", "DISCORD_GUILD_ID must be a positive server id"),
                new Case("DISCORD_MESSAGE_CONTENT", "maybe", "DISCORD_MESSAGE_CONTENT must be true or false"),
                new Case("DISCORD_SHARDS", "two", "DISCORD_SHARDS must be a whole number"),
                new Case("DISCORD_SHARDS", "0", "DISCORD_SHARDS must be at least 1"),
                new Case("DISCORD_SHARD_IDS", "0-1", "DISCORD_SHARD_IDS needs DISCORD_SHARDS"),
                new Case("DISCORD_API_URL", "discord.com/api", "DISCORD_API_URL must be an absolute http or https URL"),
                new Case("DISCORD_API_URL", "http://bad host/", "DISCORD_API_URL is not a URL"),
                new Case(
                        "DISCORD_GATEWAY_URL",
                        "https://gateway.discord.gg",
                        "DISCORD_GATEWAY_URL must be an absolute ws or wss URL"),
                new Case(
                        "DISCORD_BOT_TOKEN_FILE",
                        dir.resolve("missing").toString(),
                        "DISCORD_BOT_TOKEN_FILE cannot be read"));
        for (Case c : cases) {
            Map<String, String> env = new HashMap<>();
            if (!c.key().equals("DISCORD_BOT_TOKEN_FILE")) {
                env.put("DISCORD_BOT_TOKEN", TOKEN);
            }
            env.put(c.key(), c.value());
            assertThatIllegalArgumentException()
                    .as(c.toString())
                    .isThrownBy(() -> DiscordConfig.fromEnv(env))
                    .withMessageStartingWith(c.message());
        }
    }

    @Test
    void rejectsShardIdsOutsideTheTotal() {
        for (String ids : List.of("0-4", "3,4", "x", "2-1")) {
            assertThatIllegalArgumentException()
                    .as(ids)
                    .isThrownBy(() -> DiscordConfig.fromEnv(
                            Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_SHARDS", "4", "DISCORD_SHARD_IDS", ids)))
                    .withMessageStartingWith("DISCORD_SHARD_IDS");
        }
    }

    @Test
    void rejectsBothTokenSettingsAndATokenWithSpaces() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DiscordConfig.fromEnv(
                        Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_BOT_TOKEN_FILE", "/run/secrets/token")))
                .withMessageContaining("DISCORD_BOT_TOKEN_FILE");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", "Bot " + TOKEN)))
                .withMessageStartingWith("DISCORD_BOT_TOKEN")
                .withMessageNotContaining(TOKEN);
    }

    @Test
    void neverShowsTheTokenInToString() {
        DiscordConfig config =
                DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", TOKEN)).orElseThrow();

        assertThat(config.toString()).doesNotContain(TOKEN).contains("token=***");
    }
}
