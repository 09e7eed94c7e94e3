package confbot.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.index.PassageIndex;
import confbot.core.testing.Fixtures;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.junit.jupiter.api.Test;

final class ConceptQueriesTest {

    private static final List<Concept.Variant> BATCH = List.of(new Concept.Variant(List.of("batch"), List.of()));

    @Test
    void aConceptIsWorkedOutOncePerIndex() {
        ConceptQueries concepts = new ConceptQueries();
        PassageIndex index = Fixtures.library().index();
        AtomicInteger computed = new AtomicInteger();

        ConceptQueries.Scored first = concepts.of(BATCH, index, v -> counted(computed));
        ConceptQueries.Scored again = concepts.of(List.copyOf(BATCH), index, v -> counted(computed));

        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void anotherIndexWorksItOutAfresh() {
        ConceptQueries concepts = new ConceptQueries();
        AtomicInteger computed = new AtomicInteger();

        concepts.of(BATCH, Fixtures.library().index(), v -> counted(computed));
        concepts.of(BATCH, Fixtures.library().index(), v -> counted(computed));

        assertThat(computed).hasValue(2);
    }

    @Test
    void thePlannedConceptKeepsTheCountOfItsQuery() {
        PassageIndex index = Fixtures.library().index();
        QueryBuilder queries = new QueryBuilder(
                new confbot.core.index.Analyzers(),
                new GlossaryMatcher(Fixtures.library().glossary()),
                Fixtures.CONFERENCES);

        QueryPlan first = queries.plan("batch lantern", index);
        QueryPlan second = queries.plan("batch lantern", index);

        assertThat(second.concepts()).isEqualTo(first.concepts());
        assertThat(first.concepts()).allSatisfy(c -> assertThat(c.documentFrequency())
                .isEqualTo(index.count(QueryBuilder.conceptQuery(c.variants(), index))));
        assertThat(index.search(second.recall(), second.query(), 10))
                .containsExactlyElementsOf(index.search(first.recall(), first.query(), 10));
    }

    private static ConceptQueries.Scored counted(AtomicInteger computed) {
        computed.incrementAndGet();
        return new ConceptQueries.Scored(0, 0, new MatchNoDocsQuery());
    }
}
