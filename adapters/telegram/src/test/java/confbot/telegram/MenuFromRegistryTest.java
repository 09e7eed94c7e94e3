package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.ConfBot;
import confbot.core.testing.NewConference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands menu names the core's conferences, one added by its files included. */
final class MenuFromRegistryTest {

    private static final String TOKEN = "123456:menu-test-token";

    @TempDir
    Path dir;

    private TelegramTestbed testbed;
    private ConfBot bot;

    @BeforeEach
    void setUp() throws Exception {
        testbed = new TelegramTestbed(TOKEN, dir);
        bot = ConfBot.create(NewConference.write(dir.resolve("conference")));
    }

    @AfterEach
    void tearDown() {
        testbed.close();
        bot.close();
    }

    @Test
    void theMenuNamesANewConferenceInBothLanguages() throws Exception {
        TelegramConfig config = TelegramConfig.fromEnv(
                        Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", testbed.api.url()))
                .orElseThrow();
        TelegramAdapter adapter = new TelegramAdapter(
                config, bot, testbed.clock, testbed.store.inbox(), InboxPolicy.defaults(), testbed.waits::scheduler);
        testbed.adapters.add(adapter);
        adapter.start();

        List<FakeBotApi.Call> menus = testbed.api.calls("setMyCommands");
        assertThat(menus).hasSize(2);
        assertThat(menus.get(0).body().at("/commands/0/description").asText())
                .contains("KubeCon China 2019", NewConference.NAME);
        assertThat(menus.get(0).body().at("/commands/1/description").asText()).contains("/schedule 2024 2");
        assertThat(menus.get(1).body().at("/commands/0/description").asText()).contains(NewConference.NAME_ZH);

        adapter.profileChanged(bot.profile());
        assertThat(testbed.api.calls("setMyCommands"))
                .as("set again after a reload")
                .hasSize(4);
    }
}
