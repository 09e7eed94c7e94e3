package confbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.retrieve.HanlpTagger;
import org.junit.jupiter.api.Test;

/** A question asking "where" is answered by text that names a place the question does not. */
final class PlacesTest {

    private final Places places = new Places(new HanlpTagger());

    @Test
    void aVenueOrAnAddressInChineseIsAPlace() {
        assertThat(places.named("会场在科兴科学园。", "会场在哪里？")).isTrue();
        assertThat(places.named("大会在金山软件大厦举办。", "大会在哪儿办的？")).isTrue();
        assertThat(places.named("数据中心在浦东。", "数据中心在哪个区？")).isTrue();
    }

    @Test
    void aCapitalisedNameInsideAnEnglishSentenceIsAPlace() {
        assertThat(places.named("This year it was held in Vancouver.", "where was it held?"))
                .isTrue();
        assertThat(places.named("We flew via Frankfurt on a 747.", "how did he get there, via where?"))
                .isTrue();
    }

    @Test
    void aLinkIsWhereToFindSomething() {
        assertThat(places.named("See https://example.org/slides for the decks.", "where are the slides?"))
                .isTrue();
    }

    @Test
    void textThatNamesNoPlaceOrOnlyTheQuestionsOwnDoesNot() {
        assertThat(places.named("我顺便在会场周边玩了一圈，拍了几张照片。", "QCon 上海的会场是哪家酒店？")).isFalse();
        assertThat(places.named("和一年前不同，Go 语言已经受到许多企业青睐。", "GopherChina 在哪个城市办的？"))
                .isFalse();
        assertThat(places.named("QCon 上海非常热闹。", "QCon 上海在哪里？")).isFalse();
        assertThat(places.named("We went there anyway and talked about interviews.", "where was it?"))
                .isFalse();
    }
}
