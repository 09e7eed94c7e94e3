package confbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Feeds the adapter's fake Bot API with private-chat questions and times each reply: from the
 * moment an update is queued on the fake (a long poll held open returns it at once, as Telegram's
 * does) to the moment the fake receives the sendMessage that answers it.
 *
 * <p>Every update comes from a chat and a user of its own, so neither the adapter's per-chat
 * pacing ({@link ChatPacer}: one message a second per private chat, with no switch to turn it off)
 * nor the core's per-user limits ever hold a reply back; what is measured is the path itself.
 *
 * <p>The fake tells the feed of each call as it records it ({@link FakeBotApi#onCall}), with the
 * {@link System#nanoTime()} at which it had read and checked the request: that is the time a reply
 * is stamped with. (An earlier watcher thread copied the fake's whole record every 200 µs to find
 * what was new; with thousands of calls that copying cost the fake more than the calls did.)
 */
final class LoadFeed implements AutoCloseable {

    static final String TOKEN = "123456789:AAH-bench_token_0123456789abcdef";
    /** Chat and user ids start here; the chat of update {@code n} is {@code CHAT_BASE + n}. */
    static final long CHAT_BASE = 5_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeBotApi api;
    private final List<String> questions;
    // Indexed by update id; written by the feeding thread (queued) and the fake's threads (answered),
    // each slot once, before the counter that publishes it.
    private final long[] queuedAt;
    private final long[] answeredAt;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private int nextUpdate = 1;

    LoadFeed(FakeBotApi api, List<String> questions, int capacity) {
        this.api = api;
        this.questions = List.copyOf(questions);
        this.queuedAt = new long[capacity + 2];
        this.answeredAt = new long[capacity + 2];
        api.onCall(this::stamp);
    }

    /** One phase's outcome. */
    record Phase(
            int updates,
            int answered,
            int failed,
            double seconds,
            double perSecond,
            double p50Millis,
            double p99Millis) {}

    /** Queues {@code n} updates at once and waits (up to {@code timeout}) until each is answered. */
    Phase burst(int n, long timeoutMillis) {
        int first = nextUpdate;
        queue(n);
        return await(first, n, timeoutMillis);
    }

    /** Queues {@code n} updates at {@code perSecond}, open loop, and waits until each is answered. */
    Phase paced(int n, double perSecond, long timeoutMillis) {
        int first = nextUpdate;
        long start = System.nanoTime();
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        int sent = 0;
        while (sent < n) {
            long due = Math.min(n, (System.nanoTime() - start) / interval + 1);
            if (due > sent) {
                queue((int) (due - sent));
                sent = (int) due;
            }
            LockSupport.parkNanos(Math.max(50_000, interval / 4));
        }
        return await(first, n, timeoutMillis);
    }

    private void queue(int n) {
        if (nextUpdate + n > queuedAt.length - 1) {
            throw new IllegalStateException("capacity " + (queuedAt.length - 2) + " updates");
        }
        ObjectNode[] updates = new ObjectNode[n];
        for (int i = 0; i < n; i++) {
            updates[i] = update(nextUpdate + i, questions.get((nextUpdate + i) % questions.size()));
        }
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            queuedAt[nextUpdate + i] = now;
        }
        nextUpdate += n;
        api.enqueue(updates);
    }

    private Phase await(int first, int n, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int last = first + n - 1;
        while (System.nanoTime() < deadline && !allAnswered(first, last)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        List<Long> latencies = new ArrayList<>(n);
        long end = 0;
        int done = 0;
        for (int id = first; id <= last; id++) {
            if (answeredAt[id] != 0) {
                done++;
                latencies.add(answeredAt[id] - queuedAt[id]);
                end = Math.max(end, answeredAt[id]);
            }
        }
        double seconds = done == 0 ? 0 : (end - queuedAt[first]) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(
                n,
                done,
                failed.get(),
                seconds,
                done == 0 ? 0 : done / seconds,
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    private boolean allAnswered(int first, int last) {
        if (answered.get() < last - first + 1) { // the read that makes the fake's stamps visible
            return false;
        }
        for (int id = last; id >= first; id--) {
            if (answeredAt[id] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void stamp(FakeBotApi.Call call) {
        if (!call.method().equals("sendmessage")) {
            return;
        }
        Optional<Integer> id = updateOf(call);
        if (id.isPresent() && call.ok() && answeredAt[id.get()] == 0) {
            answeredAt[id.get()] = call.nanos();
            answered.incrementAndGet();
        } else if (!call.ok()) {
            failed.incrementAndGet();
        }
    }

    private Optional<Integer> updateOf(FakeBotApi.Call call) {
        long chat = call.body().path("chat_id").asLong(0) - CHAT_BASE;
        return chat > 0 && chat < answeredAt.length ? Optional.of((int) chat) : Optional.empty();
    }

    int answered() {
        return answered.get();
    }

    /** A private-chat text message as Telegram sends it, from a chat and user of its own. */
    static ObjectNode update(int updateId, String text) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", updateId);
        ObjectNode message = update.putObject("message");
        message.put("message_id", updateId * 10);
        message.put("date", Instant.now().getEpochSecond());
        long chat = CHAT_BASE + updateId;
        message.putObject("chat").put("id", chat).put("type", "private");
        message.putObject("from")
                .put("id", chat)
                .put("is_bot", false)
                .put("first_name", "Load")
                .put(
                        "language_code",
                        text.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF) ? "zh-hans" : "en");
        message.put("text", text);
        return update;
    }

    @Override
    public void close() {
        api.onCall(call -> {});
    }
}
