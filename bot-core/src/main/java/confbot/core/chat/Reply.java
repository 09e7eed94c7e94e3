package confbot.core.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core says back: plain, unescaped text; each adapter escapes and splits it for its
 * platform and renders the sources as links.
 *
 * @param kind what sort of reply this is, so adapters can style it (e.g. usage replies ephemeral)
 * @param text the body, plain text with paragraphs separated by blank lines
 * @param sources where the answer comes from, best first; empty for usage and help replies
 * @param answerId set on an answer the core recorded for feedback: adapters then offer 👍 / 👎
 *     buttons that vote on it ({@link VoteButton}); empty on every other reply
 */
public record Reply(Kind kind, String text, List<Source> sources, Optional<String> answerId) {

    public enum Kind {
        /** An answer drawn from the knowledge, with its sources. */
        ANSWER,
        /** The knowledge does not cover the question; says so and points to /help. */
        NOT_COVERED,
        /** A listing: schedule, slides, help, about. */
        LISTING,
        /** A one-line usage message for a bad command or argument. */
        USAGE,
        /**
         * Send nothing at all. A rate-limited sender hears "slow down" once; after that each message
         * gets this, so a flood of questions cannot make the bot flood the chat in turn.
         */
        SILENT
    }

    public Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        sources = List.copyOf(sources);
        Objects.requireNonNull(answerId, "answerId");
    }

    /** A reply nobody can vote on. */
    public Reply(Kind kind, String text, List<Source> sources) {
        this(kind, text, sources, Optional.empty());
    }

    /** The same reply, open to votes on the answer {@code id}. */
    public Reply withAnswerId(String id) {
        return new Reply(kind, text, sources, Optional.of(id));
    }

    /** The reply that tells the adapter to send nothing. */
    public static Reply silent() {
        return new Reply(Kind.SILENT, "", List.of());
    }

    /** Whether the bot answered from its knowledge (the evaluation's {@code answered}). */
    public boolean answered() {
        return kind == Kind.ANSWER || kind == Kind.LISTING;
    }
}
