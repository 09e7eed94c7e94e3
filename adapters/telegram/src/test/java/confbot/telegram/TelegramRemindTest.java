package confbot.telegram;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.chat.ChatPoster;
import confbot.core.feedback.Feedback;
import confbot.core.remind.ChangePoster;
import confbot.core.remind.Reminders;
import confbot.core.remind.SubscriberPosts;
import confbot.core.remind.SubscriptionDesk;
import confbot.core.schedule.ScheduleChange;
import confbot.core.testing.FakeClock;
import confbot.core.testing.Fixtures;
import confbot.core.testing.TidepoolSummit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions on Telegram, end to end: the real core (the Tidepool Summit catalog, a fixed clock
 * for what is due, subscriptions in a real SQLite file) behind the real telegrambots client,
 * against the fake Bot API over HTTP. A group's administrator subscribes it (Telegram's
 * getChatMember says who is one); a reminder and a schedule change are each posted once, a 429
 * is waited out, and a group that removed the bot ends its subscription and the subscriber hears
 * why.
 */
final class TelegramRemindTest {

    private static final String TOKEN = "123456789:AAH-remind_token_0123456789abcdef";
    private static final LocalDateTime KEYNOTE_AT = LocalDateTime.parse("2026-12-10T09:00");
    private static final Duration LEAD = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-10T08:00:00Z"));
    private TelegramTestbed testbed;
    private FakeBotApi api;
    private ConfBot bot;
    private Reminders reminders;
    private ChangePoster changes;

