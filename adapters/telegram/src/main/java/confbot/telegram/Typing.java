package confbot.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One update's "typing…" indicator, shown only if its answer takes a noticeable time.
 *
 * <p>Why not always: the Bot API's own advice for sendChatAction is to use it "only when a response
 * from the bot will take a noticeable amount of time to arrive". Most answers take milliseconds; an
 * indicator for each doubled the calls to Telegram (and to its per-bot limits) and flickered for a
 * moment before the answer replaced it. So the indicator is sent once {@link #DELAY} has passed
 * without an answer, and not at all if the answer is ready first. When it did go out, the answer
 * waits for it to have reached Telegram, so the chat never shows "typing…" after the answer.
 */
final class Typing {

    /** Long enough for a quick answer to skip the indicator; short enough that a slow one shows it. */
    static final Duration DELAY = Duration.ofMillis(500);

    private final AtomicBoolean decided = new AtomicBoolean();
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    private Typing() {}

    /**
     * Sends the indicator after {@code delay} unless {@link #answerReady()} came first.
     *
     * @param send sends it, best effort; completes, normally, once Telegram answered or the call failed
     */
    static Typing after(Duration delay, Scheduler timer, Supplier<CompletableFuture<Void>> send) {
        Typing typing = new Typing();
        timer.after(delay, () -> {
            if (typing.decided.compareAndSet(false, true)) {
                send.get().whenComplete((result, error) -> typing.settled.complete(null));
            }
        });
        return typing;
    }

    /**
     * The answer is ready (or there is none): the indicator is not sent if it has not been.
     *
     * @return completes once no indicator is on its way any more: at once, or when the one sent has
     *     reached Telegram or failed
     */
    CompletableFuture<Void> answerReady() {
        if (decided.compareAndSet(false, true)) {
            settled.complete(null);
        }
        return settled;
    }
}
