package confbot.core.command;

import confbot.core.conference.ConferenceRegistry;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.util.ArrayList;
import java.util.List;

/** Fixed texts of the bot, in both languages. */
final class Messages {
    private Messages() {}

    static String notCovered(Language lang) {
        return lang == Language.ZH
                ? "笔记里没有找到这个问题的答案，我不想乱猜。可以换个问法，或发送 /help 看看我能回答什么。"
                : "The notes don't cover that, and I won't guess. Try rephrasing, or send /help to see what I can answer.";
    }

    /**
     * The command list, naming the registry's conferences and taking its examples from them: no
     * edition is written here.
     */
    static String help(Language lang, ConferenceRegistry registry) {
        String example = example(registry);
        String dayExample = example.isEmpty() ? "1" : example + " 2";
        if (lang == Language.ZH) {
            return (registry.isEmpty()
                            ? "我根据加载的笔记回答问题，并附上出处。"
                            : "我回答关于" + names(registry, lang) + "的问题，答案来自参会笔记，并附上出处。")
                    + "\n\n直接提问即可，中英文都行。\n"
                    + "/ask <问题> — 提问\n"
                    + "/schedule [大会] [天] — 每天的日程（大会可以是年份、名称或城市，天可以是第几天、日期或星期），例如 /schedule "
                    + dayExample + "\n"
                    + "/slides [大会] [主题] — 幻灯片在哪里下载，例如 /slides crd\n"
                    + "/now — 正在进行和接下来的演讲（按大会当地时间）\n"
                    + "/next [会场或分论坛] — 接下来开始的演讲\n"
                    + "/changes [大会] — 最近的日程变更\n"
                    + "/subscribe [大会] [分会场或会议室] — 在本聊天里发布每场演讲开始前的提醒和日程变更（群里仅限管理员）\n"
                    + "/unsubscribe [大会] — 停止发布\n"
                    + "/remind <演讲> — 私聊里：某场演讲开始前提醒你\n"
                    + "/about — 关于这个机器人和它的资料来源\n"
                    + "/help — 显示本帮助";
        }
        return (registry.isEmpty()
                        ? "I answer questions from the notes I was given, with sources."
                        : "I answer questions about " + names(registry, lang) + " from attendees' notes, with sources.")
                + "\n\nJust ask, in English or Chinese.\n"
                + "/ask <question> — ask a question\n"
                + "/schedule [conference] [day] — what happened each day (a conference by year, name or city; a day by number, date or weekday), e.g. /schedule "
                + dayExample + "\n"
                + "/slides [conference] [topic] — where to get the slides, e.g. /slides crd\n"
                + "/now — the talks on now and next, on the conference's clock\n"
                + "/next [room or track] — what starts next\n"
                + "/changes [conference] — the latest schedule changes\n"
                + "/subscribe [conference] [track or room] — post a reminder before each talk and each schedule change in this chat (admins, in groups)\n"
                + "/unsubscribe [conference] — stop posting them\n"
                + "/remind <talk> — in a private chat: remind you before one talk\n"
                + "/about — what this bot is and where its knowledge comes from\n"
                + "/help — this help";
    }

    static String usage(Command.Kind kind, Language lang, ConferenceRegistry registry) {
        boolean zh = lang == Language.ZH;
        String example = example(registry);
        String first = registry.all().stream()
                .findFirst()
                .map(c -> c.shortName().in(lang))
                .orElse("");
        return switch (kind) {
            case ASK -> zh
                    ? "用法：/ask <问题>，例如 /ask " + (first.isEmpty() ? "大会在哪里举办？" : first + " 在哪里举办？")
                    : "Usage: /ask <question>, e.g. /ask Where was " + (first.isEmpty() ? "the conference" : first)
                            + " held?";
            case SCHEDULE -> (zh
                            ? "用法：/schedule [大会] [第几天、日期或星期]，例如 /schedule " + (example.isEmpty() ? "1" : example + " 2")
                            : "Usage: /schedule [conference] [day, date or weekday], e.g. /schedule "
                                    + (example.isEmpty() ? "1" : example + " 2"))
                    + choices(registry, lang);
            case SLIDES -> zh
                    ? "用法：/slides [大会] [主题]，例如 /slides kata"
                    : "Usage: /slides [conference] [topic], e.g. /slides kata";
            case NOW, NEXT -> zh
                    ? "用法：/next [会场或分论坛]，例如 /next room 2；/now 列出正在进行的演讲"
                    : "Usage: /next [room or track], e.g. /next room 2; /now lists what is on";
            case CHANGES -> (zh
                            ? "用法：/changes [大会]，例如 /changes " + (example.isEmpty() ? "" : example)
                            : "Usage: /changes [conference], e.g. /changes " + (example.isEmpty() ? "" : example))
                    + choices(registry, lang);
            default -> zh ? "没有这个命令。发送 /help 查看可用命令。" : "I don't know that command. Send /help for the list.";
        };
    }

