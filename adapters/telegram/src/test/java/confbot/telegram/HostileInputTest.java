package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.LogCapture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Input that cannot crash a handler: generated updates of every hostile shape, first 10,000 through
 * what the adapter does to each in process (journal it, map it, render an answer that quotes it,
 * write the call Telegram would get), then a few hundred through the whole adapter over HTTP.
 */
final class HostileInputTest {

    private static final long SEED = 20_261_202L;
    private final ObjectMapper json = new ObjectMapper();
    private final UpdateMapper mapper = new UpdateMapper(new BotIdentity(FakeBotApi.BOT_ID, FakeBotApi.BOT_USERNAME));
    private final HtmlRenderer renderer = new HtmlRenderer();
    private final UpdateReader reader = new UpdateReader(json);

    @TempDir
    Path dir;

    @Test
    void tenThousandGeneratedUpdatesNeverThrowAndWhatIsAddressedIsWithinTelegramsLimits() throws Exception {
        HostileUpdates updates = new HostileUpdates(SEED);
        int addressed = 0;
        int inline = 0;
        for (int id = 1; id <= 10_000; id++) {
            ObjectNode raw = updates.next(id);
            String context = "update " + id + " (seed " + SEED + "): " + abbreviate(raw.toString());
            Update update = reader.read(json.readTree(raw.toString()));
            // The journal's round trip: what a restart reads back.
            Update again = json.readValue(json.writeValueAsString(update), Update.class);
            assertThat(again.getUpdateId()).as(context).isEqualTo(id);

            Optional<UpdateMapper.Addressed> mapped = Optional.empty();
            if (update.hasMessage()) {
                mapped = mapper.map(update.getMessage());
            }
            if (mapped.isPresent()) {
                addressed++;
                String text = mapped.get().inbound().text();
                assertThat(text).as(context).isNotBlank();
                assertThat(text.length()).as(context).isLessThanOrEqualTo(UpdateMapper.MAX_TEXT_LENGTH);
                assertWireSafe(text, context);
            }
            if (update.hasInlineQuery()) {
                Optional<confbot.core.chat.Inbound> query = mapper.mapInline(update.getInlineQuery());
                if (query.isPresent()) {
                    inline++;
                    assertWireSafe(query.get().text(), context);
                }
            }
        }
        // The generator must reach the interesting branches, or the test proves nothing.
        assertThat(addressed).isGreaterThan(300);
        assertThat(inline).isGreaterThan(300);
    }

    @Test
    void hostileUpdatesThroughTheWholeAdapterGetAnswersTelegramAcceptsAndNoWarning() throws Exception {
        String token = TelegramAdapterTest.TOKEN;
        HostileUpdates updates = new HostileUpdates(SEED + 1);
        List<ObjectNode> batch =
                IntStream.rangeClosed(1, 400).mapToObj(updates::next).toList();
        TestClock clock = new TestClock(Updates.NOW.minusSeconds(30));
        RecordingScheduler.Waits waits = new RecordingScheduler.Waits(clock);
        // Echoes the question inside markup, the worst case for the renderer.
        ScriptedBot bot = new ScriptedBot(in -> new Reply(
                Reply.Kind.ANSWER,
                "You asked: <" + in.text() + "> & more",
                List.of(new Source(in.text(), URI.create("https://example.org/a?b=%3Cc%3E&d")))));
        try (FakeBotApi api = new FakeBotApi(token);
                StateStore store =
                        JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
                LogCapture logs = LogCapture.root()) {
            TelegramAdapter adapter = new TelegramAdapter(
                    TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", token, "TELEGRAM_API_URL", api.url()))
                            .orElseThrow(),
                    bot,
                    clock,
                    store.inbox(),
                    InboxPolicy.defaults(),
                    waits::scheduler);
            try {
                adapter.start();
                api.enqueue(batch.toArray(ObjectNode[]::new));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> api.pollOffsets().contains(401)
                                && store.inbox()
                                        .pending(UpdateDispatcher.PLATFORM)
                                        .isEmpty());
            } finally {
                adapter.close();
            }
            assertThat(bot.asked()).hasSizeGreaterThan(40);
            assertThat(api.calls("sendMessage"))
                    .as("Telegram refused nothing the bot sent")
                    .isNotEmpty()
                    .allMatch(FakeBotApi.Call::ok);
            assertThat(api.calls("answerInlineQuery")).allMatch(FakeBotApi.Call::ok);
            // Only updates that are not Telegram's shape at all (a message dated 0, an inline query
            // from nobody) are given up, each with one line naming it; none stops the others.
            assertThat(logs.messages(Level.WARN, "confbot")).isNotEmpty().allSatisfy(w -> assertThat(w)
                    .matches("Update [0-9]+ cannot be read .*; confirmed and ignored"));
            assertThat(logs.messages(Level.ERROR, "")).isEmpty();
        }
    }

    /** Renders an answer quoting {@code text} and writes the call as telegrambots would send it. */
    private void assertWireSafe(String text, String context) {
        Reply reply = new Reply(
                Reply.Kind.ANSWER,
                "Answer to: " + text,
                List.of(new Source(text, URI.create("https://example.org/n"))));
        List<String> parts = new ArrayList<>();
        assertThatCode(() -> parts.addAll(renderer.render(reply, java.util.Locale.ROOT)))
                .as(context)
                .doesNotThrowAnyException();
        for (String part : parts) {
            assertThat(TelegramHtml.parse(part).error()).as(context).isEmpty();
            assertThat(TelegramHtml.parse(part).visibleText().length())
                    .as(context)
                    .isLessThanOrEqualTo(HtmlRenderer.MAX_MESSAGE_LENGTH);
            SendMessage send = SendMessage.builder()
                    .chatId(1L)
                    .text(part)
                    .parseMode("HTML")
                    .build();
            assertThatCode(() -> json.writeValueAsString(send)).as(context).doesNotThrowAnyException();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
