package confbot.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Discord's REST API on 127.0.0.1, as far as the adapter uses it: the token check, {@code
 * gateway/bot}, command registration, interaction callbacks and the interaction webhook. Records
 * every request in arrival order.
 */
final class FakeDiscordRest implements AutoCloseable {

    /** One HTTP request as the fake saw it; {@code path} includes the query. */
    record Request(String method, String path, String body) {}

    private static final String PREFIX = "/api/v10/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-rest");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String gatewayUrl;

    FakeDiscordRest(String gatewayUrl) throws IOException {
        this.gatewayUrl = gatewayUrl;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    List<Request> requests() {
        return requests;
    }

    List<Request> requests(String method, Predicate<String> path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && path.test(r.path()))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().toString();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(method, path, body));
        String route = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        int query = route.indexOf('?');
        route = query < 0 ? route : route.substring(0, query);

        if (method.equals("GET") && route.equals("users/@me")) {
            respond(
                    exchange,
                    200,
                    "{\"id\":\"" + FakeDiscordGateway.SELF_ID
                            + "\",\"username\":\"confbot\",\"discriminator\":\"0\",\"bot\":true}");
        } else if (method.equals("GET") && route.equals("gateway/bot")) {
            respond(
                    exchange,
                    200,
                    "{\"url\":\"" + gatewayUrl + "\",\"shards\":1,\"session_start_limit\":"
                            + "{\"total\":1000,\"remaining\":999,\"reset_after\":0,\"max_concurrency\":1}}");
        } else if (method.equals("GET") && route.equals("gateway")) {
            respond(exchange, 200, "{\"url\":\"" + gatewayUrl + "\"}");
        } else if (method.equals("PUT") && route.matches("applications/\\d+(/guilds/\\d+)?/commands")) {
            respond(exchange, 200, "[]");
        } else if (method.equals("POST") && route.matches("interactions/\\d+/[^/]+/callback")) {
            respond(exchange, 204, "");
        } else if (route.matches("webhooks/\\d+/[^/]+(/messages/@original)?")) {
            if (method.equals("DELETE")) {
                respond(exchange, 204, "");
            } else {
                respond(exchange, 200, message());
            }
        } else {
            respond(exchange, 404, "{\"message\":\"Unknown route in fake\",\"code\":0}");
        }
    }

    /** A message object as Discord returns for webhook sends and edits. */
    private static String message() {
        return "{\"id\":\"900\",\"channel_id\":\"300\",\"type\":0,\"webhook_id\":\"" + FakeDiscordGateway.SELF_ID
                + "\",\"author\":{\"id\":\"" + FakeDiscordGateway.SELF_ID
                + "\",\"username\":\"confbot\",\"discriminator\":\"0\",\"bot\":true},"
                + "\"content\":\"\",\"timestamp\":\"2019-06-24T09:00:00.000000+00:00\",\"edited_timestamp\":null,"
                + "\"tts\":false,\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],"
                + "\"attachments\":[],\"embeds\":[],\"components\":[],\"pinned\":false,\"flags\":0}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (status != 204) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
