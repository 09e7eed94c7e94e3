package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.chat.Reply;
import confbot.core.index.Analyzers;
import confbot.core.testing.Fixtures;
import confbot.knowledge.KnowledgeBase;
import confbot.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The index of the built-in knowledge made at build time (bot-core's {@code process-classes}): read
 * instead of built when nothing it was made from has changed, and answering as the built one does.
 */
final class BuiltinIndexTest {

    @Test
    void thePrebuiltIndexIsReadAndAnswersEveryPublicQuestionAsARebuiltOneDoes() throws IOException {
        ConfBot prebuilt = ConfBot.create(Setup.builtinOnly());
        ConfBot rebuilt = ConfBot.create(new KnowledgeLoader().loadBuiltin(), Setup.builtinOnly());

        assertThat(prebuilt.library().index().prebuilt()).isTrue();
        assertThat(rebuilt.library().index().prebuilt()).isFalse();
        assertThat(prebuilt.library().index().passages())
                .isEqualTo(rebuilt.library().index().passages());
        assertThat(prebuilt.library().notes()).isEqualTo(rebuilt.library().notes());
        List<String> questions = publicQuestions();
        assertThat(questions).hasSize(60);
        for (String question : questions) {
            Reply expected = rebuilt.reply(Fixtures.inbound(question));
            assertThat(prebuilt.reply(Fixtures.inbound(question))).as(question).isEqualTo(expected);
            assertThat(prebuilt.explain(question).features())
                    .as(question)
                    .isEqualTo(rebuilt.explain(question).features());
        }
    }

    @Test
    void aSnapshotOfOtherInputsIsRefusedAndTheIndexBuiltInstead() {
        KnowledgeBase knowledge = new KnowledgeLoader().loadBuiltin();
        BuiltinIndex stale = BuiltinIndex.of(BuiltinIndex.RESOURCE, key -> false);
        LibraryLoader loader = new LibraryLoader(knowledge, new Analyzers(), Optional.of(stale));

        Library library = loader.load(Setup.builtinOnly());

        assertThat(stale.load()).isEmpty();
        assertThat(library.index().prebuilt()).isFalse();
        assertThat(library.index().passages())
                .isEqualTo(new LibraryLoader(knowledge, new Analyzers())
                        .build(Setup.builtinOnly())
                        .index()
                        .passages());
    }

    @Test
    void aMissingSnapshotIsBuiltInstead() {
        BuiltinIndex missing = BuiltinIndex.of("/confbot/core/prebuilt/no-such-file.bin", key -> true);
        LibraryLoader loader =
                new LibraryLoader(new KnowledgeLoader().loadBuiltin(), new Analyzers(), Optional.of(missing));

        assertThat(loader.load(Setup.builtinOnly()).index().prebuilt()).isFalse();
    }

    @Test
    void aNoteAddedOrRemovedSinceTheBuildIsIndexedFromTheNotes() {
        KnowledgeBase knowledge = new KnowledgeLoader().loadBuiltin();
        KnowledgeBase oneLess = new KnowledgeBase(
                knowledge.conferences(),
                knowledge.notes().subList(1, knowledge.notes().size()),
                knowledge.glossary());
        LibraryLoader loader = new LibraryLoader(oneLess, new Analyzers(), Optional.of(BuiltinIndex.shipped()));

        Library library = loader.load(Setup.builtinOnly());

        assertThat(library.index().prebuilt()).isFalse();
        assertThat(library.index().passages())
                .noneMatch(p -> p.noteId().equals(knowledge.notes().get(0).id()));
    }

    @Test
    void theKeyListsTheKnowledgeAndTheIndexingCodeAndAnyChangeToOneBreaksIt() {
        String key = BuiltinIndex.key();

        assertThat(key).contains("confbot/knowledge/notes/", "confbot/knowledge/conferences.yaml");
        assertThat(key).contains("confbot/core/index/Analyzers.class", "confbot/core/ingest/Passages.class");
        assertThat(key).contains("META-INF/maven/org.commonmark/commonmark/pom.properties");
        assertThat(key).doesNotContain("confbot/core/prebuilt/");
        assertThat(BuiltinIndex.holds(key)).isTrue();

        String firstLine = key.substring(0, key.indexOf('\n'));
        String changed = key.replace(firstLine, firstLine.substring(0, firstLine.lastIndexOf(':')) + ":0");
        assertThat(BuiltinIndex.holds(changed)).isFalse();
        assertThat(BuiltinIndex.holds(key + "confbot/core/index/Gone.class\t12:abc\n"))
                .isFalse();
    }

    @Test
    void onlyTheBuiltInKnowledgeAloneIsPrebuilt() {
        assertThat(LibraryLoader.builtinAlone(Setup.builtinOnly())).isTrue();
        assertThat(LibraryLoader.builtinAlone(new Setup(true, List.of(), List.of(), false, List.of())))
                .isTrue();
        assertThat(LibraryLoader.builtinAlone(new Setup(false, List.of(), List.of())))
                .isFalse();
        assertThat(LibraryLoader.builtinAlone(
                        new Setup(true, List.of(Fixtures.shared().resolve("notes")), List.of())))
                .isFalse();
        assertThat(LibraryLoader.builtinAlone(new Setup(
                        true, List.of(), List.of(Fixtures.shared().resolve("data/kubecon-china-2019-talks.tsv")))))
                .isFalse();
    }

    private static List<String> publicQuestions() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.shared().resolve("eval/public.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line).get("question").asText());
            }
        }
        return out;
    }
}
