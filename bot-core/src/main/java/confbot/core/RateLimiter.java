package confbot.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-user and per-chat message budgets in fixed windows. A window opens with a sender's first
 * message and lasts {@link BotOptions.RateLimit#window()}; Caffeine drops it when it expires, so
 * idle senders cost nothing and the maps stay small in big rooms.
 *
 * <p>A window is written once, when it opens, and only its counters change afterwards: with
 * expire-after-write, a write per message would push the expiry back, and a sender who keeps
 * sending would stay silenced for good instead of until the window they exceeded has passed.
 */
final class RateLimiter {

    /** What to do with one message. */
    enum Decision {
        /** Within budget: answer. */
        ALLOW,
        /** The first message over budget in this window: say "slow down", once. */
        WARN,
        /** Over budget and already warned: send nothing. */
        DROP
    }

    /** Bounds memory if ids are forged in bulk; far above the senders of any real community. */
    private static final long MAX_WINDOWS = 100_000;

    private final BotOptions.RateLimit limit;
    private final Cache<String, Window> users;
    private final Cache<String, Window> chats;

    RateLimiter(BotOptions.RateLimit limit, InstantSource clock) {
        this.limit = limit;
        Ticker ticker = () -> nanos(clock.instant());
        this.users = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(limit.window())
                .maximumSize(MAX_WINDOWS)
                .build();
        this.chats = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(limit.window())
                .maximumSize(MAX_WINDOWS)
                .build();
    }

    Decision check(Origin origin) {
        if (origin.platform() == Platform.CONSOLE) {
            return Decision.ALLOW; // the operator at the terminal is never limited
        }
        Window user = users.get(origin.platform() + ":" + origin.userId(), k -> new Window());
        if (user.count.incrementAndGet() > limit.perUser()) {
            return user.overBudget();
        }
        // Only messages within the user's budget count for the chat: one flooder must not use up
        // the budget of everyone else in the room.
        Window chat = chats.get(origin.platform() + ":" + origin.chatId(), k -> new Window());
        if (chat.count.incrementAndGet() > limit.perChat()) {
            return chat.overBudget();
        }
        return Decision.ALLOW;
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    /** One budget window: messages so far, and whether its sender was told to slow down. */
    private static final class Window {
        final AtomicInteger count = new AtomicInteger();
        final AtomicBoolean warned = new AtomicBoolean();

        Decision overBudget() {
            return warned.compareAndSet(false, true) ? Decision.WARN : Decision.DROP;
        }
    }
}
