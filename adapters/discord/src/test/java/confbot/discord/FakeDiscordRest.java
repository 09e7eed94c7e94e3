package confbot.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
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

    /** An answer the fake gives instead of the normal one, as Discord or its proxy does when unwell. */
    record Fault(int status, String body, Map<String, String> headers) {
        /** A Cloudflare-style gateway error: an HTML page, not JSON. */
        static Fault badGateway() {
            return new Fault(
                    502, "<html><body><h1>502 Bad Gateway</h1></body></html>", Map.of("Content-Type", "text/html"));
        }

        /** A 500: JDA retries only 502, 503, 504 and 520 by itself, so this reaches the adapter at once. */
        static Fault internalError() {
            return new Fault(500, "{\"message\":\"500: Internal Server Error\",\"code\":0}", Map.of());
        }

        static Fault serviceUnavailable() {
            return new Fault(503, "{\"message\":\"Service Unavailable\",\"code\":0}", Map.of());
        }

        /** Discord's per-route rate limit: wait {@code seconds}, as the body and the headers say. */
        static Fault rateLimited(double seconds) {
            return new Fault(
                    429,
                    "{\"message\":\"You are being rate limited.\",\"retry_after\":" + seconds + ",\"global\":false}",
                    Map.of(
                            "Retry-After", Long.toString((long) Math.ceil(seconds)),
                            "X-RateLimit-Limit", "5",
                            "X-RateLimit-Remaining", "0",
                            "X-RateLimit-Reset-After", Double.toString(seconds),
                            "X-RateLimit-Bucket", "fake-bucket",
                            "X-RateLimit-Scope", "user",
                            // JDA takes a 429 without it for Cloudflare's ban page, not Discord's limit.
                            "Via", "1.1 google"));
        }
    }

    private record Rule(Predicate<Request> which, Deque<Fault> faults, Fault always) {}

    private static final String PREFIX = "/api/v10/";
    /** The DM channel id the fake gives every {@code users/@me/channels}. */
    static final String DM_CHANNEL = "777";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-rest");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String gatewayUrl;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

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

    /** The next requests that match get these faults, one each, in order; later ones are served. */
    void failNext(Predicate<Request> which, Fault... faults) {
        rules.add(new Rule(which, new ArrayDeque<>(List.of(faults)), null));
    }

    /** Every request that matches gets this fault, from now on. */
    void failAlways(Predicate<Request> which, Fault fault) {
        rules.add(new Rule(which, new ArrayDeque<>(), fault));
    }

    /**
     * What Discord would have refused with a 400 (a message or embed over its limits), one line
     * per breach naming the request; the fake answered those with 400 too.
     */
    List<String> violations() {
        return violations;
    }

    private Fault faultFor(Request request) {
        for (Rule rule : rules) {
            if (rule.which().test(request)) {
                if (rule.always() != null) {
                    return rule.always();
                }
                Fault next = rule.faults().poll();
                if (next != null) {
                    return next;
                }
            }
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().toString();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(method, path, body);
        requests.add(request);
        Fault fault;
        synchronized (rules) {
            fault = faultFor(request);
        }
        if (fault != null) {
            fault.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            respond(exchange, fault.status(), fault.body());
            return;
        }
        List<String> breaches = body.isEmpty() ? List.of() : DiscordLimits.breaches(body);
        if (!breaches.isEmpty()) {
            breaches.forEach(breach -> violations.add(method + " " + path + ": " + breach));
            respond(exchange, 400, "{\"message\":\"Invalid Form Body\",\"code\":50035}");
            return;
        }
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
        } else if (method.equals("POST") && route.matches("channels/\\d+/messages")) {
            respond(
                    exchange,
                    200,
                    message().replace("\"channel_id\":\"300\"", "\"channel_id\":\"" + route.split("/")[1] + "\""));
        } else if (method.equals("POST") && route.equals("users/@me/channels")) {
            // A DM channel with the recipient the body names; Discord answers the same one each time.
            String recipient = body.replaceAll(".*\"recipient_id\"\\s*:\\s*\"?(\\d+)\"?.*", "$1");
            respond(
                    exchange,
                    200,
                    "{\"id\":\"" + DM_CHANNEL + "\",\"type\":1,\"last_message_id\":null,\"recipients\":[{\"id\":\""
                            + recipient + "\",\"username\":\"user" + recipient + "\",\"discriminator\":\"0\"}]}");
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
        exchange.getResponseHeaders().putIfAbsent("Content-Type", List.of("application/json"));
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