    @BeforeEach
    void start() throws Exception {
        testbed = new TelegramTestbed(TOKEN, dir);
        api = testbed.api;
        bot = ConfBot.create(
                Fixtures.knowledge(),
                TidepoolSummit.write(dir, KEYNOTE_AT),
                BotOptions.defaults().withClock(clock),
                Feedback.off(),
                SubscriptionDesk.to(testbed.store.subscriptions(), clock, LEAD));
        TelegramConfig config = TelegramConfig.fromEnv(
                        Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url()))
                .orElseThrow();
        // Real time for the adapter's pacing and retries; the fixed clock only decides what is due.
        TelegramAdapter adapter = new TelegramAdapter(
                config,
                bot,
                bot,
                InstantSource.system(),
                testbed.store.inbox(),
                InboxPolicy.defaults(),
                DeliveryEvents.none());
        testbed.adapters.add(adapter);
        adapter.start();
        List<ChatPoster> posters = List.of(adapter);
        SubscriberPosts posts = new SubscriberPosts(posters, testbed.store.subscriptions());
        reminders = new Reminders(bot::library, testbed.store.subscriptions(), posts, clock, LEAD);
        changes = new ChangePoster(bot::library, testbed.store.subscriptions(), posts);
    }

    @AfterEach
    void stop() {
        testbed.close();
        bot.close();
    }

    private List<String> postedTo(long chat) {
        return api.delivered().stream()
                .filter(c -> c.body().path("chat_id").asLong() == chat)
                .map(FakeBotApi.Call::text)
                .toList();
    }

    @Test
    void anAdministratorSubscribesTheGroupWhichGetsAReminderAndAChangeOnceEach() {
        api.makeAdministrator(Updates.GROUP_CHAT, Updates.BOB);
        api.enqueue(
                Updates.groupTextFrom(1, Updates.ALICE, "/subscribe tidepool").json());
        await().atMost(20, SECONDS).until(() -> postedTo(Updates.GROUP_CHAT).size() == 1);
        assertThat(postedTo(Updates.GROUP_CHAT).get(0)).contains("only its admins");

        api.enqueue(Updates.groupText(2, "/subscribe tidepool").json()); // Bob
        await().atMost(20, SECONDS).until(() -> postedTo(Updates.GROUP_CHAT).size() == 2);
        assertThat(postedTo(Updates.GROUP_CHAT).get(1)).contains("This chat is subscribed to Tidepool Summit");
        assertThat(api.calls("getChatMember"))
                .extracting(c -> c.body().path("user_id").asLong())
                .containsExactly(Updates.ALICE, Updates.BOB);

        // Telegram's flood control on the group: the reminder waits retry_after and goes out once.
        api.floodChat(Updates.GROUP_CHAT, 1, 1);
        clock.advance(Duration.ofMinutes(50)); // 08:50
        reminders.tick();
        reminders.tick();
        await().atMost(20, SECONDS).until(() -> postedTo(Updates.GROUP_CHAT).size() == 3);
        assertThat(postedTo(Updates.GROUP_CHAT).get(2))
                .contains("Starting in 10 minutes")
                .contains(TidepoolSummit.KEYNOTE);
        assertThat(api.calls("sendMessage")).anyMatch(c -> c.status() == 429);

        ScheduleChange moved = new ScheduleChange(
                7,
                TidepoolSummit.ID,
                EnumSet.of(ScheduleChange.Kind.MOVED_ROOM),
                Optional.of(TidepoolSummit.talk(
                        TidepoolSummit.KATA, KEYNOTE_AT.plusHours(1), TidepoolSummit.ROOM_2, "Runtime", "Li Wei")),
                Optional.of(TidepoolSummit.talk(
                        TidepoolSummit.KATA, KEYNOTE_AT.plusHours(1), "Room <3>", "Runtime", "Li Wei")),
                clock.instant());
        changes.changed(List.of(moved));
        changes.changed(List.of(moved));
        await().atMost(20, SECONDS).until(() -> postedTo(Updates.GROUP_CHAT).size() == 4);
        assertThat(postedTo(Updates.GROUP_CHAT).get(3))
                .contains("Schedule change at Tidepool Summit")
                .as("the catalog's text reaches Telegram's HTML escaped")
                .contains("now in Room &lt;3&gt; (was Room 2)")
                .doesNotContain("<3>");

        clock.advance(Duration.ofSeconds(30));
        reminders.tick();
        await().during(2, SECONDS)
                .atMost(5, SECONDS)
                .until(() -> postedTo(Updates.GROUP_CHAT).size() == 4);
        assertThat(api.calls("sendMessage").stream().filter(c -> c.status() == 400))
                .as("every post was HTML Telegram accepts")
                .isEmpty();
    }

    @Test
    void aGroupThatRemovedTheBotEndsItsSubscriptionAndTheSubscriberIsToldPrivately() {
        api.makeAdministrator(Updates.GROUP_CHAT, Updates.BOB);
        api.enqueue(Updates.groupText(1, "/subscribe tidepool").json());
        await().atMost(20, SECONDS).until(() -> postedTo(Updates.GROUP_CHAT).size() == 1);
        assertThat(testbed.store.subscriptions().subscriptions()).hasSize(1);

        api.kickBotFrom(Updates.GROUP_CHAT);
        clock.advance(Duration.ofMinutes(51));
        reminders.tick();

        await().atMost(20, SECONDS).until(() -> postedTo(Updates.BOB).size() == 1);
        assertThat(postedTo(Updates.BOB).get(0)).contains("I can no longer post in the chat you subscribed");
        assertThat(testbed.store.subscriptions().subscriptions()).isEmpty();
        assertThat(api.calls("sendMessage").stream().filter(c -> c.status() == 403))
                .as("one refused post, no retry loop")
                .hasSize(1);

        clock.advance(Duration.ofHours(1));
        reminders.tick();
        await().during(1, SECONDS)
                .atMost(3, SECONDS)
                .until(() -> api.calls("sendMessage").stream()
                                .filter(c -> c.status() == 403)
                                .count()
                        == 1);
    }

    @Test
    void aSubscriptionTypedInlineIsIgnoredForItNamesNoChat() {
        api.enqueue(
                Updates.inlineQuery(1, "iq-1", "/subscribe tidepool"),
                Updates.privateText(2, "/help").json());
        await().atMost(20, SECONDS).until(() -> api.delivered().size() == 1);
        // Both updates done: the inline one ended without an answer.
        await().atMost(20, SECONDS)
                .until(() ->
                        testbed.store.inbox().pending(UpdateDispatcher.PLATFORM).isEmpty());

        assertThat(api.calls("answerInlineQuery")).isEmpty();
        assertThat(testbed.store.subscriptions().subscriptions()).isEmpty();
    }
}
