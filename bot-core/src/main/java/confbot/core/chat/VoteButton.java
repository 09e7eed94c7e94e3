package confbot.core.chat;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 👍 or 👎 button under an answer, and the data it carries back when pressed: Telegram's
 * callback data and Discord's component custom id, both written {@code fb:u:<answerId>} or {@code
 * fb:d:<answerId>}. Short (under 40 bytes, where Telegram allows 64 and Discord 100) and opaque: it
 * names the answer, never the question.
 *
 * <p>Button data comes back from the client, so anyone can send any string; {@link #parse} accepts
 * only the shape written here.
 */
public record VoteButton(String answerId, Vote.Rating rating) {

    /** What every vote button's data starts with, so an adapter can tell them from other buttons. */
    public static final String PREFIX = "fb:";

    private static final Pattern ANSWER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern DATA = Pattern.compile("fb:([ud]):(" + ANSWER_ID.pattern() + ")");

    public VoteButton {
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(rating, "rating");
        if (!ANSWER_ID.matcher(answerId).matches()) {
            throw new IllegalArgumentException("answerId: 1-32 letters, digits, '-' or '_', was '" + answerId + "'");
        }
    }

    /** The data the platform sends back when the button is pressed. */
    public String data() {
        return PREFIX + (rating == Vote.Rating.UP ? "u" : "d") + ":" + answerId;
    }

    /** The label: the emoji alone reads the same in every language. */
    public String label() {
        return rating == Vote.Rating.UP ? "👍" : "👎";
    }

    /** The two buttons for an answer, 👍 first. */
    public static java.util.List<VoteButton> both(String answerId) {
        return java.util.List.of(new VoteButton(answerId, Vote.Rating.UP), new VoteButton(answerId, Vote.Rating.DOWN));
    }

    /** The button whose data this is, or empty when it is not a vote button's (or was tampered with). */
    public static Optional<VoteButton> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        Matcher m = DATA.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new VoteButton(m.group(2), m.group(1).equals("u") ? Vote.Rating.UP : Vote.Rating.DOWN));
    }
}
