package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.testing.FakeClock;
import confbot.core.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Per-user and per-chat budgets: one "slow down", then silence, until the window passes. */
final class ConfBotRateLimitTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final FakeClock clock = new FakeClock();

    private ConfBot bot(int perUser, int perChat) {
        BotOptions options = BotOptions.defaults()
                .withRateLimit(new BotOptions.RateLimit(perUser, perChat, WINDOW))
                .withClock(clock);
        return ConfBot.create(Fixtures.knowledge(), Setup.builtinOnly(), options);
    }

    private static Inbound help(Platform platform, String chat, String user) {
        return new Inbound("/help", Locale.ROOT, new Origin(platform, chat, user, true));
    }

    @Test
    void theMessageOverTheUsersBudgetGetsOneSlowDownThenSilenceThenAnswersAfterTheWindow() {
        ConfBot bot = bot(3, 100);
        Inbound message = help(Platform.TELEGRAM, "chat-1", "alice");

        List<Reply> within =
                IntStream.range(0, 3).mapToObj(i -> bot.reply(message)).toList();
        Reply over = bot.reply(message);
        Reply again = bot.reply(message);
        clock.advance(WINDOW.minusSeconds(1));
        Reply stillInWindow = bot.reply(message);
        clock.advance(Duration.ofSeconds(2));
        Reply nextWindow = bot.reply(message);

        assertThat(within).extracting(Reply::kind).containsOnly(Reply.Kind.LISTING);
        assertThat(over.kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(over.text()).contains("Please wait a moment").contains("请稍等");
        assertThat(again.kind()).isEqualTo(Reply.Kind.SILENT);
        assertThat(again.text()).isEmpty();
        assertThat(stillInWindow.kind()).isEqualTo(Reply.Kind.SILENT);
        assertThat(nextWindow.kind()).isEqualTo(Reply.Kind.LISTING);
    }

    @Test
    void theSlowDownIsInTheAskersLanguageFirst() {
        ConfBot bot = bot(1, 100);
        Inbound chinese = new Inbound("蚂蚁金服宣布了什么？", Locale.ROOT, new Origin(Platform.DISCORD, "c", "u", true));
        bot.reply(chinese);

        Reply over = bot.reply(chinese);

        assertThat(over.text()).startsWith("消息有点多").contains("Please wait a moment");
    }

    @Test
    void aBusyChatIsLimitedAcrossItsUsersButOtherChatsAreNot() {
        ConfBot bot = bot(100, 3);

        List<Reply> firstThree = List.of(
                bot.reply(help(Platform.DISCORD, "room", "a")),
                bot.reply(help(Platform.DISCORD, "room", "b")),
                bot.reply(help(Platform.DISCORD, "room", "c")));
        Reply fourth = bot.reply(help(Platform.DISCORD, "room", "d"));
        Reply fifth = bot.reply(help(Platform.DISCORD, "room", "e"));
        Reply elsewhere = bot.reply(help(Platform.DISCORD, "other-room", "e"));

        assertThat(firstThree).extracting(Reply::kind).containsOnly(Reply.Kind.LISTING);
        assertThat(fourth.kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(fifth.kind()).isEqualTo(Reply.Kind.SILENT);
        assertThat(elsewhere.kind()).isEqualTo(Reply.Kind.LISTING);
    }

    @Test
    void oneFlooderDoesNotUseUpTheChatsBudget() {
        ConfBot bot = bot(2, 3);
        IntStream.range(0, 10).forEach(i -> bot.reply(help(Platform.TELEGRAM, "group", "flooder")));

        Reply other = bot.reply(help(Platform.TELEGRAM, "group", "reader"));

        assertThat(other.kind()).isEqualTo(Reply.Kind.LISTING);
    }

    @Test
    void theSameUserIdOnAnotherPlatformHasItsOwnBudget() {
        ConfBot bot = bot(1, 100);
        bot.reply(help(Platform.TELEGRAM, "t", "7"));

        assertThat(bot.reply(help(Platform.TELEGRAM, "t", "7")).kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(bot.reply(help(Platform.DISCORD, "d", "7")).kind()).isEqualTo(Reply.Kind.LISTING);
    }

    @Test
    void theConsoleIsNeverLimited() {
        ConfBot bot = bot(1, 1);

        List<Reply> replies = IntStream.range(0, 20)
                .mapToObj(i -> bot.reply(Fixtures.inbound("/help")))
                .toList();

        assertThat(replies).extracting(Reply::kind).containsOnly(Reply.Kind.LISTING);
    }
}
