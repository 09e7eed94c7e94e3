package confbot.discord;

import java.util.Map;

/**
 * The fake gateway and the fake REST API on 127.0.0.1, and the configuration that points real JDA
 * at them: what every adapter test starts with.
 */
final class DiscordFakes implements AutoCloseable {

    final FakeDiscordGateway gateway;
    final FakeDiscordRest rest;

    private DiscordFakes(FakeDiscordGateway gateway, FakeDiscordRest rest) {
        this.gateway = gateway;
        this.rest = rest;
    }

    static DiscordFakes start() throws java.io.IOException {
        FakeDiscordGateway gateway = new FakeDiscordGateway();
        return new DiscordFakes(gateway, new FakeDiscordRest(gateway.url()));
    }

    DiscordConfig config() {
        return DiscordConfig.fromEnv(Map.of(
                        "DISCORD_BOT_TOKEN", "test-token",
                        "DISCORD_API_URL", rest.url(),
                        "DISCORD_GATEWAY_URL", gateway.url()))
                .orElseThrow();
    }

    @Override
    public void close() throws java.io.IOException {
        rest.close();
        gateway.close();
    }
}
