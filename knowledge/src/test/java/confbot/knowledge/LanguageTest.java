package confbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Language codes parse leniently; a text's language is Chinese as soon as Han characters carry weight. */
final class LanguageTest {

    @Test
    void detectsTheLanguageOfAText() {
        record Case(String text, Language expected) {}
        List<Case> cases = List.of(
                new Case("When and where was KubeCon China 2019?", Language.EN),
                new Case("蚂蚁金服在大会上宣布了什么？", Language.ZH),
                new Case("Harbor 是谁做的？", Language.ZH),
                new Case("KubeCon 2019 在哪里举办", Language.ZH),
                new Case(
                        "Which companies announced new open source projects at the conference in Shanghai (上)?",
                        Language.EN),
                new Case("", Language.EN),
                new Case("2019 ?!", Language.EN),
                new Case("ＫｕｂｅＣｏｎ", Language.EN));
        for (Case c : cases) {
            assertThat(Language.detect(c.text())).as(c.text()).isEqualTo(c.expected());
        }
    }

    @Test
    void parsesCodesCaseInsensitivelyWithRegions() {
        record Case(String code, Optional<Language> expected) {}
        List<Case> cases = List.of(
                new Case("en", Optional.of(Language.EN)),
                new Case("EN", Optional.of(Language.EN)),
                new Case("en_US", Optional.of(Language.EN)),
                new Case(" zh ", Optional.of(Language.ZH)),
                new Case("zh-CN", Optional.of(Language.ZH)),
                new Case("zh-Hans", Optional.of(Language.ZH)),
                new Case("fr", Optional.empty()),
                new Case("", Optional.empty()),
                new Case("   ", Optional.empty()),
                new Case(null, Optional.empty()));
        for (Case c : cases) {
            assertThat(Language.parse(c.code())).as(String.valueOf(c.code())).isEqualTo(c.expected());
        }
    }

    @Test
    void codesAreLowercaseAndParseBack() {
        assertThat(Arrays.stream(Language.values()).map(Language::code)).containsExactly("en", "zh");
        for (Language l : Language.values()) {
            assertThat(Language.parse(l.code())).contains(l);
        }
    }
}
