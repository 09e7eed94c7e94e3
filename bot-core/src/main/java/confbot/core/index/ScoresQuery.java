package confbot.core.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * A query whose every match and score were computed once, from another query over the same
 * immutable index: it then matches the same documents with the same scores, at the cost of walking
 * an array. For queries that recur unchanged in many questions and are dear to evaluate, such as an
 * answer type expanded to every known name ("who" to each person and organisation, in phrases over
 * two fields): building their weight alone looked up hundreds of terms per question.
 */
final class ScoresQuery extends Query {

    private final String description;
    /** Global document ids, ascending. */
    private final int[] docs;

    private final float[] scores;
    private final float maxScore;

    private ScoresQuery(String description, int[] docs, float[] scores) {
        this.description = description;
        this.docs = docs;
        this.scores = scores;
        float max = 0;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        this.maxScore = max;
    }

    /** Runs {@code query} over every document of {@code searcher} and keeps what it scored. */
    static ScoresQuery of(IndexSearcher searcher, Query query) throws IOException {
        long[] found = searchAll(searcher, query);
        // Each entry packs a global document id over the bits of its score: one sort of longs
        // orders the documents without boxing.
        Arrays.sort(found);
        int[] docs = new int[found.length];
        float[] scores = new float[found.length];
        for (int i = 0; i < found.length; i++) {
            docs[i] = (int) (found[i] >>> 32);
            scores[i] = Float.intBitsToFloat((int) found[i]);
        }
        return new ScoresQuery(query.toString(), docs, scores);
    }

    /**
     * Every match with its score, straight from the scorers: the index is built once and never
     * deletes, so there are no deleted documents for a collector to skip.
     */
    private static long[] searchAll(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        long[] out = new long[64];
        int size = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] =
                        ((long) (leaf.docBase + doc) << 32) | (Float.floatToRawIntBits(scorer.score()) & 0xFFFF_FFFFL);
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** How many documents match. */
    int count() {
        return docs.length;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                int from = lowerBound(context.docBase);
                int to = lowerBound(context.docBase + context.reader().maxDoc());
                return from == to ? null : new ArrayScorer(this, context.docBase, from, to, boost);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                int i = Arrays.binarySearch(docs, context.docBase + doc);
                return i >= 0
                        ? Explanation.match(scores[i] * boost, "precomputed score of " + description)
                        : Explanation.noMatch("not matched by " + description);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return true;
            }
        };
    }

    /** The first position whose document is at least {@code doc}. */
    private int lowerBound(int doc) {
        int i = Arrays.binarySearch(docs, doc);
        return i >= 0 ? i : -i - 1;
    }

    /** Walks the positions {@code [from, to)} of one segment's documents. */
    private final class ArrayScorer extends Scorer {
        private final int base;
        private final int from;
        private final int to;
        private final float boost;
        private int at;

        ArrayScorer(Weight weight, int base, int from, int to, float boost) {
            super(weight);
            this.base = base;
            this.from = from;
            this.to = to;
            this.boost = boost;
            this.at = from - 1;
        }

        @Override
        public int docID() {
            return at < from ? -1 : at >= to ? DocIdSetIterator.NO_MORE_DOCS : docs[at] - base;
        }

        @Override
        public float score() {
            return scores[at] * boost;
        }

        @Override
        public float getMaxScore(int upTo) {
            return maxScore * boost;
        }

        @Override
        public DocIdSetIterator iterator() {
            return new DocIdSetIterator() {
                @Override
                public int docID() {
                    return ArrayScorer.this.docID();
                }

                @Override
                public int nextDoc() {
                    at = Math.min(at + 1, to);
                    return docID();
                }

                @Override
                public int advance(int target) {
                    if (at + 1 >= to) {
                        at = to;
                        return DocIdSetIterator.NO_MORE_DOCS;
                    }
                    int i = Arrays.binarySearch(docs, Math.max(at + 1, from), to, base + target);
                    at = i >= 0 ? i : -i - 1;
                    return docID();
                }

                @Override
                public long cost() {
                    return to - from;
                }
            };
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "scores(" + description + ")";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
