package confbot.telegram;

import confbot.core.command.CommandParser;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The commands menu, as registered with setMyCommands: English for everyone, Chinese for users whose
 * Telegram app is set to {@code zh}. The core owns what the commands do; this only lists them.
 */
final class BotCommands {

    /** One menu entry in both languages. */
    record Entry(String command, String english, String chinese) {}

    static final List<Entry> MENU = List.of(
            new Entry("ask", "Ask a question about KubeCon China 2018/2019", "提问：KubeCon China 2018/2019 的问题"),
            new Entry("schedule", "Show the schedule: /schedule 2019 2", "查看日程：/schedule 2019 2"),
            new Entry("slides", "Find the slides of a talk", "查找演讲的幻灯片"),
            new Entry("help", "What I can answer, and how to ask", "我能回答什么，怎么提问"),
            new Entry("about", "Where my knowledge comes from", "我的知识从哪里来"));

    /**
     * Commands this bot answers in a group even without {@code @botname}: every name the core's
     * parser knows (the menu, {@code /start}, aliases such as {@code /q}, and {@code /reload}, kept
     * out of the menu because only admins may use it). Others (say {@code /weather}) are probably
     * meant for another bot in the same group, so they are ignored.
     */
    static final Set<String> ANSWERED_IN_GROUPS = CommandParser.commandNames();

    private BotCommands() {}

    static List<BotCommand> menu(Locale language) {
        boolean chinese = "zh".equals(language.getLanguage());
        return MENU.stream()
                .map(e -> new BotCommand(e.command(), chinese ? e.chinese() : e.english()))
                .toList();
    }
}
