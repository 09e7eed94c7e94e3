package confbot.core.command;

/**
 * Parsed input: which command, and the rest of the line.
 *
 * @param name the command as typed, without slash or {@code @botname} (empty for a question)
 */
public record Command(Kind kind, String name, String argument) {
    public enum Kind {
        QUESTION,
        ASK,
        SCHEDULE,
        SLIDES,
        ABOUT,
        /** The talks on now and next, on the conference's clock. */
        NOW,
        /** The talks starting next, in a room or track when one is given. */
        NEXT,
        /** The latest schedule changes. */
        CHANGES,
        HELP,
        /** Rebuild the knowledge now; for admins only, which {@code ConfBot} checks. */
        RELOAD,
        /** The feedback report; for admins only, which {@code ConfBot} checks. */
        FEEDBACK,
        /** Reminders and schedule changes posted to this chat; in groups for admins, which {@code ConfBot} checks. */
        SUBSCRIBE,
        UNSUBSCRIBE,
        /** One reminder before one talk, to the person who asks, in a private chat. */
        REMIND,
        UNKNOWN
    }
}
