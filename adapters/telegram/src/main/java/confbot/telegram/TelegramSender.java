package confbot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends Bot API calls paced per chat, and honours Telegram's flood control: a 429 answer carries
 * {@code retry_after} seconds, after which the same call is sent again.
 */
final class TelegramSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    /** Telegram's answer to a request sent too fast. */
    static final int TOO_MANY_REQUESTS = 429;
    /** Sends per call, counting resends after 429; past this the caller hears about the error. */
    static final int MAX_ATTEMPTS = 4;
    // Telegram's 429s always carry retry_after; this is for a proxy that leaves it out.
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final TelegramClient client;
    private final ChatPacer pacer;
    private final Sleeper sleeper;

    TelegramSender(TelegramClient client, ChatPacer pacer, Sleeper sleeper) {
        this.client = client;
        this.pacer = pacer;
        this.sleeper = sleeper;
    }

    /** Sends a call that posts into a chat, waiting for the chat's turn and resending after 429. */
    <T extends Serializable, M extends BotApiMethod<T>> T send(String chatKey, boolean group, M method)
            throws TelegramApiException, InterruptedException {
        return sendWithRetry(Optional.of(new Slot(chatKey, group)), method);
    }

    /**
     * Sends a call that posts into no chat (an inline answer), resending after 429. Unpaced: inline
     * queries arrive as the user types, and a queued answer would be stale by the time it went out.
     */
    <T extends Serializable, M extends BotApiMethod<T>> T sendUnpaced(M method)
            throws TelegramApiException, InterruptedException {
        return sendWithRetry(Optional.empty(), method);
    }

    private <T extends Serializable, M extends BotApiMethod<T>> T sendWithRetry(Optional<Slot> slot, M method)
            throws TelegramApiException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Duration wait = slot.isPresent()
                    ? pacer.reserve(slot.get().chatKey(), slot.get().group())
                    : Duration.ZERO;
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
            try {
                return client.execute(method);
            } catch (TelegramApiRequestException e) {
                Optional<Duration> retryAfter = retryAfter(e);
                if (retryAfter.isEmpty() || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.warn(
                        "Telegram flood control on {}: waiting {} s as asked, then sending again",
                        method.getMethod(),
                        retryAfter.get().toSeconds());
                if (slot.isPresent()) {
                    // Through the pacer, so that every sender to this chat backs off, not only this one.
                    pacer.holdOff(slot.get().chatKey(), retryAfter.get());
                } else {
                    sleeper.sleep(retryAfter.get());
                }
            }
        }
    }

    /** Sends a call once, unpaced: for calls that post nothing, like the typing indicator. */
    <T extends Serializable, M extends BotApiMethod<T>> T sendOnce(M method) throws TelegramApiException {
        return client.execute(method);
    }

    /** Whose turn a send waits for. */
    private record Slot(String chatKey, boolean group) {}

    private static Optional<Duration> retryAfter(TelegramApiRequestException e) {
        if (e.getErrorCode() == null || e.getErrorCode() != TOO_MANY_REQUESTS) {
            return Optional.empty();
        }
        Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        return Optional.of(seconds == null || seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds));
    }
}
