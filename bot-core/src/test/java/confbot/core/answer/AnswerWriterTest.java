package confbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.Library;
import confbot.core.chat.Source;
import confbot.core.index.Analyzers;
import confbot.core.retrieve.Evidence;
import confbot.core.retrieve.HanlpTagger;
import confbot.core.retrieve.Retrieval;
import confbot.core.retrieve.Retriever;
import confbot.core.testing.Fixtures;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the fixture index: answers what the notes cover, with their sources; abstains on the rest. */
final class AnswerWriterTest {

    private static final URI TIDEWATER = URI.create("https://example.org/notes/tidewater");
    private static final URI LANTERN = URI.create("https://example.org/notes/lantern");
    /** About 400 characters of body, with some slack for the writer's tuning. */
    private static final int MAX_BODY = 450;

    private static Library library;
    private static Retriever retriever;
    private static AnswerWriter writer;

    @BeforeAll
    static void build() {
        library = Fixtures.library();
        retriever = Fixtures.retriever(library);
        writer = new AnswerWriter(new Evidence(new Analyzers()), new AbstainPolicy(), new HanlpTagger());
    }

    private static Answer answer(String question) {
        Retrieval r = retriever.retrieve(question, library.index(), 8);
        return writer.write(r, library.index());
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    @Test
    void questionAndExclamationMarksEndSentencesOnlyBeforeASpaceOrChinese() {
        assertThat(AnswerWriter.sentences("Slides: https://x.example.org/deck.pdf?1566398735 and more. Next one."))
                .containsExactly("Slides: https://x.example.org/deck.pdf?1566398735 and more.", "Next one.");
        assertThat(AnswerWriter.sentences("Yahoo!Japan spoke. Why? Because!"))
                .containsExactly("Yahoo!Japan spoke.", "Why?", "Because!");
        assertThat(AnswerWriter.sentences("是什么?答案在这里。下一句")).containsExactly("是什么?", "答案在这里。", "下一句");
    }

    @Test
    void aCatalogRowIsOneSentenceWhateverItsTitleSays() {
        String row =
                "Who Watches? The Watchmen! — Ada, 2019-08-22 14:00, Hardware. Slides: https://x.example.org/w.pdf?1";
        confbot.core.ingest.Passage talk = new confbot.core.ingest.Passage(
                "catalog:c:0",
                "catalog:c:0",
                0,
                "Who Watches? The Watchmen!",
                "",
                row,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.OptionalInt.empty(),
                confbot.knowledge.Language.EN,
                List.of(),
                confbot.core.ingest.Passage.Origin.CATALOG,
                "");

        assertThat(AnswerWriter.sentences(talk)).containsExactly(row);
    }

    @Test
    void answersACoveredQuestionWithTheNotesSource() {
        Answer a = answer("How many batch jobs per hour does Tidewater drain?");

        assertThat(a.answered()).as(a.why()).isTrue();
        assertThat(a.text()).isNotBlank().contains("12,000");
        assertThat(a.sources()).extracting(Source::url).contains(TIDEWATER).doesNotContain(LANTERN);
        assertThat(a.features().coverage()).isPositive();
    }

    @Test
    void answersInTheQuestionsLanguage() {
        Answer zh = answer("潮汐调度器的吉祥物是什么？");
        Answer en = answer("What did Mei Lin say about the mascot?");

        assertThat(zh.answered()).as(zh.why()).isTrue();
        assertThat(hasHan(zh.text())).as(zh.text()).isTrue();
        assertThat(en.answered()).as(en.why()).isTrue();
        assertThat(hasHan(en.text())).as(en.text()).isFalse();
        assertThat(en.text().toLowerCase(Locale.ROOT)).contains("otter");
    }

    @Test
    void answersAnEnglishQuestionFromTheEnglishPassageThatStatesTheFact() {
        // The English note says it in one passage: "The project mascot is a sea otter."
        for (String q : List.of("What is the mascot of Tidewater?", "Tidewater mascot")) {
            Answer a = answer(q);
            assertThat(a.answered()).as(q + " → " + a.why()).isTrue();
            assertThat(a.text().toLowerCase(Locale.ROOT)).as(q).contains("otter");
        }
    }

    @Test
    void crossesLanguagesThroughTheGlossary() {
        Answer a = answer("Which company does 林梅 work for?");

        assertThat(a.answered()).as(a.why()).isTrue();
        assertThat(a.sources()).extracting(Source::url).contains(TIDEWATER);
    }

    @Test
    void abstainsOnAQuestionAboutAnUnknownNamedThing() {
        for (String q : List.of(
                "What did Zorblax announce about quantum teleportation?", "How much did the Wi-Fi cost in Europe?")) {
            assertAbstains(q);
        }
    }

    @Test
    void abstainsWhenOnlyAPhrasingWordOfTheQuestionIsKnown() {
        // Every content word is unknown to the index but "announce" / 宣布, which the Tidewater note has.
        for (String q : List.of("what did zorblax announce about quantum teleportation?", "量子隐形传态公司宣布了什么？")) {
            assertAbstains(q);
        }
    }

    private static void assertAbstains(String q) {
        Answer a = answer(q);
        assertThat(a.answered()).as(q + " → " + a.why()).isFalse();
        assertThat(a.text()).as(q).isEmpty();
        assertThat(a.sources()).as(q).isEmpty();
        assertThat(a.why()).as(q).isNotBlank();
    }

    @Test
    void abstainsWithoutConcepts() {
        for (String q : List.of("what is the", "", "???")) {
            Answer a = answer(q);
            assertThat(a.answered()).as(q).isFalse();
            assertThat(a.features().concepts()).as(q).isZero();
        }
    }

    @Test
    void keepsTheBodyShort() {
        for (String q : List.of(
                "Tell me everything about Tidewater",
                "What happened at the Lantern meetup?",
                "潮汐调度器的演讲讲了什么？",
                "Where and when was KubeCon China 2019?",
                "Where can I download the slides of 2018?",
                "What questions did the audience ask about Tidewater, GPU jobs and multiple clusters?")) {
            Answer a = answer(q);
            assertThat(a.text().length()).as(q).isLessThanOrEqualTo(MAX_BODY);
            if (a.answered()) {
                assertThat(a.sources()).as(q).isNotEmpty();
            }
        }
    }

    @Test
    void citesOnlyPassagesItUsed() {
        Answer a = answer("How many people came to the Lantern meetup in the tea house?");

        assertThat(a.answered()).as(a.why()).isTrue();
        assertThat(a.sources()).extracting(Source::url).contains(LANTERN).doesNotContain(TIDEWATER);
    }

    @Test
    void featuresStayInRange() {
        for (String q : List.of("Tidewater otter", "zorblax", "Tidewater zorblax", "林梅 海獭")) {
            Features f = answer(q).features();
            assertThat(f.coverage()).as(q).isBetween(0.0, 1.0);
            assertThat(f.unknownConcepts()).as(q).isBetween(0, f.concepts());
            assertThat(f.missingRequired()).as(q).isBetween(0, f.concepts());
        }
    }
}
