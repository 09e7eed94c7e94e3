package confbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Front matter is split from the body; broken front matter fails strictly and is dropped leniently. */
final class FrontMatterTest {

    private final FrontMatter frontMatter = new FrontMatter();

    @Test
    void splitsFieldsFromBody() {
        FrontMatter.Parsed p = frontMatter.parse("a.md", "---\ntitle: \"Hello\"\ntags: [x, y]\n---\n# Heading\ntext\n");

        assertThat(p.text("title")).contains("Hello");
        assertThat(p.fields().get("tags")).isEqualTo(List.of("x", "y"));
        assertThat(p.body()).isEqualTo("# Heading\ntext\n");
    }

    @Test
    void returnsTheWholeTextWhenThereIsNoFrontMatter() {
        String content = "# Heading\n\n---\nnot: front matter\n---\n";

        FrontMatter.Parsed p = frontMatter.parse("a.md", content);

        assertThat(p.fields()).isEmpty();
        assertThat(p.body()).isEqualTo(content);
    }

    @Test
    void acceptsByteOrderMarkLeadingBlankLinesAndWindowsLineEnds() {
        FrontMatter.Parsed p = frontMatter.parse("a.md", "\uFEFF\n---\r\ntitle: T\r\n---\r\nbody\r\n");

        assertThat(p.text("title")).contains("T");
        assertThat(p.body()).isEqualTo("body\r\n");
    }

    @Test
    void removesAnEmptyFrontMatterBlock() {
        FrontMatter.Parsed p = frontMatter.parse("a.md", "---\n---\nbody\n");

        assertThat(p.fields()).isEmpty();
        assertThat(p.body()).isEqualTo("body\n");
    }

    @Test
    void removesAFrontMatterBlockOfOnlyComments() {
        FrontMatter.Parsed p = frontMatter.parse("a.md", "---\n# nothing here\n---\nbody\n");

        assertThat(p.fields()).isEmpty();
        assertThat(p.body()).isEqualTo("body\n");
    }

    @Test
    void dropsNullFieldsAndTrimsText() {
        FrontMatter.Parsed p =
                frontMatter.parse("a.md", "---\ntitle: \"  spaced  \"\nempty:\nblank: \"  \"\n---\nbody");

        assertThat(p.text("title")).contains("spaced");
        assertThat(p.fields()).doesNotContainKey("empty");
        assertThat(p.text("empty")).isEmpty();
        assertThat(p.text("blank")).isEmpty();
        assertThat(p.text("missing")).isEmpty();
    }

    @Test
    void rejectsInvalidYamlNamingTheFile() {
        assertThatThrownBy(() -> frontMatter.parse("broken.md", "---\ntitle: [unclosed\n---\nbody\n"))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("broken.md")
                .hasMessageContaining("YAML");
    }

    @Test
    void rejectsFrontMatterThatIsNotAMapping() {
        assertThatThrownBy(() -> frontMatter.parse("list.md", "---\n- a\n- b\n---\nbody\n"))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("list.md");
    }

    @Test
    void lenientParsingDropsBrokenFrontMatterAndKeepsTheBody() {
        FrontMatter.Parsed p = frontMatter.parseLenient("broken.md", "---\ntitle: [unclosed\n---\n# Heading\nfacts\n");

        assertThat(p.fields()).isEmpty();
        assertThat(p.body()).isEqualTo("# Heading\nfacts\n");
    }

    @Test
    void lenientParsingKeepsValidFrontMatter() {
        FrontMatter.Parsed p = frontMatter.parseLenient("a.md", "---\ntitle: T\n---\nbody");

        assertThat(p.text("title")).contains("T");
        assertThat(p.body()).isEqualTo("body");
    }

    @Test
    void lenientParsingReadsHugosTomlBlock() {
        FrontMatter.Parsed p =
                frontMatter.parseLenient("a.md", "+++\ntitle = \"T\"\n[author]\nname = \"N\"\n+++\nbody");

        assertThat(p.text("title")).contains("T");
        assertThat(p.fields().get("author")).isEqualTo(java.util.Map.of("name", "N"));
        assertThat(p.body()).isEqualTo("body");
    }

    @Test
    void lenientParsingDropsABrokenTomlBlockAndKeepsTheBody() {
        FrontMatter.Parsed p = frontMatter.parseLenient("a.md", "+++\ntitle = [oops\n+++\nbody");

        assertThat(p.fields()).isEmpty();
        assertThat(p.body()).isEqualTo("body");
    }

    @Test
    void lenientParsingReadsAFencedBlockOpeningTheFile() {
        FrontMatter.Parsed p = frontMatter.parseLenient("a.md", "```toml\ntitle = \"T\"\n```\n\nbody");

        assertThat(p.text("title")).contains("T");
        assertThat(p.body()).isEqualTo("\nbody");
    }

    @Test
    void lenientParsingReadsAPelicanHeaderOnlyWhenItOpensWithATitle() {
        FrontMatter.Parsed p = frontMatter.parseLenient("a.md", "Title: T\nDate: 2014-11-18 19:19\n\nbody");
        FrontMatter.Parsed prose = frontMatter.parseLenient("b.md", "Note: this is prose.\n\nbody");

        assertThat(p.text("title")).contains("T");
        assertThat(p.text("date")).contains("2014-11-18 19:19");
        assertThat(p.body()).isEqualTo("\nbody");
        assertThat(prose.fields()).isEmpty();
        assertThat(prose.body()).isEqualTo("Note: this is prose.\n\nbody");
    }
}
