package confbot.core.answer;

import confbot.core.index.Analyzers;
import confbot.core.index.Fields;
import confbot.core.ingest.Passage;
import confbot.core.retrieve.Concept;
import java.util.Collections;
import java.util.List;

/** Which of a question's concepts a piece of text mentions, by the index's own analysis. */
final class Evidence {

    private final Analyzers analyzers;

    Evidence(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The analysed form of a text, computed once and matched against many concepts. */
    record Analysed(List<String> words, List<String> bigrams) {}

    Analysed analyse(String text) {
        return new Analysed(analyzers.terms(Fields.WORDS, text), analyzers.terms(Fields.BIGRAMS, text));
    }

    Analysed analyse(Passage p) {
        return analyse(p.searchableText());
    }

    static boolean mentions(Analysed text, Concept concept) {
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
