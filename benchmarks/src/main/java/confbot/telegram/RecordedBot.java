package confbot.telegram;

import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Reply;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bot that answers instantly with the real core's replies: each distinct question (and language)
 * is answered by the core once, and every later ask returns that reply from a map. With it the load
 * test measures the adapter's own path (polling, journal, workers, renderer, sender, HTTP) with the
 * same replies to render and send, and none of the answer's cost.
 *
 * <p>The core is asked as the terminal, which it never rate-limits, so that the recorded reply is the
 * answer and never a "slow down".
 */
final class RecordedBot implements ChatBot {

    private record Key(String text, Locale locale) {}

    private final ChatBot core;
    private final Map<Key, Reply> replies = new ConcurrentHashMap<>();

    RecordedBot(ChatBot core) {
        this.core = core;
    }

    @Override
    public Reply reply(Inbound message) {
        return replies.computeIfAbsent(
                new Key(message.text(), message.locale()),
                key -> core.reply(new Inbound(key.text(), key.locale(), Origin.console())));
    }
}
