package confbot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.knowledge.Language;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tiny real index: built once, searched, and walked passage by passage within a note. */
final class PassageIndexTest {

    private static final List<Source> SOURCES = List.of(new Source("s", URI.create("https://example.org/s")));

    private final Analyzers analyzers = new Analyzers();
    private List<Passage> passages;
    private PassageIndex index;

    private static Passage passage(String note, int ordinal, String text, Language language, String conference) {
        return new Passage(
                note + "#" + ordinal,
                note,
                ordinal,
                note + " title",
                "",
                text,
                Optional.ofNullable(conference),
                Optional.empty(),
                OptionalInt.empty(),
                language,
                SOURCES,
                Passage.Origin.CURATED,
                "");
    }

    @BeforeEach
    void build() {
        passages = List.of(
                passage("a", 0, "Tidewater schedules batch jobs at night.", Language.EN, "kubecon-china-2019"),
                passage("a", 1, "The mascot is a sea otter.", Language.EN, "kubecon-china-2019"),
                passage("b", 0, "潮汐调度器在夜间调度批处理任务。", Language.ZH, "kubecon-china-2019"),
                passage("c", 0, "Lantern met in a tea house; more batch talk.", Language.EN, "kubecon-china-2018"),
                passage("c", 1, "Paper lanterns for bug reports.", Language.EN, null));
        index = PassageIndex.build(passages, analyzers);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static TermQuery words(String term) {
        return new TermQuery(new Term(Fields.WORDS, term));
    }

    @Test
    void keepsThePassagesInTheirOrder() {
        assertThat(index.size()).isEqualTo(5);
        assertThat(index.passages()).containsExactlyElementsOf(passages);
        assertThat(index.sizeInBytes()).isPositive();
    }

    @Test
    void findsPassagesByAnalysedTerms() {
        assertThat(index.search(words("otter"), 10)).singleElement().satisfies(sp -> {
            assertThat(sp.passage()).isSameAs(passages.get(1));
            assertThat(sp.score()).isPositive();
        });
        assertThat(index.search(words("tidewat"), 10))
                .extracting(PassageIndex.ScoredPassage::passage)
                .containsExactly(passages.get(0));
        assertThat(index.search(new TermQuery(new Term(Fields.BIGRAMS, "潮汐")), 10))
                .extracting(PassageIndex.ScoredPassage::passage)
                .containsExactly(passages.get(2));
    }

    @Test
    void ranksBestFirstAndLimitsTheCount() {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(words("batch"), BooleanClause.Occur.SHOULD)
                .add(words("night"), BooleanClause.Occur.SHOULD)
                .build();

        List<PassageIndex.ScoredPassage> all = index.search(q, 10);
        List<PassageIndex.ScoredPassage> one = index.search(q, 1);

        assertThat(all).hasSize(2);
        assertThat(all.get(0).passage()).isSameAs(passages.get(0));
        assertThat(all.get(0).score()).isGreaterThan(all.get(1).score());
        assertThat(one).extracting(PassageIndex.ScoredPassage::passage).containsExactly(passages.get(0));
    }

    @Test
    void indexesConferenceAndLanguageAsExactFields() {
        assertThat(index.count(new TermQuery(new Term(Fields.CONFERENCE, "kubecon-china-2019"))))
                .isEqualTo(3);
        assertThat(index.count(new TermQuery(new Term(Fields.LANGUAGE, "zh")))).isEqualTo(1);
    }

    @Test
    void countsMatchingPassages() {
        assertThat(index.count(words("batch"))).isEqualTo(2);
        assertThat(index.count(words("nothing"))).isZero();
        assertThat(index.count(new MatchNoDocsQuery())).isZero();
    }

    @Test
    void aPrecomputedQueryMatchesAndScoresAsTheQueryItStandsFor() {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(words("batch"), BooleanClause.Occur.SHOULD)
                .add(words("lantern"), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.BIGRAMS, "调度")), BooleanClause.Occur.SHOULD)
                .build();

        Query precomputed = index.precomputed(q);

        assertThat(index.search(precomputed, 10)).containsExactlyElementsOf(index.search(q, 10));
        assertThat(index.count(precomputed)).isEqualTo(index.count(q)).isEqualTo(4);
        BooleanQuery within = new BooleanQuery.Builder()
                .add(precomputed, BooleanClause.Occur.MUST)
                .add(words("night"), BooleanClause.Occur.MUST)
                .build();
        assertThat(index.search(within, 10))
                .as("joined with another clause, which makes the precomputed one skip ahead")
                .extracting(PassageIndex.ScoredPassage::passage)
                .containsExactly(passages.get(0));
        assertThat(index.search(index.precomputed(words("nothing")), 10)).isEmpty();
    }

    @Test
    void nextStaysWithinTheNote() {
        assertThat(index.next(passages.get(0))).containsSame(passages.get(1));
        assertThat(index.next(passages.get(1))).as("last of note a; b follows").isEmpty();
        assertThat(index.next(passages.get(3))).containsSame(passages.get(4));
        assertThat(index.next(passages.get(4))).as("last passage of all").isEmpty();
    }

    @Test
    void nextKnowsOnlyPassagesOfThisIndex() {
        Passage equalButOther =
                passage("a", 0, "Tidewater schedules batch jobs at night.", Language.EN, "kubecon-china-2019");

        assertThat(index.next(equalButOther)).isEmpty();
    }

    @Test
    void buildsAnEmptyIndex() {
        try (PassageIndex empty = PassageIndex.build(List.of(), analyzers)) {
            assertThat(empty.size()).isZero();
            assertThat(empty.search(words("batch"), 5)).isEmpty();
            assertThat(empty.count(words("batch"))).isZero();
        }
    }

    @Test
    void aMisspeltWordFindsTheIndexedWordOneEditAway() {
        // "schedles" (a typo of "schedules", stemmed "schedul") is one letter short of it.
        String typo = analyzers.terms(Fields.WORDS, "schedles").get(0);

        assertThat(index.nearestTerm(Fields.WORDS, typo)).contains("schedul");
        assertThat(index.nearestTerm(Fields.WORDS, "zorblax")).isEmpty();
    }
}
