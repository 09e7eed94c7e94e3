package confbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A number asked for must be given by the answer, and not only repeated from the question. */
final class GivesNumberTest {

    @Test
    void aFigureOrAChineseNumeralWithItsMeasureWordIsANumber() {
        assertThat(AnswerWriter.givesNumber("About 3,500 people came.", "how many came?"))
                .isTrue();
        assertThat(AnswerWriter.givesNumber("来了两千人。", "来了多少人？")).isTrue();
    }

    @Test
    void aDateDoesNotCount() {
        assertThat(AnswerWriter.givesNumber("On Sunday, August 26, we boarded the plane.", "how many attended?"))
                .isFalse();
        assertThat(AnswerWriter.givesNumber("18 April: the first day, in 2023.", "how many came?"))
                .isFalse();
        assertThat(AnswerWriter.givesNumber("10 月 20 日晚上举办了晚宴。", "晚宴有多少人？")).isFalse();
        assertThat(AnswerWriter.givesNumber("In 2023, 10,000 people came.", "how many came?"))
                .isTrue();
        assertThat(AnswerWriter.givesNumber("2000 people came.", "how many came?"))
                .isTrue();
    }

    @Test
    void theQuestionsOwnNumbersDoNotCount() {
        assertThat(AnswerWriter.givesNumber("The 2019 sponsors had a hall.", "how many sponsors in 2019?"))
                .isFalse();
        assertThat(AnswerWriter.givesNumber("Sponsors had a big hall.", "how many sponsors?"))
                .isFalse();
    }

    @Test
    void aSpanOfTimeCountsOnlyWhenTheQuestionAsksHowLong() {
        assertThat(AnswerWriter.givesNumber("She has lived there for the last 2 years.", "how many people went?"))
                .isFalse();
        assertThat(AnswerWriter.givesNumber(
                        "She has lived there for the last 2 years.", "how long has she lived there?"))
                .isTrue();
        assertThat(AnswerWriter.givesNumber("开发只用了 10 天。", "开发用了几天？")).isTrue();
        assertThat(AnswerWriter.givesNumber("排队等了两小时。", "有多少人排队？")).isFalse();
    }

    @Test
    void aLoneOneBeforeAMeasureWordIsAnArticle() {
        assertThat(AnswerWriter.givesNumber("这是一个值得看的演讲。", "有多少观众？")).isFalse();
        assertThat(AnswerWriter.givesNumber("来了一万人。", "有多少观众？")).isTrue();
    }
}
