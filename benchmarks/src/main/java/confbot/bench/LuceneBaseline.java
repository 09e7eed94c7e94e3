package confbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * The plain Lucene searcher confbot is compared with: the same passages in one field under
 * StandardAnalyzer, Lucene's default BM25, the question's analysed terms ORed as TermQuerys, the top
 * ten hits with their stored ids, in the same in-memory storage as confbot's index. No glossary expansion, no second field, no phrase, no counting of
 * concepts, no answer writing: the floor any Lucene search pays.
 */
public final class LuceneBaseline implements AutoCloseable {

    static final String TEXT = "text";
    static final String ID = "id";
    static final int TOP = 10;

    private final Analyzer analyzer;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private LuceneBaseline(Analyzer analyzer, Directory directory) throws IOException {
        this.analyzer = analyzer;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** Indexes {@code texts} in memory, each under its position as id, merged to one segment like confbot's. */
    public static LuceneBaseline build(List<String> texts) {
        Analyzer analyzer = new StandardAnalyzer();
        // Stored as confbot stores its index (PassageIndex.build), so the ratio compares searching,
        // not two ways of holding the same bytes in memory.
        Directory dir = new ByteBuffersDirectory(
                new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_BYTE_ARRAY);
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < texts.size(); i++) {
                Document doc = new Document();
                doc.add(new TextField(TEXT, texts.get(i), Field.Store.NO));
                doc.add(new StoredField(ID, i));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
            return new LuceneBaseline(analyzer, dir);
        } catch (IOException e) {
            // An in-memory directory does no I/O; a failure here is a bug.
            throw new UncheckedIOException("cannot build the baseline index", e);
        }
    }

    /** The ids of the best passages for {@code question}, best first. */
    public List<Integer> search(String question) {
        try {
            TopDocs top = searcher.search(query(question), TOP);
            List<Integer> ids = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(searcher.storedFields()
                        .document(sd.doc)
                        .getField(ID)
                        .numericValue()
                        .intValue());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysed terms, each once, as a disjunction; no query parser ever sees the question. */
    Query query(String question) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("no terms");
        }
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        terms.forEach(t -> or.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
        return or.build();
    }

    public int size() {
        return reader.numDocs();
    }

    public long sizeInBytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
