package confbot.core.retrieve;

import confbot.knowledge.Language;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * A question analysed for retrieval: its concepts, the conference it names, its language, and the
 * Lucene queries built from them: {@code query} ranks, {@code recall} (every term of every variant,
 * no phrases, no hints) finds the candidates it ranks. {@code asksNumber}: the question asks how
 * many, how long, 多少: an answer must give a number.
 */
public record QueryPlan(
        String question,
        Language language,
        List<Concept> concepts,
        Optional<String> conference,
        Query query,
        Query recall,
        boolean asksNumber) {
    public QueryPlan {
        concepts = List.copyOf(concepts);
    }

    /** Sum of the concepts' idf: what a passage matching every concept would cover. */
    public double totalIdf() {
        return concepts.stream().mapToDouble(Concept::idf).sum();
    }
}
