package confbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curated knowledge is loaded strictly, and every error names the file and the field. */
final class KnowledgeLoaderTest {

    private static final Set<String> CONFERENCES = Set.of("kubecon-china-2019", "both");
    private static final String FILE = "2019-sample-en.md";

    private final KnowledgeLoader loader = new KnowledgeLoader();

    /** A valid note whose front matter line {@code key: ...} is replaced (or removed when null). */
    private static String note(String key, String replacement) {
        String front =
                """
                id: 2019-sample-en
                title: A sample note
                conference: kubecon-china-2019
                date: 2019-06-25
                day: 2
                language: en
                tags: [sample]
                sources:
                  - title: A write-up
                    author: Someone
                    url: https://example.org/write-up
                """;
        StringBuilder out = new StringBuilder("---\n");
        for (String line : front.split("\n")) {
            boolean target = line.startsWith(key + ":") || (key.equals("sources") && line.startsWith("  "));
            if (!target) {
                out.append(line).append('\n');
            } else if (replacement != null && line.startsWith(key + ":")) {
                out.append(key).append(": ").append(replacement).append('\n');
            }
        }
        return out.append("---\n## A heading\nSome facts.\n").toString();
    }

    private static String valid() {
        return note("none", null);
    }

    @Test
    void parsesAValidNote() {
        Note n = loader.parseNote(FILE, valid(), CONFERENCES);

        assertThat(n.id()).isEqualTo("2019-sample-en");
        assertThat(n.conference()).contains("kubecon-china-2019");
        assertThat(n.date()).contains(LocalDate.of(2019, 6, 25));
        assertThat(n.day()).hasValue(2);
        assertThat(n.language()).isEqualTo(Language.EN);
        assertThat(n.tags()).containsExactly("sample");
        assertThat(n.sources()).singleElement().satisfies(s -> assertThat(s.url())
                .hasHost("example.org"));
        assertThat(n.body()).contains("Some facts.").doesNotContain("conference:");
    }

    @Test
    void rejectsBadFieldsNamingFileAndField() {
        record Case(String what, String content, String field) {}
        List<Case> cases = List.of(
                new Case("missing id", note("id", null), "id"),
                new Case("id not the file name", note("id", "2019-other-en"), "id"),
                new Case("id with capitals", note("id", "2019-Sample-en"), "id"),
                new Case("missing title", note("title", null), "title"),
                new Case("unknown conference", note("conference", "kubecon-europe-2019"), "conference"),
                new Case("missing conference", note("conference", null), "conference"),
                new Case("bad date", note("date", "2019-02-30"), "date"),
                new Case("not a date", note("date", "last tuesday"), "date"),
                new Case("bad day", note("day", "0"), "day"),
                new Case("bad language", note("language", "fr"), "language"),
                new Case("missing language", note("language", null), "language"),
                new Case("no tags", note("tags", "[]"), "tags"),
                new Case("missing sources", note("sources", null), "sources"),
                new Case("sources not a list of mappings", note("sources", "[just-a-string]"), "sources"),
                new Case(
                        "non-http url",
                        note("sources", "[{title: t, author: a, url: \"ftp://example.org/x\"}]"),
                        "url"),
                new Case("url without host", note("sources", "[{title: t, author: a, url: \"https:///x\"}]"), "url"),
                new Case(
                        "source without author",
                        note("sources", "[{title: t, url: \"https://example.org/\"}]"),
                        "author"));
        for (Case c : cases) {
            assertThatThrownBy(() -> loader.parseNote(FILE, c.content(), CONFERENCES))
                    .as(c.what())
                    .isInstanceOf(KnowledgeException.class)
                    .hasMessageContaining(FILE)
                    .hasMessageContaining(c.field());
        }
    }

    @Test
    void rejectsANoteWithoutBody() {
        String content = valid().replace("## A heading\nSome facts.\n", "\n  \n");

        assertThatThrownBy(() -> loader.parseNote(FILE, content, CONFERENCES))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("body");
    }

    @Test
    void rejectsMalformedYamlNamingTheFile() {
        String content = "---\nid: [unclosed\ntitle: x\n---\nbody\n";

        assertThatThrownBy(() -> loader.parseNote(FILE, content, CONFERENCES))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("YAML");
    }

    @Test
    void rejectsANoteWithoutFrontMatterAsMissingId() {
        assertThatThrownBy(() -> loader.parseNote(FILE, "# Just a heading\nand text\n", CONFERENCES))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("id");
    }

    @Test
    void parsesGlossaryGroupsSkippingCommentsAndBlankLines() {
        Glossary g =
                loader.parseGlossary("glossary.tsv", "# kind\tforms\n\norg\tAlauda\t灵雀云\nterm\tslides\tPPT\t幻灯片\n");

        assertThat(g.groups()).hasSize(2);
        assertThat(g.groups().get(1).kind()).isEqualTo("term");
        assertThat(g.groups().get(1).forms()).containsExactly("slides", "PPT", "幻灯片");
    }

