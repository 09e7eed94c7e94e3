package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.feedback.Feedback;
import confbot.core.state.AnswerLog;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback round trip on Discord, end to end: the real core (fixture knowledge, votes in a real
 * SQLite file) behind real JDA, against the fake gateway and REST API. An answer carries 👍 / 👎
 * buttons; a press is acknowledged within Discord's deadline (an ephemeral deferral), stored, then
 * told to the voter alone; a second press by the same person changes the vote, another person's
 * counts apart; {@code /feedback} shows it.
 */
final class DiscordFeedbackTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String QUESTION = "How many batch jobs per hour does Tidewater drain?";
    private static final String ADMIN = "77";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private DiscordFakes fakes;
    private StateStore store;
    private ConfBot bot;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        fakes = DiscordFakes.start();
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        bot = ConfBot.create(
                Fixtures.knowledge(),
                Setup.builtinOnly(),
                BotOptions.defaults().withAdmins(Set.of("discord:" + ADMIN)),
                Feedback.to(store.answers(), InstantSource.system()));
        adapter = new DiscordAdapter(fakes.config(), bot, bot, bot);
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        fakes.close();
        bot.close();
        store.close();
    }

    @Test
    void aPressIsStoredASecondPressChangesItAnotherPersonCountsApartAndFeedbackShowsIt() throws Exception {
        fakes.gateway.dispatch(
                "INTERACTION_CREATE", Interactions.ask(Interactions.freshSnowflake(), "t-ask", QUESTION));
        JsonNode answer = json.readTree(awaitEdit("t-ask").body());
        JsonNode buttons = answer.at("/components/0/components");
        assertThat(buttons.findValuesAsText("name")).as("emoji").containsExactly("👍", "👎");
        String up = buttons.get(0).path("custom_id").asText();
        String down = buttons.get(1).path("custom_id").asText();
        assertThat(up).startsWith("fb:u:");
        assertThat(down).isEqualTo("fb:d:" + up.substring(5));

        assertThat(press("t-v1", "42", up)).isEqualTo("Thanks for the feedback 👍");
        assertThat(votes()).containsExactly(1L, 0L);
        FakeDiscordRest.Request ack =
                fakes.rest.requests("POST", p -> p.contains("/t-v1/callback")).get(0);
        assertThat(json.readTree(ack.body()).path("type").asInt())
                .as("deferred")
                .isEqualTo(5);
        assertThat(json.readTree(ack.body()).at("/data/flags").asInt() & 64)
                .as("ephemeral: only the voter sees it")
                .isEqualTo(64);

        assertThat(press("t-v2", "42", down)).isEqualTo("Changed your vote to 👎, thanks");
        assertThat(votes()).containsExactly(0L, 1L);

        press("t-v3", "43", down);
        assertThat(votes()).containsExactly(0L, 2L);

        fakes.gateway.dispatch(
                "INTERACTION_CREATE",
                Interactions.command(Interactions.freshSnowflake(), "t-fb", ADMIN, SlashCommands.FEEDBACK));
        String report = json.readTree(awaitEdit("t-fb").body())
                .at("/embeds/0/description")
                .asText();
        assertThat(report).contains("👍 0, 👎 2").contains("👎 2 👍 0 — " + QUESTION);
        assertThat(fakes.rest.violations()).isEmpty();
    }

    @Test
    void othersAskingForFeedbackArePolitelyRefused() throws Exception {
        fakes.gateway.dispatch(
                "INTERACTION_CREATE",
                Interactions.command(Interactions.freshSnowflake(), "t-fb", "42", SlashCommands.FEEDBACK));

        String text = json.readTree(awaitEdit("t-fb").body())
                .at("/embeds/0/description")
                .asText();
        assertThat(text).isEqualTo("Sorry, only the bot's admins can see the feedback.");
    }

    @Test
    void aVoteIsCommittedBeforeTheVoterIsToldSoAnotherProcessSeesIt() throws Exception {
        fakes.gateway.dispatch(
                "INTERACTION_CREATE", Interactions.ask(Interactions.freshSnowflake(), "t-ask", QUESTION));
        String up = json.readTree(awaitEdit("t-ask").body())
                .at("/components/0/components/0/custom_id")
                .asText();

        press("t-v1", "42", up);

        try (StateStore other = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"))) {
            assertThat(other.answers().worstRated(1).get(0).up()).isEqualTo(1);
        }
    }

    @Test
    void aButtonThatIsNotAVoteGetsAnApologyAndStoresNothing() throws Exception {
        fakes.gateway.dispatch(
                "INTERACTION_CREATE", Interactions.button(Interactions.freshSnowflake(), "t-x", "42", "not-a-vote"));

        await().atMost(PATIENCE).until(() -> !fakes.rest
                .requests("POST", p -> p.contains("/t-x/callback"))
                .isEmpty());
        JsonNode reply = json.readTree(fakes.rest
                .requests("POST", p -> p.contains("/t-x/callback"))
                .get(0)
                .body());
        assertThat(reply.path("type").asInt()).as("a message reply").isEqualTo(4);
        assertThat(reply.at("/data/flags").asInt() & 64).isEqualTo(64);
        assertThat(store.answers().totals().up()).isZero();
    }

    /** Presses a button; returns what the voter was told. */
    private String press(String token, String user, String customId) throws Exception {
        fakes.gateway.dispatch(
                "INTERACTION_CREATE", Interactions.button(Interactions.freshSnowflake(), token, user, customId));
        return json.readTree(awaitEdit(token).body()).path("content").asText();
    }

    private FakeDiscordRest.Request awaitEdit(String token) {
        await().atMost(PATIENCE).until(() -> !fakes.rest
                .requests("PATCH", p -> p.contains("/" + token + "/messages/@original"))
                .isEmpty());
        return fakes.rest
                .requests("PATCH", p -> p.contains("/" + token + "/messages/@original"))
                .get(0);
    }

    /** Thumbs up and thumbs down on the one answer. */
    private List<Long> votes() {
        AnswerLog.Rated rated = store.answers().worstRated(1).get(0);
        return List.of(rated.up(), rated.down());
    }
}
