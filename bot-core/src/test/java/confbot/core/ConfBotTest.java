package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import confbot.core.catalog.Talk;
import confbot.core.catalog.TsvCatalog;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core behind the chat port, over the fixture knowledge and the shared 2019 talk catalog. */
final class ConfBotTest {

    private static Path catalog2019;
    private static ConfBot bot;

    private final LogCapture log = LogCapture.of(ConfBot.class);

    @BeforeAll
    static void create() {
        catalog2019 = Fixtures.shared().resolve("data/kubecon-china-2019-talks.tsv");
        bot = ConfBot.create(Fixtures.knowledge(), new Setup(true, List.of(), List.of(catalog2019)));
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private static Reply reply(String text) {
        return bot.reply(Fixtures.inbound(text));
    }

    @Test
    void scheduleOfADayListsThatDaysTalks() throws IOException {
        List<Talk> talks = new TsvCatalog("kubecon-china-2019").load(catalog2019);
        List<Talk> day2 = talks.stream()
                .filter(t -> t.date().filter(LocalDate.of(2019, 6, 25)::equals).isPresent())
                .toList();
        List<Talk> otherDays = talks.stream()
                .filter(t -> t.date().isPresent() && !day2.contains(t))
                .toList();

        Reply r = reply("/schedule 2019 2");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(day2).isNotEmpty();
        assertThat(day2.stream().filter(t -> r.text().contains(t.title())))
                .as("day 2 talks listed")
                .isNotEmpty();
        assertThat(otherDays.stream().filter(t -> r.text().contains(t.title())))
                .as("talks of other days listed")
                .isEmpty();
    }

    @Test
    void slidesOnATopicReturnsTheTalksDeck() {
        Reply r = reply("/slides crd");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.text()).containsIgnoringCase("crd");
        assertThat(r.sources()).isNotEmpty().allSatisfy(s -> assertThat(s.url().getScheme())
                .startsWith("http"));
        assertThat(r.sources()).extracting(Source::url).anySatisfy(u -> assertThat(u.toString())
                .contains("bbotte/cncf-presentations"));
    }

    @Test
    void slidesOnAnUnknownTopicFallsBackToTheCollections() {
        Reply r = reply("/slides zorblax");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.text()).contains("https://example.org/kubecon-2019/slides/");
    }

    @Test
    void suggestsTalkTitlesForATopic() {
        List<String> suggestions = bot.suggest("kata", 5);

        assertThat(suggestions)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(5)
                .allSatisfy(s -> assertThat(s.toLowerCase(Locale.ROOT)).contains("kata"))
                .doesNotHaveDuplicates();
    }

    @Test
    void suggestsTitlesStartingWithThePrefixFirst() {
        List<String> suggestions = bot.suggest("  Keynote", 50);

        assertThat(suggestions).isNotEmpty();
        List<Boolean> prefixed = suggestions.stream()
                .map(s -> s.toLowerCase(Locale.ROOT).startsWith("keynote"))
                .toList();
        int firstOther = prefixed.indexOf(false);
        if (firstOther >= 0) {
            assertThat(prefixed.subList(firstOther, prefixed.size()))
                    .as("prefix matches come first: %s", suggestions)
                    .containsOnly(false);
        }
        assertThat(suggestions)
                .allSatisfy(s -> assertThat(s.toLowerCase(Locale.ROOT)).contains("keynote"));
        assertThat(bot.suggest("kata", 0)).isEmpty();
        assertThat(bot.suggest("kata", -1)).isEmpty();
        assertThat(bot.suggest("zzzzqqq", 5)).isEmpty();
    }

    @Test
    void catalogRowsAnswerQuestions() {
        Reply r = reply("Who talked about Kata Containers in 2019?");

        assertThat(r.kind()).as(r.text()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(r.text()).containsIgnoringCase("kata");
    }

    @Test
    void replyNeverThrowsNorFailsOnNastyInput() {
        List<String> inputs = List.of(
                "",
                " ",
                "\u0000",
                "/",
                "//",
                "/@",
                "/ask@",
                "/schedule@bot",
                "@bot",
                "/schedule 2019 2 3 4",
                "/schedule ٢٠١٩ ٢",
                "/schedule 99-99",
                "/schedule 2019-02-30",
                "/schedule 0",
                "/schedule 2019 2147483648",
                "/schedule 19 day3",
                "/slides " + "a".repeat(101),
                "/slides 2018 2019",
                "/slides \"",
                "/slides *",
                "/ask title:x AND (y OR z)^3 ~ [a TO b] {c} \\ / + - * ?",
                "kubernetes ".repeat(50),
                "\uD800",
                "\uDC00abc",
                "🙂".repeat(300),
                "\u202Eslides\u202C",
                "مرحبا",
                "/ask \u200B\u200B",
                "/help " + "x".repeat(10_000),
                "x".repeat(64 * 1024),
                "\r\n\r\n",
                "/about extra words",
                "<script>alert(1)</script>",
                "${jndi:ldap://example.org/a}",
                "%s%n%d",
                "' OR 1=1 --");
        for (String input : inputs) {
            assertThatCode(() -> {
                        Reply r = reply(input);
                        assertThat(r).isNotNull();
                        assertThat(r.text()).isNotBlank();
                    })
                    .as(input.length() > 40 ? input.substring(0, 40) + "…" : input)
                    .doesNotThrowAnyException();
        }
        assertThat(log.errors()).as("failures caught and logged by reply()").isEmpty();
    }

    @Test
    void repliesForEveryPlatform() {
        for (Platform p : Platform.values()) {
            Reply r = bot.reply(new Inbound("/help", Locale.ENGLISH, new Origin(p, "chat", "user", true)));
            assertThat(r.kind()).as(p.name()).isEqualTo(Reply.Kind.LISTING);
        }
    }

    @Test
    void reloadSwapsInAFreshLibrary() {
        Library before = bot.library();

        Library after = bot.reload();

        assertThat(after).isNotSameAs(before).isSameAs(bot.library());
        assertThat(after.index().size()).isEqualTo(before.index().size());
        assertThat(after.catalog().talks()).hasSameSizeAs(before.catalog().talks());
    }

    @Test
    void withoutBuiltinKnowledgeOnlyTheAddedSourcesAreIndexed() {
        ConfBot bare = ConfBot.create(Fixtures.knowledge(), new Setup(false, List.of(), List.of(catalog2019)));

        assertThat(bare.library().conferences()).isEmpty();
        assertThat(bare.library().index().passages())
                .allSatisfy(p -> assertThat(p.origin()).isEqualTo(Passage.Origin.CATALOG));
        assertThat(bare.reply(Fixtures.inbound("How many batch jobs per hour does Tidewater drain?"))
                        .kind())
                .isEqualTo(Reply.Kind.NOT_COVERED);
    }

    @Test
    void refusesAMissingNotesFolderOrCatalogNamingIt() {
        Path missing = Path.of("no-such-folder-for-confbot");

        assertThatThrownBy(() -> ConfBot.create(Fixtures.knowledge(), new Setup(true, List.of(missing), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> ConfBot.create(
                        Fixtures.knowledge(), new Setup(true, List.of(), List.of(missing.resolve("x.tsv")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.tsv");
    }
}