    @Test
    void rejectsAGlossaryLineWithOneFormNamingFileAndLine() {
        assertThatThrownBy(() -> loader.parseGlossary("glossary.tsv", "# comment\norg\tAlauda\t灵雀云\norg\tHuawei\n"))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("glossary.tsv:3");
    }

    @Test
    void loadsAKnowledgeFolder(@TempDir Path root) throws IOException {
        write(root.resolve("conferences.yaml"), conferences(2019, "2019-06-24", "2019-06-26", "2019-06-25"));
        write(root.resolve("glossary.tsv"), "org\tAlauda\t灵雀云\n");
        write(root.resolve("notes/" + FILE), valid());

        KnowledgeBase kb = loader.load(root);

        assertThat(kb.conferences()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("kubecon-china-2019");
            assertThat(c.day(2)).hasValueSatisfying(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2019, 6, 25)));
        });
        assertThat(kb.notes()).extracting(Note::id).containsExactly("2019-sample-en");
        assertThat(kb.glossary().groups()).hasSize(1);
    }

    @Test
    void loadsWithoutGlossaryOrNotes(@TempDir Path root) throws IOException {
        write(root.resolve("conferences.yaml"), conferences(2019, "2019-06-24", "2019-06-26", "2019-06-25"));

        KnowledgeBase kb = loader.load(root);

        assertThat(kb.notes()).isEmpty();
        assertThat(kb.glossary().groups()).isEmpty();
    }

    @Test
    void rejectsANoteAboutAConferenceTheFolderDoesNotHave(@TempDir Path root) throws IOException {
        write(root.resolve("conferences.yaml"), conferences(2018, "2018-11-13", "2018-11-15", "2018-11-14"));
        write(root.resolve("notes/" + FILE), valid());

        assertThatThrownBy(() -> loader.load(root))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("conference");
    }

    @Test
    void rejectsDuplicateConferenceIds(@TempDir Path root) throws IOException {
        String one = conferences(2019, "2019-06-24", "2019-06-26", "2019-06-25");
        String twice = one + one.substring(one.indexOf("  - id:"));
        write(root.resolve("conferences.yaml"), twice);

        assertThatThrownBy(() -> loader.load(root))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("conferences.yaml")
                .hasMessageContaining("duplicate")
                .hasMessageContaining("kubecon-china-2019");
    }

    @Test
    void rejectsBadConferenceFieldsNamingFileAndField(@TempDir Path root) throws IOException {
        record Case(String what, String yaml, String field) {}
        String good = conferences(2019, "2019-06-24", "2019-06-26", "2019-06-25");
        List<Case> cases = List.of(
                new Case(
                        "day outside the conference",
                        conferences(2019, "2019-06-24", "2019-06-26", "2019-07-01"),
                        "days"),
                new Case("bad start", conferences(2019, "2019-06-32", "2019-06-26", "2019-06-25"), "start"),
                new Case("bad timezone", good.replace("Asia/Shanghai", "Mars/Olympus"), "timezone"),
                new Case("name without Chinese", good.replace(", zh: \"2019 大会\"", ""), "name"),
                new Case(
                        "link that is not http",
                        good.replace("https://example.org/2019", "mailto:x@example.org"),
                        "url"),
                new Case("unknown link kind", good.replace("kind: official", "kind: podcast"), "kind"),
                new Case("malformed YAML", "conferences: [ {id: x\n", "YAML"),
                new Case("no conferences list", "events: []\n", "conferences"));
        for (Case c : cases) {
            write(root.resolve("conferences.yaml"), c.yaml());
            assertThatThrownBy(() -> loader.load(root))
                    .as(c.what())
                    .isInstanceOf(KnowledgeException.class)
                    .hasMessageContaining("conferences.yaml")
                    .hasMessageContaining(c.field());
        }
    }

    @Test
    void rejectsEndBeforeStartNamingFileAndField(@TempDir Path root) throws IOException {
        String yaml = conferences(2019, "2019-06-26", "2019-06-24", "2019-06-25")
                .replaceAll("(?s)    days:\n.*?(?=    links:)", "");
        write(root.resolve("conferences.yaml"), yaml);

        assertThatThrownBy(() -> loader.load(root))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("conferences.yaml")
                .hasMessageContaining("end");
    }

    private static String conferences(int year, String start, String end, String day2) {
        return """
                conferences:
                  - id: kubecon-china-%1$d
                    year: %1$d
                    name: {en: "KubeCon %1$d", zh: "%1$d 大会"}
                    short: {en: "KC %1$d", zh: "%1$d KC"}
                    city: {en: Shanghai, zh: 上海}
                    venue: {en: Expo Center, zh: 世博中心}
                    timezone: Asia/Shanghai
                    start: %2$s
                    end: %3$s
                    days:
                      - {day: 2, date: %4$s, label: {en: Keynotes, zh: 主题演讲}}
                    links:
                      - {kind: official, title: {en: Site, zh: 官网}, url: "https://example.org/%1$d"}
                """
                .formatted(year, start, end, day2);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
