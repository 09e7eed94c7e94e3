package confbot.telegram;

import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides whether a Telegram message is meant for the bot, and if so turns it into the core's
 * {@link Inbound}.
 *
 * <p>In a private chat every text message is. In a group, only what people expect a bot to answer:
 * a command (also written {@code /ask@ItsBot}), a message that mentions the bot, or a reply to one of
 * the bot's messages. A bot that answers every message in a group gets removed. The text passed on
 * is what was addressed: {@code /ask@ItsBot what is X} becomes {@code /ask what is X}, and
 * {@code @ItsBot what is X} becomes {@code what is X}. The core decides command versus question.
 */
final class UpdateMapper {

    /** Telegram's own cap on a message; anything longer did not come from a real client. */
    static final int MAX_TEXT_LENGTH = 4096;

    // "/cmd" or "/cmd@SomeBot" at the very start, then whitespace or the end.
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?=\\s|$)");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    /** An addressed message and where the answer goes. */
    record Addressed(Inbound inbound, long chatId, int messageId, Optional<Integer> topicId) {}

    private final BotIdentity me;

    UpdateMapper(BotIdentity me) {
        this.me = me;
    }

    /** The message as the bot should see it, or empty when it is not addressed to the bot. */
    Optional<Addressed> map(Message message) {
        if (message == null || message.getChat() == null || message.getFrom() == null) {
            return Optional.empty();
        }
        User from = message.getFrom();
        String text = message.getText();
        if (Boolean.TRUE.equals(from.getIsBot()) || text == null || text.isBlank()) {
            // Other bots: answering them risks an endless loop. No text: stickers, photos, joins.
            return Optional.empty();
        }
        String chatType = message.getChat().getType();
        boolean privateChat = "private".equals(chatType);
        if (!privateChat && !"group".equals(chatType) && !"supergroup".equals(chatType)) {
            return Optional.empty();
        }
        Optional<String> addressed = privateChat ? privateText(text) : groupText(message, text);
        return addressed
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .map(t -> new Addressed(
                        new Inbound(
                                limit(t),
                                locale(from),
                                new Origin(
                                        Platform.TELEGRAM,
                                        String.valueOf(message.getChat().getId()),
                                        String.valueOf(from.getId()),
                                        !privateChat)),
                        message.getChat().getId(),
                        message.getMessageId(),
                        message.isTopicMessage()
                                ? Optional.ofNullable(message.getMessageThreadId())
                                : Optional.empty()));
    }

    /** An inline query ({@code @ItsBot question} typed in any chat) as a question, or empty when blank. */
    Optional<Inbound> mapInline(InlineQuery query) {
        if (query == null
                || query.getFrom() == null
                || query.getQuery() == null
                || query.getQuery().isBlank()) {
            return Optional.empty();
        }
        // Where the answer will be posted is unknown until it is chosen; only "sender" (the user's chat
        // with the bot) and "private" are surely not groups.
        String chatType = query.getChatType();
        boolean group = !("sender".equals(chatType) || "private".equals(chatType));
        String userId = String.valueOf(query.getFrom().getId());
        return Optional.of(new Inbound(
                limit(query.getQuery().strip()),
                locale(query.getFrom()),
                new Origin(Platform.TELEGRAM, "inline:" + userId, userId, group)));
    }

    private Optional<String> privateText(String text) {
        Matcher command = COMMAND.matcher(text);
        if (command.find()) {
            String target = command.group(2);
            if (target != null && !target.equalsIgnoreCase(me.username())) {
                return Optional.empty();
            }
            return Optional.of(commandText(command.group(1), text.substring(command.end())));
        }
        return Optional.of(text);
    }

    private Optional<String> groupText(Message message, String text) {
        Matcher command = COMMAND.matcher(text);
        boolean isCommand = command.find();
        if (isCommand && command.group(2) != null) {
            return command.group(2).equalsIgnoreCase(me.username())
                    ? Optional.of(commandText(command.group(1), text.substring(command.end())))
                    : Optional.empty();
        }
        Optional<String> withoutMention = stripMentions(message, text);
        if (withoutMention.isPresent()) {
            String rest = withoutMention.get().strip();
            // A bare "@ItsBot" asks what the bot can do.
            return Optional.of(rest.isEmpty() ? "/help" : rest);
        }
        if (isReplyToMe(message)) {
            return Optional.of(isCommand ? commandText(command.group(1), text.substring(command.end())) : text);
        }
        if (isCommand
                && BotCommands.ANSWERED_IN_GROUPS.contains(command.group(1).toLowerCase(Locale.ROOT))) {
            return Optional.of(commandText(command.group(1), text.substring(command.end())));
        }
        return Optional.empty();
    }

    /** {@code /start} is what Telegram sends when someone opens the bot; the core's welcome is /help. */
    private static String commandText(String name, String rest) {
        if (name.equalsIgnoreCase("start")) {
            return "/help";
        }
        return "/" + name + rest;
    }

    /** The text without the mentions of this bot, or empty when it does not mention the bot. */
    private Optional<String> stripMentions(Message message, String text) {
        List<int[]> spans = new ArrayList<>();
        List<MessageEntity> entities = message.getEntities();
        if (entities != null) {
            for (MessageEntity entity : entities) {
                if (entity == null || entity.getOffset() == null || entity.getLength() == null) {
                    continue;
                }
                int start = entity.getOffset();
                int end = start + entity.getLength();
                if (start < 0 || end > text.length() || start >= end) {
                    continue;
                }
                if (isMentionOfMe(entity, text.substring(start, end))) {
                    spans.add(new int[] {start, end});
                }
            }
        }
        if (spans.isEmpty()) {
            // Entities are authoritative, but a leading "@ItsBot" without them is still clearly for us.
            String handle = "@" + me.username();
            if (text.regionMatches(true, 0, handle, 0, handle.length())
                    && (text.length() == handle.length() || !isHandleChar(text.charAt(handle.length())))) {
                spans.add(new int[] {0, handle.length()});
            } else {
                return Optional.empty();
            }
        }
        spans.sort(Comparator.comparingInt((int[] span) -> span[0]).reversed());
        StringBuilder out = new StringBuilder(text);
        for (int[] span : spans) {
            out.replace(span[0], span[1], " ");
        }
        return Optional.of(SPACES.matcher(out.toString().strip()).replaceAll(" "));
    }

    private boolean isMentionOfMe(MessageEntity entity, String covered) {
        if ("mention".equals(entity.getType())) {
            return covered.equalsIgnoreCase("@" + me.username());
        }
        if ("text_mention".equals(entity.getType())) {
            return entity.getUser() != null
                    && entity.getUser().getId() != null
                    && entity.getUser().getId() == me.id();
        }
        return false;
    }

    private static boolean isHandleChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private boolean isReplyToMe(Message message) {
        Message replied = message.getReplyToMessage();
        return replied != null
                && replied.getFrom() != null
                && replied.getFrom().getId() != null
                && replied.getFrom().getId() == me.id();
    }

    private static Locale locale(User user) {
        String code = user.getLanguageCode();
        return code == null || code.isBlank() ? Locale.ROOT : Locale.forLanguageTag(code);
    }

    private static String limit(String text) {
        if (text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_LENGTH - 1)) ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
        return text.substring(0, end);
    }
}
