package confbot.telegram;

/**
 * What happened to the updates and sends, for the caller to count (the cli turns these into
 * Prometheus counters); the adapter knows no metrics library.
 */
public interface DeliveryEvents {

    /** Outcomes an update ends with. */
    String ANSWERED = "answered";

    /** A final refusal that means the bot may not post in the chat at all (kicked, blocked, no rights). */
    String FORBIDDEN = "forbidden";

    /**
     * An update ended: {@code answered}, {@code ignored} (not addressed to the bot), {@code silent}
     * (rate limited), {@code refused} (a final 4xx), {@code forbidden} (a final refusal because the
     * bot may not post in the chat), {@code failed} (given up after retries, or an
     * error), {@code expired} (too old at start), {@code unreadable}.
     */
    void outcome(String outcome);

    /** A send is tried again: {@code flood} (429) or {@code transient} (5xx, network, not JSON). */
    void retry(String reason);

    /** Counts nothing. */
    static DeliveryEvents none() {
        return new DeliveryEvents() {
            @Override
            public void outcome(String outcome) {}

            @Override
            public void retry(String reason) {}
        };
    }
}
