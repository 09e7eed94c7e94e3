package confbot.core.remind;

import confbot.core.catalog.Talk;
import confbot.core.schedule.ScheduleChange;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What the reminders, the change notices and the subscription commands say, in both languages. */
final class RemindTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** How many rooms or tracks a refusal lists, so that a huge catalog still gives a short reply. */
    private static final int PLACES_SHOWN = 12;

    private RemindTexts() {}

    static Language language(String code) {
        return Language.parse(code).orElse(Language.EN);
    }

    /** Talks that start together, in one message: when, then each with speakers, place and page. */
    static String reminder(List<Timetable.Timed> talks, Instant now, Language lang) {
        Timetable.Timed first = talks.get(0);
        long minutes = Math.max(0, (Duration.between(now, first.start()).toSeconds() + 59) / 60);
        String at = TIME.format(first.start().atZone(first.zone())) + " "
                + first.zone().getId();
        StringBuilder out = new StringBuilder();
        if (lang == Language.ZH) {
            out.append(minutes == 0 ? "⏰ 马上开始" : "⏰ " + minutes + " 分钟后开始")
                    .append("（")
                    .append(at)
                    .append("）：");
        } else {
            out.append(
                            minutes == 0
                                    ? "⏰ Starting now"
                                    : "⏰ Starting in " + minutes + (minutes == 1 ? " minute" : " minutes"))
                    .append(" (")
                    .append(at)
                    .append("):");
        }
        for (Timetable.Timed t : talks) {
            out.append("\n\n").append(talkBlock(t.talk()));
        }
        return out.toString();
    }

    private static String talkBlock(Talk talk) {
        StringBuilder out = new StringBuilder(talk.line());
        List<String> where = new ArrayList<>();
        talk.room().ifPresent(where::add);
        talk.track().ifPresent(where::add);
        if (!where.isEmpty()) {
            out.append('\n').append(String.join(" · ", where));
        }
        talk.page().ifPresent(page -> out.append('\n').append(page));
        return out.toString();
    }

    /** The changes one chat hears in one post, each on its own paragraph. */
    static String changes(String conference, Collection<ScheduleChange> changes, ZoneId zone, Language lang) {
        StringBuilder out = new StringBuilder(
                lang == Language.ZH ? "📅 " + conference + " 日程有变：" : "📅 Schedule change at " + conference + ":");
        for (ScheduleChange change : changes) {
            out.append("\n\n").append(change(change, zone, lang));
        }
        return out.toString();
    }

    private static String change(ScheduleChange change, ZoneId zone, Language lang) {
        boolean zh = lang == Language.ZH;
        Talk now = change.talk();
        String title = zh ? "《" + now.title() + "》" : "“" + now.title() + "”";
        if (change.kinds().contains(ScheduleChange.Kind.CANCELLED)) {
            return (zh ? "取消：" : "Cancelled: ") + title + when(change.before().orElse(now), zone);
        }
        if (change.kinds().contains(ScheduleChange.Kind.NEW)) {
            return (zh ? "新增：" : "New: ") + title + when(now, zone) + speakers(now, zh);
        }
        List<String> parts = new ArrayList<>();
        Optional<Talk> before = change.before();
        if (change.kinds().contains(ScheduleChange.Kind.MOVED_TIME)) {
            parts.add((zh ? "改到 " : "now at ")
                    + time(now, zone)
                    + before.map(b -> zh ? "（原 " + time(b, zone) + "）" : " (was " + time(b, zone) + ")")
                            .orElse(""));
        }
        if (change.kinds().contains(ScheduleChange.Kind.MOVED_ROOM)) {
            parts.add((zh ? "换到 " : "now in ")
                    + now.room().orElse("?")
                    + before.flatMap(Talk::room)
                            .map(r -> zh ? "（原 " + r + "）" : " (was " + r + ")")
                            .orElse(""));
        }
        if (change.kinds().contains(ScheduleChange.Kind.SPEAKERS_CHANGED)) {
            parts.add((zh ? "讲者改为 " : "speakers now ")
                    + String.join(", ", now.speakers())
                    + before.map(b -> zh
                                    ? "（原 " + String.join(", ", b.speakers()) + "）"
                                    : " (was " + String.join(", ", b.speakers()) + ")")
                            .orElse(""));
        }
        return (zh ? "变更：" : "Changed: ") + title + (zh ? "，" : ", ") + String.join(zh ? "，" : ", ", parts);
    }

    private static String when(Talk talk, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        if (talk.date().isPresent() && talk.start().isPresent()) {
            parts.add(time(talk, zone));
        }
        talk.room().ifPresent(parts::add);
        return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
    }

    private static String speakers(Talk talk, boolean zh) {
        return talk.speakers().isEmpty() ? "" : (zh ? "，讲者 " : ", by ") + String.join(", ", talk.speakers());
    }

    /** The talk's date and start, as the catalog gives them (already on the conference's clock). */
    private static String time(Talk talk, ZoneId zone) {
        if (talk.date().isEmpty() || talk.start().isEmpty()) {
            return "?";
        }
        return DAY_TIME.format(talk.date().get().atTime(talk.start().get())) + " " + zone.getId();
    }

    static String dayTime(Timetable.Timed t) {
        return DAY_TIME.format(t.start().atZone(t.zone())) + " " + t.zone().getId();
    }

    static String lead(Duration lead, Language lang) {
        long minutes = lead.toMinutes();
        if (minutes >= 60 && minutes % 60 == 0) {
            long hours = minutes / 60;
            return lang == Language.ZH ? hours + " 小时" : hours + (hours == 1 ? " hour" : " hours");
        }
        if (minutes >= 1) {
            return lang == Language.ZH ? minutes + " 分钟" : minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long seconds = Math.max(1, lead.toSeconds());
        return lang == Language.ZH ? seconds + " 秒" : seconds + (seconds == 1 ? " second" : " seconds");
    }

    static String subscribed(Conference c, Optional<String> place, Duration lead, boolean replaced, Language lang) {
        String name = c.shortName().in(lang);
        if (lang == Language.ZH) {
            return (replaced ? "已更新本聊天的订阅：" : "本聊天已订阅 ") + name
                    + place.map(p -> "（" + p + "）").orElse("") + "。每场演讲开始前 " + lead(lead, lang)
                    + "我会在这里提醒，日程有变也会发在这里。发送 /unsubscribe 取消。";
        }
        return (replaced ? "Updated this chat's subscription: " : "This chat is subscribed to ") + name
                + place.map(p -> " (" + p + ")").orElse("") + ". I'll post a reminder " + lead(lead, lang)
                + " before each talk, and each schedule change as it is found. /unsubscribe stops it.";
    }

    static String unsubscribed(int ended, Optional<Conference> c, Language lang) {
        if (ended == 0) {
            return lang == Language.ZH
                    ? "本聊天没有" + c.map(x -> " " + x.shortName().in(lang) + " 的").orElse("") + "订阅。"
                    : "This chat has no subscription"
                            + c.map(x -> " to " + x.shortName().in(lang)).orElse("") + ".";
        }
        return lang == Language.ZH
                ? "已取消" + c.map(x -> " " + x.shortName().in(lang) + " 的").orElse("本聊天的全部") + "订阅，不再发提醒和日程变更。"
                : "Unsubscribed" + c.map(x -> " from " + x.shortName().in(lang)).orElse(" from everything")
                        + ": no more reminders or schedule changes in this chat.";
    }

    static String notManager(Language lang) {
        return lang == Language.ZH
                ? "在群里只有管理员（或机器人的管理员）可以订阅或取消订阅。"
                : "In a group, only its admins (or the bot's admins) can subscribe or unsubscribe it.";
    }

    static String noStore(Language lang) {
        return lang == Language.ZH
                ? "订阅和提醒需要机器人的状态存储，在 confbot serve 和 confbot chat 里可用。"
                : "Subscriptions and reminders need the bot's state store; they work under confbot serve and confbot chat.";
    }

    static String storeFailed(Language lang) {
        return lang == Language.ZH ? "现在没能保存，请稍后再试。" : "I could not save that just now; please try again in a moment.";
    }

    static String noTimedTalks(Language lang) {
        return lang == Language.ZH
                ? "没有加载带时间的演讲目录，没有可以提醒的演讲。"
                : "No talk catalog with times is loaded, so there is nothing to remind of.";
    }

    static String whichConference(List<Conference> choices, String command, Language lang) {
        List<String> names = choices.stream()
                .map(c -> c.id() + " (" + c.shortName().in(lang) + ")")
                .toList();
        return lang == Language.ZH
                ? "请指明大会，例如 /" + command + " " + choices.get(0).id() + "。可选：" + String.join("、", names)
                : "Which conference? e.g. /" + command + " " + choices.get(0).id() + ". Choices: "
                        + String.join(", ", names);
    }

    static String unknownPlace(Conference c, String place, Collection<String> places, Language lang) {
        List<String> shown = places.stream().limit(PLACES_SHOWN).toList();
        String more = places.size() > shown.size() ? (lang == Language.ZH ? " 等" : ", …") : "";
        if (lang == Language.ZH) {
            return c.shortName().in(lang) + " 没有叫「" + place + "」的分会场或会议室。"
                    + (shown.isEmpty() ? "" : "有：" + String.join("、", shown) + more);
        }
        return c.shortName().in(lang) + " has no track or room called \"" + place + "\"."
                + (shown.isEmpty() ? "" : " There are: " + String.join(", ", shown) + more);
    }

    static String remindUsage(Language lang) {
        return lang == Language.ZH
                ? "用法：/remind <演讲标题里的词>，例如 /remind kata"
                : "Usage: /remind <words of a talk's title>, e.g. /remind kata";
    }

    static String remindInPrivate(Language lang) {
        return lang == Language.ZH
                ? "请在和我的私聊里发送 /remind：提醒只发给你一个人。"
                : "Send me /remind in a private chat: the reminder is for you alone.";
    }

    static String noUpcomingTalk(String words, Language lang) {
        return lang == Language.ZH ? "没有找到还没开始、标题含「" + words + "」的演讲。" : "No upcoming talk matches \"" + words + "\".";
    }

    static String severalTalks(List<Timetable.Timed> talks, Language lang) {
        StringBuilder out = new StringBuilder(
                lang == Language.ZH ? "有几场演讲符合，请说得更具体些：" : "Several upcoming talks match; please be more specific:");
        for (Timetable.Timed t : talks) {
            out.append("\n• ").append(t.talk().title()).append(" — ").append(dayTime(t));
        }
        return out.toString();
    }

    static String willRemind(Timetable.Timed t, Duration lead, boolean already, Language lang) {
        if (lang == Language.ZH) {
            return (already ? "已经记下了：" : "好的：") + "《" + t.talk().title() + "》（" + dayTime(t) + "）开始前 "
                    + lead(lead, lang) + "我会私信提醒你。";
        }
        return (already ? "Already noted: " : "Done: ") + "I'll remind you " + lead(lead, lang) + " before “"
                + t.talk().title() + "” (" + dayTime(t) + ").";
    }

    static String lostRights(String conference, Language lang) {
        return lang == Language.ZH
                ? "我已经不能在你订阅 " + conference + " 的那个聊天里发消息了（被移出或没有发言权限），所以取消了那里的订阅。恢复权限后可以重新 /subscribe。"
                : "I can no longer post in the chat you subscribed to " + conference
                        + " (removed, or no right to send messages), so I ended that subscription. /subscribe again once I may post there.";
    }
}
