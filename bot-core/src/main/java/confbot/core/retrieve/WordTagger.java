package confbot.core.retrieve;

import java.util.List;

/**
 * Splits Chinese text into dictionary words with their part of speech, for reading questions: it
 * tells the words a question asks about from the ones that only phrase it (哪个, 或者, 已经), and
 * the names of people, places and organisations from common words, none of which a word list of
 * one deployment could.
 */
public interface WordTagger {

    /** The words of a text, in order, with their offsets in it. */
    List<Word> tag(String text);

    /** A tagger that knows nothing: every question is read by the index's analyser alone. */
    static WordTagger none() {
        return text -> List.of();
    }

    /**
     * @param start offset of the first character in the tagged text
     * @param end offset after the last character
     */
    record Word(String text, int start, int end, Kind kind) {}

    /** What a word is to a question. */
    enum Kind {
        /** A pronoun, conjunction, preposition, particle, measure word or adverb: phrasing. */
        FUNCTION,
        /** A person or an organisation. */
        NAME,
        /**
         * A place: a city, a district, a landmark. To a question it is content, not a name it
         * requires (notes in English spell it in Latin letters); to an answer it is what "where" asks.
         */
        PLACE,
        /** Anything else: what the question may ask about. */
        CONTENT
    }
}
