package confbot.telegram;

import java.io.IOException;
import java.util.List;

/**
 * The Telegram module's fake Bot API (from its test-jar), opened up for the cli's serve tests.
 *
 * <p>Why this class sits in {@code confbot.telegram}: {@link FakeBotApi} and {@link Updates} are
 * package-private in the telegram module, which the cli may not edit; on the test classpath a class
 * of the same package can reach them, so this thin public face is all the cli adds.
 */
public final class FakeTelegram implements AutoCloseable {

    /** The id of the chat (and user) the private messages come from. */
    public static final long CHAT = Updates.PRIVATE_CHAT;

    private final FakeBotApi api;

    /** A fake that accepts only {@code token}; requests with any other answer 401. */
    public FakeTelegram(String token) throws IOException {
        this.api = new FakeBotApi(token);
    }

    /** What to set TELEGRAM_API_URL to. */
    public String url() {
        return api.url();
    }

    /** Queues a private message from a user, as update {@code updateId}. */
    public void sendPrivate(int updateId, String text) {
        api.enqueue(Updates.privateText(updateId, text).json());
    }

    /** Answers the next sendMessage 429 Too Many Requests, asking the bot to wait {@code seconds}. */
    public void answerNextSendMessageWith429(int seconds) {
        api.answerNextSendMessageWith429(seconds);
    }

    /** The texts Telegram accepted from the bot, in order: what users saw. */
    public List<String> delivered() {
        return api.delivered().stream().map(FakeBotApi.Call::text).toList();
    }

    /** How many getUpdates polls have arrived: above zero, the bot is polling. */
    public int polls() {
        return api.pollOffsets().size();
    }

    /** Every request body the bot sent, as received, for checks on what left the process. */
    public List<String> requestBodies() {
        return api.calls().stream().map(FakeBotApi.Call::rawBody).toList();
    }

    @Override
    public void close() {
        api.close();
    }
}
