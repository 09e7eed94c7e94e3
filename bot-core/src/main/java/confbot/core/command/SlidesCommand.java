package confbot.core.command;

import confbot.core.Library;
import confbot.core.catalog.Talk;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.conference.ConferenceRegistry;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * /slides [conference] [topic]: where each conference's slides are (official site, collections,
 * extraction code); with a topic, the matching talks' own decks from the loaded catalogs, found by
 * word, with each talk's day and time in its conference's zone. The conference, first or last, is
 * anything the registry resolves (a year, an id, a name, an alias).
 */
final class SlidesCommand {

    static final int MAX_TALKS = 8;

    Reply reply(String argument, Language lang, Library library) {
        ConferenceRegistry registry = library.registry();
        if (argument.strip().length() > 100) {
            return new Reply(Reply.Kind.USAGE, Messages.usage(Command.Kind.SLIDES, lang, registry), List.of());
        }
        List<String> words = List.of(argument.strip().split("\\s+"));
        List<Conference> named = List.of();
        String topic = argument.strip();
        // The longest leading, else trailing, words that name a conference.
        for (int k = words.size(); k >= 1 && named.isEmpty() && !topic.isEmpty(); k--) {
            List<Conference> head = registry.resolve(String.join(" ", words.subList(0, k)));
            List<Conference> tail = registry.resolve(String.join(" ", words.subList(words.size() - k, words.size())));
            if (!head.isEmpty()) {
                named = head;
                topic = String.join(" ", words.subList(k, words.size()));
            } else if (!tail.isEmpty()) {
                named = tail;
                topic = String.join(" ", words.subList(0, words.size() - k));
            }
        }
        topic = topic.strip();
        List<Conference> conferences = named.isEmpty() ? registry.all() : named;
        if (topic.isEmpty()) {
            return collections(conferences, lang, "");
        }
        if (topic.length() > 100) {
            return new Reply(Reply.Kind.USAGE, Messages.usage(Command.Kind.SLIDES, lang, registry), List.of());
        }
        Set<String> ids = named.stream().map(Conference::id).collect(Collectors.toSet());
        List<Talk> talks = library.catalog().find(topic, ids);
        if (talks.isEmpty()) {
            String miss = library.catalog().isEmpty()
                    ? (lang == Language.ZH
                            ? "没有加载演讲目录，无法按主题查找；各届幻灯片在这里："
                            : "No talk catalog is loaded, so I can't look up one talk; the collections are here:")
                    : (lang == Language.ZH
                            ? "目录里没有与“" + topic + "”匹配的演讲；各届幻灯片在这里："
                            : "No talk matches \"" + topic + "\" in the catalogs; the collections are here:");
            return collections(conferences, lang, miss + "\n\n");
        }
        StringBuilder out =
                new StringBuilder(lang == Language.ZH ? "与“" + topic + "”相关的演讲：" : "Talks on \"" + topic + "\":");
        List<Source> sources = new ArrayList<>();
        for (Talk t : talks.subList(0, Math.min(MAX_TALKS, talks.size()))) {
            out.append("\n• ")
                    .append(t.line())
                    .append(" [")
                    .append(where(t, registry, lang))
                    .append(']');
            if (t.slides().isEmpty()) {
                out.append(lang == Language.ZH ? " — 没有找到幻灯片" : " — no slides found");
            } else {
                URI deck = t.slides().get(0);
                out.append("\n  ").append(deck);
                sources.add(new Source(t.title(), deck));
            }
        }
        if (talks.size() > MAX_TALKS) {
            out.append("\n")
                    .append(
                            lang == Language.ZH
                                    ? "……共 " + talks.size() + " 场，请把主题写得更具体些。"
                                    : "… " + talks.size() + " in all; narrow the topic to see the rest.");
        }
        return new Reply(Reply.Kind.LISTING, out.toString(), sources);
    }

    /** "KubeCon China 2019, 2019-06-25 10:30 Asia/Shanghai": its conference, day and time, zone named. */
    private static String where(Talk t, ConferenceRegistry registry, Language lang) {
        Optional<Conference> c = registry.byId(t.conference());
        StringBuilder out = new StringBuilder(c.map(x -> x.shortName().in(lang)).orElse(t.conference()));
        t.date().ifPresent(d -> out.append(", ").append(d));
        t.start().ifPresent(s -> out.append(' ')
                .append(s)
                .append(' ')
                .append(c.map(x -> x.timezone().getId()).orElse("")));
        return out.toString().strip();
    }

    private static Reply collections(List<Conference> conferences, Language lang, String lead) {
        if (conferences.isEmpty()) {
            return new Reply(
                    Reply.Kind.NOT_COVERED,
                    lead + (lang == Language.ZH ? "没有加载会议资料。" : "No conference facts are loaded."),
                    List.of());
        }
        StringBuilder out = new StringBuilder(lead);
        List<Source> sources = new ArrayList<>();
        for (Conference c : conferences) {
            out.append(c.shortName().in(lang)).append(lang == Language.ZH ? "：" : ":");
            for (Conference.Link.Kind kind : List.of(Conference.Link.Kind.SLIDES, Conference.Link.Kind.SCHEDULE)) {
                for (Conference.Link l : c.links(kind)) {
                    out.append("\n• ").append(l.title().in(lang)).append(": ").append(l.url());
                    l.note().ifPresent(n -> out.append(" (").append(n.in(lang)).append(')'));
                    sources.add(new Source(l.title().in(lang), l.url()));
                }
            }
            out.append("\n\n");
        }
        return new Reply(Reply.Kind.LISTING, out.toString().strip(), sources);
    }
}
