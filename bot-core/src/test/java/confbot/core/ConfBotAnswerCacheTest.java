package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.testing.Fixtures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The answer cache: a repeated question is served from it (the very same reply object), keyed by
 * the question's wording and the knowledge version, so a reload never serves an old answer.
 */
final class ConfBotAnswerCacheTest {

    private static final String QUESTION = "How many batch jobs per hour does Tidewater drain?";

    private static ConfBot bot(int cacheSize) {
        return ConfBot.create(
                Fixtures.knowledge(), Setup.builtinOnly(), BotOptions.defaults().withAnswerCacheSize(cacheSize));
    }

    @Test
    void aRepeatedQuestionIsServedFromTheCache() {
        ConfBot bot = bot(10);

        Reply first = bot.reply(Fixtures.inbound(QUESTION));
        Reply again = bot.reply(Fixtures.inbound("  How many batch jobs per hour\tdoes Tidewater drain?  "));
        Reply asked = bot.reply(Fixtures.inbound("/ask " + QUESTION));

        assertThat(first.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(again).isSameAs(first);
        assertThat(asked).isSameAs(first);
    }

    @Test
    void aReloadInvalidatesTheCachedAnswers() {
        ConfBot bot = bot(10);
        Reply before = bot.reply(Fixtures.inbound(QUESTION));

        bot.reload();
        Reply after = bot.reply(Fixtures.inbound(QUESTION));

        assertThat(after).isNotSameAs(before).isEqualTo(before);
        assertThat(bot.reply(Fixtures.inbound(QUESTION))).isSameAs(after);
    }

    @Test
    void commandsAndOtherLanguagesAreNotServedFromTheQuestionCache() {
        ConfBot bot = bot(10);

        // No letters to tell the language by: the reply (too long) is in the interface language.
        String digits = "1 ".repeat(300);
        Reply english = bot.reply(
                new Inbound(digits, Locale.ENGLISH, Fixtures.inbound("").origin()));
        Reply chinese = bot.reply(new Inbound(
                digits, Locale.SIMPLIFIED_CHINESE, Fixtures.inbound("").origin()));
        List<Reply> helps = List.of(bot.reply(Fixtures.inbound("/help")), bot.reply(Fixtures.inbound("/help")));

        assertThat(chinese.text()).isNotEqualTo(english.text());
        assertThat(helps.get(1)).isNotSameAs(helps.get(0)).isEqualTo(helps.get(0));
    }

    @Test
    void aCacheSizeOfZeroTurnsTheCacheOff() {
        ConfBot bot = bot(0);

        Reply first = bot.reply(Fixtures.inbound(QUESTION));
        Reply again = bot.reply(Fixtures.inbound(QUESTION));

        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void theCacheHoldsAtMostItsSize() {
        AnswerCache cache = new AnswerCache(2);
        for (int i = 0; i < 10; i++) {
            String q = "question " + i;
            cache.get(q, Locale.ROOT, 0, () -> new Reply(Reply.Kind.NOT_COVERED, q, List.of()));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }
}
