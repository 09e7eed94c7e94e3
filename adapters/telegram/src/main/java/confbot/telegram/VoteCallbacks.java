package confbot.telegram;

import confbot.core.chat.AnswerVotes;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Vote;
import confbot.core.chat.VoteButton;
import confbot.core.chat.VoteReceipt;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The 👍 / 👎 buttons under an answer: the inline keyboard that carries them, and the callback
 * query a press sends. The vote is committed to the store before the callback query is answered,
 * so the "thanks" the voter sees (Telegram's toast) is never about a vote a crash could lose; and
 * every callback query is answered, a vote or not, so the client's spinner stops.
 *
 * <p>Callback updates are journaled like messages ({@link UpdateDispatcher}): one taken before a
 * crash is voted again at the next start, which stores the same vote once.
 */
final class VoteCallbacks {

    private static final Logger log = LoggerFactory.getLogger(VoteCallbacks.class);
    /** Telegram shows at most 200 characters in a callback's toast. */
    private static final int MAX_TOAST = 200;

    private final AnswerVotes votes;
    private final SendQueue sender;

    VoteCallbacks(AnswerVotes votes, SendQueue sender) {
        this.votes = votes;
        this.sender = sender;
    }

    /** The keyboard under an answer that can be voted on: one row, 👍 then 👎. */
    static InlineKeyboardMarkup keyboard(String answerId) {
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (VoteButton button : VoteButton.both(answerId)) {
            row.add(InlineKeyboardButton.builder()
                    .text(button.label())
                    .callbackData(button.data())
                    .build());
        }
        return InlineKeyboardMarkup.builder().keyboardRow(row).build();
    }

    /** Takes the vote a button press casts, then answers the query; tells {@code done} how it ended. */
    void handle(int updateId, CallbackQuery query, Consumer<String> done) {
        if (query.getId() == null) {
            done.accept("ignored"); // cannot be answered; nothing was pressed that we know of
            return;
        }
        Optional<VoteButton> button = VoteButton.parse(query.getData());
        User from = query.getFrom();
        String toast = "";
        if (button.isEmpty() || from == null || from.getId() == null) {
            log.debug("Update {}: a callback query that is not a vote; answered without a word", updateId);
        } else {
            Locale locale =
                    from.getLanguageCode() == null || from.getLanguageCode().isBlank()
                            ? Locale.ROOT
                            : Locale.forLanguageTag(from.getLanguageCode());
            VoteReceipt receipt = votes.vote(Vote.of(button.get(), voter(query, from), locale));
            log.debug(
                    "Update {}: vote {} on answer {}",
                    updateId,
                    receipt.outcome(),
                    button.get().answerId());
            toast = HtmlRenderer.truncate(receipt.text(), MAX_TOAST);
        }
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder()
                .callbackQueryId(query.getId())
                .text(toast.isEmpty() ? null : toast)
                .build();
        // Its own lane, unpaced: a callback answer posts into no chat, and goes stale in seconds.
        sender.submit(new SendQueue.Outgoing(
                updateId,
                "callback:" + query.getId(),
                false,
                false,
                List.of(answer),
                CompletableFuture.completedFuture(null),
                done));
    }

    /** Who voted; the chat matters only for logs, the user is what makes one vote per person. */
    private static Origin voter(CallbackQuery query, User from) {
        String chat = query.getMessage() != null && query.getMessage().getChatId() != null
                ? String.valueOf(query.getMessage().getChatId())
                : "inline";
        boolean group = query.getMessage() != null
                && query.getMessage().getChat() != null
                && !"private".equals(query.getMessage().getChat().getType());
        return new Origin(Platform.TELEGRAM, chat, String.valueOf(from.getId()), group);
    }
}
