package confbot.core.chat;

import java.util.Objects;

/**
 * Opaque platform ids of a message's chat and sender, used for rate limits and admin checks.
 *
 * @param groupChat whether other people can see the reply (group, channel, server)
 * @param manager whether the platform says the sender may manage this chat (a Telegram group's
 *     creator or administrator, a Discord member with Manage Channel); adapters look it up only for
 *     the commands that need it ({@code /subscribe}, {@code /unsubscribe}), else it is false
 */
public record Origin(Platform platform, String chatId, String userId, boolean groupChat, boolean manager) {
    public Origin {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(userId, "userId");
    }

    /** An origin whose sender's rights in the chat were not looked up. */
    public Origin(Platform platform, String chatId, String userId, boolean groupChat) {
        this(platform, chatId, userId, groupChat, false);
    }

    /** The same origin, with what the platform said about the sender's right to manage the chat. */
    public Origin withManager(boolean manager) {
        return new Origin(platform, chatId, userId, groupChat, manager);
    }

    public static Origin console() {
        return new Origin(Platform.CONSOLE, "console", "console", false);
    }
}
