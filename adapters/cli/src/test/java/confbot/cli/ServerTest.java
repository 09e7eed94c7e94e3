package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.chat.ChatAdapter;
import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.testing.Fixtures;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} in-process: the HTTP endpoint through a real client, the index loading, adapters
 * that connect when the test says so, and the order things stop in.
 */
final class ServerTest {

    static final String QUESTION = "How many batch jobs per hour does Tidewater drain?";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Optional<Server> server = Optional.empty();

    @AfterEach
    void stop() {
        server.ifPresent(Server::close);
    }

    /** A chat adapter that connects when {@link #connect} is released and records what it saw. */
    static final class StubAdapter implements ChatAdapter {
        final CountDownLatch connect = new CountDownLatch(1);
        volatile boolean connected;
        volatile boolean closed;
        volatile ChatBot bot;
        volatile Optional<Reply> answeredWhileClosing = Optional.empty();

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public void start() throws InterruptedException {
            connect.await();
            connected = true;
        }

        @Override
        public boolean isConnected() {
            return connected && !closed;
        }

        /** Like a real adapter draining: an answer still in flight when close() is called. */
        @Override
        public void close() {
            answeredWhileClosing = Optional.of(bot.reply(telegram(QUESTION)));
            closed = true;
        }
    }

    static Inbound telegram(String text) {
        return new Inbound(text, Locale.ROOT, new Origin(Platform.TELEGRAM, "1001", "1001", false));
    }

    private Server start(Supplier<ConfBot> bots, StubAdapter adapter) {
        Server s = new Server(
                bots,
                bot -> {
                    adapter.bot = bot;
                    return List.of(adapter);
                },
                false,
                0,
                registry);
        server = Optional.of(s);
        CompletableFuture.runAsync(() -> {
            try {
                s.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> s.httpPort() > 0);
        return s;
    }

    private static ConfBot fixtureBot() {
        return ConfBot.create(Fixtures.knowledge(), Setup.builtinOnly());
    }

    private HttpResponse<String> get(Server s, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyzSaysWhatIsNotReadyUntilTheIndexIsLoadedAndEveryAdapterConnected() throws Exception {
        CountDownLatch indexBuilt = new CountDownLatch(1);
        StubAdapter adapter = new StubAdapter();
        Server s = start(
                () -> {
                    try {
                        indexBuilt.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return fixtureBot();
                },
                adapter);

        // GIVEN the index is still building: alive, not ready
        assertThat(get(s, "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> loading = get(s, "/readyz");
        assertThat(loading.statusCode()).isEqualTo(503);
        assertThat(loading.body()).contains("index: loading");

        // WHEN the index is loaded but the adapter is still connecting
        indexBuilt.countDown();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get(s, "/readyz").body().contains("stub: not connected"));
        assertThat(get(s, "/readyz").statusCode()).isEqualTo(503);
        assertThat(get(s, "/readyz").body()).doesNotContain("index");

        // THEN it is ready once the adapter connects
        adapter.connect.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> get(s, "/readyz").statusCode() == 200);
        assertThat(get(s, "/readyz").body()).isEqualTo("ready\n");
    }

    @Test
    void metricsShowTheQuestionItsReplyKindAndLatencyAfterAQuestion() throws Exception {
        StubAdapter adapter = new StubAdapter();
        adapter.connect.countDown();
        Server s = start(ServerTest::fixtureBot, adapter);
        await().atMost(Duration.ofSeconds(10)).until(() -> get(s, "/readyz").statusCode() == 200);

        Reply reply = adapter.bot.reply(telegram(QUESTION));

        HttpResponse<String> metrics = get(s, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String kind = reply.kind().name().toLowerCase(Locale.ROOT);
        assertThat(metrics.body())
                .contains("confbot_questions_total{platform=\"telegram\"} 1.0")
                .contains("confbot_questions_total{platform=\"discord\"} 0.0")
                .contains("confbot_replies_total{kind=\"" + kind + "\",platform=\"telegram\"} 1.0")
                .contains("confbot_answer_latency_seconds_count{platform=\"telegram\"} 1")
                .contains("confbot_answer_latency_seconds_bucket{platform=\"telegram\",le=")
                .contains("confbot_errors_total{platform=\"telegram\"} 0.0")
                .containsPattern("confbot_index_documents [1-9][0-9]*\\.0")
                .contains("confbot_reloads_total 0.0")
                .contains("confbot_knowledge_version 0.0");
    }

    @Test
    void unknownPathsAre404AndOtherMethods405() throws Exception {
        StubAdapter adapter = new StubAdapter();
        adapter.connect.countDown();
        Server s = start(ServerTest::fixtureBot, adapter);

        assertThat(get(s, "/").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + "/healthz"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void closeLetsAdaptersFinishAnswersBeforeTheIndexCloses() throws Exception {
        StubAdapter adapter = new StubAdapter();
        adapter.connect.countDown();
        Server s = start(ServerTest::fixtureBot, adapter);
        await().atMost(Duration.ofSeconds(10)).until(() -> get(s, "/readyz").statusCode() == 200);
        int port = s.httpPort();

        s.close();

        // The answer given while the adapter drained came from an open index, not the apology.
        Reply drained = adapter.answeredWhileClosing.orElseThrow();
        assertThat(drained.kind()).isIn(Reply.Kind.ANSWER, Reply.Kind.NOT_COVERED);
        assertThat(registry.scrape()).contains("confbot_errors_total{platform=\"telegram\"} 0.0");
        assertThat(s.readiness().notReady()).contains("shutting down");
        HttpRequest after = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        assertThat(CompletableFuture.supplyAsync(() -> {
                            try {
                                return http.send(after, HttpResponse.BodyHandlers.ofString())
                                        .statusCode();
                            } catch (IOException e) {
                                return -1;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return -1;
                            }
                        })
                        .get(5, TimeUnit.SECONDS))
                .as("the endpoint stops last")
                .isEqualTo(-1);
    }

    @Test
    void closeDuringStartStopsWhatStartedAndStartFails() throws Exception {
        StubAdapter adapter = new StubAdapter();
        Server s = new Server(
                ServerTest::fixtureBot,
                bot -> {
                    adapter.bot = bot;
                    return List.of(adapter);
                },
                false,
                0,
                registry);
        server = Optional.of(s);
        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
            try {
                s.start();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> adapter.bot != null);

        s.close();
        adapter.connect.countDown();

        assertThat(adapter.closed).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(starting::isDone);
        assertThat(starting).isCompletedExceptionally();
    }
}
