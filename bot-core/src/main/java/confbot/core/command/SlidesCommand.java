package confbot.core.command;

import confbot.core.Library;
import confbot.core.catalog.Talk;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /slides [topic]: where each conference's slides are (official site, collections, extraction
 * code); with a topic, the matching talks' own decks from the loaded catalogs.
 */
final class SlidesCommand {

    static final int MAX_TALKS = 8;
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(?:20)?(18|19)(?![0-9])");

    Reply reply(String argument, Language lang, Library library) {
        String topic = argument.strip();
        Optional<Integer> year = Optional.empty();
        Matcher y = YEAR.matcher(topic);
        if (y.find()) {
            year = Optional.of(2000 + Integer.parseInt(y.group(1)));
            topic = (topic.substring(0, y.start()) + topic.substring(y.end())).strip();
        }
        List<Conference> conferences =
                year.flatMap(library::conference).map(List::of).orElse(library.conferences());
        if (topic.isEmpty()) {
            return collections(conferences, lang, "");
        }
        if (topic.length() > 100) {
            return new Reply(Reply.Kind.USAGE, Messages.usage(Command.Kind.SLIDES, lang), List.of());
        }
        Optional<String> conferenceId = year.flatMap(library::conference).map(Conference::id);
        List<Talk> talks = library.catalog().find(topic, conferenceId);
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
                    .append(t.conference().replaceAll("\\D", ""))
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
