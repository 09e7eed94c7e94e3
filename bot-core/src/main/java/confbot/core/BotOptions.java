package confbot.core;

import confbot.core.chat.Origin;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the core behaves towards the people who use it, as opposed to what it knows ({@link Setup}):
 * who may reload, how fast anyone may ask, how many answers to remember. Built at the edge (the
 * launcher reads {@code confbot.yaml}) and passed to {@link ConfBot#create(Setup, BotOptions)}.
 *
 * @param admins who may {@code /reload} and {@code /feedback}, as {@code telegram:<userId>} or {@code discord:<userId>}
 * @param rateLimit how many messages a user and a chat may send per window
 * @param answerCacheSize how many answers to questions to keep; 0 turns the cache off
 * @param clock time for the rate-limit windows, injected so tests advance a fake
 */
public record BotOptions(Set<String> admins, RateLimit rateLimit, int answerCacheSize, InstantSource clock) {

    /** Platform ids are opaque, but a key must name its platform and carry an id. */
    private static final Pattern ADMIN = Pattern.compile("^(telegram|discord):\\S+$");

    public static final int DEFAULT_ANSWER_CACHE_SIZE = 1_000;

    public BotOptions {
        admins = Set.copyOf(admins);
        for (String admin : admins) {
            if (!ADMIN.matcher(admin).matches()) {
                throw new IllegalArgumentException(
                        "admins: '" + admin + "' is not of the form telegram:<userId> or discord:<userId>");
            }
        }
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (answerCacheSize < 0) {
            throw new IllegalArgumentException("answerCacheSize: must be 0 or more, was " + answerCacheSize);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether {@code origin}'s sender may use the admin commands ({@code /reload}, {@code
     * /feedback}): a listed {@code platform:userId}.
     */
    public boolean isAdmin(Origin origin) {
        return admins.contains(adminKey(origin));
    }

    /** How {@link #admins()} names a sender: {@code telegram:<userId>}. */
    public static String adminKey(Origin origin) {
        return origin.platform().name().toLowerCase(Locale.ROOT) + ":" + origin.userId();
    }

    /** No admins, {@link RateLimit#defaults()}, a thousand cached answers, the system clock. */
    public static BotOptions defaults() {
        return new BotOptions(Set.of(), RateLimit.defaults(), DEFAULT_ANSWER_CACHE_SIZE, InstantSource.system());
    }

    public BotOptions withAdmins(Set<String> admins) {
        return new BotOptions(admins, rateLimit, answerCacheSize, clock);
    }

    public BotOptions withRateLimit(RateLimit rateLimit) {
        return new BotOptions(admins, rateLimit, answerCacheSize, clock);
    }

    public BotOptions withAnswerCacheSize(int answerCacheSize) {
        return new BotOptions(admins, rateLimit, answerCacheSize, clock);
    }

    public BotOptions withClock(InstantSource clock) {
        return new BotOptions(admins, rateLimit, answerCacheSize, clock);
    }

    /**
     * Message budgets per fixed window, counted from a sender's first message in it. Console input
     * is never limited.
     *
     * @param perUser messages one user may send in a window, in any chat
     * @param perChat messages one chat (group, channel, private chat) may receive in a window
     * @param window how long a budget lasts
     */
    public record RateLimit(int perUser, int perChat, Duration window) {

        public RateLimit {
            if (perUser < 1) {
                throw new IllegalArgumentException("rateLimit.perUser: must be at least 1, was " + perUser);
            }
            if (perChat < 1) {
                throw new IllegalArgumentException("rateLimit.perChat: must be at least 1, was " + perChat);
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("rateLimit.window: must be positive, was " + window);
            }
        }

        /**
         * Six messages a user and twenty a chat per minute: more than anyone reading the answers
         * asks, fewer than a script or a runaway bridge sends.
         */
        public static RateLimit defaults() {
            return new RateLimit(6, 20, Duration.ofMinutes(1));
        }
    }
}
