package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.Reply;
import confbot.core.testing.Fixtures;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** /schedule lists calendar talks on the conference's clock and says which clock that is. */
final class ScheduleTimeZoneTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ScheduleTimeZoneTest.class
                .getClassLoader()
                .getResource("catalogs/" + name)
                .toURI());
    }

    @Test
    void anIcalendarTalkInUtcIsListedInShanghaiTimeWithTheZoneNamed() throws URISyntaxException {
        ConfBot bot = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(true, List.of(), List.of(resource("kubecon-china-2019-sched.ics"))),
                BotOptions.defaults());

        Reply r = bot.reply(Fixtures.inbound("/schedule 2019 2"));

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.text())
                .contains("times in Asia/Shanghai")
                .contains("09:00–09:40 Tidal Scheduling with Tidewater — Mei Lin, Ada Wong")
                .contains("14:30–15:05 Lanterns over the Huangpu");
        assertThat(r.text().indexOf("01:00–01:30 After-midnight"))
                .as("the 17:00Z talk of the 24th is the first of the 25th")
                .isPositive()
                .isLessThan(r.text().indexOf("09:00–09:40"));
    }

    @Test
    void aPretalxScheduleFeedsTheDayListingInChineseToo() throws URISyntaxException {
        ConfBot bot = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(true, List.of(), List.of(resource("kubecon-china-2018-schedule.json"))),
                BotOptions.defaults());

        Reply r = bot.reply(Fixtures.inbound("/schedule 2018 2", Locale.SIMPLIFIED_CHINESE));

        assertThat(r.text())
                .contains("时间为 Asia/Shanghai")
                .contains("10:00–10:35 Lantern: how the 2018 meetup came together");
    }
}
