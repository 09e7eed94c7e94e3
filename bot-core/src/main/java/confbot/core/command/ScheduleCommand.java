package confbot.core.command;

import confbot.core.Library;
import confbot.core.catalog.Talk;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.ingest.Passage;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /schedule [conference] [day] [page N]: the days of the registry's conferences, and for one day
 * what the notes say happened and, when a catalog is loaded, that day's talks, a page at a time.
 * The conference is anything the registry resolves (a year, an id, a name, an alias, a city); the
 * day a number, a date or a weekday.
 */
final class ScheduleCommand {

    static final int MAX_TALKS = 15;
    static final int MAX_NOTES = 6;
    /** More words than a conference, a day and a page take: a usage reply, not a search. */
    static final int MAX_WORDS = 12;

    private static final Pattern DAY = Pattern.compile("^(?:day|d|第)?([1-9][0-9]?)(?:天|日)?$");
    private static final Pattern DATE = Pattern.compile("^(?:(\\d{4})[-/.年])?(\\d{1,2})[-/.月](\\d{1,2})日?$");
    private static final Pattern PAGE = Pattern.compile("^(?:page|p|第)?([1-9][0-9]?)(?:页)?$");
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    /** What the words after the conference ask for: a day (by number, date or weekday) and a page. */
    private record DaySpec(OptionalInt number, Optional<Matcher> date, Optional<DayOfWeek> weekday, int page) {
        boolean isEmpty() {
            return number.isEmpty() && date.isEmpty() && weekday.isEmpty();
        }
    }

