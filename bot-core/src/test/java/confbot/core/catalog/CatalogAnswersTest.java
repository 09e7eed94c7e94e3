package confbot.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Answers from real exports: links whole, and cited from the talk's own schedule, never a local path. */
final class CatalogAnswersTest {

    private static ConfBot bot;

    @BeforeAll
    static void start() {
        Path catalogs = Fixtures.shared().resolve("catalogs");
        bot = ConfBot.create(
                Fixtures.knowledge(),
                new Setup(
                        false,
                        List.of(),
                        List.of(catalogs.resolve("railsconf2017-all.ics"), catalogs.resolve("frab-camp2019.json"))));
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aSlidesLinkWithAQueryIsQuotedWhole() {
        Reply reply = bot.reply(Fixtures.inbound("Who talked about hacking containers and Kubernetes?"));

        assertThat(reply.text())
                .contains("Hacking_Containers_and_Kubernetes.pdf?1566398735")
                .doesNotContain(".pdf? 1566398735");
    }

    @Test
    void noTalkCitesALocalFile() {
        Reply rails = bot.reply(Fixtures.inbound("Who gave the opening keynote at RailsConf?"));
        Reply camp = bot.reply(Fixtures.inbound("Who talked about hacking containers and Kubernetes?"));

        assertThat(List.of(rails, camp))
                .flatExtracting(Reply::sources)
                .extracting(Source::url)
                .allSatisfy(u -> assertThat(u.getScheme()).isNotEqualTo("file"));
    }
}
