package confbot.bench;

import confbot.core.ConfBot;
import confbot.core.chat.Inbound;
import confbot.core.ingest.Passage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The confbot / plain Lucene ratio by CPU time of the asking thread, for profiling on a shared
 * machine: wall-clock samples (JMH) move with whatever else runs on the cores, the thread's own CPU
 * time much less. Each of the 60 questions is answered and searched in turn, after a warm-up of
 * the same length, and the means per question are printed. Not part of {@code benchmarks/run}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar confbot.bench.CpuRatio CORPUS SECONDS}, CORPUS one of
 * {@code builtin}, {@code 1000}, {@code 10000}, {@code 100000}.
 */
public final class CpuRatio {

    private CpuRatio() {}

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : Corpus.BUILTIN;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
        List<String> questions = Questions.read(Questions.defaultFile());
        Corpus corpus = Corpus.named(name, Corpus.defaultWorkDir());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ConfBot bot = corpus.bot();
                LuceneBaseline lucene = LuceneBaseline.build(
                        corpus.passages().stream().map(Passage::searchableText).toList())) {
            rounds(bot, lucene, questions, threads, seconds); // warm-up: the JIT compiles both paths
            long[] cpu = rounds(bot, lucene, questions, threads, seconds);
            double confbot = cpu[0] / 1e6 / cpu[2];
            double baseline = cpu[1] / 1e6 / cpu[2];
            System.out.printf(
                    "%s: %d answers; CPU per question: confbot %.3f ms, Lucene %.3f ms, ratio %.1fx%n",
                    name, cpu[2], confbot, baseline, confbot / baseline);
        }
    }

    /** CPU nanoseconds of confbot and of Lucene, and the number of questions, over whole rounds. */
    private static long[] rounds(
            ConfBot bot, LuceneBaseline lucene, List<String> questions, ThreadMXBean threads, long seconds) {
        long[] out = new long[3];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (String q : questions) {
                long start = threads.getCurrentThreadCpuTime();
                bot.reply(Inbound.fromConsole(q));
                long middle = threads.getCurrentThreadCpuTime();
                lucene.search(q);
                out[0] += middle - start;
                out[1] += threads.getCurrentThreadCpuTime() - middle;
                out[2]++;
            }
        }
        return out;
    }
}
