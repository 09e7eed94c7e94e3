package confbot.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Normalisation makes the index and the question see the same characters. */
final class TextTest {

    @Test
    void normalizeFoldsFullWidthToAscii() {
        assertThat(Text.normalize("ＫｕｂｅＣｏｎ１２３，ｋ８ｓ")).isEqualTo("KubeCon123,k8s");
    }

    @Test
    void normalizeDropsGarbageButKeepsLineBreaksAndTabs() {
        record Case(String raw, String expected) {}
        String privateUse = new StringBuilder()
                .appendCodePoint(0x100413)
                .appendCodePoint(0xF0000)
                .appendCodePoint(0xE123)
                .toString();
        List<Case> cases = List.of(
                new Case("a" + privateUse + "b", "ab"),
                new Case("a\uFFFDb", "ab"),
                new Case("\uFEFFab", "ab"),
                new Case("a\u200Bb", "ab"),
                new Case("a\u0000\u0007\u001Bb", "ab"),
                new Case("a\r\nb", "a\nb"),
                new Case("a\tb\nc", "a\tb\nc"),
                new Case("a\uD800b", "ab"),
                new Case("云原生 🙂", "云原生 🙂"));
        for (Case c : cases) {
            assertThat(Text.normalize(c.raw())).as(c.raw()).isEqualTo(c.expected());
        }
    }

    @Test
    void normalizeIsIdempotent() {
        String once = Text.normalize("ＫｕｂｅＣｏｎ\u3000２０１９\uFFFD 云原生");

        assertThat(Text.normalize(once)).isEqualTo(once);
    }

    @Test
    void tidyLinesCollapsesSpacesAndDropsEmptyLines() {
        assertThat(Text.tidyLines("  a \t  b  \n\n   \n c\u00A0\u00A0d \u3000e"))
                .isEqualTo("a b\nc d e");
    }

    @Test
    void hasWordsNeedsALetterOrDigit() {
        assertThat(Text.hasWords("...")).isFalse();
        assertThat(Text.hasWords("  ——。 ")).isFalse();
        assertThat(Text.hasWords("")).isFalse();
        assertThat(Text.hasWords("a")).isTrue();
        assertThat(Text.hasWords("7")).isTrue();
        assertThat(Text.hasWords("云")).isTrue();
    }
}
