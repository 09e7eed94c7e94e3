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
 * @param required a name or an asked-for attribute (Tencent, KubeCon Europe, ticket price): an
 *     answer that does not mention it answers another question
 * @param kind the glossary kind of a glossary concept ({@code asks-date} for "when", "which
 *     month"), {@code word} otherwise
 */
public record Concept(
        String label, List<Variant> variants, int documentFrequency, double idf, boolean required, String kind) {
    public Concept {
        variants = List.copyOf(variants);
    }

    /** "When", "which month": asks for a date, which a passage gives without these words. */
    public boolean asksForDate() {
        return "asks-date".equals(kind);
    }

    /**
     * A lone Chinese character outside the glossary: smartcn leaves them where it finds no word
     * (格, 式 for 格式), so they say little about what the question asks.
     */
    public boolean singleCharacter() {
        return "word".equals(kind) && label.length() == 1 && label.charAt(0) >= 0x2E80;
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
