package confbot.core.retrieve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import confbot.core.index.Analyzers;
import confbot.core.index.Fields;
import confbot.core.ingest.Passage;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of a question's concepts a piece of text mentions, by the index's own analysis. One per
 * core, shared by the retriever (which weighs hits by what their text mentions) and the answer
 * writer (which picks sentences by it), so a passage is analysed once for both.
 */
public final class Evidence {

    private final Analyzers analyzers;
    /**
     * Analysed passages and sentences: the best passages of popular questions recur, and smartcn's
     * segmentation was the largest share of writing an answer. Bounded: a few MiB at most.
     */
    private final Cache<String, Analysed> analysed =
            Caffeine.newBuilder().maximumSize(8_192).build();

    public Evidence(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The analysed form of a text, computed once and matched against many concepts. */
    public record Analysed(List<String> words, List<String> bigrams, boolean hasDate) {}

    /** "13 November 2018", "2019-06-24", "6 月 24 日", "November": a date or a month. */
    private static final Pattern DATE = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\d{1,2}\\s*月|(周|星期)[一二三四五六日天]");

    public Analysed analyse(String text) {
        return analysed.get(text, this::analyseNow);
    }

    private Analysed analyseNow(String text) {
        return new Analysed(
                analyzers.terms(Fields.WORDS, text),
                analyzers.terms(Fields.BIGRAMS, text),
                DATE.matcher(text).find());
    }

    public Analysed analyse(Passage p) {
        // The note's context counts: a passage of "Naman's post" is about what the post is about.
        return analyse(p.context().isEmpty() ? p.searchableText() : p.searchableText() + "\n" + p.context());
    }

    public static boolean mentions(Analysed text, Concept concept) {
        if (concept.asksForDate() && text.hasDate()) {
            return true;
        }
        return concept.mentionedIn(text.words(), text.bigrams());
    }
}
