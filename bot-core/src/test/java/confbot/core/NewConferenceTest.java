package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.BotProfile;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.core.testing.NewConference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conference the code has never heard of, added through its own files only ({@link
 * NewConference}): the bot answers about it, lists its days and talks on its own clock, finds its
 * decks by word, names it in its profile and help, and keeps it out of the KubeCon China answers.
 */
final class NewConferenceTest {

    @TempDir
    static Path dir;

    private static ConfBot bot;

    @BeforeAll
    static void load() {
        bot = ConfBot.create(NewConference.write(dir));
    }

    @AfterAll
    static void close() {
        bot.close();
    }

    private static Reply reply(String text) {
        return bot.reply(new Inbound(text, Locale.ENGLISH, new Origin(Platform.CONSOLE, "c", "u", false)));
    }

    private static String sources(Reply r) {
        return r.sources().stream().map(s -> s.title() + " " + s.url()).collect(Collectors.joining("\n"));
    }

    @Test
    void itsNotesAndCatalogsBelongToItByTheirOwnData() {
        List<Passage> passages = bot.library().index().passages();

        assertThat(passages)
                .filteredOn(p -> p.noteId().startsWith("folder:"))
                .as("the English note by its front matter, the Chinese one by the name in its text")
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.conference()).contains(NewConference.ID))
                .extracting(Passage::noteId)
                .contains("folder:keynote-en.md", "folder:keynote-zh.md");
        assertThat(bot.library().catalog().talks()).hasSize(3).allSatisfy(t -> assertThat(t.conference())
                .isEqualTo(NewConference.ID));
        assertThat(bot.library().conferences())
                .extracting(c -> c.id())
                .containsExactly("kubecon-china-2018", "kubecon-china-2019", NewConference.ID);
    }

    @Test
    void questionsAboutItAreAnsweredFromItsNotes() {
        for (String question : List.of(
                "What did Tidemark Labs announce at Harbourlight DevDays 2024?",
                "潮标实验室在 2024 港灯开发者大会上发布了什么？",
                "Where was Harbourlight DevDays 2024 held?")) {
            Reply r = reply(question);

            assertThat(r.kind()).as(question).isEqualTo(Reply.Kind.ANSWER);
            assertThat(r.text() + sources(r)).as(question).containsAnyOf(NewConference.ANNOUNCED, "Porto", "Riverside");
        }
    }

    @Test
    void scheduleByNameListsADaysTalksOnItsOwnClockWithTheZoneNamed() {
        Reply byName = reply("/schedule " + NewConference.NAME + " 2");

        assertThat(byName.kind()).isEqualTo(Reply.Kind.LISTING);
        // 09:00Z on 15 May is 10:00 in Lisbon (WEST, UTC+1).
        assertThat(byName.text())
                .contains("2024-05-15", NewConference.ZONE, "10:00–10:40 " + NewConference.RUST_TALK)
                .contains("11:00–11:30 " + NewConference.TRUST_TALK)
                .doesNotContain(NewConference.WORKSHOP);

        Reply byYearAndDate = reply("/schedule 2024 2024-05-16");
        assertThat(byYearAndDate.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(byYearAndDate.text()).contains(NewConference.ZONE, "14:00–15:30 " + NewConference.WORKSHOP);

        assertThat(reply("/schedule hldd 2024 thursday").text()).contains(NewConference.WORKSHOP);
        assertThat(reply("/schedule porto 3").text()).contains(NewConference.WORKSHOP);
        assertThat(reply("/schedule 2024 4").kind()).isEqualTo(Reply.Kind.USAGE);
    }

    @Test
    void slidesFindItsTalksByWordInItsZone() {
        Reply r = reply("/slides rust");

        assertThat(r.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(r.text())
                .contains(NewConference.RUST_TALK, NewConference.WORKSHOP, "2024-05-15 10:00 " + NewConference.ZONE)
                .as("rust is a word, not a part of Trusting")
                .doesNotContain(NewConference.TRUST_TALK);
        assertThat(r.sources())
                .extracting(Source::url)
                .extracting(Object::toString)
                .contains("https://devdays.example.org/media/driftwood.pdf");
        assertThat(reply("/slides 2019 rust").text()).doesNotContain(NewConference.RUST_TALK);
    }

    @Test
    void nothingOfItReachesTheKubeConChinaAnswers() {
        for (String text : List.of(
                "When and where was KubeCon China 2019?",
                "What did Ant Financial announce at KubeCon China 2019?",
                "Where can I download the slides of KubeCon China 2018?",
                "/schedule 2019 2",
                "/schedule 2018",
                "/slides 2019")) {
            Reply r = reply(text);

            assertThat(r.text() + "\n" + sources(r))
                    .as(text)
                    .doesNotContain(NewConference.ANNOUNCED, "Harbourlight", "Porto", "devdays.example.org");
        }
    }

    @Test
    void profileHelpAndUsageNameIt() {
        BotProfile profile = bot.profile();

        assertThat(profile.conferences())
                .extracting(BotProfile.ConferenceEntry::command)
                .containsExactly("2018", "2019", "2024");
        assertThat(profile.names(false)).contains(NewConference.NAME);
        assertThat(profile.names(true)).contains(NewConference.NAME_ZH);
        assertThat(reply("/help").text()).contains(NewConference.NAME);
        assertThat(reply("/schedule banana").text()).contains("2024 = " + NewConference.NAME + ", 3 days");
    }

    @Test
    void aConferencesFileOverridesAnEntryById(@TempDir Path other) throws Exception {
        Path file = Files.writeString(
                other.resolve("override.yaml"),
                """
                conferences:
                  - id: kubecon-china-2019
                    name: {en: "Renamed Summit 2019", zh: "改名峰会 2019"}
                    city: {en: Shanghai, zh: 上海}
                    timezone: Asia/Shanghai
                    start: 2019-06-24
                    end: 2019-06-25
                """);
        try (ConfBot renamed = ConfBot.create(new Setup(true, List.of(), List.of(), true, List.of(), List.of(file)))) {
            assertThat(renamed.profile().names(false)).contains("Renamed Summit 2019");
            assertThat(renamed.library().conferences())
                    .filteredOn(c -> c.id().equals("kubecon-china-2019"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.days()).hasSize(2));
        }
    }
}
