package confbot.core.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live schedule fixture, published in bot-core's test-jar for the adapters' tests: an invented
 * pretalx export ({@code live/tidewater-2030.json}: "Tidewater Days 2030", two days in
 * Europe/Berlin, rooms Hall A and Room 2), its changed copy (talk 102 moved to 11:00, 103 moved to
 * Room 2, 104 cancelled, 105 with a second speaker, 106 new), one without talks, and a local HTTP
 * server that publishes them with an {@code ETag} the way pretalx does.
 */
public final class LiveSchedule {

    public static final String FIRST = "live/tidewater-2030.json";
    public static final String CHANGED = "live/tidewater-2030-changed.json";
    public static final String NO_TALKS = "live/tidewater-2030-empty.json";

    /** 09:40 in Berlin on the first day: talks 101 and 102 are on, 103 (Hall A) and 104 (Room 2) next. */
    public static final Instant DAY_ONE_0940 = Instant.parse("2030-05-14T07:40:00Z");

    private LiveSchedule() {}

    /** A clock standing at {@code at}. */
    public static Clock clockAt(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    /** The bytes of one of the fixture files. */
    public static byte[] bytes(String resource) {
        try (InputStream in =
                Objects.requireNonNull(LiveSchedule.class.getClassLoader().getResourceAsStream(resource), resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves one schedule at {@code /tide2030/schedule/export/schedule.json} on 127.0.0.1, with an
     * {@code ETag} per version; a request whose {@code If-None-Match} names the current one gets a
     * 304 and no body.
     */
    public static final class Server implements AutoCloseable {
        private final HttpServer http;
        private volatile byte[] body;
        private volatile String etag;
        private volatile int status = 200;
        private final AtomicInteger versions = new AtomicInteger();
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger notModified = new AtomicInteger();
        private final List<String> conditions = new CopyOnWriteArrayList<>();

        private Server(byte[] body) throws IOException {
            publish(body);
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/tide2030/schedule/export/schedule.json", exchange -> {
                try (exchange) {
                    requests.incrementAndGet();
                    String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
                    conditions.add(condition == null ? "" : condition);
                    exchange.getRequestBody().readAllBytes();
                    if (status != 200) {
                        exchange.sendResponseHeaders(status, -1);
                        return;
                    }
                    if (etag.equals(condition)) {
                        notModified.incrementAndGet();
                        exchange.getResponseHeaders().set("ETag", etag);
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                    byte[] out = this.body;
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.sendResponseHeaders(200, out.length);
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(out);
                    }
                }
            });
            http.start();
        }

        /** Starts serving {@code resource}. */
        public static Server serving(String resource) {
            try {
                return new Server(bytes(resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public URI address() {
            return URI.create(
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/tide2030/schedule/export/schedule.json");
        }

        /** A new version of the schedule, with a new ETag. */
        public void publish(String resource) {
            publish(bytes(resource));
        }

        private void publish(byte[] bytes) {
            this.body = bytes;
            this.etag = "\"v" + versions.incrementAndGet() + "\"";
            this.status = 200;
        }

        /** Every request answered with {@code status} (500, 404…) until the next {@link #publish}. */
        public void failWith(int status) {
            this.status = status;
        }

        public int requests() {
            return requests.get();
        }

        /** How many requests got a 304. */
        public int notModified() {
            return notModified.get();
        }

        /** The If-None-Match of each request, in order; empty for none. */
        public List<String> conditions() {
            return List.copyOf(conditions);
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
