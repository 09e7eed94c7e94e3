package confbot.core.command;

import confbot.knowledge.Language;

/** Fixed texts of the bot, in both languages. */
final class Messages {
    private Messages() {}

    static String notCovered(Language lang) {
        return lang == Language.ZH
                ? "笔记里没有找到这个问题的答案，我不想乱猜。可以换个问法，或发送 /help 看看我能回答什么。"
                : "The notes don't cover that, and I won't guess. Try rephrasing, or send /help to see what I can answer.";
    }

    static String help(Language lang) {
        return lang == Language.ZH
                ? """
                我回答关于 KubeCon + CloudNativeCon China 2018 和 2019（上海）的问题，答案来自参会笔记，并附上出处。

                直接提问即可，中英文都行，例如：“蚂蚁金服在大会上宣布了什么？”
                /ask <问题> — 提问
                /schedule [2018|2019] [天] — 每天的日程，例如 /schedule 2019 2
                /slides [主题] — 幻灯片在哪里下载，例如 /slides crd
                /about — 关于这个机器人和它的资料来源
                /help — 显示本帮助"""
                : """
                I answer questions about KubeCon + CloudNativeCon China 2018 and 2019 (Shanghai) from attendees' notes, with sources.

                Just ask, in English or Chinese, e.g. "What did Ant Financial announce?"
                /ask <question> — ask a question
                /schedule [2018|2019] [day] — what happened each day, e.g. /schedule 2019 2
                /slides [topic] — where to get the slides, e.g. /slides crd
                /about — what this bot is and where its knowledge comes from
                /help — this help""";
    }

    static String usage(Command.Kind kind, Language lang) {
        boolean zh = lang == Language.ZH;
        return switch (kind) {
            case ASK -> zh
                    ? "用法：/ask <问题>，例如 /ask 2019 年大会在哪里举办？"
                    : "Usage: /ask <question>, e.g. /ask Where was KubeCon China 2019 held?";
            case SCHEDULE -> zh
                    ? "用法：/schedule [2018|2019] [第几天 1-3]，例如 /schedule 2019 2"
                    : "Usage: /schedule [2018|2019] [day 1-3], e.g. /schedule 2019 2";
            case SLIDES -> zh ? "用法：/slides [主题]，例如 /slides kata" : "Usage: /slides [topic], e.g. /slides kata";
            default -> zh ? "没有这个命令。发送 /help 查看可用命令。" : "I don't know that command. Send /help for the list.";
        };
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
