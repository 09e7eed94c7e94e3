package confbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of the updates proxies, bridges and self-hosted Bot API servers send, beside
 * ordinary ones: entities whose offsets and lengths are out of range (or missing), lone surrogate
 * halves, texts over Telegram's limits, empty and whitespace texts, control characters, RTL and
 * combining marks, markup and query syntax, missing chats and senders, and update kinds the bot
 * never asked for. The same seed gives the same updates.
 */
final class HostileUpdates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PIECES = List.of(
            "When was KubeCon China 2019?",
            "蚂蚁金服在大会上宣布了什么？",
            "/ask",
            "/ask@ItsBot",
            "/start",
            "/schedule 2019 2",
            "/slides@OtherBot crd",
            "@ItsBot",
            "@itsbot",
            "@SomeoneElse",
            "<b>bold</b> & <i",
            "</a><script>",
            "title:(a OR b)~2 ^3 * ? \\ \" [1 TO 5]",
            "🙂👍🏽🏳️‍🌈",
            "\uD83D", // a high surrogate alone
            "\uDE42", // a low surrogate alone
            "e\u0301\u0301\u0301",
            "\u202Eevil\u202C",
            "שלום ما هو",
            "\u0000\u0007\u001B[31m",
            "\uFEFF\u200B\u200D",
            " ",
            "\n\n\t",
            "");
    private static final List<String> ENTITY_TYPES =
            List.of("mention", "text_mention", "bot_command", "bold", "url", "text_link", "spoiler", "made_up");
    private static final List<String> CHAT_TYPES = List.of("private", "group", "supergroup", "channel", "secret", "");
    private static final List<String> KINDS = List.of(
            "message",
            "message",
            "message",
            "message",
            "edited_message",
            "channel_post",
            "inline_query",
            "callback_query",
            "message_reaction",
            "chat_member",
            "none");

    private final Random random;

    HostileUpdates(long seed) {
        this.random = new Random(seed);
    }

    ObjectNode next(int updateId) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateId);
        String kind = pick(KINDS);
        switch (kind) {
            case "none" -> {}
            case "inline_query" -> {
                ObjectNode inline = update.putObject("inline_query");
                inline.put("id", "iq" + updateId).put("query", text()).put("offset", "");
                if (random.nextBoolean()) {
                    inline.put("chat_type", pick(List.of("sender", "private", "group", "supergroup", "channel")));
                }
                if (random.nextInt(10) > 0) {
                    user(inline.putObject("from"));
                }
            }
            case "callback_query" -> {
                ObjectNode callback = update.putObject("callback_query");
                callback.put("id", "cb" + updateId).put("data", text()).put("chat_instance", "x");
                user(callback.putObject("from"));
            }
            case "message_reaction", "chat_member" -> update.putObject(kind).put("date", 1_700_000_000);
            default -> message(update.putObject(kind), updateId);
        }
        return update;
    }

    private void message(ObjectNode message, int updateId) {
        message.put("message_id", updateId * 10);
        message.put("date", random.nextInt(10) == 0 ? 0 : 1_768_467_600 + random.nextInt(1000));
        if (random.nextInt(20) > 0) {
            ObjectNode chat = message.putObject("chat");
            chat.put("id", random.nextBoolean() ? 1000L + random.nextInt(50) : -100_000L - random.nextInt(50));
            chat.put("type", pick(CHAT_TYPES));
        }
        if (random.nextInt(20) > 0) {
            user(message.putObject("from"));
        }
        if (random.nextInt(8) == 0) {
            message.put("is_topic_message", true).put("message_thread_id", random.nextInt(5));
        }
        if (random.nextInt(5) > 0) {
            String text = text();
            message.put("text", text);
            ArrayNode entities = message.putArray("entities");
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                entity(entities.addObject(), text.length());
            }
        } else if (random.nextBoolean()) {
            message.put("caption", text());
        }
        if (random.nextInt(6) == 0) {
            ObjectNode replied = message.putObject("reply_to_message");
            replied.put("message_id", 1).put("date", 1);
            ObjectNode from = replied.putObject("from");
            from.put("id", random.nextBoolean() ? FakeBotApi.BOT_ID : 5)
                    .put("is_bot", true)
                    .put("first_name", "B");
            if (random.nextBoolean()) {
                replied.putObject("chat").put("id", 1).put("type", "private");
            }
        }
    }

    private void entity(ObjectNode entity, int length) {
        entity.put("type", pick(ENTITY_TYPES));
        int choice = random.nextInt(6);
        switch (choice) {
            case 0 -> {} // neither offset nor length
            case 1 -> entity.put("offset", random.nextInt(length + 1)).put("length", random.nextInt(10) + 1);
            case 2 -> entity.put("offset", length + random.nextInt(500)).put("length", random.nextInt(30));
            case 3 -> entity.put("offset", -random.nextInt(5) - 1).put("length", random.nextInt(30) - 10);
            case 4 -> entity.put("offset", Integer.MAX_VALUE - random.nextInt(3))
                    .put("length", Integer.MAX_VALUE);
            default -> entity.put("offset", 0).put("length", length + random.nextInt(3) - 1);
        }
        if (random.nextBoolean()) {
            ObjectNode user = entity.putObject("user");
            user.put("id", random.nextBoolean() ? FakeBotApi.BOT_ID : 9)
                    .put("is_bot", false)
                    .put("first_name", "U");
        }
    }

    private void user(ObjectNode user) {
        user.put("id", 1000L + random.nextInt(50))
                .put("is_bot", random.nextInt(15) == 0)
                .put("first_name", text().isEmpty() ? "A" : "Ann");
        int language = random.nextInt(5);
        if (language == 1) {
            user.put("language_code", "zh-hans");
        } else if (language == 2) {
            user.put("language_code", "en");
        } else if (language == 3) {
            user.put("language_code", "!!-not-a-tag-\uD83D");
        }
    }

    private String text() {
        int shape = random.nextInt(12);
        if (shape == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (shape == 1) {
            // Over Telegram's 4096: 5k to 20k characters.
            int target = 5_000 + random.nextInt(15_000);
            while (text.length() < target) {
                text.append(pick(PIECES)).append(' ');
            }
            return text.toString();
        }
        int pieces = 1 + random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            if (i > 0 && random.nextBoolean()) {
                text.append(' ');
            }
            text.append(pick(PIECES));
        }
        if (random.nextInt(10) == 0) {
            text.append((char) (0xD800 + random.nextInt(0x800))); // any surrogate half, at the end
        }
        return text.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
