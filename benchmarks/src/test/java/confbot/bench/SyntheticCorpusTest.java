package confbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.knowledge.KnowledgeLoader;
import confbot.knowledge.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SyntheticCorpusTest {

    private static final SyntheticCorpus CORPUS = SyntheticCorpus.trainedOn(new KnowledgeLoader().loadBuiltin());

    @Test
    void sameSeedWritesTheSameNotes(@TempDir Path a, @TempDir Path b) throws IOException {
        Path first = CORPUS.folder(a, 20, 7);
        Path second = CORPUS.folder(b, 20, 7);

        List<Path> files = notes(first);
        assertThat(files).hasSize(20);
        for (Path f : files) {
            assertThat(Files.readString(second.resolve(first.relativize(f)), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(f, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCompleteFolderIsReusedNotRewritten(@TempDir Path dir) throws IOException {
        Path folder = CORPUS.folder(dir, 5, 7);
        Path note = notes(folder).get(0);
        Files.writeString(note, "# kept\n", StandardCharsets.UTF_8);

        CORPUS.folder(dir, 5, 7);

        assertThat(Files.readString(note, StandardCharsets.UTF_8)).isEqualTo("# kept\n");
    }

    @Test
    void notesMixBothLanguagesWithAFewSectionsOfRealisticSize() {
        Random random = new Random(1);
        int chinese = 0;
        for (int i = 0; i < 200; i++) {
            String note = CORPUS.note(random);
            List<String> sections =
                    note.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(note).startsWith("# ");
            assertThat(sections).hasSizeBetween(2, 4);
            assertThat(sections).allSatisfy(s -> assertThat(s.length()).isBetween(100, 560));
            if (Language.detect(note) == Language.ZH) {
                chinese++;
            }
        }
        assertThat(chinese).isBetween(60, 140);
    }

    @Test
    void tokensKeepNamesVersionsAndHanCharacters() {
        assertThat(SyntheticCorpus.tokens("Kata v1.7 在上海。Wi-Fi"))
                .containsExactly("Kata", "v1.7", "在", "上", "海", "。", "Wi-Fi");
    }

    private static List<Path> notes(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
