package confbot.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint, on the JDK's own HTTP server (no framework for three plain-text pages):
 * {@code /healthz} answers 200 while the process can answer at all (liveness); {@code /readyz} 200
 * only when the index is loaded and every adapter is connected, else 503 with what is not ready
 * (readiness); {@code /metrics} the Prometheus text format.
 */
final class HttpEndpoint implements AutoCloseable {

    /** Whether the bot can take messages, and if not, why not (one line per part). */
    record Readiness(List<String> notReady) {
        Readiness {
            notReady = List.copyOf(notReady);
        }

        boolean ready() {
            return notReady.isEmpty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);
    // Prometheus text exposition format 0.0.4, what every scraper accepts.
    private static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String TEXT_TYPE = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<Readiness> readiness;
    private final PrometheusMeterRegistry registry;

    /** Binds {@code port} on every interface (probes and scrapers come from outside the container); 0 picks one. */
    HttpEndpoint(int port, Supplier<Readiness> readiness, PrometheusMeterRegistry registry) throws IOException {
        this.readiness = readiness;
        this.registry = registry;
        AtomicInteger threads = new AtomicInteger();
        // Two daemon threads: probes and scrapes are rare and cheap, and must never keep the JVM alive.
        this.executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "confbot-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    void start() {
        server.start();
        log.info("Health and metrics on port {}: /healthz /readyz /metrics", port());
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                // A failing readiness check or scrape must not kill the server thread; log, answer 500.
                log.warn("HTTP {} failed: {}", exchange.getRequestURI().getPath(), e.toString());
                respond(exchange, 500, TEXT_TYPE, "internal error\n");
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, TEXT_TYPE, "method not allowed\n");
            return;
        }
        switch (exchange.getRequestURI().getPath()) {
            case "/healthz" -> respond(exchange, 200, TEXT_TYPE, "ok\n");
            case "/readyz" -> {
                Readiness now = readiness.get();
                if (now.ready()) {
                    respond(exchange, 200, TEXT_TYPE, "ready\n");
                } else {
                    respond(exchange, 503, TEXT_TYPE, String.join("\n", now.notReady()) + "\n");
                }
            }
            case "/metrics" -> respond(exchange, 200, METRICS_TYPE, registry.scrape());
            default -> respond(exchange, 404, TEXT_TYPE, "not found; try /healthz, /readyz or /metrics\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops listening at once: by the time this runs, the adapters have stopped and nobody needs /readyz. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
