package confbot.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives Telegram's webhook pushes: one JSON {@link Update} per POST, carrying the secret in the
 * {@code X-Telegram-Bot-Api-Secret-Token} header.
 *
 * <p>The JDK's HTTP server instead of telegrambots-webhook, whose newest release that resolves
 * (9.5.0) does not match telegrambots 10.2.0 and would add Javalin for one endpoint. The push is
 * acknowledged as soon as it is journaled, not answered: Telegram resends pushes that take too
 * long, and the journal recognises such resends. A push that cannot be journaled gets 503, so that
 * Telegram pushes it again.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    // An update is a few KB; anything far larger is not from Telegram.
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final int port;
    private final String path;
    private final byte[] secret;
    private final UpdateReader reader;
    private final Predicate<Update> consumer;
    private final ExecutorService executor;
    private HttpServer server;

    WebhookReceiver(
            int port,
            String path,
            String secret,
            UpdateReader reader,
            Predicate<Update> consumer,
            ExecutorService executor) {
        this.port = port;
        this.path = path;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.reader = reader;
        this.consumer = consumer;
        this.executor = executor;
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext(path, this::receive);
        server.setExecutor(executor);
        server.start();
        log.info("Listening for Telegram webhook pushes on port {} at {}", boundPort(), path);
    }

    /** The port actually bound (differs from the configured one when that is 0). */
    int boundPort() {
        return server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String given = Optional.ofNullable(exchange.getRequestHeaders().getFirst(SECRET_HEADER))
                    .orElse("");
            // Constant-time comparison, so response timing does not reveal the secret bit by bit.
            if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                log.warn(
                        "Webhook request without the right secret token from {}; refused",
                        exchange.getRemoteAddress().getAddress().getHostAddress());
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Update update;
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    exchange.sendResponseHeaders(413, -1);
                    return;
                }
                // Read leniently: a push refused with 400 would be pushed again, and block the rest.
                update = reader.readPush(bytes);
            } catch (IOException e) {
                log.warn("Webhook body is not an update: {}", e.getClass().getSimpleName());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // 200 only once the push is journaled; otherwise Telegram pushes it again later.
            exchange.sendResponseHeaders(consumer.test(update) ? 200 : 503, -1);
        } catch (RuntimeException e) {
            log.warn("Webhook request failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        if (server != null) {
            // Pushes in progress get a second to finish; Telegram resends any that fail.
            server.stop(1);
        }
        executor.shutdown();
    }
}
