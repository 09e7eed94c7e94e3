package confbot.cli;

import confbot.core.chat.ChatAdapter;
import confbot.core.state.StateStore;
import confbot.discord.DiscordAdapter;
import confbot.discord.DiscordConfig;
import confbot.telegram.InboxPolicy;
import confbot.telegram.TelegramAdapter;
import confbot.telegram.TelegramConfig;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chat platforms the settings configure, one per token that is set. Read before the knowledge
 * is loaded, so a missing token or a bad setting is reported at once.
 */
record Adapters(Optional<TelegramConfig> telegram, Optional<DiscordConfig> discord) {

    /** @throws IllegalArgumentException naming the variable when a setting is malformed */
    static Adapters fromEnv(Map<String, String> env) {
        return new Adapters(TelegramConfig.fromEnv(env), DiscordConfig.fromEnv(env));
    }

    boolean isEmpty() {
        return telegram.isEmpty() && discord.isEmpty();
    }

    /**
     * Whether an adapter keeps state: Telegram's inbox, and every platform's answers and votes; only
     * then is the store opened.
     */
    boolean needState() {
        return !isEmpty();
    }

    /**
     * The adapters over {@code bot}; {@code --skip-backlog} arrives as TELEGRAM_SKIP_BACKLOG.
     *
     * @param state the opened store, when {@link #needState()}; closed by the caller after the adapters
     */
    List<ChatAdapter> create(MeteredChatBot bot, Optional<StateStore> state, InboxPolicy inbox) {
        List<ChatAdapter> adapters = new ArrayList<>();
        telegram.ifPresent(config -> adapters.add(new TelegramAdapter(
                config,
                bot,
                bot,
                InstantSource.system(),
                state.orElseThrow(() -> new IllegalStateException("Telegram needs the state store"))
                        .inbox(),
                inbox,
                new TelegramMeters(bot.registry()))));
        discord.ifPresent(config -> adapters.add(new DiscordAdapter(config, bot, bot, bot)));
        return adapters;
    }
}
