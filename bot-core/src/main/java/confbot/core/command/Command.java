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
