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

    /** Queues a private message in chat {@code chatId} (also the sender's user id), as update {@code updateId}. */
    public void sendPrivateIn(long chatId, int updateId, String text) {
        api.enqueue(Updates.privateTextIn(chatId, updateId, text).json());
    }

    /** Queues a press of an inline keyboard button carrying {@code data}, by {@code userId}, as update {@code updateId}. */
    public void pressButton(int updateId, String queryId, long userId, String data) {
        api.enqueue(Updates.callbackQuery(updateId, queryId, userId, CHAT, 100_000, data));
    }

    /** The callback data of the buttons under each accepted message, in order (empty lists for none). */
    public List<List<String>> buttons() {
        return api.delivered().stream()
                .map(c -> c.body().at("/reply_markup/inline_keyboard/0").findValuesAsText("callback_data"))
                .toList();
    }

    /** The text each answered callback query showed, by callback query id ("" for none). */
    public java.util.Map<String, String> callbackAnswers() {
        java.util.Map<String, String> answers = new java.util.HashMap<>();
        for (FakeBotApi.Call call : api.calls("answerCallbackQuery")) {
            answers.put(
                    call.body().path("callback_query_id").asText(),
                    call.body().path("text").asText(""));
        }
        return answers;
    }

    /** The message id the fake gives update {@code updateId}'s message; answers reply to it. */
    public static int messageIdOf(int updateId) {
        return Updates.messageId(updateId);
    }

    /** The message ids the accepted answers reply to, one entry per message Telegram accepted. */
    public List<Integer> repliedTo() {
        return api.delivered().stream()
                .map(c -> c.body().at("/reply_parameters/message_id").asInt())
                .toList();
    }

    /** When ({@link System#nanoTime()}) each question, by the message id answers reply to, was first answered. */
    public java.util.Map<Integer, Long> firstAnswered() {
        java.util.Map<Integer, Long> first = new java.util.HashMap<>();
        for (FakeBotApi.Call call : api.delivered()) {
            first.putIfAbsent(call.body().at("/reply_parameters/message_id").asInt(), call.nanos());
        }
        return first;
    }

    /** How many sendMessage calls the fake refused with 400: the bot sent something Telegram would not take. */
    public long badRequests() {
        return api.calls("sendMessage").stream().filter(c -> c.status() == 400).count();
    }

    /** How many sendMessage calls the fake failed on purpose (429, 502, HTML page, cut connection). */
    public long injectedFailures() {
        return api.calls("sendMessage").stream()
                .filter(c -> c.status() == 429 || c.status() == 502 || c.status() < 0)
                .count();
    }

    /** Answers the next {@code times} sendMessage calls into {@code chatId} with 429, retry_after {@code seconds}. */
    public void floodChat(long chatId, int seconds, int times) {
        api.floodChat(chatId, seconds, times);
    }

    /** Fails the next sendMessage calls: each name is BAD_GATEWAY, HTML_ERROR_PAGE, DROPPED_CONNECTION or TOO_MANY_REQUESTS. */
    public void failNextSendMessages(List<String> faults) {
        api.failNextSendMessages(faults.stream().map(FakeBotApi.Fault::valueOf).toArray(FakeBotApi.Fault[]::new));
    }

    /** Fails sendMessage calls by chance from now on: 429 (retry_after 1-2 s), 502 (JSON or HTML), cut connections. */
    public void injectRandomFaults(long seed, double tooManyRequests, double badGateway, double dropped) {
        api.injectRandomFaults(seed, tooManyRequests, badGateway, dropped);
    }

    /** Answers the next {@code times} getUpdates with 502. */
    public void failNextGetUpdates(int times) {
        api.failNextGetUpdates(times);
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
