package confbot.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown as people write it becomes headings and blocks of plain text, with the noise gone. */
final class MarkdownCleanerTest {

    private final MarkdownCleaner cleaner = new MarkdownCleaner();

    private List<MarkdownCleaner.Block> clean(String markdown) {
        return cleaner.clean(markdown);
    }

    private String allText(String markdown) {
        return String.join(
                "\n", clean(markdown).stream().map(MarkdownCleaner.Block::text).toList());
    }

    @Test
    void headingsBecomeHeadingBlocksWithTheirLevel() {
        List<MarkdownCleaner.Block> blocks = clean("# Title\n\n## Day **one**\n\nSome text.\n");

        assertThat(blocks)
                .containsExactly(
                        new MarkdownCleaner.Block(1, "Title"),
                        new MarkdownCleaner.Block(2, "Day one"),
                        new MarkdownCleaner.Block(0, "Some text."));
        assertThat(blocks.get(0).isHeading()).isTrue();
        assertThat(blocks.get(2).isHeading()).isFalse();
    }

    @Test
    void listItemsBecomeLinesOfOneBlock() {
        List<MarkdownCleaner.Block> blocks = clean("Speakers:\n\n- Alice, *Acme*\n- Bob\n- Carol\n");

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(1).level()).isZero();
        assertThat(blocks.get(1).text().split("\n")).containsExactly("Alice, Acme", "Bob", "Carol");
    }

    @Test
    void orderedAndNestedListsKeepEveryItem() {
        String text = allText("1. first\n2. second\n   - nested\n3. third\n");

        assertThat(text.split("\n")).contains("first", Text.INDENT + "nested", "third");
        assertThat(text).contains("second");
    }

    @Test
    void htmlTagsAreStrippedButTheirTextKept() {
        assertThat(allText("<center>caption of the photo</center>\n")).isEqualTo("caption of the photo");
        assertThat(allText("Hello <b>bold</b> world\n")).isEqualTo("Hello bold world");
        assertThat(allText("<div>Tom &amp; Jerry &lt;3</div>\n")).isEqualTo("Tom & Jerry <3");
    }

    @Test
    void imageLinksAreDropped() {
        assertThat(clean("![IMG_2470](https://example.org/large/photo.jpg)\n")).isEmpty();
        assertThat(allText("See ![photo](https://example.org/a.jpg) here.\n"))
                .isEqualTo("See here.")
                .doesNotContain("photo", "example.org");
    }

    @Test
    void galleryAndIframeMarkupIsDropped() {
        String markdown =
                """
                Before.

                <div class="gallery">
                    <a href="https://example.org/big.jpg" title="A crowd in Shanghai">
                    <img src="https://example.org/big.jpg" alt="A crowd in Shanghai">
                    </a>
                </div>

                <div style="position: relative">
                  <iframe src="//player.example.org/player.html?aid=1" title="Drone video" allowfullscreen></iframe>
                </div>

                After.
                """;

        assertThat(allText(markdown)).isEqualTo("Before.\nAfter.");
    }

    @Test
    void linksKeepTheirTextNotTheirAddress() {
        assertThat(allText("The [official site](https://example.org/site) has slides.\n"))
                .isEqualTo("The official site has slides.");
    }

    @Test
    void privateUseGarbageIsDropped() {
        String garbled = new StringBuilder()
                .appendCodePoint(0x100413)
                .appendCodePoint(0x10041A)
                .appendCodePoint(0xE000)
                .toString();

        assertThat(clean(garbled + " " + garbled + "\n")).isEmpty();
        assertThat(allText("Keynote" + garbled + " notes\n")).isEqualTo("Keynote notes");
    }

    @Test
    void linesOfOnlyPunctuationAreNotBlocks() {
        assertThat(clean("...\n\n---\n\n***\n\n。。。\n")).isEmpty();
    }

    @Test
    void fullWidthCharactersAreNormalised() {
        assertThat(allText("ＫｕｂｅＣｏｎ　２０１９\n")).isEqualTo("KubeCon 2019");
    }

    @Test
    void codeBlocksKeepTheirText() {
        assertThat(allText("```\nkubectl get pods\n```\n")).isEqualTo("kubectl get pods");
    }
}
