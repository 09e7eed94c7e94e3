package confbot.core.chat;

import java.util.concurrent.CompletionStage;

/**
 * The way out of the core: an adapter posts a {@link Reply} the core wrote on its own (a reminder
 * before a talk, a schedule change) into a chat, or privately to a person. The adapter renders,
 * splits and paces it as it does answers, within its platform's limits.
 *
 * <p>Never throws; the stage always completes, normally, with how the post ended. Thread-safe.
 */
public interface ChatPoster {

    /** How a post ended. */
    enum Outcome {
        /** Every part of the reply reached the platform. */
        POSTED,
        /**
         * The bot may not post there (removed from the group, no right to send, the person blocked
         * it, the channel is gone): posting again would fail the same way.
         */
        FORBIDDEN,
        /** Not posted, for another reason (the platform kept failing, the adapter is stopping). */
        FAILED
    }

    /** The platform this adapter posts to; {@link Origin#platform()} of the chats it serves. */
    Platform platform();

    /** Posts {@code reply} into the chat {@code chatId}, an {@link Origin#chatId()} this platform gave. */
    CompletionStage<Outcome> post(String chatId, Reply reply);

    /**
     * Posts {@code reply} to the person {@code userId} privately. On platforms where a person's
     * private chat has their user id as its id (Telegram, the terminal), that is {@link #post}.
     */
    default CompletionStage<Outcome> postToUser(String userId, Reply reply) {
        return post(userId, reply);
    }
}
