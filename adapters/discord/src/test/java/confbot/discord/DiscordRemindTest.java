package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.chat.ChatPoster;
import confbot.core.feedback.Feedback;
import confbot.core.remind.ChangePoster;
import confbot.core.remind.Reminders;
import confbot.core.remind.SubscriberPosts;
import confbot.core.remind.SubscriptionDesk;
import confbot.core.schedule.ScheduleChange;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.FakeClock;
import confbot.core.testing.Fixtures;
import confbot.core.testing.TidepoolSummit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions on Discord, end to end: the real core (the Tidepool Summit catalog, a fixed clock
 * for what is due, subscriptions in a real SQLite file) behind real JDA, against the fake gateway
 * and REST API. A member who may manage the channel subscribes it with the slash command; a
 * reminder and a schedule change are each posted into the channel once; a channel the bot lost
 * access to ends its subscription.
 */
final class DiscordRemindTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final LocalDateTime KEYNOTE_AT = LocalDateTime.parse("2026-12-10T09:00");
    private static final Duration LEAD = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-10T08:00:00Z"));
    private DiscordFakes fakes;
    private StateStore store;
    private ConfBot bot;
    private DiscordAdapter adapter;
    private Reminders reminders;
    private ChangePoster changes;

    @BeforeEach
    void start() throws Exception {
        fakes = DiscordFakes.start();
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        bot = ConfBot.create(
                Fixtures.knowledge(),
                TidepoolSummit.write(dir, KEYNOTE_AT),
                BotOptions.defaults().withClock(clock),
                Feedback.off(),
                SubscriptionDesk.to(store.subscriptions(), clock, LEAD));
        adapter = new DiscordAdapter(fakes.config(), bot, bot, bot);
        adapter.start();
        fakes.gateway.dispatch("GUILD_CREATE", Guilds.guildCreate());
        await().atMost(PATIENCE).until(() -> adapter.seesChannel(Guilds.CHANNEL));
        List<ChatPoster> posters = List.of(adapter);
        SubscriberPosts posts = new SubscriberPosts(posters, store.subscriptions());
        reminders = new Reminders(bot::library, store.subscriptions(), posts, clock, LEAD);
        changes = new ChangePoster(bot::library, store.subscriptions(), posts);
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        fakes.close();
        bot.close();
        store.close();
    }

    /** What the bot posted into the channel, each message's embed descriptions joined. */
    private List<String> postedInChannel() {
        return fakes.rest.requests("POST", p -> p.contains("/channels/" + Guilds.CHANNEL + "/messages")).stream()
                .map(r -> read(r.body()).findValuesAsText("description").toString())
                .toList();
    }

    /** The interaction's answer: the edit of its deferred reply, or its ephemeral follow-up. */
    private String answerOf(String token) {
        return fakes.rest.requests().stream()
                .filter(r -> r.path().contains(token)
                        && !r.method().equals("DELETE")
                        && !r.path().contains("callback"))
                .map(r -> read(r.body()).findValuesAsText("description").toString())
                .findFirst()
                .orElse("");
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void subscribe(String token, String permissions) throws IOException {
        fakes.gateway.dispatch(
                "INTERACTION_CREATE",
                Guilds.command(
                        Interactions.freshSnowflake(),
                        token,
                        "42",
                        permissions,
                        "subscribe",
                        "[{\"name\":\"conference\",\"type\":3,\"value\":\"tidepool\"}]"));
        await().atMost(PATIENCE).until(() -> !answerOf(token).isEmpty());
    }

    @Test
    void aMemberWhoMayManageTheChannelSubscribesItAndItGetsAReminderAndAChangeOnceEach() throws Exception {
        subscribe("token-refused", "0");
        assertThat(answerOf("token-refused")).contains("only its admins");
        assertThat(store.subscriptions().subscriptions()).isEmpty();

        subscribe("token-sub", Guilds.MANAGE_CHANNEL);
        assertThat(answerOf("token-sub")).contains("subscribed to Tidepool Summit");
        assertThat(store.subscriptions().subscriptions())
                .extracting(s -> s.chatId())
                .containsExactly(Guilds.CHANNEL);

        clock.advance(Duration.ofMinutes(50));
        reminders.tick();
        reminders.tick();
        await().atMost(PATIENCE).until(() -> postedInChannel().size() == 1);
        assertThat(postedInChannel().get(0)).contains("Starting in 10 minutes").contains(TidepoolSummit.KEYNOTE);

        ScheduleChange cancelled = new ScheduleChange(
                3,
                TidepoolSummit.ID,
                EnumSet.of(ScheduleChange.Kind.CANCELLED),
                Optional.of(TidepoolSummit.talk(
                        TidepoolSummit.PANEL,
                        KEYNOTE_AT.plusHours(7),
                        TidepoolSummit.MAIN_HALL,
                        "Keynote",
                        "Ana Sousa")),
                Optional.empty(),
                clock.instant());
        changes.changed(List.of(cancelled));
        changes.changed(List.of(cancelled));
        await().atMost(PATIENCE).until(() -> postedInChannel().size() == 2);
        assertThat(postedInChannel().get(1))
                .contains("Schedule change")
                .contains("Cancelled")
                .contains(TidepoolSummit.PANEL);

        clock.advance(Duration.ofSeconds(20));
        reminders.tick();
        await().during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .until(() -> postedInChannel().size() == 2);
        assertThat(fakes.rest.violations()).isEmpty();
    }

    @Test
    void aChannelTheBotLostAccessToEndsItsSubscriptionAndTheSubscriberHearsWhyInDms() throws Exception {
        subscribe("token-sub", Guilds.MANAGE_CHANNEL);
        fakes.rest.failAlways(
                r -> r.path().contains("/channels/" + Guilds.CHANNEL + "/messages"),
                new FakeDiscordRest.Fault(403, "{\"message\":\"Missing Access\",\"code\":50001}", java.util.Map.of()));

        clock.advance(Duration.ofMinutes(51));
        reminders.tick();

        await().atMost(PATIENCE).until(() -> !fakes.rest
                .requests("POST", p -> p.contains("/channels/" + FakeDiscordRest.DM_CHANNEL + "/messages"))
                .isEmpty());
        String notice = fakes.rest
                .requests("POST", p -> p.contains("/channels/" + FakeDiscordRest.DM_CHANNEL + "/messages"))
                .get(0)
                .body();
        assertThat(notice).contains("I can no longer post in the chat you subscribed");
        assertThat(fakes.rest
                        .requests("POST", p -> p.contains("users/@me/channels"))
                        .get(0)
                        .body())
                .contains("42");
        assertThat(store.subscriptions().subscriptions()).isEmpty();
    }
}
