package confbot.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sits between the bot and the fake Bot API and holds every sendMessage for a while before passing
 * it on, so a test can stop the bot while an answer is on its way. Everything else passes at once.
 */
final class SlowSendProxy implements AutoCloseable {

    private final URI target;
    private final Duration delay;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-send-proxy");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch sendStarted = new CountDownLatch(1);

    SlowSendProxy(String target, Duration delay) throws IOException {
        this.target = URI.create(target);
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Released when the first sendMessage arrives, before it is held. */
    CountDownLatch sendStarted() {
        return sendStarted;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.toLowerCase(Locale.ROOT).endsWith("/sendmessage")) {
                sendStarted.countDown();
                Thread.sleep(delay.toMillis());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .ifPresent(type -> request.header("Content-Type", type));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders()
                    .set("Content-Type", type));
            exchange.sendResponseHeaders(
                    response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
