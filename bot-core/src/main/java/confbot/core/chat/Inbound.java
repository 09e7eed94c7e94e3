package confbot.core.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * An addressed message. The adapter has already decided it is meant for the bot and stripped the
 * mention and any {@code @botname} suffix; Discord slash options arrive rendered as text, e.g.
 * {@code /schedule 2019 2}.
 *
 * @param text what the user wrote, unescaped
 * @param locale the user's interface language when the platform tells it, else {@link Locale#ROOT}
 * @param origin where it came from, for rate limits and admin checks
 */
public record Inbound(String text, Locale locale, Origin origin) {
    public Inbound {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(origin, "origin");
    }

    /** A message typed at the terminal. */
    public static Inbound fromConsole(String text) {
        return new Inbound(text, Locale.ROOT, Origin.console());
    }
}
