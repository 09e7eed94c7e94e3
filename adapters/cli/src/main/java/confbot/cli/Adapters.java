package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.chat.ChatAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chat adapters the environment configures: one per platform whose token is set. */
final class Adapters {
    private Adapters() {}

    static List<ChatAdapter> configured(Map<String, String> env, ConfBot bot, boolean skipBacklog) {
        List<ChatAdapter> adapters = new ArrayList<>();
        // Telegram and Discord join here as their adapters land.
        return adapters;
    }
}
