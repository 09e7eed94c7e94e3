package confbot.core.retrieve;

import confbot.core.index.PassageIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks passages for a question: BM25 over the concept query, then a mild preference for passages
 * in the question's language, since the curated notes say most facts twice, once per language, and
 * the answer should come in the language it was asked in.
 */
public final class Retriever {

    /** A passage in the other language keeps this share of its score. */
    static final double OTHER_LANGUAGE = 0.85;

    private final QueryBuilder queries;

    public Retriever(QueryBuilder queries) {
        this.queries = queries;
    }

    public Retrieval retrieve(String question, PassageIndex index, int n) {
        QueryPlan plan = queries.plan(question, index);
        List<Hit> hits = new ArrayList<>();
        for (PassageIndex.ScoredPassage sp : index.search(plan.recall(), plan.query(), n * 2)) {
            double weight = sp.passage().language() == plan.language() ? 1.0 : OTHER_LANGUAGE;
            hits.add(new Hit(sp.passage(), sp.score() * weight));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        if (!hits.isEmpty()) {
            // The best passage in the other language, when its translation exists, is answered
            // from the translation: the same fact, in the words of the asker.
            Hit top = hits.get(0);
            index.twin(top.passage(), plan.language()).ifPresent(twin -> {
                hits.removeIf(h -> h.passage() == twin);
                hits.add(0, new Hit(twin, top.score()));
            });
        }
        return new Retrieval(plan, hits.size() > n ? hits.subList(0, n) : hits);
    }
}
