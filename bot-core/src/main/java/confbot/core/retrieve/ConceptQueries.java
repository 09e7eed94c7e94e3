package confbot.core.retrieve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import confbot.core.index.PassageIndex;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.search.Query;

/**
 * What a concept's variants give over one index, worked out once per index: how many passages
 * match, its idf, and its ranking clause. None of it depends on the question, only on the variants
 * and the index, which never changes; yet working it out was half of planning a question (JFR over
 * the Telegram load test: a "who" question looked up every term of every known name, then hashed
 * the resulting query twice to find its count and its precomputed scores).
 *
 * <p>A clause that matches few passages is kept as its precomputed scores ({@link
 * PassageIndex#precomputed}): the same documents and the same scores as its phrases and terms,
 * without building their weights and matching positions in every question's rescoring, which was
 * a third of an answer over the built-in knowledge. A common concept of a large index stays a
 * query: scoring it over every passage it matches is what the two-stage search avoids.
 */
final class ConceptQueries {

    /** A concept over one index: its document frequency, its idf and its weighted ranking clause. */
    record Scored(int documentFrequency, double idf, Query query) {}

    /** Concepts matching at most this many passages keep their scores rather than their query. */
    static final int PRECOMPUTE_MAX_MATCHES = 4_096;

    /**
     * Per index, bounded by the passages whose scores are kept (8 bytes each): about 16 MB at most,
     * and well under 1 MB for the concepts of a day's questions over the built-in knowledge.
     */
    private static final long MAX_KEPT_SCORES = 2_000_000;

    /** By index, weakly: a reload's new index starts afresh and the old one's entries go with it. */
    private final Cache<PassageIndex, Cache<List<Concept.Variant>, Scored>> byIndex =
            Caffeine.newBuilder().weakKeys().build();

    /**
     * @param compute works the concept out over the index; called once per index and variants
     */
    Scored of(List<Concept.Variant> variants, PassageIndex index, Function<List<Concept.Variant>, Scored> compute) {
        return byIndex.get(index, i -> Caffeine.newBuilder()
                        .maximumWeight(MAX_KEPT_SCORES)
                        .<List<Concept.Variant>, Scored>weigher((k, v) -> 1 + keptScores(v))
                        .build())
                .get(List.copyOf(variants), compute);
    }

    private static int keptScores(Scored s) {
        return s.documentFrequency() <= PRECOMPUTE_MAX_MATCHES ? s.documentFrequency() : 0;
    }
}
