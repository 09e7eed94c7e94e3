package confbot.telegram;

import java.util.Objects;

/** Who the bot is on Telegram, learnt with getMe at start; needed to tell which messages address it. */
record BotIdentity(long id, String username) {
    BotIdentity {
        Objects.requireNonNull(username, "username");
    }
}
