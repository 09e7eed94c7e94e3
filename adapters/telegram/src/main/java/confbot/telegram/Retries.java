package confbot.telegram;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * What to do when a Bot API call fails, by the kind of failure.
 *
 * <ul>
 *   <li>429 Too Many Requests: wait the {@code retry_after} Telegram gives, for that chat only.
 *   <li>5xx, a connection reset or timeout, a body that is not the Bot API's JSON (a proxy's HTML
 *       error page): try again after a capped exponential backoff with jitter, for at most
 *       {@code retryFor} after the first failure.
 *   <li>Any other error code (400, 403: blocked by the user, chat not found): final; sending the
 *       same call again would get the same answer. Among those, the ones that say the bot may not
 *       post in the chat at all (403 "bot was kicked", "bot was blocked by the user"; 400 "not
 *       enough rights", "chat not found") are marked {@link Final#forbidden()}: a subscription to
 *       that chat is ended rather than tried again at every reminder.
 * </ul>
 *
 * @param retryFor how long to keep retrying a call that fails transiently
 * @param firstBackoff the wait after the first transient failure
 * @param maxBackoff the cap on one wait
 */
record Retries(Duration retryFor, Duration firstBackoff, Duration maxBackoff) {

    static final Duration DEFAULT_RETRY_FOR = Duration.ofMinutes(10);
    static final int TOO_MANY_REQUESTS = 429;
    // Telegram's 429s always carry retry_after; this is for a proxy that leaves it out.
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    Retries {
        Objects.requireNonNull(retryFor, "retryFor");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** Up to ten minutes of retries, starting at half a second and waiting at most 30 s at a time. */
    static Retries defaults() {
        return of(DEFAULT_RETRY_FOR);
    }

    static Retries of(Duration retryFor) {
        return new Retries(retryFor, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** How a call failed. */
    sealed interface Failure {}

    /** Telegram asked to wait. */
    record Flood(Duration retryAfter) implements Failure {}

    /** Worth another try. */
    record Transient() implements Failure {}

    /**
     * Another try would fail the same way.
     *
     * @param forbidden the bot may not post in the chat at all (removed, blocked, no right to send)
     */
    record Final(boolean forbidden) implements Failure {}

    /** How Telegram words a 400 that means the bot cannot post in the chat, lower-cased. */
    private static final java.util.List<String> NO_RIGHTS = java.util.List.of(
            "not enough rights",
            "have no rights",
            "chat not found",
            "chat_write_forbidden",
            "need administrator rights");

    static Failure classify(TelegramApiException e) {
        // telegrambots leaves the code 0 (not null) when the body could not be read.
        if (e instanceof TelegramApiRequestException request
                && request.getErrorCode() != null
                && request.getErrorCode() >= 400) {
            int code = request.getErrorCode();
            if (code == TOO_MANY_REQUESTS) {
                Integer seconds = request.getParameters() == null
                        ? null
                        : request.getParameters().getRetryAfter();
                return new Flood(seconds == null || seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds));
            }
            if (code >= 500) {
                return new Transient();
            }
            String description = request.getApiResponse() == null
                    ? ""
                    : request.getApiResponse().toLowerCase(java.util.Locale.ROOT);
            return new Final(code == 403 || NO_RIGHTS.stream().anyMatch(description::contains));
        }
        // No error code: the connection failed or timed out, or the body was not the Bot API's JSON.
        return new Transient();
    }

    /**
     * The wait before try {@code failures + 1}: exponential, capped, and spread between half and all
     * of it ("equal jitter"), so that chats that failed together do not retry together.
     */
    Duration backoff(int failures, RandomGenerator random) {
        long base = firstBackoff.toMillis();
        long capped = maxBackoff.toMillis();
        long exp = failures >= 31 ? capped : Math.min(capped, base << Math.max(0, failures - 1));
        long half = exp / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    /** The {@code retry_after} of a 429, if this was one. */
    static Optional<Duration> retryAfter(Failure failure) {
        return failure instanceof Flood flood ? Optional.of(flood.retryAfter()) : Optional.empty();
    }
}
