package confbot.core.chat;

/**
 * One connection to a chat platform, started by {@code confbot serve}. Implementations own their
 * threads; {@link #close()} stops taking new messages and lets answers in flight finish.
 */
public interface ChatAdapter extends AutoCloseable {

    /** A short name for logs and health checks, e.g. {@code telegram}. */
    String name();

    /** Connects and starts taking messages; returns once connected. */
    void start() throws Exception;

    /** Whether the platform connection is up (for readiness checks). */
    boolean isConnected();

    /**
     * The core's profile changed (a reload brought other conferences): menus built from it should
     * be built again. Called on the reloading thread; failures are the adapter's to log.
     */
    default void profileChanged(BotProfile profile) {}

    @Override
    void close();
}
