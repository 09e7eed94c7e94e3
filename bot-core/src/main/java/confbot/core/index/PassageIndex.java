package confbot.core.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import confbot.core.ingest.Passage;
import confbot.knowledge.Language;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

/**
 * An immutable, in-memory index of passages. Built once from a list of passages and never written
 * again: a reload builds a new one and swaps it in, so a query never sees a half-built index.
 *
 * <p>BM25 with k1 = 0.9, b = 0.4, Anserini's defaults for short passages, rather than Lucene's
 * 1.2 / 0.75, which over-reward repeated terms in longer sections.
 */
public final class PassageIndex implements Closeable {

    public static final BM25Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

    private final List<Passage> passages;
    private final Map<Passage, Integer> positions;
    private final Map<String, Passage> byId;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final long sizeInBytes;
    /** Nearest indexed terms of questions' unknown words ({@link #nearestTerm}). */
    private final Cache<Term, Optional<String>> nearest =
            Caffeine.newBuilder().maximumSize(10_000).build();
    /**
     * Each term's statistics and place in the postings, by term: the same terms recur in most
     * questions, and looking one up in the terms dictionary was a fifth of an answer's time (JFR).
     */
    private final Cache<Term, TermStates> terms =
            Caffeine.newBuilder().maximumSize(100_000).build();

    private final boolean prebuilt;
    /** Each document's passage ordinal plus one, once read ({@link #ordinal}); 0 until then. */
    private final AtomicIntegerArray ordinals;

    private PassageIndex(List<Passage> passages, Directory directory, boolean prebuilt) throws IOException {
        this.passages = passages;
        this.prebuilt = prebuilt;
        this.positions = new IdentityHashMap<>(passages.size() * 2);
        this.byId = new HashMap<>(passages.size() * 2);
        for (int i = 0; i < passages.size(); i++) {
            positions.put(passages.get(i), i);
            byId.putIfAbsent(passages.get(i).id(), passages.get(i));
        }
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(SIMILARITY);
        this.ordinals = new AtomicIntegerArray(reader.maxDoc());
        long bytes = 0;
        for (String file : directory.listAll()) {
            bytes += directory.fileLength(file);
        }
        this.sizeInBytes = bytes;
    }

    /**
     * Indexes {@code passages} in their order; the ordinal of each is its position.
     *
     * <p>The analyses (smartcn's segmenter is most of a build, BENCHMARKS.md) run on every core, a
     * window of passages ahead of the writer; the writer then adds the analysed documents one by
     * one in the passages' order, so the index is the one a single thread builds, document ids and
     * all (ties between equal scores are broken by document id).
     */
    public static PassageIndex build(List<Passage> passages, Analyzers analyzers) {
        int threads = passages.size() < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
        return build(passages, analyzers, threads);
    }

