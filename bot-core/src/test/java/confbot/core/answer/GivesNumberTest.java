package confbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.ingest.Passage;
import confbot.knowledge.Language;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A number asked for must be given by the evidence, and not only repeated from the question. */
final class GivesNumberTest {

    private static List<Passage> evidence(String text) {
        return List.of(new Passage(
                "n#0",
                "n",
                0,
                "t",
                "",
                text,
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                Language.detect(text),
                List.of(),
                Passage.Origin.FOLDER,
                ""));
    }

    @Test
    void aFigureOrAChineseNumeralWithItsMeasureWordIsANumber() {
        assertThat(AnswerWriter.givesNumber(evidence("About 3,500 people came."), "how many came?"))
                .isTrue();
        assertThat(AnswerWriter.givesNumber(evidence("来了两千人。"), "来了多少人？")).isTrue();
    }

    @Test
    void theQuestionsOwnNumbersDoNotCount() {
        assertThat(AnswerWriter.givesNumber(evidence("The 2019 sponsors had a hall."), "how many sponsors in 2019?"))
                .isFalse();
        assertThat(AnswerWriter.givesNumber(evidence("Sponsors had a big hall."), "how many sponsors?"))
                .isFalse();
    }
}