    /** " (conferences: 2018 = KubeCon China 2018, 3 days; …)": what a conference argument may be, on the same line. */
    static String choices(ConferenceRegistry registry, Language lang) {
        if (registry.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(lang == Language.ZH ? "（大会：" : " (conferences: ");
        List<String> each = new ArrayList<>();
        for (Conference c : registry.all()) {
            each.add(token(c, registry) + " = " + c.shortName().in(lang) + ", "
                    + c.days().size() + (lang == Language.ZH ? " 天" : c.days().size() == 1 ? " day" : " days"));
        }
        return out.append(String.join(lang == Language.ZH ? "；" : "; ", each))
                .append(lang == Language.ZH ? "）" : ")")
                .toString();
    }

    /**
     * The shortest word that names {@code c} in a command: its year when no other listed
     * conference has that year, else its id.
     */
    static String token(Conference c, ConferenceRegistry registry) {
        long sameYear =
                registry.all().stream().filter(o -> o.year() == c.year()).count();
        return sameYear == 1 ? Integer.toString(c.year()) : c.id();
    }

    /** The last listed conference's token: the newest edition is the likeliest to be asked about. */
    private static String example(ConferenceRegistry registry) {
        List<Conference> all = registry.all();
        return all.isEmpty() ? "" : token(all.get(all.size() - 1), registry);
    }

    private static String names(ConferenceRegistry registry, Language lang) {
        List<String> names = registry.all().stream().map(c -> c.name().in(lang)).toList();
        return lang == Language.ZH ? " " + String.join("、", names) + " " : String.join(", ", names);
    }

    static String tooLong(Language lang) {
        return lang == Language.ZH
                ? "问题太长了，请用 500 字以内提问。"
                : "That is too long for me; please ask in under 500 characters.";
    }

    static String empty(Language lang) {
        return lang == Language.ZH
                ? "请问你想了解什么？发送 /help 查看示例。"
                : "What would you like to know? Send /help for examples.";
    }

    static String failed(Language lang) {
        return lang == Language.ZH
                ? "抱歉，处理这条消息时出错了，请稍后再试。"
                : "Sorry, something went wrong with that message. Please try again later.";
    }

    static String reloadRefused(Language lang) {
        return lang == Language.ZH ? "抱歉，只有机器人的管理员可以重新加载资料。" : "Sorry, only the bot's admins can reload its knowledge.";
    }

    static String feedbackRefused(Language lang) {
        return lang == Language.ZH ? "抱歉，只有机器人的管理员可以查看反馈。" : "Sorry, only the bot's admins can see the feedback.";
    }

    static String reloaded(Language lang, int passages, long version) {
        return lang == Language.ZH
                ? "已重新加载资料：" + passages + " 个段落（第 " + version + " 版）。"
                : "Reloaded the knowledge: " + passages + " passages (version " + version + ").";
    }

    static String reloadFailed(Language lang, String reason) {
        return lang == Language.ZH
                ? "重新加载失败，仍在使用原来的资料：" + reason
                : "The reload failed; the previous knowledge is still in use: " + reason;
    }

    /**
     * Both languages, the asker's first: a rate-limited message may be a single emoji, and the one
     * warning a sender gets must be understood whatever the guess.
     */
    static String slowDown(Language lang) {
        String zh = "消息有点多，请稍等一会儿再问，我很快就能继续回答。";
        String en = "That's a lot of messages at once. Please wait a moment before asking again.";
        return lang == Language.ZH ? zh + "\n" + en : en + "\n" + zh;
    }
}
