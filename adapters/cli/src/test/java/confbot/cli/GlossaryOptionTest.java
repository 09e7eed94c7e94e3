package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deployment's own glossary comes from a file; the shipped one can be left out. */
final class GlossaryOptionTest {

    @TempDir
    Path dir;

    private Path notes() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(
                folder.resolve("meetup.md"), "# 聚会\n\n这次聚会上，湖畔数据公司发布了他们的新数据库 Quokka。\n", StandardCharsets.UTF_8);
        // Other notes, so that a word one note has is rare, as in any real folder.
        String[] others = {
            "The keynote hall was full on the first morning.",
            "Lunch was served on the second floor.",
            "The workshop on tracing ran late.",
            "午餐在二楼供应。",
            "第二天的主题演讲讲了可观测性。"
        };
        for (int i = 0; i < others.length; i++) {
            Files.writeString(
                    folder.resolve("other-" + i + ".md"),
                    "# Note " + i + "\n\n" + others[i] + "\n",
                    StandardCharsets.UTF_8);
        }
        return folder;
    }

    @Test
    void aGlossaryFileLetsAnEnglishNameReachAChineseNote() throws IOException {
        Path glossary = dir.resolve("names.tsv");
        Files.writeString(glossary, "# the meetup's names\norg\tLakeside Data\t湖畔数据\n", StandardCharsets.UTF_8);
        String question = "What did Lakeside Data release?";

        CliTest.Run without = CliTest.run("", "ask", "--no-builtin", "--notes", notes().toString(), question);
        CliTest.Run with = CliTest.run(
                "", "ask", "--no-builtin", "--notes", notes().toString(), "--glossary", glossary.toString(), question);

        assertThat(with.exit()).isZero();
        assertThat(with.out()).contains("Quokka");
        assertThat(without.out()).doesNotContain("Quokka");
    }

    @Test
    void aBrokenGlossaryIsAClearErrorNamingItsLine() throws IOException {
        Path glossary = dir.resolve("broken.tsv");
        Files.writeString(glossary, "org\tAcme\t艾克米\njust one cell\n", StandardCharsets.UTF_8);

        CliTest.Run r = CliTest.run(
                "", "ask", "--no-builtin", "--notes", notes().toString(), "--glossary", glossary.toString(), "hi");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("broken.tsv:2").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingGlossaryFileIsNamed() throws IOException {
        CliTest.Run r = CliTest.run(
                "", "ask", "--no-builtin", "--notes", notes().toString(), "--glossary", "nowhere.tsv", "hi");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--glossary").contains("nowhere.tsv");
    }

    @Test
    void withoutTheShippedGlossaryTheEngineStillAnswersFromTheNotes() throws IOException {
        CliTest.Run r =
                CliTest.run("", "ask", "--no-builtin", "--no-glossary", "--notes", notes().toString(), "湖畔数据发布了什么数据库？");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Quokka");
    }
}
