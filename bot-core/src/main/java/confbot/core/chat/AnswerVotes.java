package confbot.core.chat;

/**
 * Takes the votes people give answers with the 👍 / 👎 buttons under them. Thread-safe; never
 * throws: a vote that cannot be stored comes back as {@link VoteReceipt.Outcome#FAILED}.
 *
 * <p>Returns only once the vote is committed to the store, so an adapter that shows the receipt
 * after this returns never tells someone about a vote that a crash could lose.
 */
public interface AnswerVotes {

    VoteReceipt vote(Vote vote);
}
