package confbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A fake Telegram Bot API on 127.0.0.1, for the real telegrambots client to talk to over HTTP.
 *
 * <p>Serves {@code /bot<token>/<method>} like api.telegram.org: deleteWebhook, getMe, getUpdates
 * (a scripted queue, with offsets confirming updates as Telegram does, and the long poll held
 * ~300 ms when there is nothing new), setMyCommands, setWebhook, sendChatAction, sendMessage,
 * answerInlineQuery and answerCallbackQuery. Method names are matched case-insensitively, because telegrambots mixes case.
 * Like Telegram, sendMessage refuses text over 4096 characters and HTML that Telegram cannot parse
 * (400), and the first sendMessage can be answered 429 with {@code retry_after}. Every request is
 * recorded.
 */
final class FakeBotApi implements AutoCloseable {

    static final long BOT_ID = 777;
    static final String BOT_USERNAME = "ItsBot";
    private static final long HOLD_EMPTY_POLL_MILLIS = 300;

    /** One request as the fake saw it, with the status it answered and when ({@link System#nanoTime()}). */
    record Call(String method, JsonNode body, String rawBody, int status, long nanos) {
        boolean ok() {
            return status == 200;
        }

        String text() {
            return body.path("text").asText();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    // Guarded by itself. Not a CopyOnWriteArrayList: the load test records thousands of calls, and
    // copying the whole list on every one made the fake the slowest part of what it measured.
    private final List<Call> calls = new ArrayList<>();
    private volatile Consumer<Call> listener = call -> {};
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition updatesArrived = lock.newCondition();
    private final List<ObjectNode> pending = new ArrayList<>();
    private final List<Integer> pollOffsets = new CopyOnWriteArrayList<>();
    private int nextMessageId = 100_000;
    private Optional<Integer> tooManyRequestsOnNextSend = Optional.empty();
    private Optional<String> rejectMarker = Optional.empty();
    private int getUpdatesFailures;
    private final Deque<Fault> sendFaults = new ArrayDeque<>();
    private final Map<Long, Integer> floodedChats = new HashMap<>();
    private int floodRetryAfter;
    private Optional<RandomFaults> randomFaults = Optional.empty();
    /** Chat id → user ids getChatMember calls administrators; everyone else is a member. */
    private final Map<Long, java.util.Set<Long>> administrators = new HashMap<>();
    /** Chats the bot was removed from: every sendMessage there is 403, as Telegram answers. */
    private final java.util.Set<Long> kickedFrom = new java.util.HashSet<>();

    /** Fails each sendMessage by chance: 429 (retry_after 1-2 s), 502 (JSON or an HTML page), or a cut connection. */
    record RandomFaults(java.util.Random random, double tooManyRequests, double badGateway, double dropped) {}

    /** How the fake can fail a sendMessage, as Telegram and the proxies before it do. */
    enum Fault {
        /** 502 with the Bot API's JSON error body. */
        BAD_GATEWAY,
        /** 502 with a proxy's HTML page: not JSON. */
        HTML_ERROR_PAGE,
        /** The connection closed without any response. */
        DROPPED_CONNECTION,
        /** 429 asking to wait one second. */
        TOO_MANY_REQUESTS
    }

    FakeBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues updates for getUpdates; a held long poll returns at once. */
    void enqueue(ObjectNode... updates) {
        lock.lock();
        try {
            pending.addAll(List.of(updates));
            updatesArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void answerNextSendMessageWith429(int retryAfterSeconds) {
        lock.lock();
        try {
            tooManyRequestsOnNextSend = Optional.of(retryAfterSeconds);
        } finally {
            lock.unlock();
        }
    }

    /** Fails the next sendMessage calls, one fault each, in order. */
    void failNextSendMessages(Fault... faults) {
        lock.lock();
        try {
            sendFaults.addAll(List.of(faults));
        } finally {
            lock.unlock();
        }
    }

    /** From now on fails sendMessage calls by chance, until {@link #stopRandomFaults()}. */
    void injectRandomFaults(long seed, double tooManyRequests, double badGateway, double dropped) {
        lock.lock();
        try {
            randomFaults =
                    Optional.of(new RandomFaults(new java.util.Random(seed), tooManyRequests, badGateway, dropped));
        } finally {
            lock.unlock();
        }
    }

    void stopRandomFaults() {
        lock.lock();
        try {
            randomFaults = Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Answers the next {@code times} sendMessage calls into {@code chatId} with 429, retry_after {@code seconds}. */
    void floodChat(long chatId, int seconds, int times) {
        lock.lock();
        try {
            floodedChats.put(chatId, times);
            floodRetryAfter = seconds;
        } finally {
            lock.unlock();
        }
    }

    /** Answers 400 "chat not found" to every sendMessage whose text contains {@code marker}. */
    void rejectSendMessageContaining(String marker) {
        lock.lock();
        try {
            rejectMarker = Optional.of(marker);
        } finally {
            lock.unlock();
        }
    }

    /** getChatMember in {@code chatId} says {@code userId} is an administrator. */
    void makeAdministrator(long chatId, long userId) {
        lock.lock();
        try {
            administrators
                    .computeIfAbsent(chatId, c -> new java.util.HashSet<>())
                    .add(userId);
        } finally {
            lock.unlock();
        }
    }

    /** The bot was removed from {@code chatId}: sendMessage there answers 403 from now on. */
    void kickBotFrom(long chatId) {
        lock.lock();
        try {
            kickedFrom.add(chatId);
        } finally {
            lock.unlock();
        }
    }

    void failNextGetUpdates(int times) {
        lock.lock();
        try {
            getUpdatesFailures = times;
        } finally {
            lock.unlock();
        }
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** Tells {@code listener} of every call as it is recorded, on the fake's own thread, before it is answered. */
    void onCall(Consumer<Call> listener) {
        this.listener = listener;
    }

    /** The messages Telegram accepted, i.e. what users saw. */
    List<Call> delivered() {
        return calls("sendMessage").stream().filter(Call::ok).toList();
    }

    /** The offsets of every getUpdates so far. */
    List<Integer> pollOffsets() {
        return List.copyOf(pollOffsets);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] segments = exchange.getRequestURI().getPath().split("/");
            if (segments.length != 3 || !segments[1].equals("bot" + token)) {
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = segments[2].toLowerCase(Locale.ROOT);
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = parse(exchange, raw);
            Response response =
                    switch (method) {
                        case "deletewebhook",
                                "setmycommands",
                                "sendchataction",
                                "answerinlinequery",
                                "answercallbackquery",
                                "setwebhook" -> ok(json.getNodeFactory().booleanNode(true));
                        case "getme" -> ok(me());
                        case "getupdates" -> getUpdates(body);
                        case "sendmessage" -> sendMessage(body);
                        case "getchatmember" -> chatMember(body);
                        default -> new Response(404, error(404, "Not Found: method not found"));
                    };
            Call call = new Call(method, body, raw, response.status(), System.nanoTime());
            synchronized (calls) {
                calls.add(call);
            }
            listener.accept(call);
            if (response.status() == DROPPED) {
                // Promise a body and cut it short: the server then closes the connection mid-response.
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write("{\"ok\":".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                return;
            }
            if (response.status() == HTML) {
                byte[] page = "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(502, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
                return;
            }
            respond(exchange, response.status(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode parse(HttpExchange exchange, String raw) {
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                .orElse("");
        if (!type.startsWith("application/json") || raw.isEmpty()) {
            return json.createObjectNode(); // multipart (setWebhook): kept as rawBody
        }
        try {
            return json.readTree(raw);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private Response getUpdates(JsonNode body) throws InterruptedException {
        int offset = body.path("offset").asInt(0);
        int limit = body.path("limit").asInt(100);
        long holdMillis = Math.min(HOLD_EMPTY_POLL_MILLIS, body.path("timeout").asLong(0) * 1000);
        pollOffsets.add(offset);
        lock.lock();
        try {
            if (getUpdatesFailures > 0) {
                getUpdatesFailures--;
                return new Response(502, error(502, "Bad Gateway"));
            }
            // Like Telegram: an offset confirms, and forgets, every update below it.
            pending.removeIf(u -> u.path("update_id").asInt() < offset);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis);
            while (pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                updatesArrived.awaitNanos(left);
            }
            ArrayNode result = json.createArrayNode();
            pending.stream().limit(limit).forEach(result::add);
            return ok(result);
        } finally {
            lock.unlock();
        }
    }

    private Response chatMember(JsonNode body) {
        long chat = body.path("chat_id").asLong();
        long user = body.path("user_id").asLong();
        boolean admin;
        lock.lock();
        try {
            admin = administrators.getOrDefault(chat, java.util.Set.of()).contains(user);
        } finally {
            lock.unlock();
        }
        ObjectNode member = json.createObjectNode();
        member.put("status", admin ? "administrator" : "member");
        member.putObject("user").put("id", user).put("is_bot", false).put("first_name", "User " + user);
        if (admin) {
            member.put("can_be_edited", false)
                    .put("is_anonymous", false)
                    .put("can_manage_chat", true)
                    .put("can_delete_messages", true)
                    .put("can_manage_video_chats", true)
                    .put("can_restrict_members", true)
                    .put("can_promote_members", false)
                    .put("can_change_info", true)
                    .put("can_invite_users", true)
                    .put("can_post_stories", false)
                    .put("can_edit_stories", false)
                    .put("can_delete_stories", false);
        }
        return ok(member);
    }

    private Response sendMessage(JsonNode body) {
        lock.lock();
        try {
            long chat = body.path("chat_id").asLong();
            if (kickedFrom.contains(chat)) {
                return new Response(403, error(403, "Forbidden: bot was kicked from the supergroup chat"));
            }
            Integer flooded = floodedChats.get(chat);
            if (flooded != null && flooded > 0) {
                floodedChats.put(chat, flooded - 1);
                ObjectNode error = error(429, "Too Many Requests: retry after " + floodRetryAfter);
                error.putObject("parameters").put("retry_after", floodRetryAfter);
                return new Response(429, error);
            }
            Fault fault = sendFaults.poll();
            if (fault == null && randomFaults.isPresent()) {
                fault = randomFault(randomFaults.get());
            }
            if (fault != null) {
                switch (fault) {
                    case BAD_GATEWAY:
                        return new Response(502, error(502, "Bad Gateway"));
                    case HTML_ERROR_PAGE:
                        return new Response(HTML, error(502, "html"));
                    case DROPPED_CONNECTION:
                        return new Response(DROPPED, error(0, "dropped"));
                    case TOO_MANY_REQUESTS:
                        int seconds =
                                randomFaults.map(r -> 1 + r.random().nextInt(2)).orElse(1);
                        ObjectNode error = error(429, "Too Many Requests: retry after " + seconds);
                        error.putObject("parameters").put("retry_after", seconds);
                        return new Response(429, error);
                }
            }
            if (tooManyRequestsOnNextSend.isPresent()) {
                int retryAfter = tooManyRequestsOnNextSend.get();
                tooManyRequestsOnNextSend = Optional.empty();
                ObjectNode error = error(429, "Too Many Requests: retry after " + retryAfter);
                error.putObject("parameters").put("retry_after", retryAfter);
                return new Response(429, error);
            }
            if (rejectMarker.isPresent() && body.path("text").asText("").contains(rejectMarker.get())) {
                return new Response(400, error(400, "Bad Request: chat not found"));
            }
        } finally {
            lock.unlock();
        }
        String text = body.path("text").asText("");
        boolean html = "html".equalsIgnoreCase(body.path("parse_mode").asText(""));
        String visible;
        if (html) {
            TelegramHtml.Parsed parsed = TelegramHtml.parse(text);
            if (parsed.error().isPresent()) {
                return new Response(
                        400,
                        error(
                                400,
                                "Bad Request: can't parse entities: "
                                        + parsed.error().get()));
            }
            visible = parsed.visibleText();
        } else {
            visible = text;
        }
        if (visible.strip().isEmpty()) {
            return new Response(400, error(400, "Bad Request: message text is empty"));
        }
        if (visible.length() > HtmlRenderer.MAX_MESSAGE_LENGTH) {
            return new Response(400, error(400, "Bad Request: message is too long"));
        }
        ObjectNode message = json.createObjectNode();
        synchronized (this) {
            message.put("message_id", nextMessageId++);
        }
        message.put("date", Updates.NOW.getEpochSecond());
        message.putObject("chat")
                .put("id", Long.parseLong(body.path("chat_id").asText()))
                .put("type", "private");
        message.set("from", me());
        message.put("text", visible);
        return ok(message);
    }

    private ObjectNode me() {
        ObjectNode me = json.createObjectNode();
        me.put("id", BOT_ID).put("is_bot", true).put("first_name", "Conf Bot").put("username", BOT_USERNAME);
        return me;
    }

    private Response ok(JsonNode result) {
        ObjectNode body = json.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        return new Response(200, body);
    }

    private ObjectNode error(int code, String description) {
        ObjectNode body = json.createObjectNode();
        body.put("ok", false).put("error_code", code).put("description", description);
        return body;
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static Fault randomFault(RandomFaults faults) {
        double roll = faults.random().nextDouble();
        if (roll < faults.tooManyRequests()) {
            return Fault.TOO_MANY_REQUESTS;
        }
        roll -= faults.tooManyRequests();
        if (roll < faults.badGateway()) {
            return faults.random().nextBoolean() ? Fault.BAD_GATEWAY : Fault.HTML_ERROR_PAGE;
        }
        roll -= faults.badGateway();
        return roll < faults.dropped() ? Fault.DROPPED_CONNECTION : null;
    }

    // Pseudo statuses for the recorded calls: a dropped connection, an HTML page with 502.
    static final int DROPPED = -1;
    static final int HTML = -502;

    private record Response(int status, JsonNode body) {}
}
