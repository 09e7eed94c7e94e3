package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.ConfBot;
import confbot.core.testing.NewConference;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JDA registers /schedule with a choice per conference of the core's registry. */
final class ChoicesFromRegistryTest {

    @TempDir
    Path dir;

    @Test
    void theConferenceChoicesNameANewConference() throws Exception {
        try (ConfBot bot = ConfBot.create(NewConference.write(dir));
                DiscordFakes fakes = DiscordFakes.start()) {
            DiscordAdapter adapter = new DiscordAdapter(fakes.config(), bot, bot);
            try {
                adapter.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> !fakes.rest
                        .requests("PUT", p -> p.contains("/commands"))
                        .isEmpty());
                JsonNode commands = new ObjectMapper()
                        .readTree(fakes.rest
                                .requests("PUT", p -> p.contains("/commands"))
                                .get(0)
                                .body());
                JsonNode schedule = commands.get(1);
                assertThat(schedule.path("name").asText()).isEqualTo("schedule");
                JsonNode choices = schedule.at("/options/0/choices");
                assertThat(choices.findValuesAsText("value")).containsExactly("2018", "2019", "2024");
                assertThat(choices.findValuesAsText("name")).contains(NewConference.NAME);
                assertThat(choices.get(2).at("/name_localizations/zh-CN").asText())
                        .isEqualTo(NewConference.NAME_ZH);
                assertThat(schedule.at("/options/1/choices").findValuesAsText("value"))
                        .containsExactly("1", "2", "3");
                assertThat(commands.get(0).path("description").asText()).contains(NewConference.NAME);

                adapter.profileChanged(bot.profile());
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> fakes.rest
                                        .requests("PUT", p -> p.contains("/commands"))
                                        .size()
                                >= 2);
            } finally {
                adapter.close();
            }
        }
    }
}
