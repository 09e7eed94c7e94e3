package confbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sentence that ends in a colon brings the list it introduces, which holds the answer. The note is
 * sized so its one passage is too long to give whole (over 480 characters): the answer is chosen
 * sentence by sentence, and the names share no word with the question.
 */
final class LeadInListTest {

    @TempDir
    Path notes;

    @Test
    void aChosenLeadInBringsTheLinesItIntroduces() throws IOException {
        Files.writeString(
                notes.resolve("panel.md"),
                """
                # Lantern meetup 2019

                A long morning of talks about lanterns, paper and light. The history of the festival came \
                first. Then a talk on folding paper for lanterns that do not burn. Then one on candles, \
                wicks and wax. Then a long talk on lantern riddles and the old games people play with \
                them at night. Then tea, and a short walk by the river to see the boats come in.

                Then came the Lantern panel, whose guests were:

                - Alice Zhang, Paperworks
                - Bob Li, Candlelight Labs
                - Chen Wei, Ferry Studio

                After the panel everyone went for noodles.
                """);
        ConfBot bot = ConfBot.create(Fixtures.knowledge(), new Setup(false, List.of(notes), List.of()));

        Reply reply = bot.reply(Inbound.fromConsole("Who were the Lantern panel guests?"));

        assertThat(reply.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(reply.text()).contains("Alice Zhang", "Bob Li", "Chen Wei");
    }
}
