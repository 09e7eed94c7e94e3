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

    /** "Where", "which city": asks for a place, which a passage names without these words. */
    public boolean asksForPlace() {
        return "asks-place".equals(kind);
    }

    /**
     * A lone Chinese character outside the glossary: smartcn leaves them where it finds no word
     * (格, 式 for 格式), so they say little about what the question asks.
     */
    public boolean singleCharacter() {
        return "word".equals(kind) && label.length() == 1 && label.charAt(0) >= 0x2E80;
    }

    /**
     * A concept mentioned by a quarter of all passages or more (idf below this) is the background
     * of the notes (Shanghai, Kubernetes, Alibaba in notes about KubeCon China), not what sets a
     * passage or a note apart.
     */
    public static final double BACKGROUND_IDF = 1.4;

    public boolean background() {
        return idf < BACKGROUND_IDF;
    }

    /** No passage in the whole index mentions it: the knowledge does not know this thing. */
    public boolean unknown() {
        return documentFrequency == 0;
    }

    /** Whether a text, analysed as the words and the bigrams fields index it, mentions any variant. */
    public boolean mentionedIn(List<String> words, List<String> bigrams) {
        for (Variant v : variants) {
            if (contains(words, v.words()) || contains(bigrams, v.bigrams())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the terms of {@code needle} occur in order in {@code haystack} with at most {@link
     * QueryBuilder#PHRASE_SLOP} terms between them in all, as the search's phrases allow ("hands-on
     * Kubernetes labs" mentions "hands-on labs").
     */
    static boolean contains(List<String> haystack, List<String> needle) {
        if (needle.isEmpty()) {
            return false;
        }
        if (needle.size() == 1) {
            return haystack.contains(needle.get(0));
        }
        for (int start = 0; start < haystack.size(); start++) {
            if (!haystack.get(start).equals(needle.get(0))) {
                continue;
            }
            int at = start;
            int gaps = 0;
            int matched = 1;
            while (matched < needle.size() && at + 1 < haystack.size() && gaps <= QueryBuilder.PHRASE_SLOP) {
                at++;
                if (haystack.get(at).equals(needle.get(matched))) {
                    matched++;
                } else {
                    gaps++;
                }
            }
            if (matched == needle.size() && gaps <= QueryBuilder.PHRASE_SLOP) {
                return true;
            }
        }
        return false;
    }

    /** One form of a concept, as the words field and the bigrams field index it. */
    public record Variant(List<String> words, List<String> bigrams) {
        public Variant {
            words = List.copyOf(words);
            bigrams = List.copyOf(bigrams);
        }
    }
}
