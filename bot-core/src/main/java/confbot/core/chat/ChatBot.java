package confbot.core.chat;

/**
 * The core as every adapter sees it.
 *
 * <p>Thread-safe and synchronous: adapters own their threads, deferral and pacing. Never throws on
 * user input; a question it cannot answer comes back as {@link Reply.Kind#NOT_COVERED}.
 */
public interface ChatBot {

    /** Answers one addressed message: a slash command or, failing that, a question. */
    Reply reply(Inbound message);

    /** What the bot offers now (its conferences), for menus and option choices. */
    default BotProfile profile() {
        return BotProfile.empty();
    }
}
