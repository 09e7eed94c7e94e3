package confbot.core.index;

/** Lucene field names, in one place (Anserini's {@code Constants}). */
public final class Fields {
    private Fields() {}

    /** Title, heading and text, segmented into Chinese words; English stemmed. */
    public static final String WORDS = "words";
    /** The same text as CJK bigrams; English words whole. */
    public static final String BIGRAMS = "bigrams";
    /** The note's {@link confbot.core.ingest.Passage#context}, analysed as {@link #WORDS}. */
    public static final String CONTEXT_WORDS = "ctx_words";
    /** The note's context, analysed as {@link #BIGRAMS}. */
    public static final String CONTEXT_BIGRAMS = "ctx_bigrams";
    /** Conference id, untokenised. */
    public static final String CONFERENCE = "conference";
    /** Day of the programme (1, 2, 3) for passages about one day, untokenised. */
    public static final String DAY = "day";
    /** Language code, untokenised. */
    public static final String LANGUAGE = "lang";
    /** Position of the passage in the index's passage list. */
    public static final String ORDINAL = "ord";
}
