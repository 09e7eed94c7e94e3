package confbot.core.command;

import confbot.core.Library;
import confbot.core.catalog.Talk;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /schedule [2018|2019] [day]: the days of a conference, and for one day what the notes say
 * happened and, when a catalog is loaded, that day's talks.
 */
final class ScheduleCommand {

    static final int MAX_TALKS = 15;
    static final int MAX_NOTES = 6;
    private static final Pattern YEAR = Pattern.compile("^(?:20)?(18|19)$");
    private static final Pattern DAY = Pattern.compile("^(?:day|d|第)?([1-9])(?:天|日)?$");
    private static final Pattern DATE = Pattern.compile("^(?:(20\\d\\d)-)?(\\d{1,2})-(\\d{1,2})$");

    Reply reply(String argument, Language lang, Library library) {
        Integer year = null;
        OptionalInt day = OptionalInt.empty();
        for (String token : argument.toLowerCase(java.util.Locale.ROOT).split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Matcher y = YEAR.matcher(token);
            Matcher d = DAY.matcher(token);
            Matcher date = DATE.matcher(token);
            if (y.matches() && year == null) {
                year = 2000 + Integer.parseInt(y.group(1));
            } else if (d.matches() && day.isEmpty()) {
                day = OptionalInt.of(Integer.parseInt(d.group(1)));
            } else if (date.matches() && day.isEmpty()) {
                Optional<int[]> found = dayOfDate(library, date);
                if (found.isEmpty()) {
                    return usage(lang);
                }
                year = found.get()[0];
                day = OptionalInt.of(found.get()[1]);
            } else {
                return usage(lang);
            }
        }
        if (library.conferences().isEmpty()) {
            return new Reply(
                    Reply.Kind.NOT_COVERED,
                    lang == Language.ZH ? "没有加载会议资料，无法给出日程。" : "No conference facts are loaded, so I have no schedule.",
                    List.of());
        }
        if (year == null) {
            if (day.isPresent()) {
                return usage(lang);
            }
            StringBuilder out = new StringBuilder();
            for (Conference c : library.conferences()) {
                out.append(overview(c, lang)).append("\n\n");
            }
            out.append(lang == Language.ZH ? "某一天的详情：/schedule 2019 2" : "One day in detail: /schedule 2019 2");
            return listing(out.toString(), List.of());
        }
        Optional<Conference> conference = library.conference(year);
        if (conference.isEmpty()) {
            return usage(lang);
        }
        Conference c = conference.get();
        if (day.isEmpty()) {
            return listing(
                    overview(c, lang) + "\n\n"
                            + (lang == Language.ZH
                                    ? "某一天的详情：/schedule " + year + " 1"
                                    : "One day in detail: /schedule " + year + " 1"),
                    sources(c));
        }
        Optional<Conference.Day> d = c.day(day.getAsInt());
        if (d.isEmpty()) {
            return new Reply(
                    Reply.Kind.USAGE,
                    lang == Language.ZH
                            ? c.shortName().zh() + " 共 " + c.days().size() + " 天：/schedule " + year + " 1-"
                                    + c.days().size()
                            : c.shortName().en() + " had " + c.days().size() + " days: /schedule " + year + " 1-"
                                    + c.days().size(),
                    List.of());
        }
        return dayListing(c, d.get(), lang, library);
    }

    private static Optional<int[]> dayOfDate(Library library, Matcher date) {
        for (Conference c : library.conferences()) {
            for (Conference.Day d : c.days()) {
                boolean yearOk = date.group(1) == null
                        || Integer.parseInt(date.group(1)) == d.date().getYear();
                if (yearOk
                        && Integer.parseInt(date.group(2)) == d.date().getMonthValue()
                        && Integer.parseInt(date.group(3)) == d.date().getDayOfMonth()) {
                    return Optional.of(new int[] {c.year(), d.number()});
                }
            }
        }
        return Optional.empty();
    }

