package confbot.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import confbot.core.Library;
import confbot.core.index.Analyzers;
import confbot.core.index.PassageIndex;
import confbot.core.ingest.Passage;
import confbot.core.testing.Fixtures;
import confbot.knowledge.Language;
import confbot.knowledge.Lexicon;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Questions become plans of analysed concepts; no user text is ever parsed as query syntax. */
final class QueryBuilderTest {

    private static Library library;
    private static QueryBuilder queries;

    @BeforeAll
    static void build() {
        library = Fixtures.library();
        queries = new QueryBuilder(new Analyzers(), new GlossaryMatcher(library.glossary()), Fixtures.CONFERENCES);
    }

    private static QueryPlan plan(String question) {
        return queries.plan(question, library.index());
    }

    private static List<String> noteIds(QueryPlan plan) {
        return library.index().search(plan.query(), 10).stream()
                .map(sp -> sp.passage().noteId())
                .toList();
    }

    @Test
    void treatsQuerySyntaxAsWords() {
        List<String> questions = List.of(
                "tidewater AND otter",
                "tidewater OR otter",
                "NOT tidewater",
                "tide* otter?",
                "tidewater~2 otter^10",
                "title:tidewater",
                "\"tidewater otter",
                "(tidewater) [otter] {mascot}",
                "tidewater\\ otter/ mascot",
                "+tidewater -otter",
                "tidewater && otter || !mascot",
                "*",
                "?",
                "~",
                "^",
                ":",
                "\"",
                "(",
                ")",
                "[",
                "]",
                "{",
                "}",
                "\\",
                "/",
                "+",
                "-",
                "AND",
                "OR NOT");
        for (String q : questions) {
            assertThatCode(() -> noteIds(plan(q))).as(q).doesNotThrowAnyException();
            assertThat(plan(q).concepts()).as(q).allSatisfy(c -> assertThat(c.label())
                    .doesNotContainPattern("[*?~^:\"()\\[\\]{}\\\\/+\\-!&|]"));
        }
        assertThat(noteIds(plan("title:tidewater^2 AND NOT otter*")))
                .as("still finds the talk")
                .contains("2019-tidewater-talk-en");
    }

    @Test
    void aQuestionOfOnlyStopwordsHasNoConceptsAndMatchesNothing() {
        for (String q : List.of("what is the", "Are they it?", "是什么", "", "   ", "?!")) {
            QueryPlan plan = plan(q);
            assertThat(plan.concepts()).as(q).isEmpty();
            assertThat(library.index().count(plan.query())).as(q).isZero();
            assertThat(plan.totalIdf()).as(q).isZero();
        }
    }

    @Test
    void aTwoDigitYearAfterANameIsTheYear() {
        assertThat(plan("what happened at kubecon19?").conference()).contains("kubecon-china-2019");
        assertThat(plan("kubecon'18 见面会").conference()).contains("kubecon-china-2018");
        assertThat(plan("kubecon 19 keynotes").conference()).contains("kubecon-china-2019");
        QueryBuilder withDictionary = new QueryBuilder(
                new Analyzers(), new GlossaryMatcher(library.glossary()), Lexicon.builtin(), Fixtures.CONFERENCES);
        assertThat(withDictionary.fullYears("room 19 and top 18", library.index(), Fixtures.CONFERENCES))
                .as("after a dictionary word a number stays a number")
                .isEqualTo("room 19 and top 18");
    }

    @Test
    void theYearPicksTheConference() {
        assertThat(plan("What happened on day 2 of KubeCon 2019?").conference()).contains("kubecon-china-2019");
        assertThat(plan("2018 年的见面会").conference()).contains("kubecon-china-2018");
        assertThat(plan("Compare 2018 and 2019").conference())
                .as("both years: no preference")
                .isEmpty();
        assertThat(plan("KubeCon 2017").conference()).isEmpty();
        assertThat(plan("tidewater").conference()).isEmpty();
    }

    @Test
    void questionPhrasingIsNotAConcept() {
        assertThat(plan("According to the post, what exactly did tidewater say?")
                        .concepts())
                .extracting(Concept::label)
                .containsExactly("tidewater");
        assertThat(plan("那篇笔记里 tidewater 具体是啥").concepts())
                .extracting(Concept::label)
                .doesNotContain("篇", "具体", "啥");
    }

    @Test
    void knowsWhenAQuestionAsksForANumber() {
        assertThat(plan("How many nodes does tidewater run?").asksNumber()).isTrue();
        assertThat(plan("tidewater 一共有多少个节点？").asksNumber()).isTrue();
        assertThat(plan("哪几家公司用了 tidewater？").asksNumber()).isFalse();
        assertThat(plan("Who runs tidewater?").asksNumber()).isFalse();
        assertThat(plan("showmanship of tidewater").asksNumber()).isFalse();
    }

    @Test
    void theYearIsNotAConcept() {
        assertThat(plan("tidewater 2019").concepts()).extracting(Concept::label).doesNotContain("2019");
    }

    @Test
    void aConceptNobodyMentionsHasDocumentFrequencyZero() {
        QueryPlan plan = plan("zorblax tidewater");

        assertThat(plan.concepts())
                .filteredOn(c -> c.label().equals("zorblax"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.documentFrequency()).isZero();
                    assertThat(c.unknown()).isTrue();
                });
        assertThat(plan.concepts())
                .filteredOn(c -> !c.label().equals("zorblax"))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.documentFrequency()).isPositive();
                    assertThat(c.unknown()).isFalse();
                });
    }

    @Test
    void rarerConceptsWeighMore() {
        QueryPlan plan = plan("otter kubecon");
        Concept otter = plan.concepts().stream()
                .filter(c -> c.label().startsWith("otter"))
                .findFirst()
                .orElseThrow();
        Concept kubecon = plan.concepts().stream()
                .filter(c -> c.label().startsWith("kubecon"))
                .findFirst()
                .orElseThrow();

        assertThat(otter.documentFrequency()).isLessThan(kubecon.documentFrequency());
        assertThat(otter.idf()).isGreaterThan(kubecon.idf());
    }

    @Test
    void aGlossaryMentionIsOneConceptWithEveryForm() {
        QueryPlan plan = plan("What did 海港物流 present?");

        assertThat(plan.concepts())
                .filteredOn(c -> c.label().equals("海港物流"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.variants()).hasSize(3);
                    assertThat(c.documentFrequency()).isPositive();
                });
    }

    @Test
    void glossaryExpansionFindsNotesInTheOtherLanguage() {
        List<Passage> hits = library.index().search(plan("林梅").query(), 20).stream()
                .map(PassageIndex.ScoredPassage::passage)
                .toList();

        assertThat(hits).extracting(Passage::language).contains(Language.EN, Language.ZH);
    }

    @Test
    void detectsTheQuestionsLanguage() {
        assertThat(plan("Who presented Tidewater?").language()).isEqualTo(Language.EN);
        assertThat(plan("潮汐调度器是谁介绍的？").language()).isEqualTo(Language.ZH);
    }

    @Test
    void normalisesFullWidthInput() {
        assertThat(plan("ＴＩＤＥＷＡＴＥＲ").concepts())
                .extracting(Concept::label)
                .isEqualTo(plan("tidewater").concepts().stream()
                        .map(Concept::label)
                        .toList());
    }
}
