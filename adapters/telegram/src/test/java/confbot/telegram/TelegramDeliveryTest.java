package confbot.telegram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import confbot.core.chat.ChatBot;
import confbot.core.state.Inbox;
import confbot.core.state.StateStore;
import confbot.core.testing.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: the inbox across stops and restarts, and each kind of failed send retried as it
 * should be. The real telegrambots client over HTTP against the fake Bot API, the real SQLite file.
 */
final class TelegramDeliveryTest {

    static final String TOKEN = TelegramAdapterTest.TOKEN;

    @TempDir
    Path dir;

    private TelegramTestbed testbed;
    private FakeBotApi api;
    private TestClock clock;
    private RecordingScheduler.Waits waits;
    private StateStore store;
    private LogCapture logs;
    private List<TelegramAdapter> adapters;

    @BeforeEach
    void setUp() throws Exception {
        testbed = new TelegramTestbed(TOKEN, dir);
        api = testbed.api;
        clock = testbed.clock;
        waits = testbed.waits;
        store = testbed.store;
        logs = testbed.logs;
        adapters = testbed.adapters;
    }

    @AfterEach
    void tearDown() {
        testbed.close();
    }

    @Test
    void aStopWithABacklogLeavesItJournaledAndTheNextStartAnswersEachQuestionOnce() throws Exception {
        CountDownLatch firstAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChatBot slow = in -> {
            firstAsked.countDown();
            try {
                release.await(10, SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedBot.echoReply(in);
        };
        TelegramAdapter first = start(slow, fastScheduler());
        // 40 questions from 40 chats: four are being answered, the rest wait for a worker.
        api.enqueue(IntStream.rangeClosed(1, 40)
                .mapToObj(i -> Updates.privateTextIn(5000 + i, i, "q" + i).json())
                .toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new));
        assertThat(firstAsked.await(10, SECONDS)).isTrue();
        await().atMost(10, SECONDS).until(() -> pending().size() == 40);

        Thread stopper = new Thread(first::close);
        stopper.start();
        await().atMost(10, SECONDS).until(() -> !first.isConnected());
        release.countDown();
        stopper.join(20_000);

        int answeredBeforeRestart = api.delivered().size();
        assertThat(answeredBeforeRestart)
                .as("those being answered were finished")
                .isBetween(1, 8);
        assertThat(pending()).hasSize(40 - answeredBeforeRestart);
        assertThat(logs.messages(Level.ERROR, "")).isEmpty();

        start(ScriptedBot.echo(), fastScheduler());
        await().atMost(20, SECONDS)
                .until(() -> api.delivered().size() >= 40 && pending().isEmpty());

        Map<String, Long> answersPerChat = api.delivered().stream()
                .collect(Collectors.groupingBy(c -> c.body().path("chat_id").asText(), Collectors.counting()));
        assertThat(answersPerChat)
                .hasSize(40)
                .allSatisfy((chat, n) -> assertThat(n).as(chat).isEqualTo(1));
        assertThat(logs.messages(Level.INFO, "confbot.telegram.UpdateDispatcher"))
                .contains("Answering " + (40 - answeredBeforeRestart)
                        + " journaled update(s) left unanswered by the last run");
    }

    @Test
    void aFloodWaitInOneChatDelaysOnlyThatChatAndTheOtherIsAnsweredWithinASecond() throws Exception {
        long flooded = 6001;
        long other = 6002;
        api.floodChat(flooded, 3, 1);
        // The real timer and clock: this test is about real waiting.
        TelegramAdapter adapter = new TelegramAdapter(
                config(Map.of()), ScriptedBot.echo(), InstantSource.system(), store.inbox(), InboxPolicy.defaults());
        adapters.add(adapter);
        adapter.start();

        api.enqueue(Updates.privateTextIn(flooded, 1, "first, flooded").json());
        await().atMost(10, SECONDS)
                .until(() -> api.calls("sendMessage").stream().anyMatch(c -> c.status() == 429));
        Instant otherAsked = Instant.now();
        api.enqueue(Updates.privateTextIn(other, 2, "second, other chat").json());

        await().atMost(10, SECONDS).until(() -> delivered(other) == 1);
        Duration otherWaited = Duration.between(otherAsked, Instant.now());
        assertThat(otherWaited).isLessThan(Duration.ofSeconds(1));
        assertThat(delivered(flooded)).as("the flooded chat still waits").isZero();

        await().atMost(10, SECONDS).until(() -> delivered(flooded) == 1);
        Duration floodedWaited = Duration.between(otherAsked, Instant.now());
        assertThat(floodedWaited).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void gatewayErrorsHtmlPagesAndDroppedConnectionsAreRetriedUntilTheAnswerGoesOutOnce() throws Exception {
        start(ScriptedBot.echo(), fastScheduler());
        api.failNextSendMessages(
                FakeBotApi.Fault.BAD_GATEWAY,
                FakeBotApi.Fault.HTML_ERROR_PAGE,
                FakeBotApi.Fault.DROPPED_CONNECTION,
                FakeBotApi.Fault.TOO_MANY_REQUESTS,
                FakeBotApi.Fault.BAD_GATEWAY);

        api.enqueue(Updates.privateText(1, "What is CNCF?").json());

        await().atMost(20, SECONDS)
                .until(() -> api.delivered().size() == 1 && pending().isEmpty());
        assertThat(api.delivered().get(0).text()).startsWith("Answer to: What is CNCF?");
        assertThat(api.calls("sendMessage").size()).isGreaterThanOrEqualTo(6);
        // Backoff grows between transient failures; the 429 waits exactly what it asked.
        assertThat(waits.waits()).contains(Duration.ofSeconds(1));
        assertThat(logs.messages(Level.WARN, "confbot.telegram"))
                .containsExactly("Telegram flood control on sendmessage: waiting 1 s as asked, then sending again");
    }

    @Test
    void aSendThatKeepsFailingIsGivenUpAfterTheRetryWindowWithOneWarningNamingTheUpdate() throws Exception {
        start(ScriptedBot.echo(), fastScheduler(), InboxPolicy.defaults().withRetryFor(Duration.ofMinutes(2)));
        FakeBotApi.Fault[] always = new FakeBotApi.Fault[40];
        java.util.Arrays.fill(always, FakeBotApi.Fault.BAD_GATEWAY);
        api.failNextSendMessages(always);

        api.enqueue(Updates.privateText(7, "doomed").json());

        await().atMost(20, SECONDS)
                .until(() -> !logs.messages(Level.WARN, "confbot.telegram").isEmpty()
                        && pending().isEmpty());
        assertThat(logs.messages(Level.WARN, "confbot.telegram"))
                .singleElement()
                .asString()
                .startsWith("Update 7 not answered: Telegram kept failing for ")
                .contains("[502] Bad Gateway");
        Duration waited = waits.waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(3));
        assertThat(waits.waits()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void aRefusalOtherThanFloodControlIsFinalAndTheNextQuestionIsAnswered() throws Exception {
        start(ScriptedBot.echo(), fastScheduler());
        api.rejectSendMessageContaining("refused");

        api.enqueue(
                Updates.privateText(1, "refused").json(),
                Updates.privateText(2, "fine").json());

        await().atMost(10, SECONDS)
                .until(() -> api.delivered().size() == 1 && pending().isEmpty());
        assertThat(api.calls("sendMessage")).extracting(FakeBotApi.Call::status).containsExactlyInAnyOrder(400, 200);
        assertThat(api.delivered().get(0).text()).startsWith("Answer to: fine");
    }

    @Test
    void aWebhookPushThatCannotBeJournaledIsRefusedSoTelegramPushesItAgain() throws Exception {
        TelegramAdapter adapter = start(
                ScriptedBot.echo(),
                fastScheduler(),
                InboxPolicy.defaults(),
                Map.of(
                        "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook",
                        "TELEGRAM_WEBHOOK_SECRET", "s3cret",
                        "TELEGRAM_WEBHOOK_PORT", "0"));
        URI hook = URI.create("http://127.0.0.1:" + adapter.webhookPort() + "/hook");

        assertThat(push(hook, Updates.privateText(1, "journaled").json().toString()))
                .isEqualTo(200);
        await().atMost(10, SECONDS).until(() -> api.delivered().size() == 1);
        store.close();

        assertThat(push(hook, Updates.privateText(2, "not journaled").json().toString()))
                .isEqualTo(503);
        assertThat(api.delivered()).hasSize(1);
    }

    @Test
    void updatesLeftFromARunLongAgoAreSkippedAndRecentOnesAnswered() throws Exception {
        Inbox inbox = store.inbox();
        inbox.record(
                UpdateDispatcher.PLATFORM,
                List.of(
                        new Inbox.Entry(
                                1,
                                clock.instant().minus(Duration.ofHours(30)),
                                Updates.privateTextIn(7001, 1, "ancient").json().toString()),
                        new Inbox.Entry(
                                2,
                                clock.instant().minus(Duration.ofHours(2)),
                                Updates.privateTextIn(7002, 2, "recent").json().toString())));

        start(ScriptedBot.echo(), fastScheduler());

        await().atMost(10, SECONDS)
                .until(() -> api.delivered().size() == 1 && pending().isEmpty());
        assertThat(api.delivered().get(0).text()).startsWith("Answer to: recent");
        assertThat(logs.messages(Level.INFO, "confbot.telegram"))
                .contains("Skipped 1 journaled update(s) older than 24 h; their askers have moved on");
        // The poll after start must not bring the replayed ones back as new: their ids are confirmed.
        await().atMost(10, SECONDS).until(() -> api.pollOffsets().contains(3));
    }

    @Test
    void aMessageWithEntitiesOutOfRangeIsAnsweredAndBlocksNothingAfterIt() throws Exception {
        start(ScriptedBot.echo(), fastScheduler());
        com.fasterxml.jackson.databind.node.ObjectNode broken =
                Updates.privateText(1, "What is Harbor?").json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("message"))
                .putArray("entities")
                .addObject()
                .put("type", "bold")
                .put("offset", 500)
                .put("length", 17);

        api.enqueue(broken, Updates.privateText(2, "and Kata?").json());

        await().atMost(10, SECONDS)
                .until(() -> api.delivered().size() == 2 && pending().isEmpty());
        assertThat(api.delivered())
                .extracting(FakeBotApi.Call::text)
                .anyMatch(t -> t.startsWith("Answer to: What is Harbor?"))
                .anyMatch(t -> t.startsWith("Answer to: and Kata?"));
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void twoQuestionsInOneChatAreAnsweredInTheOrderAskedEvenWhenTheFirstIsSlower() throws Exception {
        ChatBot slowFirst = in -> {
            if (in.text().equals("first")) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ScriptedBot.echoReply(in);
        };
        start(slowFirst, fastScheduler());

        api.enqueue(
                Updates.privateText(1, "first").json(),
                Updates.privateText(2, "second").json());

        await().atMost(10, SECONDS).until(() -> api.delivered().size() == 2);
        assertThat(api.delivered())
                .extracting(c -> c.text().lines().findFirst().orElse(""))
                .containsExactly("Answer to: first", "Answer to: second");
    }

    private long delivered(long chatId) {
        return api.delivered().stream()
                .filter(c -> c.body().path("chat_id").asLong() == chatId)
                .count();
    }

    private List<Inbox.Entry> pending() {
        return store.inbox().pending(UpdateDispatcher.PLATFORM);
    }

    private BiFunction<ScheduledExecutorService, ExecutorService, Scheduler> fastScheduler() {
        return waits::scheduler;
    }

    private TelegramAdapter start(ChatBot bot, BiFunction<ScheduledExecutorService, ExecutorService, Scheduler> s)
            throws Exception {
        return start(bot, s, InboxPolicy.defaults());
    }

    private TelegramAdapter start(
            ChatBot bot, BiFunction<ScheduledExecutorService, ExecutorService, Scheduler> s, InboxPolicy policy)
            throws Exception {
        return start(bot, s, policy, Map.of());
    }

    private TelegramAdapter start(
            ChatBot bot,
            BiFunction<ScheduledExecutorService, ExecutorService, Scheduler> s,
            InboxPolicy policy,
            Map<String, String> extraEnv)
            throws Exception {
        TelegramAdapter adapter = new TelegramAdapter(config(extraEnv), bot, clock, store.inbox(), policy, s);
        adapters.add(adapter);
        adapter.start();
        return adapter;
    }

    private TelegramConfig config(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url()));
        env.putAll(extraEnv);
        return TelegramConfig.fromEnv(env).orElseThrow();
    }

    private static int push(URI hook, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(hook)
                                .header("Content-Type", "application/json")
                                .header(WebhookReceiver.SECRET_HEADER, "s3cret")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
