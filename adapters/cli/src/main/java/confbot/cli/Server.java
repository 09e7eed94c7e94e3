package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.KnowledgeWatcher;
import confbot.core.chat.ChatAdapter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code confbot serve} as an object tests can run in-process: the HTTP endpoint, the index, the
 * measured core and the chat adapters, started in that order and stopped in reverse.
 *
 * <p>The endpoint comes up first so that liveness holds and readiness reports "index: loading"
 * while the index builds. {@link #close()} may run on another thread at any point of {@link
 * #start()} (a SIGTERM during start-up): whatever has started is stopped, whatever is still to start
 * is not, and {@code start} then fails.
 */
final class Server implements AutoCloseable {

    /** Creates the chat adapters over the measured core; called once the index is loaded. */
    interface AdapterFactory {
        List<ChatAdapter> create(MeteredChatBot bot);
    }

    /** What runs beside the adapters once they are connected (the reminders), closed before they stop. */
    interface Companion {
        AutoCloseable start(ConfBot bot, List<ChatAdapter> adapters);

        static Companion none() {
            return (bot, adapters) -> () -> {};
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Server.class);

    private final Supplier<ConfBot> bots;
    private final AdapterFactory adapterFactory;
    private final boolean watchKnowledge;
    private final int httpPort;
    private final PrometheusMeterRegistry registry;
    private final Companion companion;
    private final Object lock = new Object();

    // Guarded by lock; read without it (volatile) by readiness checks on the HTTP threads.
    private volatile boolean closing;
    private volatile Optional<HttpEndpoint> http = Optional.empty();
    private volatile Optional<ConfBot> core = Optional.empty();
    private volatile Optional<KnowledgeWatcher> watcher = Optional.empty();
    private volatile Optional<List<ChatAdapter>> adapters = Optional.empty();
    private volatile Optional<AutoCloseable> companionRunning = Optional.empty();

    /**
     * @param bots loads the knowledge and builds the core (the slow part of starting)
     * @param adapters creates the chat adapters over the measured core
     * @param watchKnowledge whether to re-index when the notes folders or catalogs change (there is
     *     nothing to watch with the built-in knowledge alone)
     * @param httpPort the endpoint's port; 0 picks a free one
     */
    Server(
            Supplier<ConfBot> bots,
            AdapterFactory adapters,
            boolean watchKnowledge,
            int httpPort,
            PrometheusMeterRegistry registry) {
        this(bots, adapters, watchKnowledge, httpPort, registry, Companion.none());
    }

    /** @param companion started once every adapter is connected: the reminders */
    Server(
            Supplier<ConfBot> bots,
            AdapterFactory adapters,
            boolean watchKnowledge,
            int httpPort,
            PrometheusMeterRegistry registry,
            Companion companion) {
        this.companion = companion;
        this.bots = bots;
        this.adapterFactory = adapters;
        this.watchKnowledge = watchKnowledge;
        this.httpPort = httpPort;
        this.registry = registry;
    }

    /**
     * Starts everything; returns once every adapter is connected.
     *
     * @throws IllegalStateException naming the adapter that could not start (its reason carries no
     *     token), or saying that {@link #close()} was called meanwhile
     */
    void start() throws Exception {
        HttpEndpoint endpoint = new HttpEndpoint(httpPort, this::readiness, registry);
        synchronized (lock) {
            checkNotClosing();
            http = Optional.of(endpoint);
        }
        endpoint.start();

        ConfBot bot = bots.get();
        synchronized (lock) {
            if (closing) {
                bot.close();
            }
            checkNotClosing();
            core = Optional.of(bot);
        }
        log.info("Index loaded: {} passages", bot.library().index().size());
        // Live knowledge: a change under the notes folders or to a catalog re-indexes in the
        // background and swaps the index in whole.
        if (watchKnowledge) {
            KnowledgeWatcher started = bot.watchKnowledge();
            synchronized (lock) {
                if (closing) {
                    started.close();
                }
                checkNotClosing();
                watcher = Optional.of(started);
            }
        }

        List<ChatAdapter> created = adapterFactory.create(new MeteredChatBot(bot, registry));
        synchronized (lock) {
            if (closing) {
                created.forEach(ChatAdapter::close);
            }
            checkNotClosing();
            adapters = Optional.of(List.copyOf(created));
        }
        // Menus and option choices name the registry's conferences: built again when a reload changes them.
        bot.onProfileChange(profile -> created.forEach(adapter -> adapter.profileChanged(profile)));
        for (ChatAdapter adapter : created) {
            try {
                adapter.start();
            } catch (Exception e) {
                // The adapters word their failures without tokens; keep the message, not the cause.
                throw new IllegalStateException("cannot start " + adapter.name() + ": " + e.getMessage());
            }
            checkNotClosing();
            log.info("{} adapter connected", adapter.name());
        }
        AutoCloseable running = companion.start(bot, created);
        synchronized (lock) {
            companionRunning = Optional.of(running);
            if (closing) {
                closeQuietly(running);
            }
            checkNotClosing();
        }
        log.info("Serving on {}", created.stream().map(ChatAdapter::name).toList());
    }

    private static void closeQuietly(AutoCloseable running) {
        try {
            running.close();
        } catch (Exception e) {
            log.warn("Stopping the reminders: {}", e.toString());
        }
    }

    private void checkNotClosing() {
        if (closing) {
            throw new IllegalStateException("stopped while starting");
        }
    }

    /** The port the HTTP endpoint listens on (the chosen one when 0 was asked for). */
    int httpPort() {
        return http.map(HttpEndpoint::port).orElseThrow(() -> new IllegalStateException("not started"));
    }

    /** Ready when the index is loaded and every adapter is connected; never while stopping. */
    HttpEndpoint.Readiness readiness() {
        List<String> notReady = new ArrayList<>();
        if (closing) {
            notReady.add("shutting down");
        }
        if (core.isEmpty()) {
            notReady.add("index: loading");
        }
        Optional<List<ChatAdapter>> current = adapters;
        if (current.isEmpty()) {
            notReady.add("adapters: not started");
        } else {
            for (ChatAdapter adapter : current.get()) {
                if (!adapter.isConnected()) {
                    notReady.add(adapter.name() + ": not connected");
                }
            }
        }
        return new HttpEndpoint.Readiness(notReady);
    }

    /**
     * Stops taking messages and lets answers in flight finish (each adapter's {@code close()} does
     * both), then closes the index and the HTTP endpoint. The adapters stop in parallel, so the
     * whole stop takes as long as the slowest one, not their sum. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
        }
        log.info("Stopping: no new messages, finishing answers in flight");
        // No reload may start while the index is being closed, and no reminder into a closing adapter.
        watcher.ifPresent(KnowledgeWatcher::close);
        companionRunning.ifPresent(Server::closeQuietly);
        List<Thread> stopping = new ArrayList<>();
        for (ChatAdapter adapter : adapters.orElse(List.of())) {
            Thread thread = new Thread(() -> closeQuietly(adapter), "confbot-stop-" + adapter.name());
            thread.setDaemon(true);
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Only now: an answer in flight may still be searching it.
        core.ifPresent(bot -> {
            try {
                bot.close();
            } catch (RuntimeException e) {
                log.warn("Closing the index: {}", e.toString());
            }
        });
        http.ifPresent(HttpEndpoint::close);
        log.info("Stopped");
    }

    private static void closeQuietly(ChatAdapter adapter) {
        try {
            adapter.close();
        } catch (RuntimeException e) {
            log.warn("Stopping {}: {}", adapter.name(), e.toString());
        }
    }
}
