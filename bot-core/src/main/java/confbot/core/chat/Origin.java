package confbot.core.chat;

import java.util.Objects;

/**
 * Opaque platform ids of a message's chat and sender, used for rate limits and admin checks.
 *
 * @param groupChat whether other people can see the reply (group, channel, server)
 */
public record Origin(Platform platform, String chatId, String userId, boolean groupChat) {
    public Origin {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(userId, "userId");
    }

    public static Origin console() {
        return new Origin(Platform.CONSOLE, "console", "console", false);
    }
}
