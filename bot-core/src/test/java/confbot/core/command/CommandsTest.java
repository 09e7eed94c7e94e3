package confbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared commands over the fixture knowledge, in both languages, with bad input handled politely. */
final class CommandsTest {

    private static ConfBot bot;

    private final LogCapture log = LogCapture.of(ConfBot.class);

    @BeforeAll
    static void create() {
        bot = ConfBot.create(Fixtures.knowledge(), Setup.builtinOnly());
    }

    @AfterEach
    void noFailureWasCaught() {
        log.close();
        assertThat(log.errors()).as("errors the bot caught instead of replying").isEmpty();
    }

    private static Reply reply(String text) {
        return bot.reply(Fixtures.inbound(text));
    }

    private static Reply replyZh(String text) {
        return bot.reply(Fixtures.inbound(text, Locale.CHINESE));
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static void assertOneLineUsage(String input, Reply r) {
        assertThat(r.kind()).as(input).isEqualTo(Reply.Kind.USAGE);
        assertThat(r.text()).as(input).isNotBlank().doesNotContain("\n");
        assertThat(r.sources()).as(input).isEmpty();
    }

    @Test
    void helpListsTheCommandsInEnglish() {
        Reply r = reply("/help");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.text()).contains("/ask", "/schedule", "/slides", "/about", "/help");
        assertThat(hasHan(r.text())).isFalse();
    }

    @Test
    void helpSpeaksChineseToAChineseInterface() {
        Reply zh = replyZh("/help");

        assertThat(zh.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(zh.text()).contains("/ask", "/schedule", "/slides");
        assertThat(hasHan(zh.text())).isTrue();
        assertThat(replyZh("/start").text()).isEqualTo(zh.text());
        assertThat(zh.text()).isNotEqualTo(reply("/help").text());
    }

    @Test
    void askWithoutAQuestionIsUsage() {
        assertOneLineUsage("/ask", reply("/ask"));
        assertOneLineUsage("/ask   ", reply("/ask   "));
        assertThat(hasHan(replyZh("/ask").text())).isTrue();
    }

    @Test
    void scheduleWithBadArgumentsIsOneLineUsage() {
        for (String input : List.of(
                "/schedule banana",
                "/schedule 2017",
                "/schedule 2019 9",
                "/schedule 2",
                "/schedule 2019 2 3",
                "/schedule 2019 -1",
                "/schedule 13-45",
                "/schedule 2019 day")) {
            assertOneLineUsage(input, reply(input));
        }
    }

    @Test
    void scheduleOfADayListsThatDay() {
        for (String input :
                List.of("/schedule 2019 2", "/schedule 19 day2", "/schedule 2019-06-25", "/agenda 第2天 2019")) {
            Reply r = reply(input);
            assertThat(r.kind()).as(input).isEqualTo(Reply.Kind.LISTING);
            assertThat(r.text()).as(input).containsAnyOf("2019-06-25", "25 June", "6 月 25 日");
        }
        assertThat(reply("/schedule 2019 2").text())
                .as("the fixture's day-2 note")
                .contains("Tidewater");
    }

    @Test
    void scheduleWithoutArgumentsListsBothConferences() {
        Reply r = reply("/schedule");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.text()).contains("2018", "2019");
    }

    @Test
    void slidesWithoutTopicListsTheCollections() {
        Reply r = reply("/slides");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.sources())
                .extracting(Source::url)
                .contains(
                        URI.create("https://example.org/kubecon-2018/slides.zip"),
                        URI.create("https://example.org/kubecon-2019/slides/"));
        assertThat(r.text()).contains("https://example.org/kubecon-2018/slides.zip", "abcd");
    }

    @Test
    void slidesOfOneYearListsOnlyThatYear() {
        Reply r = reply("/slides 2019");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.text())
                .contains("https://example.org/kubecon-2019/slides/")
                .doesNotContain("kubecon-2018");
    }

    @Test
    void slidesOnATopicWithoutCatalogStillPointsToTheCollections() {
        Reply r = reply("/slides crd");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.sources()).isNotEmpty();
    }

    @Test
    void unknownCommandIsOneLineUsage() {
        assertOneLineUsage("/frobnicate", reply("/frobnicate"));
        assertOneLineUsage("/frobnicate@confbot_bot now", reply("/frobnicate@confbot_bot now"));
        assertThat(hasHan(replyZh("/frobnicate").text())).isTrue();
    }

    @Test
    void aHugeMessageGetsAPoliteUsageReply() {
        String huge = "kubernetes ".repeat(64 * 1024 / 11 + 1);
        for (String input : List.of(huge, "/ask " + huge, "/slides " + huge, "/schedule " + huge, "/" + huge)) {
            Reply r = reply(input);
            assertThat(r.kind()).as("%d chars", input.length()).isEqualTo(Reply.Kind.USAGE);
            assertThat(r.text()).isNotBlank();
            assertThat(r.text().length()).isLessThan(300);
        }
    }

    @Test
    void anEmptyMessageGetsAPrompt() {
        for (String input : List.of("", "   ", "\n\t")) {
            Reply r = reply(input);
            assertThat(r.kind()).as("'%s'", input).isEqualTo(Reply.Kind.USAGE);
            assertThat(r.text()).isNotBlank().contains("/help");
        }
    }

    @Test
    void oddCharactersGetAReply() {
        List<String> inputs = List.of(
                "🙂🚀🔥",
                "/ask 🙂",
                "👨‍👩‍👧‍👦 KubeCon?",
                "\u202Eevil\u202C",
                "مرحبا، متى كان المؤتمر؟",
                "שלום",
                "\u0000\u0001\u0007",
                "a\u0000b",
                "\uD800",
                "/slides \uDFFF",
                "/schedule \u200B2019\u200B",
                "\uFEFF/help",
                "/ask \u0000",
                "ｷｭｰﾌﾞ",
                "/schedule ٢٠١٩ ٢");
        for (String input : inputs) {
            assertThatCode(() -> reply(input)).as(input).doesNotThrowAnyException();
            Reply r = reply(input);
            assertThat(r.text()).as(input).isNotBlank();
        }
    }

    @Test
    void aboutListsTheNotesSources() {
        Reply r = reply("/about");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.sources()).extracting(Source::url).contains(URI.create("https://example.org/notes/tidewater"));
    }

    @Test
    void aPlainQuestionIsAnswered() {
        Reply r = reply("How many batch jobs per hour does Tidewater drain?");

        assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(r.answered()).isTrue();
        assertThat(r.sources()).extracting(Source::url).contains(URI.create("https://example.org/notes/tidewater"));
    }

    @Test
    void aQuestionTheNotesDoNotCoverPointsToHelp() {
        for (Reply r :
                List.of(reply("Who won the Zorblax Award at KubeCon Europe?"), replyZh("/ask 谁赢得了 Zorblax 大奖？"))) {
            assertThat(r.kind()).isEqualTo(Reply.Kind.NOT_COVERED);
            assertThat(r.answered()).isFalse();
            assertThat(r.text()).contains("/help");
            assertThat(r.sources()).isEmpty();
        }
    }
}