    Reply reply(String argument, Language lang, Library library) {
        ConferenceRegistry registry = library.registry();
        List<String> tokens = new ArrayList<>();
        for (String t : argument.toLowerCase(Locale.ROOT).split("[\\s,，]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        if (tokens.size() > MAX_WORDS) {
            return usage(lang, registry); // a conference and a day are a few words; the span search is cubic
        }
        // The longest run of words the registry knows as a conference ("hong kong", "2019"),
        // wherever it stands ("/schedule 第2天 2019"); the words left say the day.
        List<Conference> named = List.of();
        List<String> rest = tokens;
        for (int k = tokens.size(); k >= 1 && named.isEmpty(); k--) {
            for (int at = 0; at + k <= tokens.size() && named.isEmpty(); at++) {
                List<Conference> found = registry.resolve(String.join(" ", tokens.subList(at, at + k)));
                if (!found.isEmpty()) {
                    named = found;
                    rest = new ArrayList<>(tokens.subList(0, at));
                    rest.addAll(tokens.subList(at + k, tokens.size()));
                }
            }
        }
        Optional<DaySpec> spec = daySpec(rest);
        if (spec.isEmpty()) {
            return usage(lang, registry);
        }
        if (registry.isEmpty()) {
            return new Reply(
                    Reply.Kind.NOT_COVERED,
                    lang == Language.ZH ? "没有加载会议资料，无法给出日程。" : "No conference facts are loaded, so I have no schedule.",
                    List.of());
        }
        DaySpec asked = spec.get();
        List<Conference> candidates = named.isEmpty() ? registry.all() : named;
        if (asked.isEmpty()) {
            StringBuilder out = new StringBuilder();
            Set<Source> sources = new LinkedHashSet<>();
            for (Conference c : candidates) {
                out.append(overview(c, lang)).append("\n\n");
                if (candidates.size() == 1) {
                    sources.addAll(sources(c));
                }
            }
            Conference hint = candidates.get(candidates.size() - 1);
            String command = "/schedule " + Messages.token(hint, registry) + " 1";
            out.append(lang == Language.ZH ? "某一天的详情：" + command : "One day in detail: " + command);
            return listing(out.toString(), List.copyOf(sources));
        }
        // A date picks its conference among the candidates; a day number or weekday needs one.
        List<Map.Entry<Conference, Conference.Day>> days = new ArrayList<>();
        for (Conference c : candidates) {
            dayOf(c, asked).ifPresent(d -> days.add(Map.entry(c, d)));
        }
        if (asked.date().isPresent() || candidates.size() == 1) {
            if (days.size() == 1) {
                return dayListing(days.get(0).getKey(), days.get(0).getValue(), asked.page(), lang, library);
            }
            if (candidates.size() == 1) {
                Conference c = candidates.get(0);
                String token = Messages.token(c, registry);
                return new Reply(
                        Reply.Kind.USAGE,
                        lang == Language.ZH
                                ? c.shortName().zh() + " 共 " + c.days().size() + " 天（" + c.start() + " 至 " + c.end()
                                        + "）：/schedule " + token + " 1-"
                                        + c.days().size()
                                : c.shortName().en() + " had " + c.days().size() + " days (" + c.start() + " to "
                                        + c.end() + "): /schedule " + token + " 1-"
                                        + c.days().size(),
                        List.of());
            }
        }
        return usage(lang, registry);
    }

    /** The words after the conference as a day and a page; empty when they are neither. */
    private static Optional<DaySpec> daySpec(List<String> tokens) {
        OptionalInt number = OptionalInt.empty();
        Optional<Matcher> date = Optional.empty();
        Optional<DayOfWeek> weekday = Optional.empty();
        int page = 1;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean dayGiven = number.isPresent() || date.isPresent() || weekday.isPresent();
            Matcher d = DAY.matcher(token);
            Matcher dt = DATE.matcher(token);
            if ((token.equals("page") || token.equals("p")) && i + 1 < tokens.size()) {
                Matcher p = PAGE.matcher(tokens.get(++i));
                if (!p.matches()) {
                    return Optional.empty();
                }
                page = Integer.parseInt(p.group(1));
            } else if (token.matches("^(?:page|p)[1-9][0-9]?$|^第[1-9][0-9]?页$")) {
                Matcher p = PAGE.matcher(token);
                if (!p.matches()) {
                    return Optional.empty();
                }
                page = Integer.parseInt(p.group(1));
            } else if (!dayGiven && d.matches()) {
                number = OptionalInt.of(Integer.parseInt(d.group(1)));
            } else if (!dayGiven && dt.matches()) {
                date = Optional.of(dt);
            } else if (!dayGiven && WEEKDAYS.containsKey(token)) {
                weekday = Optional.of(WEEKDAYS.get(token));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new DaySpec(number, date, weekday, page));
    }

    private static Optional<Conference.Day> dayOf(Conference c, DaySpec spec) {
        if (spec.number().isPresent()) {
            return c.day(spec.number().getAsInt());
        }
        if (spec.weekday().isPresent()) {
            return c.days().stream()
                    .filter(d -> d.date().getDayOfWeek() == spec.weekday().get())
                    .findFirst();
        }
        Matcher m = spec.date().orElseThrow();
        return c.days().stream()
                .filter(d -> m.group(1) == null
                        || Integer.parseInt(m.group(1)) == d.date().getYear())
                .filter(d -> Integer.parseInt(m.group(2)) == d.date().getMonthValue()
                        && Integer.parseInt(m.group(3)) == d.date().getDayOfMonth())
                .findFirst();
    }

    private static String overview(Conference c, Language lang) {
        StringBuilder out = new StringBuilder(c.name().in(lang));
        String sep = lang == Language.ZH ? "，" : ", ";
        for (String place : List.of(c.venue().in(lang), c.city().in(lang))) {
            if (!place.isBlank()) {
                out.append(sep).append(place);
            }
        }
        if (c.venue().in(lang).isBlank() && c.city().in(lang).isBlank()) {
            out.append(sep).append(c.start()).append(" – ").append(c.end());
        }
        for (Conference.Day d : c.days()) {
            out.append('\n').append(dayTitle(d, lang));
            if (!d.label().in(lang).isBlank()) {
                out.append(lang == Language.ZH ? "：" : ": ").append(d.label().in(lang));
            }
        }
        return out.toString();
    }

    private static String dayTitle(Conference.Day d, Language lang) {
        return lang == Language.ZH
                ? "第 " + d.number() + " 天（" + d.date().getMonthValue() + " 月 "
                        + d.date().getDayOfMonth() + " 日）"
                : "Day " + d.number() + " (" + d.date() + ")";
    }

    private Reply dayListing(Conference c, Conference.Day d, int page, Language lang, Library library) {
        StringBuilder out = new StringBuilder();
        out.append(c.shortName().in(lang)).append(" — ").append(dayTitle(d, lang));
        if (!d.label().in(lang).isBlank()) {
            out.append(lang == Language.ZH ? "：" : ": ").append(d.label().in(lang));
        }
        Set<Source> sources = new LinkedHashSet<>(sources(c));
        List<Passage> notes = new ArrayList<>();
        for (Passage p : library.index().passages()) {
            boolean sameDay = p.day().isPresent()
                    && p.day().getAsInt() == d.number()
                    && p.conference().filter(c.id()::equals).isPresent();
            if (sameDay && p.language() == lang && notes.size() < MAX_NOTES && page == 1) {
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
        List<Talk> talks = library.catalog().on(c.id(), d.date());
        if (!talks.isEmpty()) {
            int pages = (talks.size() + MAX_TALKS - 1) / MAX_TALKS;
            int shown = Math.min(page, pages);
            int from = (shown - 1) * MAX_TALKS;
            List<Talk> slice = talks.subList(from, Math.min(from + MAX_TALKS, talks.size()));
            // Catalog times are the conference's wall clock; naming the zone once tells a remote
            // reader how to read them without repeating it on every line.
            String zone = c.timezone().getId();
            String pageNote = pages == 1
                    ? ""
                    : lang == Language.ZH ? "，第 " + shown + "/" + pages + " 页" : ", page " + shown + " of " + pages;
            out.append("\n\n")
                    .append(
                            lang == Language.ZH
                                    ? "演讲（" + talks.size() + " 场，时间为 " + zone + pageNote + "）："
                                    : "Talks (" + talks.size() + ", times in " + zone + pageNote + "):");
            for (Talk t : slice) {
                out.append("\n• ");
                t.start().ifPresent(s -> out.append(s)
                        .append(t.end().map(e -> "–" + e).orElse(""))
                        .append(' '));
                out.append(t.line());
            }
            if (shown < pages) {
                String next = "/schedule " + Messages.token(c, library.registry()) + " " + d.number() + " page "
                        + (shown + 1);
                out.append("\n")
                        .append(
                                lang == Language.ZH
                                        ? "……还有 " + (talks.size() - from - slice.size()) + " 场：" + next
                                                + "；用 /slides <主题> 查找某场的幻灯片。"
                                        : "… and " + (talks.size() - from - slice.size()) + " more: " + next
                                                + "; /slides <topic> finds a talk's deck.");
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

    private static Reply usage(Language lang, ConferenceRegistry registry) {
        return new Reply(Reply.Kind.USAGE, Messages.usage(Command.Kind.SCHEDULE, lang, registry), List.of());
    }

    /** English names and abbreviations, and Chinese 周一 / 星期一 / 礼拜一 (周日, 星期天 for Sunday). */
    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> out = new java.util.HashMap<>();
        String[] zh = {"一", "二", "三", "四", "五", "六", "日"};
        for (DayOfWeek d : DayOfWeek.values()) {
            String en = d.name().toLowerCase(Locale.ROOT);
            out.put(en, d);
            out.put(en.substring(0, 3), d);
            String n = zh[d.getValue() - 1];
            for (String prefix : List.of("周", "星期", "礼拜")) {
                out.put(prefix + n, d);
            }
        }
        out.put("星期天", DayOfWeek.SUNDAY);
        out.put("周天", DayOfWeek.SUNDAY);
        return Map.copyOf(out);
    }
}
