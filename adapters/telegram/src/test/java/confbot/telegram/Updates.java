package confbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Updates as Telegram sends them (JSON), for the fake Bot API's getUpdates and for webhook pushes.
 * Like Telegram, a leading {@code /command} gets a bot_command entity and every {@code @name} a
 * mention entity, with UTF-16 offsets.
 */
final class Updates {

    static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");
    static final long PRIVATE_CHAT = 1001;
    static final long GROUP_CHAT = -100_2002;
    static final long ALICE = 1001;
    static final long BOB = 3003;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMMAND = Pattern.compile("^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?");
    private static final Pattern MENTION = Pattern.compile("@[A-Za-z0-9_]{5,32}");

    private final ObjectNode update = JSON.createObjectNode();
    private final ObjectNode message;

    private Updates(int updateId, String kind, long chatId, String chatType, long userId, String text) {
        update.put("update_id", updateId);
        message = update.putObject(kind);
        message.put("message_id", messageId(updateId));
        message.put("date", NOW.getEpochSecond());
        ObjectNode chat = message.putObject("chat").put("id", chatId).put("type", chatType);
        if (!chatType.equals("private")) {
            chat.put("title", "KubeCon fans");
        }
        message.putObject("from")
                .put("id", userId)
                .put("is_bot", false)
                .put("first_name", "Alice")
                .put("language_code", "en");
        if (text != null) {
            message.put("text", text);
            addEntities(text);
        }
    }

    /** The message id the builder gives update {@code updateId}'s message. */
    static int messageId(int updateId) {
        return updateId * 10;
    }

    static Updates privateText(int updateId, String text) {
        return new Updates(updateId, "message", PRIVATE_CHAT, "private", ALICE, text);
    }

    /** A private message in another private chat: the chat id is also the user's. */
    static Updates privateTextIn(long chatId, int updateId, String text) {
        return new Updates(updateId, "message", chatId, "private", chatId, text);
    }

    static Updates groupText(int updateId, String text) {
        return new Updates(updateId, "message", GROUP_CHAT, "supergroup", BOB, text);
    }

    /** A message in the group from {@code userId}. */
    static Updates groupTextFrom(int updateId, long userId, String text) {
        return new Updates(updateId, "message", GROUP_CHAT, "supergroup", userId, text);
    }

    static Updates editedPrivateText(int updateId, String text) {
        Updates u = new Updates(updateId, "edited_message", PRIVATE_CHAT, "private", ALICE, text);
        u.message.put("edit_date", NOW.getEpochSecond() + 5);
        return u;
    }

    static Updates privateSticker(int updateId) {
        Updates u = new Updates(updateId, "message", PRIVATE_CHAT, "private", ALICE, null);
        u.message
                .putObject("sticker")
                .put("file_id", "CAAC")
                .put("file_unique_id", "u1")
                .put("type", "regular")
                .put("width", 512)
                .put("height", 512)
                .put("is_animated", false)
                .put("is_video", false);
        return u;
    }

    static Updates privatePhoto(int updateId) {
        Updates u = new Updates(updateId, "message", PRIVATE_CHAT, "private", ALICE, null);
        u.message
                .putArray("photo")
                .addObject()
                .put("file_id", "AgAC")
                .put("file_unique_id", "p1")
                .put("width", 90)
                .put("height", 90);
        return u;
    }

    static Updates groupJoin(int updateId) {
        Updates u = new Updates(updateId, "message", GROUP_CHAT, "supergroup", BOB, null);
        u.message
                .putArray("new_chat_members")
                .addObject()
                .put("id", 4004)
                .put("is_bot", false)
                .put("first_name", "Carol");
        return u;
    }

    static ObjectNode inlineQuery(int updateId, String id, String query) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateId);
        ObjectNode inline = update.putObject("inline_query");
        inline.put("id", id).put("query", query).put("offset", "").put("chat_type", "supergroup");
        inline.putObject("from")
                .put("id", BOB)
                .put("is_bot", false)
                .put("first_name", "Bob")
                .put("language_code", "zh-hans");
        return update;
    }

    /**
     * A press of an inline keyboard button under the bot's message {@code botMessageId} in the
     * private chat {@code chatId}, by {@code userId}.
     */
    static ObjectNode callbackQuery(
            int updateId, String queryId, long userId, long chatId, int botMessageId, String data) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateId);
        ObjectNode callback = update.putObject("callback_query");
        callback.put("id", queryId).put("chat_instance", "ci-" + chatId).put("data", data);
        callback.putObject("from")
                .put("id", userId)
                .put("is_bot", false)
                .put("first_name", "Someone")
                .put("language_code", "en");
        ObjectNode message = callback.putObject("message");
        message.put("message_id", botMessageId)
                .put("date", NOW.getEpochSecond())
                .put("text", "An answer");
        message.putObject("chat").put("id", chatId).put("type", "private");
        message.putObject("from")
                .put("id", FakeBotApi.BOT_ID)
                .put("is_bot", true)
                .put("first_name", "Conf Bot")
                .put("username", FakeBotApi.BOT_USERNAME);
        return update;
    }

    Updates from(long userId, String languageCode) {
        message.putObject("from")
                .put("id", userId)
                .put("is_bot", false)
                .put("first_name", "Someone")
                .put("language_code", languageCode);
        return this;
    }

    Updates sentAt(Instant date) {
        message.put("date", date.getEpochSecond());
        return this;
    }

    /** As a reply to one of the bot's own messages. */
    Updates replyingToBot(int botMessageId) {
        ObjectNode replied = message.putObject("reply_to_message");
        replied.put("message_id", botMessageId)
                .put("date", NOW.getEpochSecond())
                .put("text", "An earlier answer");
        replied.set("chat", message.get("chat").deepCopy());
        replied.putObject("from")
                .put("id", FakeBotApi.BOT_ID)
                .put("is_bot", true)
                .put("first_name", "Conf Bot")
                .put("username", FakeBotApi.BOT_USERNAME);
        return this;
    }

    ObjectNode json() {
        return update.deepCopy();
    }

    private void addEntities(String text) {
        ArrayNode entities = JSON.createArrayNode();
        Matcher command = COMMAND.matcher(text);
        int afterCommand = 0;
        if (command.find()) {
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", command.end());
            afterCommand = command.end();
        }
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            if (mention.start() >= afterCommand) {
                entities.addObject()
                        .put("type", "mention")
                        .put("offset", mention.start())
                        .put("length", mention.end() - mention.start());
            }
        }
        if (!entities.isEmpty()) {
            message.set("entities", entities);
        }
    }
}
