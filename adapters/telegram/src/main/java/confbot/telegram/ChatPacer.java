package confbot.telegram;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces out messages per chat so that a busy group does not trip Telegram's flood control.
 *
 * <p>Telegram asks bots to send at most about one message per second to a chat and at most 20 per
 * minute to a group (<a href="https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this">
 * Bots FAQ</a>). Each send reserves the chat's next free slot; the caller waits until its slot. A 429
 * answer pushes the chat's next slot past {@code retry_after}, so every sender to that chat backs off,
 * not only the one that was refused.
 */
final class ChatPacer {

    static final Duration PRIVATE_INTERVAL = Duration.ofSeconds(1);
    static final Duration GROUP_INTERVAL = Duration.ofSeconds(3);
    // Forget idle chats once there are this many, so the map does not grow with every chat ever seen.
    private static final int PRUNE_ABOVE = 10_000;

    private final InstantSource clock;
    private final Map<String, Instant> nextSlot = new HashMap<>();

    ChatPacer(InstantSource clock) {
        this.clock = clock;
    }

    /** Reserves the chat's next slot and returns how long to wait for it (zero when it is free now). */
    synchronized Duration reserve(String chatKey, boolean group) {
        Instant now = clock.instant();
        if (nextSlot.size() > PRUNE_ABOVE) {
            nextSlot.values().removeIf(slot -> slot.isBefore(now));
        }
        Instant slot = nextSlot.getOrDefault(chatKey, now);
        if (slot.isBefore(now)) {
            slot = now;
        }
        nextSlot.put(chatKey, slot.plus(group ? GROUP_INTERVAL : PRIVATE_INTERVAL));
        return Duration.between(now, slot);
    }

    /** Telegram refused a send with 429: nothing more goes to this chat for {@code retryAfter}. */
    synchronized void holdOff(String chatKey, Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        nextSlot.merge(chatKey, until, (current, proposed) -> current.isAfter(proposed) ? current : proposed);
    }
}
