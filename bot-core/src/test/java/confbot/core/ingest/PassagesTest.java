package confbot.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.Source;
import confbot.knowledge.Language;
import confbot.knowledge.Note;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A note is cut at its headings into passages about the size of an answer. */
final class PassagesTest {

    private static final List<Source> SOURCES = List.of(new Source("A write-up", URI.create("https://example.org/w")));

    private final Passages passages = new Passages(new MarkdownCleaner());

    private static Note note(String body) {
        return new Note(
                "n1",
                "Note title",
                Optional.of("kubecon-china-2019"),
                Optional.of(LocalDate.of(2019, 6, 25)),
                OptionalInt.of(2),
                Language.EN,
                List.of("t"),
                List.of(),
                body);
    }

    private List<Passage> cut(String body) {
        return passages.of(note(body), SOURCES, Passage.Origin.CURATED, Language.EN);
    }

    @Test
    void keepsTheHeadingPathAboveEachSection() {
        List<Passage> out = cut("# Day two\n\n## Keynotes\n\nLinus spoke.\n\n## Breakouts\n\nRooms were full.\n");

        assertThat(out).hasSize(2);
        assertThat(out.get(0).heading()).contains("Day two", "Keynotes").doesNotContain("Breakouts");
        assertThat(out.get(0).heading().indexOf("Day two"))
                .isLessThan(out.get(0).heading().indexOf("Keynotes"));
        assertThat(out.get(1).heading()).contains("Day two", "Breakouts").doesNotContain("Keynotes");
        assertThat(out.get(1).text()).isEqualTo("Rooms were full.");
    }

    @Test
    void aShallowerHeadingResetsTheDeeperOnes() {
        List<Passage> out = cut("# A\n\n## A1\n\nx1\n\n# B\n\ny1\n");

        assertThat(out.get(1).heading()).contains("B").doesNotContain("A1");
    }

    @Test
    void headingOnlySectionsAreNotPassages() {
        List<Passage> out = cut("# Title\n\n## Empty section\n\n## Section\n\nFacts here.\n");

        assertThat(out).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("Facts here.");
            assertThat(p.heading()).contains("Title", "Section");
        });
    }

    @Test
    void textBeforeAnyHeadingIsAPassageWithoutHeading() {
        assertThat(cut("Lead paragraph.\n\n# Later\n\nMore.\n")).first().satisfies(p -> {
            assertThat(p.heading()).isEmpty();
            assertThat(p.text()).isEqualTo("Lead paragraph.");
        });
    }

    @Test
    void cutsLongSectionsAtBlockBoundariesWithinTheLimit() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            paragraphs.add("Paragraph " + i + " " + "word ".repeat(15 + i % 7).strip() + ".");
        }
        List<Passage> out = cut("## Long\n\n" + String.join("\n\n", paragraphs) + "\n");

        assertThat(out).hasSizeGreaterThan(1);
        assertThat(out).allSatisfy(p -> {
            assertThat(p.text().length()).isLessThanOrEqualTo(Passages.MAX_CHARS);
            assertThat(p.heading()).isEqualTo("Long");
        });
        List<String> lines =
                out.stream().flatMap(p -> Arrays.stream(p.text().split("\n"))).toList();
        assertThat(lines).as("every paragraph whole and in order").containsExactlyElementsOf(paragraphs);
    }

    @Test
    void keepsABlockLongerThanTheLimitWhole() {
        String huge = "word ".repeat(Passages.MAX_CHARS / 3).strip() + ".";

        List<Passage> out = cut("Short one.\n\n" + huge + "\n");

        assertThat(out).extracting(Passage::text).containsExactly("Short one.", huge);
    }

    @Test
    void passagesCarryTheNotesContextAndConsecutiveOrdinals() {
        List<Passage> out = cut("# A\n\none\n\n# B\n\ntwo\n\n# C\n\nthree\n");

        for (int i = 0; i < out.size(); i++) {
            Passage p = out.get(i);
            assertThat(p.ordinal()).isEqualTo(i);
            assertThat(p.id()).isEqualTo("n1#" + i);
            assertThat(p.noteId()).isEqualTo("n1");
            assertThat(p.noteTitle()).isEqualTo("Note title");
            assertThat(p.conference()).contains("kubecon-china-2019");
            assertThat(p.date()).contains(LocalDate.of(2019, 6, 25));
            assertThat(p.day()).hasValue(2);
            assertThat(p.sources()).isEqualTo(SOURCES);
            assertThat(p.origin()).isEqualTo(Passage.Origin.CURATED);
        }
    }

    @Test
    void detectsTheLanguagePerPassageWhenNotGiven() {
        List<Passage> out = passages.of(
                note("# English\n\nPlain English text.\n\n# 中文\n\n这是一段中文。\n"), SOURCES, Passage.Origin.FOLDER, null);

        assertThat(out).extracting(Passage::language).containsExactly(Language.EN, Language.ZH);
    }

    @Test
    void searchableTextOfCuratedPassagesHoldsHeadingAndTextButNotTheNoteTitle() {
        Passage p = cut("# Keynotes\n\nLinus spoke.\n").get(0);

        assertThat(p.searchableText()).contains("Keynotes", "Linus spoke.").doesNotContain("Note title");
    }

    @Test
    void rawPassagesCarryTheNotesContextApartFromTheirText() {
        Passage p = passages.of(
                        note("# Keynotes\n\nLinus spoke.\n"), SOURCES, Passage.Origin.FOLDER, null, "Note title tags")
                .get(0);

        assertThat(p.searchableText()).contains("Keynotes", "Linus spoke.").doesNotContain("Note title");
        assertThat(p.context()).isEqualTo("Note title tags");
    }

    @Test
    void anEmptyBodyGivesNoPassages() {
        assertThat(cut("")).isEmpty();
        assertThat(cut("# Only a heading\n")).isEmpty();
    }

    @Test
    void aLongProgrammeIsCutBetweenItsTalksNeverBetweenATalkAndItsLines() {
        StringBuilder body = new StringBuilder("## Afternoon\n\n");
        for (int talk = 1; talk <= 8; talk++) {
            body.append("- Speaker ")
                    .append(talk)
                    .append(" ~ a talk about topic ")
                    .append(talk)
                    .append('\n');
            body.append("    - the slides and the recording of talk ")
                    .append(talk)
                    .append(" are online\n");
            body.append("    - a remark from the audience about topic ")
                    .append(talk)
                    .append('\n');
        }

        List<Passage> cut = cut(body.toString());

        assertThat(cut).hasSizeGreaterThan(1);
        for (Passage p : cut) {
            String[] lines = p.text().split("\n");
            assertThat(Text.depth(lines[0])).as("a passage starts at a talk").isZero();
            assertThat(lines[1]).startsWith(Text.INDENT).contains("slides");
        }
    }
}
