package confbot.discord;

import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Replies that push every Discord limit: long answers in English, in Chinese without spaces, in
 * emoji (surrogate pairs) and in markdown that escaping doubles; many sources with long titles and
 * long links; a question longer than an embed title.
 */
final class LongReplies {

    private LongReplies() {}

    /** By name, for the test's messages. */
    static Map<String, Reply> all() {
        List<Source> one = List.of(new Source("KubeCon China 2019 notes", URI.create("https://example.org/2019")));
        return Map.of(
                "long English paragraphs",
                new Reply(
                        Reply.Kind.ANSWER,
                        IntStream.range(0, 40)
                                .mapToObj(i -> "Paragraph " + i + ". " + "The keynotes covered Kubernetes. ".repeat(25))
                                .collect(Collectors.joining("\n\n")),
                        one),
                "Chinese without spaces",
                new Reply(Reply.Kind.ANSWER, "上海世博中心举办了云原生大会，议题涵盖服务网格与无服务器".repeat(700), one),
                "emoji only",
                new Reply(Reply.Kind.LISTING, "🎉🚀☸️👩🏽‍💻".repeat(2500), one),
                "markdown that escaping doubles",
                new Reply(Reply.Kind.ANSWER, "*_~`|>\\[]<#@everyone ".repeat(900), one),
                "many sources with long titles and links",
                new Reply(
                        Reply.Kind.ANSWER,
                        "Short answer. ".repeat(280),
                        IntStream.range(0, 25)
                                .mapToObj(i -> new Source(
                                        ("Source " + i + " 标题 **bold** 🎉 ").repeat(30),
                                        URI.create("https://example.org/" + i + "/"
                                                + "a".repeat(i % 2 == 0 ? 400 : 3000))))
                                .toList()),
                "sources with long links only",
                new Reply(
                        Reply.Kind.ANSWER,
                        "See the sources.",
                        IntStream.range(0, 10)
                                .mapToObj(i -> new Source(
                                        "S" + i + " " + "t".repeat(150),
                                        URI.create("https://example.org/" + "b".repeat(480) + i)))
                                .toList()),
                "empty answer",
                new Reply(Reply.Kind.NOT_COVERED, "   ", List.of()));
    }

    /** A question longer than an embed title (256), with emoji at the cut. */
    static String longQuestion() {
        return "What happened at KubeCon China 2019 ".repeat(7) + "🎉".repeat(200);
    }
}
