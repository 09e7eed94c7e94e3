package confbot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the updates of one chat one after another, in the order they were handed in, on a shared
 * pool; different chats run side by side. So two questions in one chat are answered in the order
 * they were asked, even when the first takes longer to answer, and one chat's burst takes at most
 * one worker.
 */
final class ChatOrder {

    private final Executor workers;
    // Guarded by this: chats with an update running, and what waits behind it.
    private final Map<Long, Deque<Runnable>> waiting = new HashMap<>();
    private boolean stopped;

    ChatOrder(Executor workers) {
        this.workers = workers;
    }

    /** Runs {@code task} after the chat's earlier ones; at once when there is no chat (inline queries). */
    void execute(Optional<Long> chat, Runnable task) {
        if (chat.isEmpty()) {
            workers.execute(task);
            return;
        }
        Long key = chat.get();
        synchronized (this) {
            if (stopped) {
                return;
            }
            Deque<Runnable> queue = waiting.get(key);
            if (queue != null) {
                queue.add(task);
                return;
            }
            waiting.put(key, new ArrayDeque<>());
        }
        try {
            workers.execute(() -> runThenNext(key, task));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                waiting.remove(key);
            }
            throw e;
        }
    }

    /**
     * Starts nothing more; what waits is dropped (the caller journaled it).
     *
     * @return how many updates were waiting
     */
    synchronized int stop() {
        stopped = true;
        int dropped = waiting.values().stream().mapToInt(Deque::size).sum();
        waiting.values().forEach(Deque::clear);
        return dropped;
    }

    private void runThenNext(Long key, Runnable task) {
        try {
            task.run();
        } finally {
            Runnable next;
            synchronized (this) {
                Deque<Runnable> queue = waiting.get(key);
                next = stopped || queue == null ? null : queue.poll();
                if (next == null) {
                    waiting.remove(key);
                }
            }
            if (next != null) {
                Runnable following = next;
                try {
                    workers.execute(() -> runThenNext(key, following));
                } catch (RejectedExecutionException e) {
                    synchronized (this) {
                        waiting.remove(key);
                    }
                }
            }
        }
    }
}
