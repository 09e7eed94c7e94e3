package confbot.telegram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.state.StateStore;
import confbot.core.testing.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real telegrambots client and long-polling code, over HTTP, against a fake Bot API
 * on 127.0.0.1. Only the core is a stand-in. Every test also checks that nothing logged the token.
 */
final class TelegramAdapterTest {

    static final String TOKEN = "123456789:AAH-test_token_0123456789abcdef";

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
    void startsByLearningItsUsernameAndRegisteringTheMenuInEnglishAndChinese() throws Exception {
        TelegramAdapter adapter = start(ScriptedBot.echo());

        assertThat(adapter.isConnected()).isTrue();
        assertThat(adapter.name()).isEqualTo("telegram");
        assertThat(api.calls("getMe")).hasSize(1);
        assertThat(api.calls("deleteWebhook")).hasSize(1);
        List<FakeBotApi.Call> menus = api.calls("setMyCommands");
        assertThat(menus).hasSize(2);
        assertThat(menus.get(0).body().has("language_code")).isFalse();
        assertThat(commands(menus.get(0)))
                .containsExactly(
                        "ask",
                        "schedule",
                        "slides",
                        "now",
                        "next",
                        "changes",
                        "subscribe",
                        "unsubscribe",
                        "remind",
                        "help",
                        "about");
        assertThat(menus.get(0).body().at("/commands/0/description").asText()).contains("Ask a question");
        assertThat(menus.get(1).body().path("language_code").asText()).isEqualTo("zh");
        assertThat(menus.get(1).body().at("/commands/0/description").asText()).contains("提问");
        await().atMost(10, SECONDS).until(() -> !api.calls("getUpdates").isEmpty());
        assertThat(api.calls("getUpdates").get(0).body().path("allowed_updates").toString())
                .isEqualTo("[\"message\",\"inline_query\",\"callback_query\"]");
    }

    @Test
    void failsToStartWhenTelegramRefusesTheTokenWithoutShowingIt() {
        String wrong = "999:wrong-token-abcdef";
        TelegramConfig config = TelegramConfig.fromEnv(
                        Map.of("TELEGRAM_BOT_TOKEN", wrong, "TELEGRAM_API_URL", api.url()))
                .orElseThrow();
        TelegramAdapter adapter = adapter(config, ScriptedBot.echo());
        adapters.add(adapter);

        assertThatIllegalStateException()
                .isThrownBy(adapter::start)
                .withMessageContaining("[401] Unauthorized")
                .withMessageNotContaining(wrong);
        assertThat(adapter.isConnected()).isFalse();
        assertThat(logs.everything()).doesNotContain(wrong);
    }

    @Test
    void answersPrivateQuestionThreadedAndWithoutLinkPreview() throws Exception {
        ScriptedBot bot = ScriptedBot.echo();
        start(bot);

        api.enqueue(Updates.privateText(1, "When was KubeCon China 2019?")
                .from(Updates.ALICE, "zh-hans")
                .json());

        awaitDelivered(1);
        assertThat(bot.asked())
                .containsExactly(new Inbound(
                        "When was KubeCon China 2019?",
                        Locale.forLanguageTag("zh-hans"),
                        new Origin(
                                Platform.TELEGRAM,
                                String.valueOf(Updates.PRIVATE_CHAT),
                                String.valueOf(Updates.ALICE),
                                false)));
        JsonNode sent = api.delivered().get(0).body();
        assertThat(sent.path("chat_id").asText()).isEqualTo(String.valueOf(Updates.PRIVATE_CHAT));
        assertThat(sent.at("/reply_parameters/message_id").asInt()).isEqualTo(Updates.messageId(1));
        assertThat(sent.path("parse_mode").asText()).isEqualToIgnoringCase("html");
        assertThat(sent.at("/link_preview_options/is_disabled").asBoolean()).isTrue();
        assertThat(sent.path("text").asText())
                .isEqualTo("Answer to: When was KubeCon China 2019?\n\n<b>来源</b>\n"
                        + "• <a href=\"https://example.org/notes/2019\">KubeCon China 2019 notes</a>");
    }

    @Test
    void showsTypingWhileASlowAnswerIsMadeAndTheAnswerFollowsIt() throws Exception {
        // GIVEN a core that answers only once the chat shows "typing…" (at Typing.DELAY)
        ScriptedBot bot = new ScriptedBot(in -> {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !api.calls("sendChatAction").isEmpty());
            return ScriptedBot.echoReply(in);
        });
        start(bot);

        // WHEN a question comes
        api.enqueue(Updates.privateText(1, "a slow question").json());