    private static String overview(Conference c, Language lang) {
        StringBuilder out = new StringBuilder();
        out.append(c.name().in(lang))
                .append(lang == Language.ZH ? "，" : ", ")
                .append(c.venue().in(lang))
                .append(lang == Language.ZH ? "，" : ", ")
                .append(c.city().in(lang));
        for (Conference.Day d : c.days()) {
            out.append('\n')
                    .append(dayTitle(d, lang))
                    .append(lang == Language.ZH ? "：" : ": ")
                    .append(d.label().in(lang));
        }
        return out.toString();
    }

    private static String dayTitle(Conference.Day d, Language lang) {
        return lang == Language.ZH
                ? "第 " + d.number() + " 天（" + d.date().getMonthValue() + " 月 "
                        + d.date().getDayOfMonth() + " 日）"
                : "Day " + d.number() + " (" + d.date() + ")";
    }

    private Reply dayListing(Conference c, Conference.Day d, Language lang, Library library) {
        StringBuilder out = new StringBuilder();
        out.append(c.shortName().in(lang))
                .append(" — ")
                .append(dayTitle(d, lang))
                .append(lang == Language.ZH ? "：" : ": ")
                .append(d.label().in(lang));
        Set<Source> sources = new LinkedHashSet<>(sources(c));
        List<Passage> notes = new ArrayList<>();
        for (Passage p : library.index().passages()) {
            boolean sameDay = p.day().isPresent()
                    && p.day().getAsInt() == d.number()
                    && p.conference().filter(c.id()::equals).isPresent();
            if (sameDay && p.language() == lang && notes.size() < MAX_NOTES) {
                notes.add(p);
            }
        }
        if (!notes.isEmpty()) {
            out.append("\n\n").append(lang == Language.ZH ? "笔记里记下的：" : "From the notes:");
            for (Passage p : notes) {
                out.append("\n• ").append(p.heading().isEmpty() ? p.noteTitle() : lastHeading(p.heading()));
                sources.addAll(p.sources());
            }
        }
        List<Talk> talks = library.catalog().on(d.date());
        if (!talks.isEmpty()) {
            // Catalog times are the conference's wall clock; naming the zone once tells a remote
            // reader how to read them without repeating it on every line.
            String zone = c.timezone().getId();
            out.append("\n\n")
                    .append(
                            lang == Language.ZH
                                    ? "演讲（" + talks.size() + " 场，时间为 " + zone + "）："
                                    : "Talks (" + talks.size() + ", times in " + zone + "):");
            for (Talk t : talks.subList(0, Math.min(MAX_TALKS, talks.size()))) {
                out.append("\n• ");
                t.start().ifPresent(s -> out.append(s)
                        .append(t.end().map(e -> "–" + e).orElse(""))
                        .append(' '));
                out.append(t.line());
            }
            if (talks.size() > MAX_TALKS) {
                out.append("\n")
                        .append(
                                lang == Language.ZH
                                        ? "……还有 " + (talks.size() - MAX_TALKS) + " 场；用 /slides <主题> 查找某场的幻灯片。"
                                        : "… and " + (talks.size() - MAX_TALKS)
                                                + " more; /slides <topic> finds a talk's deck.");
            }
        }
        return listing(out.toString(), List.copyOf(sources));
    }

    private static String lastHeading(String path) {
        int at = path.lastIndexOf(" › ");
        return at < 0 ? path : path.substring(at + 3);
    }

    private static List<Source> sources(Conference c) {
        List<Source> out = new ArrayList<>();
        c.links(Conference.Link.Kind.SCHEDULE)
                .forEach(l -> out.add(new Source(l.title().en(), l.url())));
        return out;
    }

    private static Reply listing(String text, List<Source> sources) {
        return new Reply(Reply.Kind.LISTING, text.strip(), sources);
    }

    private static Reply usage(Language lang) {
        return new Reply(Reply.Kind.USAGE, Messages.usage(confbot.core.command.Command.Kind.SCHEDULE, lang), List.of());
    }
}
