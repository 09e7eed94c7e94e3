package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.feedback.Feedback;
import confbot.core.schedule.CatalogPoller;
import confbot.core.schedule.ScheduleChanges;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LiveSchedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /now, /next and /changes on Discord, end to end: real JDA against the fake gateway and REST API,
 * the real core over the Tidewater schedule polled from a local server, on a clock at 09:40 in
 * Berlin; the schedule changes in a real SQLite file.
 */
final class DiscordLiveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private LiveSchedule.Server server;
    private CatalogPoller poller;
    private StateStore store;
    private ConfBot bot;
    private DiscordFakes fakes;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        server = LiveSchedule.Server.serving(LiveSchedule.FIRST);
        poller = new CatalogPoller(
                List.of(CatalogPoller.Remote.in(dir.resolve("copies"), server.address())),
                CatalogPoller.client(),
                new CatalogReader());
        poller.fetchFirst();
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        Clock clock = LiveSchedule.clockAt(LiveSchedule.DAY_ONE_0940);
        bot = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(true, List.of(), poller.copies()),
                BotOptions.defaults().withClock(clock),
                Feedback.off(),
                new ScheduleChanges(store.scheduleChanges(), clock));
        fakes = DiscordFakes.start();
        adapter = new DiscordAdapter(fakes.config(), bot, bot);
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        fakes.close();
        poller.close();
        bot.close();
        store.close();
        server.close();
    }

    /** The text of the reply edited into the deferred interaction {@code token}. */
    private String answered(String token) throws Exception {
        await().atMost(PATIENCE).until(() -> !fakes.rest
                .requests("PATCH", p -> p.contains(token + "/messages/@original"))
                .isEmpty());
        JsonNode edit = json.readTree(fakes.rest
                .requests("PATCH", p -> p.contains(token + "/messages/@original"))
                .get(0)
                .body());
        return String.join("\n", edit.findValuesAsText("description"))
                + edit.path("content").asText();
    }

    @Test
    void nowNextAndChangesAreSlashCommandsLocalisedWithARoomOrTrackToComplete() throws Exception {
        await().atMost(PATIENCE).until(() -> !fakes.rest
                .requests("PUT", p -> p.contains("/commands"))
                .isEmpty());
        JsonNode commands = json.readTree(
                fakes.rest.requests("PUT", p -> p.contains("/commands")).get(0).body());
        assertThat(commands.findValuesAsText("name")).contains("now", "next", "changes");
        for (JsonNode command : commands) {
            switch (command.path("name").asText()) {
                case "now" -> assertThat(command.at("/name_localizations/zh-CN").asText())
                        .isEqualTo("现在");
                case "next" -> {
                    assertThat(command.at("/options/0/name").asText()).isEqualTo("place");
                    assertThat(command.at("/options/0/autocomplete").asBoolean())
                            .isTrue();
                    assertThat(command.at("/options/0/name_localizations/zh-CN").asText())
                            .isEqualTo("会场");
                }
                case "changes" -> assertThat(command.at("/options/0/choices").findValuesAsText("value"))
                        .contains("2030");
                default -> {}
            }
        }

        String id = Interactions.freshSnowflake();
        fakes.gateway.dispatch(
                "INTERACTION_CREATE",
                Interactions.interaction(
                        id,
                        "token-place",
                        4,
                        "{\"id\":\"710\",\"name\":\"next\",\"type\":1,\"options\":[{\"name\":\"place\",\"type\":3,"
                                + "\"value\":\"ro\",\"focused\":true}]}"));
        await().atMost(PATIENCE).until(() -> !fakes.rest
                .requests("POST", p -> p.contains("/interactions/" + id + "/"))
                .isEmpty());
        JsonNode choices = json.readTree(fakes.rest
                .requests("POST", p -> p.contains("/interactions/" + id + "/"))
                .get(0)
                .body());
        assertThat(choices.at("/data/choices").findValuesAsText("value")).containsExactly("Room 2");
    }

    @Test
    void nowAndNextAnswerAndChangesListsWhatANewVersionChanged() throws Exception {
        fakes.gateway.dispatch(
                "INTERACTION_CREATE", Interactions.command(Interactions.freshSnowflake(), "token-now", "42", "now"));

        assertThat(answered("token-now"))
                .contains("09:40 Europe/Berlin")
                .contains("Opening the tide tables — Ana Duarte")
                .contains("Small boats, small queues — Chen Jing");

        fakes.gateway.dispatch(
                "INTERACTION_CREATE",
                Interactions.interaction(
                        Interactions.freshSnowflake(),
                        "token-next",
                        2,
                        "{\"id\":\"711\",\"name\":\"next\",\"type\":1,\"options\":[{\"name\":\"place\",\"type\":3,"
                                + "\"value\":\"Room 2\"}]}"));
        assertThat(answered("token-next")).contains("Small boats, small queues").doesNotContain("Reading the harbour");

        server.publish(LiveSchedule.CHANGED);
        assertThat(poller.pollOnce()).isTrue();
        bot.tryReload();
        fakes.gateway.dispatch(
                "INTERACTION_CREATE",
                Interactions.command(Interactions.freshSnowflake(), "token-changes", "42", "changes"));

        assertThat(answered("token-changes"))
                .contains("Small boats, small queues — Chen Jing — cancelled")
                .contains("A late addition — Ana Duarte — new");
    }
}
