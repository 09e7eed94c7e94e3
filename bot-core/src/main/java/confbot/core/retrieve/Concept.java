package confbot.core.retrieve;

import java.util.List;

/**
 * One thing a question asks about: a glossary group (every form of it) or a single word. A
 * passage matches the concept when it contains any variant.
 *
 * @param label what the user wrote, for explanations
 * @param variants the forms, each as analysed terms of both fields
 * @param documentFrequency how many passages of the index match it
 * @param idf BM25's inverse document frequency of the concept in the index
 */
public record Concept(String label, List<Variant> variants, int documentFrequency, double idf) {
    public Concept {
        variants = List.copyOf(variants);
    }

    /** No passage in the whole index mentions it: the knowledge does not know this thing. */
    public boolean unknown() {
        return documentFrequency == 0;
    }

    /** One form of a concept, as the words field and the bigrams field index it. */
    public record Variant(List<String> words, List<String> bigrams) {
        public Variant {
            words = List.copyOf(words);
            bigrams = List.copyOf(bigrams);
        }
    }
}
