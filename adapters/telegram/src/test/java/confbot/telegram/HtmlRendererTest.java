package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Escaping, links and splitting; every part is checked with the same parser as the fake Bot API. */
final class HtmlRendererTest {

    private final HtmlRenderer renderer = new HtmlRenderer();

    @Test
    void escapesEveryMarkupCharacterInText() {
        List<String> parts = renderer.render(reply("a < b && c > d <b>x</b>"), Locale.ENGLISH);

        assertThat(parts).containsExactly("a &lt; b &amp;&amp; c &gt; d &lt;b&gt;x&lt;/b&gt;");
        assertValid(parts);
    }

    @Test
    void escapesAroundCharactersOutsideTheBasicPlaneAndLeavesPlainTextAsItIs() {
        assertThat(HtmlRenderer.escape("🙂<蚂蚁金服>&🙂")).isEqualTo("🙂&lt;蚂蚁金服&gt;&amp;🙂");
        assertThat(HtmlRenderer.escape("no markup at all, 没有")).isEqualTo("no markup at all, 没有");
        assertThat(HtmlRenderer.escape("&")).isEqualTo("&amp;");
        assertThat(HtmlRenderer.escape("")).isEmpty();
    }

    @Test
    void rendersSourcesAsLinksWithEscapedHrefAndTitle() {
        Reply reply = new Reply(
                Reply.Kind.ANSWER,
                "Answer.",
                List.of(
                        new Source("Q&A \"<notes>\"", URI.create("https://example.org/a?x=1&y=%22")),
                        new Source("Second", URI.create("https://example.org/b"))));

        List<String> parts = renderer.render(reply, Locale.ENGLISH);

        assertThat(parts)
                .containsExactly("Answer.\n\n<b>Sources</b>\n"
                        + "• <a href=\"https://example.org/a?x=1&amp;y=%22\">Q&amp;A \"&lt;notes&gt;\"</a>\n"
                        + "• <a href=\"https://example.org/b\">Second</a>");
        assertValid(parts);
    }

    @Test
    void headsSourcesInChineseForChineseUsers() {
        Reply reply =
                new Reply(Reply.Kind.ANSWER, "答案。", List.of(new Source("笔记", URI.create("https://example.org/"))));

        assertThat(renderer.render(reply, Locale.forLanguageTag("zh-Hans")).get(0))
                .contains("<b>来源</b>");
    }

    @Test
    void namesSourceWithoutLinkWhenTelegramCouldNotOpenIt() {
        Reply reply = new Reply(
                Reply.Kind.ANSWER, "Answer.", List.of(new Source("Local notes", URI.create("file:///notes/a.md"))));

        assertThat(renderer.render(reply, Locale.ENGLISH).get(0))
                .endsWith("• Local notes")
                .doesNotContain("<a ");
    }

    @Test
    void splitsAtParagraphBoundariesWithEveryPartWithinTheLimit() {
        String paragraph = "R&D <x> ".repeat(100).strip(); // 799 characters, 1899 escaped
        String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph, paragraph));

        List<String> parts = renderer.render(reply(text), Locale.ENGLISH);

        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(parts).allSatisfy(p -> assertThat(visible(p).split("\n\n")).containsOnly(paragraph));
        assertValid(parts);
    }

    @Test
    void splitsParagraphLongerThanTheLimitAtWhitespace() {
        String text = "word&more ".repeat(1000).strip();

        List<String> parts = renderer.render(reply(text), Locale.ENGLISH);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(4096);
            assertThat(visible(p)).startsWith("word&more").endsWith("word&more");
        });
        assertThat(String.join(
                        " ", parts.stream().map(HtmlRendererTest::visible).toList()))
                .isEqualTo(text);
        assertValid(parts);
    }

    @Test
    void cutsUnbrokenTextWithoutSplittingSurrogatePairs() {
        String text = "😀".repeat(5000);

        List<String> parts = renderer.render(reply(text), Locale.ENGLISH);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
    }

    @Test
    void dropsControlCharactersAndRepairsLoneSurrogates() {
        List<String> parts = renderer.render(reply("a\u0000b\u0007c\r\nd\uD800e\u202Ef"), Locale.ENGLISH);

        assertThat(parts).containsExactly("abc\nd\uFFFDe\u202Ef");
    }

    @Test
    void rendersNothingForAnEmptyReply() {
        assertThat(renderer.render(reply(" \n\n "), Locale.ENGLISH)).isEmpty();
    }

    private static Reply reply(String text) {
        return new Reply(Reply.Kind.ANSWER, text, List.of());
    }

    private static String visible(String html) {
        return TelegramHtml.parse(html).visibleText();
    }

    private static void assertValid(List<String> parts) {
        assertThat(parts)
                .allSatisfy(p -> assertThat(TelegramHtml.parse(p).error()).isEmpty());
    }
}
