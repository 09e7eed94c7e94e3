package confbot.core.state;

import confbot.core.chat.Source;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the bot answered, what it could not, and what people thought of the answers: the record
 * behind {@code /feedback} and {@code confbot feedback}. Each write is committed before it returns,
 * so a vote the user was told about survives a crash.
 *
 * <p>Every method may throw {@link StateStoreException} when the store cannot be reached.
 */
public interface AnswerLog {

    /** What the bot said to a question. */
    enum Kind {
        /** An answer from the notes, with its sources. */
        ANSWER,
        /** The notes don't cover the question: a gap. */
        ABSTAINED
    }

    /**
     * One asking of a question.
     *
     * @param answerId the answer's id, the same each time the same notes give the same reply to the
     *     same question
     * @param question the question as asked, white space collapsed
     * @param questionKey what groups askings of one question for the gap report
     * @param text the answer's text; empty for an abstention
     * @param knowledgeVersion which notes the answer came from
     */
    record Asked(
            String answerId,
            Kind kind,
            String question,
            String questionKey,
            String text,
            List<Source> sources,
            String knowledgeVersion,
            Instant at) {
        public Asked {
            Objects.requireNonNull(answerId, "answerId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(questionKey, "questionKey");
            Objects.requireNonNull(text, "text");
            sources = List.copyOf(sources);
            Objects.requireNonNull(knowledgeVersion, "knowledgeVersion");
            Objects.requireNonNull(at, "at");
        }
    }

    /** How a vote changed what was stored. */
    enum VoteResult {
        /** The person's first vote on this answer. */
        NEW,
        /** The person had voted the other way; the new vote replaces it. */
        CHANGED,
        /** The person had already voted this way; nothing changed. */
        SAME,
        /** No such answer is recorded (an old message, a reset store, made-up button data). */
        UNKNOWN_ANSWER
    }

    /**
     * Counts of everything recorded.
     *
     * @param answers distinct answers given; {@code askedAnswered} how many times questions were
     *     answered in all
     * @param abstentions distinct questions the notes did not cover; {@code askedAbstained} how many
     *     times such questions were asked
     */
    record Totals(long answers, long askedAnswered, long abstentions, long askedAbstained, long up, long down) {}

    /** An answer with its votes, for the worst rated list. */
    record Rated(
            String answerId,
            String question,
            String text,
            List<Source> sources,
            String knowledgeVersion,
            long timesAsked,
            long up,
            long down) {
        public Rated {
            sources = List.copyOf(sources);
        }
    }

    /**
     * A question the notes did not cover, summed over its askings (every wording that folds to one
     * key, every knowledge version).
     *
     * @param question the wording asked most recently
     */
    record Gap(String question, long timesAsked, Instant lastAsked) {}

    /** Records one asking: a new answer is stored, a known one counted once more. */
    void asked(Asked asked);

    /**
     * Records a person's vote on an answer, replacing their earlier one.
     *
     * @param rating 1 for a thumbs up, -1 for a thumbs down
     */
    VoteResult vote(String answerId, String platform, String userId, int rating, Instant at);

    Totals totals();

    /**
     * Answers with at least one vote, worst first: most thumbs down net of thumbs up, then most
     * thumbs down, then most asked.
     */
    List<Rated> worstRated(int limit);

    /** Questions the notes did not cover, most asked first, then most recently asked. */
    List<Gap> mostAskedUnanswered(int limit);
}