        // THEN the indicator goes to that chat, and the answer after it
        awaitDelivered(1);
        List<String> order = api.calls().stream()
                .map(FakeBotApi.Call::method)
                .filter(m -> m.equals("sendchataction") || m.equals("sendmessage"))
                .toList();
        assertThat(order).containsExactly("sendchataction", "sendmessage");
        FakeBotApi.Call typing = api.calls("sendChatAction").get(0);
        assertThat(typing.body().path("action").asText()).isEqualTo("typing");
        assertThat(typing.body().path("chat_id").asText()).isEqualTo(String.valueOf(Updates.PRIVATE_CHAT));
    }

    @Test
    void answersGroupCommandAddressedWithUsername() throws Exception {
        ScriptedBot bot = ScriptedBot.echo();
        start(bot);

        api.enqueue(Updates.groupText(1, "/ask@ItsBot what is a service mesh").json());

        awaitDelivered(1);
        assertThat(bot.questions()).containsExactly("/ask what is a service mesh");
        assertThat(bot.asked().get(0).origin().groupChat()).isTrue();
        assertThat(api.delivered()
                        .get(0)
                        .body()
                        .at("/reply_parameters/message_id")
                        .asInt())
                .isEqualTo(Updates.messageId(1));
    }

    @Test
    void answersGroupMentionWithoutTheMention() throws Exception {
        ScriptedBot bot = ScriptedBot.echo();
        start(bot);

        api.enqueue(Updates.groupText(1, "@ItsBot who spoke about Harbor?").json());

        awaitDelivered(1);
        assertThat(bot.questions()).containsExactly("who spoke about Harbor?");
    }

    @Test
    void answersReplyToItsOwnMessage() throws Exception {
        ScriptedBot bot = ScriptedBot.echo();
        start(bot);

        api.enqueue(Updates.groupText(1, "and in 2018?").replyingToBot(555).json());

        awaitDelivered(1);
        assertThat(bot.questions()).containsExactly("and in 2018?");
    }

    @Test
    void staysSilentOnGroupChatterAndOtherBotsCommands() throws Exception {
        // Slow to answer, so that the one question addressed to it shows "typing…" and chatter would too.
        ScriptedBot bot = new ScriptedBot(in -> {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !api.calls("sendChatAction").isEmpty());
            return ScriptedBot.echoReply(in);
        });
        TelegramAdapter adapter = start(bot);

        api.enqueue(
                Updates.groupText(1, "anyone going to KubeCon this year?").json(),
                Updates.groupText(2, "/ask@OtherBot what is X").json(),
                Updates.groupText(3, "/weather Shanghai").json(),
                Updates.groupText(4, "thanks @SomeoneElse").json(),
                Updates.groupJoin(5).json(),
                Updates.groupText(6, "@ItsBot last one").json());

        awaitDelivered(1);
        adapter.close(); // lets anything still in flight finish, so silence below is final
        assertThat(bot.questions()).containsExactly("last one");
        assertThat(api.delivered()).hasSize(1);
        assertThat(api.calls("sendChatAction")).hasSize(1);
    }

    @Test
    void sendsNothingForASilentReply() throws Exception {
        ScriptedBot bot = new ScriptedBot(in -> in.text().equals("flood") ? Reply.silent() : ScriptedBot.echoReply(in));
        TelegramAdapter adapter = start(bot);

        api.enqueue(
                Updates.privateText(1, "flood").json(),
                Updates.privateText(2, "flood").json(),
                Updates.privateText(3, "a real question").json());

        awaitDelivered(1);
        adapter.close(); // lets anything still in flight finish, so silence below is final
        assertThat(bot.questions()).containsExactlyInAnyOrder("flood", "flood", "a real question");
        assertThat(api.delivered()).hasSize(1);
        assertThat(api.delivered().get(0).body().path("text").asText()).startsWith("Answer to: a real question");
    }

    @Test
    void escapesMarkupFromUsersAndNotes() throws Exception {
        ScriptedBot bot = new ScriptedBot(in -> new Reply(
                Reply.Kind.ANSWER,
                "Use <script> & \"quotes\" > 5 *not bold*\n\nAT&T's <b>talk</b>",
                List.of(new Source("A <b>&</b> B", URI.create("https://example.org/search?q=a&b=c%3C")))));
        start(bot);

        api.enqueue(Updates.privateText(1, "Is <b>this</b> & that *bold*?").json());

        awaitDelivered(1);
        assertThat(bot.questions()).containsExactly("Is <b>this</b> & that *bold*?");
        assertThat(api.calls("sendMessage")).allMatch(FakeBotApi.Call::ok);
        assertThat(api.delivered().get(0).text())
                .isEqualTo(
                        "Use &lt;script&gt; &amp; \"quotes\" &gt; 5 *not bold*\n\nAT&amp;T's &lt;b&gt;talk&lt;/b&gt;\n\n"
                                + "<b>Sources</b>\n• <a href=\"https://example.org/search?q=a&amp;b=c%3C\">"
                                + "A &lt;b&gt;&amp;&lt;/b&gt; B</a>");
    }

    @Test
    void splitsLongAnswerAtParagraphsEachPartValidAndPacedPerChat() throws Exception {
        List<String> paragraphs = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "Paragraph " + i + ": " + "R&D <ok> ".repeat(40).strip())
                .toList();
        ScriptedBot bot =
                new ScriptedBot(in -> new Reply(Reply.Kind.ANSWER, String.join("\n\n", paragraphs), List.of()));
        TelegramAdapter adapter = start(bot);

        api.enqueue(Updates.privateText(1, "tell me everything").json());

        await().atMost(10, SECONDS)
                .until(() -> api.delivered().size() >= 2
                        && api.delivered()
                                .get(api.delivered().size() - 1)
                                .body()
                                .path("text")
                                .asText()
                                .contains("Paragraph 30"));
        adapter.close();
        List<FakeBotApi.Call> parts = api.delivered();
        assertThat(api.calls("sendMessage")).allMatch(FakeBotApi.Call::ok);
        assertThat(parts)
                .hasSizeGreaterThan(2)
                .allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(4096));
        List<String> visible = parts.stream()
                .map(p -> TelegramHtml.parse(p.text()).visibleText())
                .toList();
        assertThat(String.join("\n\n", visible)).isEqualTo(String.join("\n\n", paragraphs));
        for (String paragraph : paragraphs) {
            assertThat(visible).filteredOn(v -> v.contains(paragraph)).hasSize(1);
        }
        // Telegram asks for at most one message per second in a private chat.
        assertThat(waits.waits()).hasSize(parts.size() - 1).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void resendsAfter429OnceRetryAfterHasPassed() throws Exception {
        start(ScriptedBot.echo());
        api.answerNextSendMessageWith429(7);

        api.enqueue(Updates.privateText(1, "What is CNCF?").json());

        awaitDelivered(1);
        List<FakeBotApi.Call> sends = api.calls("sendMessage");
        assertThat(sends).extracting(FakeBotApi.Call::status).containsExactly(429, 200);
        assertThat(sends.get(1).text()).isEqualTo(sends.get(0).text());
        assertThat(waits.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(logs.messages(Level.WARN, "confbot.telegram"))
                .containsExactly("Telegram flood control on sendmessage: waiting 7 s as asked, then sending again");
    }

    @Test
    void anErrorOnOneUpdateNeitherStopsTheLoopNorLosesOtherUpdates() throws Exception {
        ScriptedBot bot = new ScriptedBot(in -> {
            if (in.text().equals("boom")) {
                throw new IllegalStateException("core bug");
            }
            return ScriptedBot.echoReply(in);
        });
        TelegramAdapter adapter = start(bot);
        api.rejectSendMessageContaining("refused");

        api.enqueue(
                Updates.privateText(1, "refused").json(),
                Updates.privateText(2, "boom").json(),
                Updates.privateText(3, "third").json());
        await().atMost(10, SECONDS).until(() -> api.delivered().size() >= 2);
        api.enqueue(Updates.privateText(4, "fourth").json());

        awaitDelivered(3);
        assertThat(adapter.isConnected()).isTrue();
        assertThat(api.delivered())
                .extracting(FakeBotApi.Call::text)
                .anyMatch(t -> t.startsWith("Sorry, I could not answer"))
                .anyMatch(t -> t.startsWith("Answer to: third"))
                .anyMatch(t -> t.startsWith("Answer to: fourth"));
        assertThat(logs.messages(Level.WARN, "confbot.telegram"))
                .containsExactlyInAnyOrder(
                        "The core failed on a Telegram message: IllegalStateException: core bug",
                        "Update 1 failed: TelegramApiRequestException: Error executing"
                                + " org.telegram.telegrambots.meta.api.methods.send.SendMessage query: [400] Bad Request: chat not found");
    }

    @Test
    void badInputGetsASensibleReplyOrNoneAndNeverAnException() throws Exception {
        ScriptedBot bot = ScriptedBot.echo();
        TelegramAdapter adapter = start(bot);
        String huge = "word ".repeat(64 * 1024 / 5);
        List<String> answered = List.of(
                huge,
                "<b>bold</b> & *stars* _under_ `code` [link](http://x) <unknown>",
                "🙂👍🏽 KubeCon? 𝓤𝓷𝓲𝓬𝓸𝓭𝓮",
                "ما هو KubeCon؟ \u202Eevil\u202C שלום",
                "null\u0000 bell\u0007 esc\u001B[31m red",
                "last question");

        api.enqueue(
                Updates.privateText(1, "   ").json(),
                Updates.privateText(2, answered.get(0)).json(),
                Updates.privateText(3, answered.get(1)).json(),
                Updates.privateText(4, answered.get(2)).json(),
                Updates.privateText(5, answered.get(3)).json(),
                Updates.privateText(6, answered.get(4)).json(),
                Updates.editedPrivateText(7, "edited question").json(),
                Updates.privateSticker(8).json(),
                Updates.privatePhoto(9).json(),
                Updates.groupJoin(10).json(),
                Updates.privateText(11, answered.get(5)).json());

        await().atMost(10, SECONDS)
                .until(() -> bot.questions().contains("last question")
                        && api.delivered().stream().anyMatch(c -> c.text().startsWith("Answer to: last question")));
        adapter.close();
        assertThat(bot.questions())
                .containsExactlyInAnyOrder(
                        huge.substring(0, UpdateMapper.MAX_TEXT_LENGTH).strip(),
                        answered.get(1),
                        answered.get(2),
                        answered.get(3),
                        answered.get(4),
                        answered.get(5));
        assertThat(api.calls("sendMessage")).isNotEmpty().allMatch(FakeBotApi.Call::ok);
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void skipsMessagesSentBeforeStartWhenAskedTo() throws Exception {
        ScriptedBot bot = ScriptedBot.echo();
        TelegramAdapter adapter = start(bot, Map.of("TELEGRAM_SKIP_BACKLOG", "true"));

        api.enqueue(
                Updates.privateText(1, "old question")
                        .sentAt(Updates.NOW.minusSeconds(3600))
                        .json(),
                Updates.privateText(2, "new question").json());

        awaitDelivered(1);
        adapter.close();
        assertThat(bot.questions()).containsExactly("new question");
    }

    @Test
    void offersTheAnswerToAnInlineQueryAsAnArticle() throws Exception {
        ScriptedBot bot = ScriptedBot.echo();
        start(bot);

        api.enqueue(Updates.inlineQuery(1, "iq-42", "KubeCon 2019 的主题演讲"));

        await().atMost(10, SECONDS).until(() -> !api.calls("answerInlineQuery").isEmpty());
        JsonNode answer = api.calls("answerInlineQuery").get(0).body();
        assertThat(answer.path("inline_query_id").asText()).isEqualTo("iq-42");
        assertThat(answer.at("/results/0/type").asText()).isEqualTo("article");
        assertThat(answer.at("/results/0/title").asText()).isEqualTo("Answer to: KubeCon 2019 的主题演讲");
        assertThat(answer.at("/results/0/input_message_content/message_text").asText())
                .startsWith("Answer to: KubeCon 2019 的主题演讲\n\n<b>来源</b>");
        assertThat(answer.at("/results/0/input_message_content/parse_mode").asText())
                .isEqualToIgnoringCase("html");
        assertThat(answer.at("/results/0/input_message_content/link_preview_options/is_disabled")
                        .asBoolean())
                .isTrue();
        assertThat(bot.asked().get(0).locale().getLanguage()).isEqualTo("zh");
    }

    @Test
    void restartMidStreamAnswersEveryUpdateExactlyOnce() throws Exception {
        CountDownLatch secondAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChatBot slow = in -> {
            if (in.text().equals("q2")) {
                secondAsked.countDown();
                try {
                    release.await(10, SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ScriptedBot.echoReply(in);
        };
        TelegramAdapter first = start(slow);
        api.enqueue(question(1), question(2), question(3), question(4));
        assertThat(secondAsked.await(10, SECONDS)).isTrue();

        // More questions arrive while the first instance is busy, then it is stopped mid-answer.
        api.enqueue(question(5), question(6));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(first::close);
        await().atMost(10, SECONDS).until(() -> !first.isConnected());
        release.countDown();
        closing.get(30, SECONDS);

        api.enqueue(question(7), question(8));
        TelegramAdapter second = start(ScriptedBot.echo());
        await().atMost(10, SECONDS).until(() -> repliedTo().containsAll(messageIds(1, 8)));
        // Once it polls past update 8 it has taken everything; closing lets those answers finish.
        await().atMost(10, SECONDS).until(() -> api.pollOffsets().contains(9));
        second.close();

        assertThat(repliedTo()).containsExactlyInAnyOrderElementsOf(messageIds(1, 8));
    }

    @Test
    void neverLogsTheTokenEvenWhenCallsFail() throws Exception {
        api.failNextGetUpdates(1);
        api.rejectSendMessageContaining("refused");
        start(ScriptedBot.echo());

        api.enqueue(
                Updates.privateText(1, "refused").json(),
                Updates.privateText(2, "fine").json());

        awaitDelivered(1);
        await().atMost(10, SECONDS).until(() -> !logs.messages(Level.WARN, "confbot.telegram.SendQueue")
                .isEmpty());
        assertThat(logs.messages(Level.ERROR, "org.telegram")).isNotEmpty(); // telegrambots logged the 502
        assertThat(logs.everything()).contains("Update 1 failed").doesNotContain(TOKEN);
    }

    @Test
    void webhookModeAnswersPushesCarryingTheSecretOnlyOnce() throws Exception {
        ScriptedBot bot = ScriptedBot.echo();
        TelegramAdapter adapter = start(
                bot,
                Map.of(
                        "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram/hook",
                        "TELEGRAM_WEBHOOK_SECRET", "s3cret-Token_1",
                        "TELEGRAM_WEBHOOK_PORT", "0"));

        FakeBotApi.Call setWebhook = api.calls("setWebhook").get(0);
        assertThat(setWebhook.rawBody())
                .contains("https://bot.example.org/telegram/hook")
                .contains("s3cret-Token_1");
        assertThat(api.calls("getUpdates")).isEmpty();
        URI hook = URI.create("http://127.0.0.1:" + adapter.webhookPort() + "/telegram/hook");
        String update = Updates.privateText(41, "pushed question").json().toString();

        assertThat(push(hook, update, null)).isEqualTo(401);
        assertThat(push(hook, update, "wrong")).isEqualTo(401);
        assertThat(push(hook, update, "s3cret-Token_1")).isEqualTo(200);
        assertThat(push(hook, update, "s3cret-Token_1")).isEqualTo(200); // Telegram redelivering
        assertThat(push(hook, "not json", "s3cret-Token_1")).isEqualTo(400);

        awaitDelivered(1);
        adapter.close();
        assertThat(bot.questions()).containsExactly("pushed question");
        assertThat(api.delivered()).hasSize(1);
        assertThat(api.calls("deleteWebhook")).isEmpty(); // other replicas may still serve it
    }

    @Test
    void closeStopsEveryThreadTheAdapterStarted() throws Exception {
        TelegramAdapter adapter = start(ScriptedBot.echo());
        api.enqueue(Updates.privateText(1, "hello").json());
        awaitDelivered(1);

        adapter.close();

        assertThat(adapter.isConnected()).isFalse();
        await().atMost(10, SECONDS).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("confbot-telegram")));
    }

    private TelegramAdapter start(ChatBot bot) throws Exception {
        return start(bot, Map.of());
    }

    private TelegramAdapter start(ChatBot bot, Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url()));
        env.putAll(extraEnv);
        TelegramAdapter adapter = adapter(TelegramConfig.fromEnv(env).orElseThrow(), bot);
        adapter.start();
        return adapter;
    }

    private TelegramAdapter adapter(TelegramConfig config, ChatBot bot) {
        TelegramAdapter adapter =
                new TelegramAdapter(config, bot, clock, store.inbox(), InboxPolicy.defaults(), waits::scheduler);
        adapters.add(adapter);
        return adapter;
    }

    private void awaitDelivered(int count) {
        await().atMost(10, SECONDS).until(() -> api.delivered().size() >= count);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode question(int id) {
        return Updates.privateText(id, "q" + id).json();
    }

    private List<Integer> repliedTo() {
        return api.delivered().stream()
                .map(c -> c.body().at("/reply_parameters/message_id").asInt())
                .toList();
    }

    private static List<Integer> messageIds(int from, int to) {
        return IntStream.rangeClosed(from, to).map(Updates::messageId).boxed().collect(Collectors.toList());
    }

    private static List<String> commands(FakeBotApi.Call setMyCommands) {
        List<String> names = new ArrayList<>();
        setMyCommands
                .body()
                .path("commands")
                .forEach(c -> names.add(c.path("command").asText()));
        return names;
    }

    private static int push(URI hook, String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(hook)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookReceiver.SECRET_HEADER, secret);
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
