package confbot.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.Library;
import confbot.core.index.Analyzers;
import confbot.core.testing.Fixtures;
import confbot.knowledge.Lexicon;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Chinese question read with the dictionary tagger: phrasing is not content, names are one word. */
final class TaggedQuestionTest {

    private static Library library;
    private static QueryBuilder queries;

    @BeforeAll
    static void build() {
        library = Fixtures.library();
        queries = new QueryBuilder(
                new Analyzers(),
                new GlossaryMatcher(library.glossary()),
                Lexicon.none(),
                new HanlpTagger(),
                Fixtures.CONFERENCES);
    }

    private static List<Concept> concepts(String question) {
        return queries.plan(question, library.index()).concepts();
    }

    @Test
    void aChinesePersonNameIsOneRequiredConcept() {
        List<Concept> concepts = concepts("王小明在大会上讲了什么？");
        assertThat(concepts).extracting(Concept::label).contains("王小明").doesNotContain("王", "小", "明");
        assertThat(concepts)
                .filteredOn(c -> c.label().equals("王小明"))
                .singleElement()
                .satisfies(c -> assertThat(c.required()).isTrue());
    }

    @Test
    void pronounsConjunctionsAndParticlesAreNotContent() {
        assertThat(concepts("会场是哪个酒店或者会展中心？"))
                .extracting(Concept::label)
                .doesNotContain("哪个", "或者", "是")
                .contains("会展中心");
    }

    @Test
    void aWordTheTaggerReadsAcrossPhrasingIsLeftToTheAnalyser() {
        // 多大 is phrasing (question-words.txt); a "name" that swallows it is a misreading.
        assertThat(concepts("认证供应商里中国占多大比例？"))
                .noneSatisfy(c -> assertThat(c.required()).as(c.label()).isTrue());
    }

    @Test
    void withoutATaggerTheAnalyserAloneReadsTheQuestion() {
        QueryBuilder plain =
                new QueryBuilder(new Analyzers(), new GlossaryMatcher(library.glossary()), Fixtures.CONFERENCES);
        assertThat(plain.plan("王小明在大会上讲了什么？", library.index()).concepts())
                .extracting(Concept::label)
                .doesNotContain("王小明");
    }
}
