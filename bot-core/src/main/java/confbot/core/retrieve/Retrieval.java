package confbot.core.retrieve;

import java.util.List;

/** The outcome of retrieving for one question: the plan and the hits, best first. */
public record Retrieval(QueryPlan plan, List<Hit> hits) {
    public Retrieval {
        hits = List.copyOf(hits);
    }
}
