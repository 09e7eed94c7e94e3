package confbot.core.feedback;

import confbot.core.chat.Vote;
import confbot.core.state.AnswerLog;
import java.util.List;

/** The fixed texts of feedback, in both languages; plain text, escaped by each adapter. */
final class FeedbackTexts {

    /** How much of a question or an answer the report quotes. */
    static final int QUOTE_CODE_POINTS = 120;

    private FeedbackTexts() {}

    static String thanks(boolean zh, Vote.Rating rating) {
        return zh ? "谢谢反馈 " + emoji(rating) : "Thanks for the feedback " + emoji(rating);
    }

    static String changed(boolean zh, Vote.Rating rating) {
        return zh ? "已改为 " + emoji(rating) + "，谢谢" : "Changed your vote to " + emoji(rating) + ", thanks";
    }

    static String already(boolean zh, Vote.Rating rating) {
        return zh ? "你已经投过 " + emoji(rating) + " 了" : "Your " + emoji(rating) + " is already counted";
    }

    static String unknown(boolean zh) {
        return zh ? "这个回答已经不在记录里了，谢谢你的反馈。" : "That answer is no longer on record; thanks anyway.";
    }

    static String notSaved(boolean zh) {
        return zh ? "抱歉，这次没能记下你的反馈，请稍后再试。" : "Sorry, your vote could not be saved. Please try again later.";
    }

    static String off(boolean zh) {
        return zh ? "这个机器人没有记录反馈（没有状态存储）。" : "This bot keeps no feedback (it runs without a state store).";
    }

    static String unreadable(boolean zh) {
        return zh ? "暂时读不到反馈记录，请稍后再试。" : "The feedback cannot be read right now; please try again later.";
    }

    static String report(boolean zh, Feedback.Summary summary) {
        AnswerLog.Totals t = summary.totals();
        StringBuilder out = new StringBuilder();
        if (zh) {
            out.append("反馈：回答了 ")
                    .append(t.answers())
                    .append(" 个不同的答案（共 ")
                    .append(t.askedAnswered())
                    .append(" 次），👍 ")
                    .append(t.up())
                    .append("，👎 ")
                    .append(t.down())
                    .append("。\n笔记没有覆盖的问题：")
                    .append(t.abstentions())
                    .append(" 个（共被问 ")
                    .append(t.askedAbstained())
                    .append(" 次）。");
        } else {
            out.append("Feedback: ")
                    .append(t.answers())
                    .append(t.answers() == 1 ? " distinct answer given (asked " : " distinct answers given (asked ")
                    .append(times(t.askedAnswered()))
                    .append("), 👍 ")
                    .append(t.up())
                    .append(", 👎 ")
                    .append(t.down())
                    .append(".\nNot covered by the notes: ")
                    .append(t.abstentions())
                    .append(t.abstentions() == 1 ? " question (asked " : " questions (asked ")
                    .append(times(t.askedAbstained()))
                    .append(").");
        }
        out.append("\n\n").append(zh ? "评价最差的回答：" : "Worst rated answers:");
        List<AnswerLog.Rated> worst = summary.worstRated();
        if (worst.isEmpty()) {
            out.append("\n").append(zh ? "还没有人投票。" : "No votes yet.");
        }
        for (int i = 0; i < worst.size(); i++) {
            AnswerLog.Rated r = worst.get(i);
            out.append("\n")
                    .append(i + 1)
                    .append(". 👎 ")
                    .append(r.down())
                    .append(" 👍 ")
                    .append(r.up())
                    .append(" — ")
                    .append(quote(r.question()))
                    .append(zh ? "（被问 " + r.timesAsked() + " 次）" : " (asked " + times(r.timesAsked()) + ")")
                    .append("\n   ")
                    .append(quote(r.text()));
        }
        out.append("\n\n").append(zh ? "问得最多、笔记里没有的问题：" : "Most asked, not in the notes:");
        List<AnswerLog.Gap> gaps = summary.unanswered();
        if (gaps.isEmpty()) {
            out.append("\n").append(zh ? "没有。" : "None.");
        }
        for (int i = 0; i < gaps.size(); i++) {
            AnswerLog.Gap g = gaps.get(i);
            out.append("\n")
                    .append(i + 1)
                    .append(". ")
                    .append(quote(g.question()))
                    .append(zh ? " — 被问 " + g.timesAsked() + " 次" : " — asked " + times(g.timesAsked()));
        }
        return out.toString();
    }

    private static String times(long n) {
        return n == 1 ? "once" : n + " times";
    }

    private static String emoji(Vote.Rating rating) {
        return rating == Vote.Rating.UP ? "👍" : "👎";
    }

    /** One line of at most {@link #QUOTE_CODE_POINTS} code points, cut with an ellipsis. */
    static String quote(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= QUOTE_CODE_POINTS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, QUOTE_CODE_POINTS - 1)) + "…";
    }
}
