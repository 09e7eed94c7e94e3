package confbot.bench;

import confbot.core.ConfBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.index.PassageIndex;
import confbot.core.ingest.Passage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One question per operation, the public evaluation set's 60 in turn, answered by confbot (question
 * to finished reply: plan, concept counts, search, answer writing) and searched by the plain Lucene
 * baseline over the same passages. SampleTime records every call, so the report has the mean, p50
 * and p99 of a mixed stream of Chinese and English, answerable and unanswerable questions.
 *
 * <p>Each fork builds only what its benchmark method needs, and records how long that took: the
 * index build at 100k notes is the largest cost of the suite, and paying it once per fork is why the
 * build time is measured here rather than in a benchmark of its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnswerBenchmark {

    @Param({Corpus.BUILTIN, "1000", "10000", "100000"})
    public String corpus;

    private List<String> questions;
    private ConfBot bot;
    private LuceneBaseline baseline;

    /** Where each benchmark thread is in the question list. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        String next(List<String> questions) {
            String q = questions.get(next);
            next = (next + 1) % questions.size();
            return q;
        }
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        questions = Questions.read(Questions.defaultFile());
        Corpus c = Corpus.named(corpus, Corpus.defaultWorkDir());
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.startsWith("lucene")) {
            long start = System.nanoTime();
            List<Passage> passages = c.passages();
            long read = System.nanoTime();
            baseline = LuceneBaseline.build(
                    passages.stream().map(Passage::searchableText).toList());
            long built = System.nanoTime();
            Results.write(
                    Results.folder(),
                    "index-lucene-" + corpus,
                    Map.of(
                            "read_ms",
                            (read - start) / 1_000_000,
                            "index_ms",
                            (built - read) / 1_000_000,
                            "passages",
                            baseline.size(),
                            "bytes",
                            baseline.sizeInBytes()));
        } else {
            long start = System.nanoTime();
            bot = c.bot();
            long built = System.nanoTime();
            PassageIndex index = bot.library().index();
            Results.write(
                    Results.folder(),
                    "index-confbot-" + corpus,
                    Map.of(
                            "build_ms", (built - start) / 1_000_000,
                            "notes", bot.library().notes(),
                            "passages", index.size(),
                            "bytes", index.sizeInBytes()));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (bot != null) {
            bot.close();
        }
        if (baseline != null) {
            baseline.close();
        }
    }

    /** Question to reply, as every adapter asks it. */
    @Benchmark
    public Reply confbot(Cursor cursor) {
        return bot.reply(Inbound.fromConsole(cursor.next(questions)));
    }

    /** Question to top-ten passage ids. */
    @Benchmark
    public List<Integer> lucene(Cursor cursor) {
        return baseline.search(cursor.next(questions));
    }
}
