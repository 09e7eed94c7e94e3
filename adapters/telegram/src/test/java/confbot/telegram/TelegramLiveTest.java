package confbot.telegram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.feedback.Feedback;
import confbot.core.schedule.CatalogPoller;
import confbot.core.schedule.ScheduleChanges;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LiveSchedule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /now, /next and /changes on Telegram, end to end: the real core over the Tidewater schedule
 * polled from a local server, on a clock at 09:40 in Berlin, behind the real telegrambots client
 * against the fake Bot API; the schedule changes in a real SQLite file.
 */
final class TelegramLiveTest {

    private static final String TOKEN = "123456789:AAH-live_token_0123456789abcdef";

    @TempDir
    Path dir;

    private TelegramTestbed testbed;
    private FakeBotApi api;
    private LiveSchedule.Server server;
    private CatalogPoller poller;
    private ConfBot bot;

    @BeforeEach
    void start() throws Exception {
        testbed = new TelegramTestbed(TOKEN, dir);
        api = testbed.api;
        server = LiveSchedule.Server.serving(LiveSchedule.FIRST);
        poller = new CatalogPoller(
                List.of(CatalogPoller.Remote.in(dir.resolve("copies"), server.address())),
                CatalogPoller.client(),
                new CatalogReader());
        poller.fetchFirst();
        Clock clock = LiveSchedule.clockAt(LiveSchedule.DAY_ONE_0940);
        bot = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(true, List.of(), poller.copies()),
                BotOptions.defaults().withClock(clock),
                Feedback.off(),
                new ScheduleChanges(testbed.store.scheduleChanges(), clock));
        TelegramConfig config = TelegramConfig.fromEnv(
                        Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url()))
                .orElseThrow();
        TelegramAdapter adapter = new TelegramAdapter(
                config, bot, bot, testbed.clock, testbed.store.inbox(), InboxPolicy.defaults(), DeliveryEvents.none());
        testbed.adapters.add(adapter);
        adapter.start();
    }

    @AfterEach
    void stop() {
        testbed.close();
        poller.close();
        bot.close();
        server.close();
    }

    @Test
    void theMenuListsNowNextAndChangesWithARoomOfTheLoadedTalks() {
        List<FakeBotApi.Call> menus = api.calls("setMyCommands");

        JsonNode english = menus.get(0).body().path("commands");
        assertThat(english.findValuesAsText("command")).contains("now", "next", "changes");
        assertThat(english.findValues("description").stream().map(JsonNode::asText))
                .anySatisfy(d -> assertThat(d).contains("/next Hall A"));
        assertThat(menus.get(1).body().path("commands").findValuesAsText("description"))
                .contains("最近的日程变更");
    }

    @Test
    void nowAnswersAndChangesListsWhatANewVersionChanged() throws Exception {
        api.enqueue(Updates.privateText(1, "/now").json());
        await().atMost(20, SECONDS).until(() -> api.delivered().size() == 1);

        assertThat(api.delivered().get(0).text())
                .contains("Tidewater Days 2030", "09:40 Europe/Berlin")
                .contains("09:00–09:45 Hall A: Opening the tide tables — Ana Duarte")
                .contains("10:30–11:00 Room 2: Small boats, small queues — Chen Jing");

        server.publish(LiveSchedule.CHANGED);
        assertThat(poller.pollOnce()).isTrue();
        bot.tryReload();
        api.enqueue(Updates.privateText(2, "/changes").json());
        await().atMost(20, SECONDS).until(() -> api.delivered().size() == 2);

        assertThat(api.delivered().get(1).text())
                .contains("Latest schedule changes")
                .contains("Small boats, small queues — Chen Jing — cancelled")
                .contains("A late addition — Ana Duarte — new");
    }
}
