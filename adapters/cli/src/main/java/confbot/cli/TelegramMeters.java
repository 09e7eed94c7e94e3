package confbot.cli;

import confbot.telegram.DeliveryEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Telegram adapter's delivery events as Prometheus counters: {@code
 * confbot_telegram_updates_total{outcome}} for how each update ended, {@code
 * confbot_telegram_send_retries_total{reason}} for sends tried again after a 429 ({@code flood}) or
 * a 5xx, network error or unreadable body ({@code transient}).
 */
final class TelegramMeters implements DeliveryEvents {

    private static final List<String> OUTCOMES =
            List.of("answered", "ignored", "silent", "refused", "forbidden", "failed", "expired", "unreadable");
    private static final List<String> REASONS = List.of("flood", "transient");

    private final MeterRegistry registry;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();

    TelegramMeters(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front at zero, so that rate() sees every series from the start.
        OUTCOMES.forEach(this::outcomeCounter);
        REASONS.forEach(this::retryCounter);
    }

    @Override
    public void outcome(String outcome) {
        outcomeCounter(outcome).increment();
    }

    @Override
    public void retry(String reason) {
        retryCounter(reason).increment();
    }

    private Counter outcomeCounter(String outcome) {
        return outcomes.computeIfAbsent(outcome, o -> Counter.builder("confbot.telegram.updates")
                .description("Telegram updates by how they ended")
                .tag("outcome", o)
                .register(registry));
    }

    private Counter retryCounter(String reason) {
        return retries.computeIfAbsent(reason, r -> Counter.builder("confbot.telegram.send.retries")
                .description("Bot API calls sent again, by why")
                .tag("reason", r)
                .register(registry));
    }
}
