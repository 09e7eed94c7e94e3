package confbot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.ingest.MarkdownCleaner;
import confbot.core.ingest.Passage;
import confbot.core.ingest.Passages;
import confbot.knowledge.KnowledgeLoader;
import confbot.knowledge.Note;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The passages analysed on several threads and added in order make the index one thread makes,
 * and the one Lucene makes when it analyses the text itself: the same documents, terms, positions
 * and norms (the files themselves differ, by the random id Lucene gives each segment).
 */
final class ParallelBuildTest {

    private static final List<String> TEXT_FIELDS =
            List.of(Fields.WORDS, Fields.BIGRAMS, Fields.CONTEXT_WORDS, Fields.CONTEXT_BIGRAMS);

    private final Analyzers analyzers = new Analyzers();

    /** The built-in notes three times over (ids apart), half with a context: more than one window. */
    private static List<Passage> passages() {
        Passages cutter = new Passages(new MarkdownCleaner());
        List<Passage> out = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (Note note : new KnowledgeLoader().loadBuiltin().notes()) {
                String context = copy == 1 ? "" : "copy " + copy + " of " + note.title() + ", 笔记 " + note.id();
                for (Passage p : cutter.of(note, List.of(), Passage.Origin.FOLDER, note.language(), context)) {
                    out.add(new Passage(
                            p.id() + "/" + copy,
                            p.noteId() + "/" + copy,
                            p.ordinal(),
                            p.noteTitle(),
                            p.heading(),
                            p.text(),
                            p.conference(),
                            p.date(),
                            p.day(),
                            p.language(),
                            p.sources(),
                            p.origin(),
                            p.context()));
                }
            }
        }
        return out;
    }

    @Test
    void analysingOnFourThreadsIndexesExactlyWhatOneThreadDoes() throws IOException {
        List<Passage> passages = passages();
        assertThat(passages).hasSizeGreaterThan(4 * 64 * 2);

        try (PassageIndex one = PassageIndex.build(passages, analyzers, 1);
                PassageIndex four = PassageIndex.build(passages, analyzers, 4)) {
            assertThat(contents(four.reader())).isEqualTo(contents(one.reader()));
            assertThat(four.passages()).isEqualTo(one.passages());
        }
    }

    @Test
    void theReplayedAnalysesIndexWhatLuceneIndexesFromTheText() throws IOException {
        List<Passage> passages = passages().subList(0, 300);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(
                dir, new IndexWriterConfig(analyzers.perField()).setSimilarity(PassageIndex.SIMILARITY))) {
            for (Passage p : passages) {
                Document doc = new Document();
                doc.add(new TextField(Fields.WORDS, p.searchableText(), Field.Store.NO));
                doc.add(new TextField(Fields.BIGRAMS, p.searchableText(), Field.Store.NO));
                if (!p.context().isEmpty()) {
                    doc.add(new TextField(Fields.CONTEXT_WORDS, p.context(), Field.Store.NO));
                    doc.add(new TextField(Fields.CONTEXT_BIGRAMS, p.context(), Field.Store.NO));
                }
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        try (DirectoryReader text = DirectoryReader.open(dir);
                PassageIndex replayed = PassageIndex.build(passages, analyzers, 2)) {
            assertThat(contents(replayed.reader())).isEqualTo(contents(text));
        }
    }

    /** Every posting with its positions, and every norm, of the analysed fields, as lines. */
    private static List<String> contents(DirectoryReader reader) throws IOException {
        assertThat(reader.leaves()).hasSize(1);
        LeafReader leaf = reader.leaves().get(0).reader();
        List<String> out = new ArrayList<>();
        out.add("docs " + leaf.maxDoc());
        for (String field : TEXT_FIELDS) {
            Terms terms = leaf.terms(field);
            if (terms == null) {
                out.add(field + " none");
                continue;
            }
            TermsEnum te = terms.iterator();
            BytesRef term;
            while ((term = te.next()) != null) {
                StringBuilder line = new StringBuilder(field).append(' ').append(term.utf8ToString());
                PostingsEnum postings = te.postings(null, PostingsEnum.POSITIONS);
                while (postings.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                    line.append(' ').append(postings.docID()).append(':');
                    for (int i = 0; i < postings.freq(); i++) {
                        line.append(postings.nextPosition()).append(',');
                    }
                }
                out.add(line.toString());
            }
            NumericDocValues norms = leaf.getNormValues(field);
            StringBuilder line = new StringBuilder(field).append(" norms");
            while (norms != null && norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                line.append(' ').append(norms.docID()).append('=').append(norms.longValue());
            }
            out.add(line.toString());
        }
        return out;
    }
}
