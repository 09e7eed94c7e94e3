package confbot.core.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * A press of a 👍 or 👎 button under an answer.
 *
 * @param voter who pressed it (its user id is what makes one vote per person per answer)
 * @param locale the voter's interface language, for the acknowledgement; {@link Locale#ROOT} if unknown
 */
public record Vote(String answerId, Rating rating, Origin voter, Locale locale) {

    public enum Rating {
        UP,
        DOWN
    }

    public Vote {
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(locale, "locale");
    }

    /** The vote a pressed button casts. */
    public static Vote of(VoteButton button, Origin voter, Locale locale) {
        return new Vote(button.answerId(), button.rating(), voter, locale);
    }
}