    /** As {@link #build(List, Analyzers)}, with the analyses on {@code threads} threads (1: this one). */
    static PassageIndex build(List<Passage> passages, Analyzers analyzers, int threads) {
        List<Passage> copy = List.copyOf(passages);
        // Each file as one byte array, not ByteBuffersDirectory's default list of small buffers: with
        // that default every term lookup clones its input by re-slicing the whole buffer list, which
        // took a third of the time of an answer (JFR, BENCHMARKS.md). The bytes indexed are the same.
        Directory dir = new ByteBuffersDirectory(
                new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_BYTE_ARRAY);
        IndexWriterConfig config = new IndexWriterConfig(analyzers.perField()).setSimilarity(SIMILARITY);
        ExecutorService analysing = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "confbot-index-analysis");
            t.setDaemon(true);
            return t;
        });
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            Analyzer analyzer = analyzers.perField();
            int window = Math.max(1, threads) * 64;
            ArrayDeque<Future<Document>> ahead = new ArrayDeque<>(window + 1);
            int next = 0;
            while (next < copy.size() || !ahead.isEmpty()) {
                while (next < copy.size() && ahead.size() < window) {
                    Passage p = copy.get(next);
                    int ordinal = next++;
                    ahead.add(
                            threads <= 1
                                    ? CompletableFuture.completedFuture(document(p, ordinal, analyzer))
                                    : analysing.submit(() -> document(p, ordinal, analyzer)));
                }
                writer.addDocument(ahead.poll().get());
            }
            writer.forceMerge(1);
            writer.commit();
            return new PassageIndex(copy, dir, false);
        } catch (IOException e) {
            // An in-memory directory does no real I/O; this is a bug, not a condition to handle.
            throw new UncheckedIOException("cannot build the in-memory index", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the index", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot analyse a passage: " + e.getCause(), e.getCause());
        } finally {
            analysing.shutdownNow();
        }
    }

    /** Below this many passages one thread builds the index: starting the others costs more. */
    static final int PARALLEL_FROM = 2_000;

    /**
     * The index of {@code passages} from the files a {@link #files()} of an index of the same
     * passages wrote: the same index, without analysing any passage (see {@link PrebuiltIndex}).
     */
    static PassageIndex open(List<Passage> passages, Map<String, byte[]> files) throws IOException {
        Directory dir = new ByteBuffersDirectory(
                new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_BYTE_ARRAY);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            try (IndexOutput out = dir.createOutput(file.getKey(), IOContext.DEFAULT)) {
                out.writeBytes(file.getValue(), file.getValue().length);
            }
        }
        return new PassageIndex(List.copyOf(passages), dir, true);
    }

    /** Every file of the index by name, for {@link PrebuiltIndex} to store. */
    Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String name : directory.listAll()) {
            try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                byte[] bytes = new byte[Math.toIntExact(in.length())];
                in.readBytes(bytes, 0, bytes.length);
                out.put(name, bytes);
            }
        }
        return out;
    }

    /** The Lucene reader, for tests that compare two indexes posting by posting. */
    DirectoryReader reader() {
        return reader;
    }

    /** Whether this index was read from a prebuilt one rather than built here. */
    public boolean prebuilt() {
        return prebuilt;
    }

    private static Document document(Passage p, int ordinal, Analyzer analyzer) {
        Document doc = new Document();
        String text = p.searchableText();
        doc.add(analysed(analyzer, Fields.WORDS, text));
        doc.add(analysed(analyzer, Fields.BIGRAMS, text));
        if (!p.context().isEmpty()) {
            doc.add(analysed(analyzer, Fields.CONTEXT_WORDS, p.context()));
            doc.add(analysed(analyzer, Fields.CONTEXT_BIGRAMS, p.context()));
        }
        p.conference().ifPresent(c -> doc.add(new StringField(Fields.CONFERENCE, c, Field.Store.NO)));
        p.day().ifPresent(d -> doc.add(new StringField(Fields.DAY, Integer.toString(d), Field.Store.NO)));
        doc.add(new StringField(Fields.LANGUAGE, p.language().code(), Field.Store.NO));
        doc.add(new StoredField(Fields.ORDINAL, ordinal));
        return doc;
    }

    /**
     * {@code text} as {@code field}'s analyzer reads it, analysed now (on the calling thread) into a
     * field that replays its terms and position increments: all that a {@link TextField} indexes
     * (no offsets, payloads or term frequencies of its own), so the same postings and norms.
     */
    private static Field analysed(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        List<Integer> increments = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
                increments.add(increment.getPositionIncrement());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Field(field, new Replay(terms, increments), TextField.TYPE_NOT_STORED);
    }

    /** The tokens of one analysis, played back once to the index writer. */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<String> terms;
        private final List<Integer> increments;
        private int at;

        Replay(List<String> terms, List<Integer> increments) {
            this.terms = terms;
            this.increments = increments;
        }

        @Override
        public boolean incrementToken() {
            if (at >= terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(at));
            increment.setPositionIncrement(increments.get(at));
            at++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            at = 0;
        }
    }

    /** A passage and its score for one query. */
    public record ScoredPassage(Passage passage, float score) {}

    /**
     * The {@code n} best passages for {@code rank}, among the best {@value #RECALL_DEPTH} for {@code
     * recall}, which must match everything {@code rank} matches. Two stages because a ranking query
     * of phrases and per-concept maxima cannot skip anything: over 100k notes it scored every
     * passage that shares a word with the question. When no more than {@value #RECALL_DEPTH}
     * passages match, as with the built-in knowledge, the result is exactly {@code search(rank, n)}.
     */
    public List<ScoredPassage> search(Query recall, Query rank, int n) {
        try {
            TopDocs candidates = searcher.search(recall, RECALL_DEPTH);
            TopDocs ranked = new QueryRescorer(rank) {
                @Override
                protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                    return secondPassMatches ? secondPassScore : 0f;
                }
            }.rescore(searcher, candidates, Math.max(1, n));
            return passagesOf(ranked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many candidates the first stage of {@link #search(Query, Query, int)} passes on. */
    static final int RECALL_DEPTH = 300;

    public List<ScoredPassage> search(Query query, int n) {
        try {
            return passagesOf(searcher.search(query, Math.max(1, n)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The passages behind Lucene's hits, in order; a rescored candidate that did not match has 0. */
    private List<ScoredPassage> passagesOf(TopDocs top) throws IOException {
        List<ScoredPassage> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            if (sd.score > 0) {
                out.add(new ScoredPassage(passages.get(ordinal(sd.doc)), sd.score));
            }
        }
        return out;
    }

    /**
     * The passage ordinal a document stores, read from the stored fields the first time a search
     * returns the document and kept: decompressing a stored-fields block for each hit of each
     * question was a twentieth of an answer (JFR).
     */
    private int ordinal(int doc) throws IOException {
        int known = ordinals.get(doc);
        if (known > 0) {
            return known - 1;
        }
        int ordinal = searcher.storedFields()
                .document(doc)
                .getField(Fields.ORDINAL)
                .numericValue()
                .intValue();
        ordinals.set(doc, ordinal + 1);
        return ordinal;
    }

    /**
     * How many passages match {@code query}: a document frequency for phrases and groups. Counted
     * anew each call: the caller keeps what it needs per index (the retriever's concepts).
     */
    public int count(Query query) {
        try {
            return searcher.count(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same section of the note's translation: curated notes and conference facts come in pairs,
     * {@code x-en} and {@code x-zh}, with their sections in the same order.
     */
    public Optional<Passage> twin(Passage p, Language language) {
        boolean paired = p.origin() == Passage.Origin.CURATED || p.origin() == Passage.Origin.FACTS;
        if (!paired || p.language() == language) {
            return Optional.empty();
        }
        String suffix = "-" + p.language().code();
        if (!p.noteId().endsWith(suffix)) {
            return Optional.empty();
        }
        String twinNote = p.noteId().substring(0, p.noteId().length() - suffix.length()) + "-" + language.code();
        return Optional.ofNullable(byId.get(twinNote + "#" + p.ordinal())).filter(t -> t.language() == language);
    }

    /** BM25's idf of one term, from its document frequency in this index. */
    public double idf(String field, String term) {
        long df = docFreq(new Term(field, term));
        return Math.log(1 + (reader.numDocs() - df + 0.5) / (df + 0.5));
    }

    /** How many passages contain {@code term}. */
    public int docFreq(Term term) {
        return states(term).docFreq();
    }

    /**
     * The indexed term of {@code field} nearest to {@code term} (one edit, two for a long word,
     * the first letter kept), the most frequent of the nearest: how a typo in a question ("garbge",
     * "actualy") finds the word the notes use. Empty when nothing is that close.
     */
    public Optional<String> nearestTerm(String field, String term) {
        return nearest.get(new Term(field, term), this::nearestNow);
    }

    private Optional<String> nearestNow(Term term) {
        try {
            Terms terms = MultiTerms.getTerms(reader, term.field());
            if (terms == null) {
                return Optional.empty();
            }
            int length = term.text().codePointCount(0, term.text().length());
            for (int edits = 1; edits <= (length >= LONG_WORD ? 2 : 1); edits++) {
                FuzzyTermsEnum near = new FuzzyTermsEnum(terms, term, edits, 1, true);
                String best = null;
                int bestFreq = 0;
                for (BytesRef t = near.next(); t != null; t = near.next()) {
                    if (near.docFreq() > bestFreq && !t.utf8ToString().equals(term.text())) {
                        bestFreq = near.docFreq();
                        best = t.utf8ToString();
                    }
                }
                if (best != null) {
                    return Optional.of(best);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From this many letters on, a word may be two edits away from the one meant. */
    static final int LONG_WORD = 8;

    /**
     * A query for one term that reuses the term's looked-up state: the same matches and scores as
     * {@code new TermQuery(term)}, without a dictionary seek per query.
     */
    public TermQuery termQuery(Term term) {
        return new TermQuery(term, states(term));
    }

    private TermStates states(Term term) {
        return terms.get(term, t -> {
            try {
                return TermStates.build(searcher, t, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * {@code query}, with its matches and scores computed now, once, for this index: the same
     * documents, the same scores, without evaluating it again each time it is searched. For a query
     * that recurs unchanged in many questions (an answer type expanded to every known name, a
     * concept's clause); the caller keeps it for as long as it keeps this index. Since the index
     * never changes, nothing goes stale.
     */
    public Query precomputed(Query query) {
        try {
            return ScoresQuery.of(searcher, query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The passage after {@code p} in the same note, if any. */
    public Optional<Passage> next(Passage p) {
        int i = indexOf(p);
        if (i >= 0 && i + 1 < passages.size() && passages.get(i + 1).noteId().equals(p.noteId())) {
            return Optional.of(passages.get(i + 1));
        }
        return Optional.empty();
    }

    private int indexOf(Passage p) {
        // By identity: two folders may hold files of the same relative name.
        return positions.getOrDefault(p, -1);
    }

    public List<Passage> passages() {
        return passages;
    }

    public int size() {
        return passages.size();
    }

    public long sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
