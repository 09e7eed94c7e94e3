package confbot.telegram;

import confbot.core.chat.BotProfile;
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

    /** Telegram's limit on a command's description. */
    static final int MAX_DESCRIPTION = 256;

    /**
     * The menu, naming the conferences of the core's profile: the editions are the registry's, not
     * this adapter's.
     */
    static List<Entry> menu(BotProfile profile) {
        String en = profile.conferences().isEmpty() ? "the notes" : profile.names(false);
        String zh = profile.conferences().isEmpty() ? "笔记里" : profile.names(true);
        String example = profile.conferences().isEmpty()
                ? "/schedule"
                : "/schedule "
                        + profile.conferences()
                                .get(profile.conferences().size() - 1)
                                .command() + " 2";
        return List.of(
                new Entry("ask", clip("Ask a question about " + en), clip("提问：关于 " + zh + " 的问题")),
                new Entry("schedule", clip("Show the schedule: " + example), clip("查看日程：" + example)),
                new Entry("slides", "Find the slides of a talk", "查找演讲的幻灯片"),
                new Entry("now", "What is on now and next", "正在进行和接下来的演讲"),
                new Entry(
                        "next",
                        clip("What starts next"
                                + profile.places().stream()
                                        .findFirst()
                                        .map(p -> ", e.g. /next " + p)
                                        .orElse(" (in a room or track: /next <room>)")),
                        clip("接下来的演讲"
                                + profile.places().stream()
                                        .findFirst()
                                        .map(p -> "，例如 /next " + p)
                                        .orElse("（某个会场或分论坛：/next <会场>）"))),
                new Entry("changes", "The latest schedule changes", "最近的日程变更"),
                new Entry(
                        "subscribe",
                        "Reminders before each talk and schedule changes in this chat",
                        "在本聊天里接收演讲开始前的提醒和日程变更"),
                new Entry("unsubscribe", "Stop the reminders and changes in this chat", "停止本聊天的提醒和日程变更"),
                new Entry("remind", "Remind me before one talk (private chat)", "某场演讲开始前提醒我（私聊）"),
                new Entry("help", "What I can answer, and how to ask", "我能回答什么，怎么提问"),
                new Entry("about", "Where my knowledge comes from", "我的知识从哪里来"));
    }

    private static String clip(String description) {
        return description.length() <= MAX_DESCRIPTION
                ? description
                : description.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    /**
     * Commands this bot answers in a group even without {@code @botname}: every name the core's
     * parser knows (the menu, {@code /start}, aliases such as {@code /q}, and {@code /reload}, kept
     * out of the menu because only admins may use it). Others (say {@code /weather}) are probably
     * meant for another bot in the same group, so they are ignored.
     */
    static final Set<String> ANSWERED_IN_GROUPS = CommandParser.commandNames();

    private BotCommands() {}

    static List<BotCommand> menu(Locale language, BotProfile profile) {
        boolean chinese = "zh".equals(language.getLanguage());
        return menu(profile).stream()
                .map(e -> new BotCommand(e.command(), chinese ? e.chinese() : e.english()))
                .toList();
    }
}
