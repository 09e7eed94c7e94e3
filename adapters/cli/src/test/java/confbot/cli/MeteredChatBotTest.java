package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import confbot.core.ConfBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.command.Commands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the decorator counts when the core misbehaves. ConfBot is mocked here only because a real
 * one cannot be made to fail on demand; ServerTest measures a real one.
 */
final class MeteredChatBotTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConfBot core = mock(ConfBot.class);
    private final MeteredChatBot bot = new MeteredChatBot(core, registry);

    private static Inbound from(Platform platform, String text) {
        return new Inbound(text, Locale.ROOT, new Origin(platform, "c", "u", false));
    }

    private double errors(Platform platform) {
        return registry.get("confbot.errors")
                .tag("platform", platform.name().toLowerCase(Locale.ROOT))
                .counter()
                .count();
    }

    @Test
    void theCoresApologyCountsAsAnErrorOfThatPlatform() {
        Inbound message = from(Platform.DISCORD, "what happened on day 2?");
        Reply apology = new Reply(Reply.Kind.USAGE, Commands.failure(message), List.of());
        when(core.reply(any())).thenReturn(apology);

        assertThat(bot.reply(message)).isSameAs(apology);

        assertThat(errors(Platform.DISCORD)).isEqualTo(1.0);
        assertThat(errors(Platform.TELEGRAM)).isZero();
    }

    @Test
    void aUsageReplyToABadCommandIsNotAnError() {
        when(core.reply(any()))
                .thenReturn(new Reply(Reply.Kind.USAGE, "Usage: /schedule [2018|2019] [day]", List.of()));

        bot.reply(from(Platform.TELEGRAM, "/schedule 2031"));

        assertThat(errors(Platform.TELEGRAM)).isZero();
        assertThat(registry.get("confbot.replies")
                        .tags("platform", "telegram", "kind", "usage")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void anExceptionFromTheCoreIsCountedTimedAndPassedOn() {
        when(core.reply(any())).thenThrow(new IllegalStateException("index closed"));

        assertThatThrownBy(() -> bot.reply(from(Platform.TELEGRAM, "hello"))).hasMessage("index closed");

        assertThat(errors(Platform.TELEGRAM)).isEqualTo(1.0);
        assertThat(registry.get("confbot.questions")
                        .tag("platform", "telegram")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("confbot.answer.latency")
                        .tag("platform", "telegram")
                        .timer()
                        .count())
                .isEqualTo(1);
    }
}
