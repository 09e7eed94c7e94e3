package confbot.core.ingest;

import confbot.core.chat.Source;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import confbot.knowledge.NoteSource;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes the structured conference facts as passages in both languages, so that "when and where
 * was it?" and "where are the slides?" are answered by the same retrieval as everything else.
 */
public final class ConferenceFacts {

    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public List<Passage> of(Conference c) {
        List<Source> sources = sources(c);
        List<Passage> out = new ArrayList<>();
        for (Language lang : Language.values()) {
            // "-en" / "-zh", as curated notes end: the index pairs the two as translations.
            String note = "facts-" + c.id() + "-" + lang.code();
            String title = c.name().in(lang);
            List<String[]> sections = new ArrayList<>();
            sections.add(new String[] {heading(lang, "When and where", "时间和地点"), whenAndWhere(c, lang)});
            if (!c.days().isEmpty()) {
                sections.add(new String[] {heading(lang, "Programme by day", "每天的日程"), days(c, lang)});
            }
            for (Conference.Link.Kind kind : Conference.Link.Kind.values()) {
                List<Conference.Link> links = c.links(kind);
                if (!links.isEmpty()) {
                    sections.add(new String[] {linksHeading(kind, lang), links(c, links, lang)});
                }
            }
            for (int i = 0; i < sections.size(); i++) {
                out.add(new Passage(
                        note + "#" + i,
                        note,
                        i,
                        title,
                        sections.get(i)[0],
                        sections.get(i)[1],
                        Optional.of(c.id()),
                        Optional.empty(),
                        OptionalInt.empty(),
                        lang,
                        sources,
                        Passage.Origin.FACTS,
                        ""));
            }
        }
        return out;
    }

    private static String heading(Language lang, String en, String zh) {
        return lang == Language.ZH ? zh : en;
    }

    static String whenAndWhere(Conference c, Language lang) {
        if (lang == Language.ZH) {
            return String.format(
                    "%s（%s）于 %d 年 %d 月 %d 日至 %d 月 %d 日在%s举办。%n时间：%d 年 %d 月 %d–%d 日（首日开幕，末日闭幕）%n城市：%s%n地点：%s",
                    c.shortName().zh(),
                    c.name().zh(),
                    c.start().getYear(),
                    c.start().getMonthValue(),
                    c.start().getDayOfMonth(),
                    c.end().getMonthValue(),
                    c.end().getDayOfMonth(),
                    c.city().zh(),
                    c.start().getYear(),
                    c.start().getMonthValue(),
                    c.start().getDayOfMonth(),
                    c.end().getDayOfMonth(),
                    c.city().zh(),
                    c.venue().zh());
        }
        return String.format(
                "%s (%s) was held from %s to %s in %s.%nDates: %s – %s (it opened on the first day and closed on the last)%nCity: %s%nVenue: %s (%s)",
                c.name().en(),
                c.shortName().en(),
                c.start().format(EN_DAY),
                c.end().format(EN_DAY),
                c.city().en(),
                c.start().format(EN_DAY),
                c.end().format(EN_DAY),
                c.city().en(),
                c.venue().en(),
                c.venue().zh());
    }

    private static String days(Conference c, Language lang) {
        StringBuilder out = new StringBuilder();
        for (Conference.Day d : c.days()) {
            if (lang == Language.ZH) {
                out.append(String.format(
                        "第 %d 天（%d 月 %d 日）：%s%n",
                        d.number(),
                        d.date().getMonthValue(),
                        d.date().getDayOfMonth(),
                        d.label().zh()));
            } else {
                out.append(String.format(
                        "Day %d (%s): %s%n",
                        d.number(), d.date().format(EN_DAY), d.label().en()));
            }
        }
        return out.toString().strip();
    }

    private static String linksHeading(Conference.Link.Kind kind, Language lang) {
        return switch (kind) {
            case OFFICIAL -> heading(lang, "Official site", "官网");
            case SCHEDULE -> heading(lang, "Schedule", "日程");
            case SLIDES -> heading(lang, "Slides (PPT) downloads", "幻灯片（PPT）下载");
            case VIDEO -> heading(lang, "Videos", "视频");
        };
    }

    private static String links(Conference c, List<Conference.Link> links, Language lang) {
        StringBuilder out = new StringBuilder(c.shortName().in(lang)).append(lang == Language.ZH ? "：\n" : ":\n");
        for (Conference.Link l : links) {
            out.append(l.title().in(lang)).append(": ").append(l.url());
            l.note().ifPresent(n -> out.append(" (").append(n.in(lang)).append(')'));
            out.append('\n');
        }
        return out.toString().strip();
    }

    private static List<Source> sources(Conference c) {
        List<Source> out = new ArrayList<>();
        c.links(Conference.Link.Kind.OFFICIAL)
                .forEach(l -> out.add(new Source(l.title().en(), l.url())));
        for (NoteSource s : c.sources()) {
            out.add(new Source(s.title(), s.url()));
        }
        return out;
    }
}
