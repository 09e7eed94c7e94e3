package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import confbot.core.chat.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up against the fake Discord when the Message Content intent is asked for. */
final class DiscordAdapterStartupTest {

    private static final int MESSAGE_CONTENT = 1 << 15;
    private static final int GUILD_MESSAGES = 1 << 9;

    @Test
    void asksForTheMessageContentIntentWhenMentionsAreOn() throws Exception {
        try (FakeDiscordGateway gateway = new FakeDiscordGateway();
                FakeDiscordRest rest = new FakeDiscordRest(gateway.url());
                DiscordAdapter adapter = adapter(gateway, rest)) {
            adapter.start();

            JsonNode identify = gateway.received().stream()
                    .filter(p -> p.path("op").asInt() == 2)
                    .findFirst()
                    .orElseThrow();
            assertThat(identify.at("/d/intents").asInt() & (MESSAGE_CONTENT | GUILD_MESSAGES))
                    .isEqualTo(MESSAGE_CONTENT | GUILD_MESSAGES);
            assertThat(adapter.isConnected()).isTrue();
        }
    }

    @Test
    void failsToStartWithTheReasonWhenDiscordDisallowsTheIntent() throws Exception {
        try (FakeDiscordGateway gateway = new FakeDiscordGateway();
                FakeDiscordRest rest = new FakeDiscordRest(gateway.url());
                DiscordAdapter adapter = adapter(gateway, rest)) {
            gateway.disallowIntents(MESSAGE_CONTENT);

            assertThatIllegalStateException().isThrownBy(adapter::start).withMessageContaining("close code 4014");
            assertThat(adapter.isConnected()).isFalse();
        }
    }

    private static DiscordAdapter adapter(FakeDiscordGateway gateway, FakeDiscordRest rest) {
        DiscordConfig config = DiscordConfig.fromEnv(Map.of(
                        "DISCORD_BOT_TOKEN",
                        "test-token",
                        "DISCORD_MESSAGE_CONTENT",
                        "true",
                        "DISCORD_API_URL",
                        rest.url(),
                        "DISCORD_GATEWAY_URL",
                        gateway.url()))
                .orElseThrow();
        return new DiscordAdapter(
                config, FakeChatBot.answering(new Reply(Reply.Kind.USAGE, "unused", List.of())), (p, l) -> List.of());
    }
}
