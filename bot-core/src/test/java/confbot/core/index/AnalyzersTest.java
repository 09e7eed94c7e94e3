package confbot.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.ingest.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both fields analyse Chinese and English side by side, and agree on what is a stopword. */
final class AnalyzersTest {

    private final Analyzers analyzers = new Analyzers();

    @Test
    void segmentsChineseIntoWords() {
        List<String> terms = analyzers.terms(Fields.WORDS, "上海世博中心举办云原生大会");

        assertThat(terms).hasSizeGreaterThan(1).contains("上海");
        assertThat(String.join("", terms)).isEqualTo("上海世博中心举办云原生大会");
    }

    @Test
    void cutsChineseIntoBigrams() {
        assertThat(analyzers.terms(Fields.BIGRAMS, "云原生")).containsExactly("云原", "原生");
    }

    @Test
    void stemsEnglishInBothFields() {
        for (String field : List.of(Fields.WORDS, Fields.BIGRAMS)) {
            assertThat(analyzers.terms(field, "Running containers"))
                    .as(field)
                    .isEqualTo(analyzers.terms(field, "run container"))
                    .containsExactly("run", "contain");
        }
    }

    @Test
    void dropsStopwordsInBothFieldsAndLanguages() {
        for (String field : List.of(Fields.WORDS, Fields.BIGRAMS)) {
            assertThat(analyzers.terms(field, "What is the name of it?"))
                    .as(field)
                    .containsExactly("name");
        }
        assertThat(analyzers.terms(Fields.WORDS, "我们的大会是什么"))
                .doesNotContain("我们", "的", "是", "什么")
                .contains("大会");
        assertThat(analyzers.isStopword("the")).isTrue();
        assertThat(analyzers.isStopword("什么")).isTrue();
        assertThat(analyzers.isStopword("kubernetes")).isFalse();
    }

    @Test
    void fullWidthTextAnalysesLikeAsciiOnceNormalised() {
        for (String field : List.of(Fields.WORDS, Fields.BIGRAMS)) {
            assertThat(analyzers.terms(field, Text.normalize("ＫｕｂｅＣｏｎ　Ｓｈａｎｇｈａｉ　２０１９")))
                    .as(field)
                    .isEqualTo(analyzers.terms(field, "KubeCon Shanghai 2019"));
        }
    }

    @Test
    void tokensPointBackIntoTheText() {
        String text = "Ant Financial 宣布 SOFAStack";

        for (Analyzers.Token t : analyzers.tokens(Fields.WORDS, text)) {
            assertThat(t.start()).isBetween(0, t.end());
            assertThat(t.end()).isLessThanOrEqualTo(text.length());
        }
        assertThat(analyzers.tokens(Fields.WORDS, text))
                .extracting(Analyzers.Token::term)
                .contains("ant", "宣布");
    }

    @Test
    void analysesNothingToNothing() {
        assertThat(analyzers.terms(Fields.WORDS, "")).isEmpty();
        assertThat(analyzers.terms(Fields.BIGRAMS, "  ?! ")).isEmpty();
    }
}
