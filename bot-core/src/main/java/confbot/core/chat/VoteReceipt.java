package confbot.core.chat;

import java.util.Objects;

/**
 * What became of a vote, and the short acknowledgement to show the voter (Telegram's toast,
 * Discord's ephemeral reply, a line in the terminal): plain text, in the voter's language.
 */
public record VoteReceipt(Outcome outcome, String text) {

    public enum Outcome {
        /** Stored: the voter's first vote on this answer. */
        RECORDED,
        /** Stored: it replaced the voter's earlier, opposite vote. */
        CHANGED,
        /** The voter had already voted so; nothing changed. */
        UNCHANGED,
        /** Not stored: the answer is not known (an old message, or the store was reset). */
        UNKNOWN_ANSWER,
        /** Not stored: the store could not be written, or feedback is off. */
        FAILED
    }

    public VoteReceipt {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(text, "text");
    }

    /** Whether the vote is in the store (now or from before), committed. */
    public boolean stored() {
        return outcome == Outcome.RECORDED || outcome == Outcome.CHANGED || outcome == Outcome.UNCHANGED;
    }
}
