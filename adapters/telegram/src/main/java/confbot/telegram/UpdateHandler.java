package confbot.telegram;

import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.command.Command;
import confbot.core.command.CommandParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Handles one update: decide whether it is addressed, ask the core (showing "typing" if that takes
 * a noticeable time, see {@link Typing}), and queue the rendered reply, threaded under the
 * question, on the chat's lane of the {@link SendQueue}.
 * Nothing escapes {@link #handle}: an error on one update is logged and the next update is handled
 * as usual. Every update ends with exactly one outcome told to {@code done}: here when it needs no
 * answer, by the send queue once its answer went out or failed for good.
 */
final class UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
    // Inline answers depend only on the notes, which change rarely; a minute spares the core repeats.
    private static final int INLINE_CACHE_SECONDS = 60;
    private static final int INLINE_TITLE_CODE_POINTS = 64;
    private static final int INLINE_DESCRIPTION_CODE_POINTS = 120;

    private final UpdateMapper mapper;
    private final ChatBot bot;
    private final HtmlRenderer renderer;
    private final SendQueue sender;
    private final Scheduler typingTimer;
    private final Optional<Instant> ignoreBefore;
    private final Redactor redactor;
    private final VoteCallbacks votes;
    private final ChatRights rights;
    private final CommandParser parser = new CommandParser();

    /**
     * @param ignoreBefore with {@code --skip-backlog}, the start time: messages sent before it are
     *     ignored (they piled up while the bot was down and their askers have moved on)
     * @param typingTimer sends the typing indicator of an answer that is slow to come
     */
    UpdateHandler(
            UpdateMapper mapper,
            ChatBot bot,
            HtmlRenderer renderer,
            SendQueue sender,
            Scheduler typingTimer,
            Optional<Instant> ignoreBefore,
            Redactor redactor,
            VoteCallbacks votes,
            ChatRights rights) {
        this.mapper = mapper;
        this.rights = rights;
        this.bot = bot;
        this.renderer = renderer;
        this.sender = sender;
        this.typingTimer = typingTimer;
        this.ignoreBefore = ignoreBefore;
        this.redactor = redactor;
        this.votes = votes;
    }

    /** Handles {@code update} and tells {@code done} how it ended, once. */
    void handle(Update update, Consumer<String> done) {
        try {
            if (update.hasMessage()) {
                handleMessage(update.getUpdateId(), update.getMessage(), done);
            } else if (update.hasInlineQuery()) {
                handleInline(update.getUpdateId(), update.getInlineQuery(), done);
            } else if (update.hasCallbackQuery()) {
                votes.handle(update.getUpdateId(), update.getCallbackQuery(), done);
            } else {
                // Edited messages are not answered again: the first version already was (or was not
                // addressed), and a second answer to an edit would read as a duplicate.
                log.debug("Update {} is neither a message nor an inline query; ignored", update.getUpdateId());
                done.accept("ignored");
            }
        } catch (RuntimeException e) {
            log.warn("Update {} failed: {}", update.getUpdateId(), redactor.describe(e));
            done.accept("failed");
        }
    }

    private void handleMessage(Integer updateId, Message message, Consumer<String> done) {
        if (isBacklog(message)) {
            log.debug("Update {} was sent before start; skipped (--skip-backlog)", updateId);
            done.accept("ignored");
            return;
        }
        Optional<UpdateMapper.Addressed> mapped = mapper.map(message);
        if (mapped.isEmpty()) {
            log.debug("Update {} is not addressed to the bot; ignored", updateId);
            done.accept("ignored");
            return;
        }
        UpdateMapper.Addressed addressed = mapped.get();
        Typing typing = Typing.after(Typing.DELAY, typingTimer, () -> showTyping(addressed));
        try {
            answer(updateId, addressed, typing, done);
        } finally {
            typing.answerReady(); // whatever happened, no indicator after this
        }
    }

    private void answer(Integer updateId, UpdateMapper.Addressed addressed, Typing typing, Consumer<String> done) {
        Inbound inbound = withRights(addressed);
        Reply reply = ask(inbound);
        if (reply.kind() == Reply.Kind.SILENT) {
            // Rate limited and already told to slow down: nothing goes back to the chat.
            log.debug("Update {} gets no reply (rate limited)", updateId);
            done.accept("silent");
            return;
        }
        List<String> parts = renderer.render(reply, inbound.locale());
        if (parts.isEmpty()) {
            done.accept("silent");
            return;
        }
        List<SendMessage> sends = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean last = i == parts.size() - 1;
            sends.add(SendMessage.builder()
                    .chatId(addressed.chatId())
                    .messageThreadId(addressed.topicId().orElse(null))
                    .text(part)
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(noPreview())
                    // Threaded under the question; still sent if the question was deleted meanwhile.
                    .replyParameters(ReplyParameters.builder()
                            .messageId(addressed.messageId())
                            .allowSendingWithoutReply(true)
                            .build())
                    // 👍 / 👎 under the end of an answer that can be voted on.
                    .replyMarkup(last ? voteKeyboard(reply).orElse(null) : null)
                    .build());
        }
        sender.submit(new SendQueue.Outgoing(
                updateId,
                String.valueOf(addressed.chatId()),
                inbound.origin().groupChat(),
                true,
                sends,
                // The answer is ready: no indicator now, and if one went out, the answer follows it.
                typing.answerReady(),
                done));
        log.debug("Update {} answer queued in {} part(s)", updateId, parts.size());
    }

    /**
     * A subscription command in a group carries whether its sender may manage the group, which only
     * Telegram knows: one getChatMember call, on this worker, for these rare commands alone.
     */
    private Inbound withRights(UpdateMapper.Addressed addressed) {
        Inbound inbound = addressed.inbound();
        Command.Kind kind = parser.parse(inbound.text()).kind();
        if (!inbound.origin().groupChat() || (kind != Command.Kind.SUBSCRIBE && kind != Command.Kind.UNSUBSCRIBE)) {
            return inbound;
        }
        boolean manager;
        try {
            manager = rights.mayManage(
                    addressed.chatId(), Long.parseLong(inbound.origin().userId()));
        } catch (RuntimeException e) {
            log.debug(
                    "Could not tell whether a member may manage chat {}: {}", addressed.chatId(), redactor.describe(e));
            manager = false;
        }
        return new Inbound(inbound.text(), inbound.locale(), inbound.origin().withManager(manager));
    }

    private void handleInline(Integer updateId, InlineQuery query, Consumer<String> done) {
        Optional<Inbound> mapped = mapper.mapInline(query);
        if (mapped.isEmpty()) {
            done.accept("ignored");
            return;
        }
        Inbound inbound = mapped.get();
        Command.Kind kind = parser.parse(inbound.text()).kind();
        if (kind == Command.Kind.SUBSCRIBE || kind == Command.Kind.UNSUBSCRIBE) {
            // Typed inline, a subscription would be to no chat: the command is for a chat itself.
            done.accept("ignored");
            return;
        }
        Reply reply = ask(inbound);
        if (reply.kind() == Reply.Kind.SILENT) {
            done.accept("silent"); // rate limited: no suggestion, and Telegram shows none
            return;
        }
        List<String> parts = renderer.render(reply, inbound.locale());
        if (parts.isEmpty()) {
            done.accept("silent");
            return;
        }
        String plain = HtmlRenderer.sanitize(reply.text()).strip();
        String firstLine = plain.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse(inbound.text())
                .strip();
        InlineQueryResultArticle article = InlineQueryResultArticle.builder()
                .id("answer")
                .title(HtmlRenderer.truncate(firstLine, INLINE_TITLE_CODE_POINTS))
                .description(HtmlRenderer.truncate(plain.replaceAll("\\s+", " "), INLINE_DESCRIPTION_CODE_POINTS))
                // An inline result is a single message: the first part, which is complete HTML.
                .inputMessageContent(InputTextMessageContent.builder()
                        .messageText(parts.get(0))
                        .parseMode(ParseMode.HTML)
                        .linkPreviewOptions(noPreview())
                        .build())
                .replyMarkup(voteKeyboard(reply).orElse(null))
                .build();
        AnswerInlineQuery answer = AnswerInlineQuery.builder()
                .inlineQueryId(query.getId())
                .results(List.of(article))
                .cacheTime(INLINE_CACHE_SECONDS)
                .isPersonal(true)
                .build();
        // Its own lane, unpaced: the query goes stale within seconds, and it posts into no chat.
        sender.submit(new SendQueue.Outgoing(
                updateId,
                "inline:" + query.getId(),
                false,
                false,
                List.of(answer),
                CompletableFuture.completedFuture(null),
                done));
    }

    private static Optional<InlineKeyboardMarkup> voteKeyboard(Reply reply) {
        return reply.kind() == Reply.Kind.ANSWER ? reply.answerId().map(VoteCallbacks::keyboard) : Optional.empty();
    }

    private Reply ask(Inbound inbound) {
        try {
            return bot.reply(inbound);
        } catch (RuntimeException e) {
            // The core promises not to throw on user input; if it does anyway, the asker hears something.
            log.error("The core failed on a Telegram message: {}", redactor.describe(e));
            boolean chinese = "zh".equals(inbound.locale().getLanguage());
            return new Reply(
                    Reply.Kind.NOT_COVERED,
                    chinese
                            ? "抱歉，我这次没能回答。请稍后再试，或发送 /help。"
                            : "Sorry, I could not answer that. Try again later, or send /help.",
                    List.of());
        }
    }

    /** Best effort: a failed typing indicator must not cost the answer. */
    private CompletableFuture<Void> showTyping(UpdateMapper.Addressed addressed) {
        return sender.sendBestEffort(SendChatAction.builder()
                .chatId(addressed.chatId())
                .messageThreadId(addressed.topicId().orElse(null))
                .action(ActionType.TYPING.toString())
                .build());
    }

    private boolean isBacklog(Message message) {
        return ignoreBefore.isPresent()
                && message.getDate() != null
                && message.getDate() < ignoreBefore.get().getEpochSecond();
    }

    private static LinkPreviewOptions noPreview() {
        return LinkPreviewOptions.builder().isDisabled(true).build();
    }
}
