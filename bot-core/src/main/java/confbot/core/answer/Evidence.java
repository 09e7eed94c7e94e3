package confbot.core.answer;

import confbot.core.index.Analyzers;
import confbot.core.index.Fields;
import confbot.core.ingest.Passage;
import confbot.core.retrieve.Concept;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** Which of a question's concepts a piece of text mentions, by the index's own analysis. */
final class Evidence {

    private final Analyzers analyzers;

    Evidence(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The analysed form of a text, computed once and matched against many concepts. */
    record Analysed(List<String> words, List<String> bigrams, boolean hasDate) {}

    /** "13 November 2018", "2019-06-24", "6 月 24 日", "November": a date or a month. */
    private static final Pattern DATE = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\d{1,2}\\s*月|(周|星期)[一二三四五六日天]");

    Analysed analyse(String text) {
        return new Analysed(
                analyzers.terms(Fields.WORDS, text), analyzers.terms(Fields.BIGRAMS, text), DATE.matcher(text).find());
    }

    Analysed analyse(Passage p) {
        return analyse(p.searchableText());
    }

    static boolean mentions(Analysed text, Concept concept) {
        if (concept.asksForDate() && text.hasDate()) {
            return true;
        }
        for (Concept.Variant v : concept.variants()) {
            if (contains(text.words(), v.words()) || contains(text.bigrams(), v.bigrams())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(List<String> haystack, List<String> needle) {
        return !needle.isEmpty() && Collections.indexOfSubList(haystack, needle) >= 0;
    }
}
