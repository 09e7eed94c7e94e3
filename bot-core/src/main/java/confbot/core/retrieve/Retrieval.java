package confbot.core.retrieve;

import java.util.List;

/**
 * The outcome of retrieving for one question: the plan and the hits, best first.
 *
 * @param scope the concepts that placed the question in the notes it is about ("GopherCon 2018",
 *     "Naman"): the notes' own titles name them, so a passage need not, and they say nothing about
 *     what is asked there; empty when no note's context matched
 */
public record Retrieval(QueryPlan plan, List<Hit> hits, List<Concept> scope) {
    public Retrieval {
        hits = List.copyOf(hits);
        scope = List.copyOf(scope);
    }

    public Retrieval(QueryPlan plan, List<Hit> hits) {
        this(plan, hits, List.of());
    }
}
