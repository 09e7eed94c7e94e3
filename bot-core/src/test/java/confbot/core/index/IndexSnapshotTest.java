package confbot.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.knowledge.Language;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;

/** An index written as bytes and read back: the same passages, the same searches. */
final class IndexSnapshotTest {

    private final Analyzers analyzers = new Analyzers();

    private static Passage passage(
            String note, int ordinal, String text, Language language, Optional<String> conference, String context) {
        return new Passage(
                note + "#" + ordinal,
                note,
                ordinal,
                note + " title",
                ordinal == 0 ? "" : "Heading " + ordinal,
                text,
                conference,
                ordinal == 0 ? Optional.of(LocalDate.of(2019, 6, 24)) : Optional.empty(),
                ordinal == 1 ? OptionalInt.of(2) : OptionalInt.empty(),
                language,
                List.of(new Source("s " + note, URI.create("https://example.org/" + note))),
                ordinal == 0 ? Passage.Origin.CURATED : Passage.Origin.FOLDER,
                context);
    }

    private final List<Passage> passages = List.of(
            passage("a", 0, "Tidewater schedules batch jobs at night.", Language.EN, Optional.of("c-2019"), ""),
            passage("a", 1, "The mascot is a sea otter.", Language.EN, Optional.empty(), "a post by Ann"),
            passage("b", 0, "潮汐调度器在夜间调度批处理任务。", Language.ZH, Optional.of("c-2019"), ""),
            // Longer than writeUTF's 64 KB: sections of raw notes can be.
            passage("c", 1, "lantern ".repeat(10_000), Language.EN, Optional.of("c-2018"), "tags: lantern"));

    private byte[] written(PassageIndex index, String key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IndexSnapshot.write(index, 3, key, out);
        return out.toByteArray();
    }

    @Test
    void readingBackGivesTheSamePassagesAndTheSameSearches() throws IOException {
        PassageIndex built = PassageIndex.build(passages, analyzers);

        IndexSnapshot.Read read = IndexSnapshot.read(new ByteArrayInputStream(written(built, "k1")), "k1"::equals)
                .orElseThrow();

        assertThat(read.notes()).isEqualTo(3);
        assertThat(read.index().prebuilt()).isTrue();
        assertThat(built.prebuilt()).isFalse();
        assertThat(read.index().passages()).isEqualTo(passages);
        assertThat(read.index().sizeInBytes()).isEqualTo(built.sizeInBytes());
        for (Term term : List.of(
                new Term(Fields.WORDS, "batch"),
                new Term(Fields.WORDS, "lantern"),
                new Term(Fields.BIGRAMS, "调度"),
                new Term(Fields.CONTEXT_WORDS, "ann"))) {
            assertThat(read.index().search(read.index().termQuery(term), 5))
                    .as(term.toString())
                    .isEqualTo(built.search(built.termQuery(term), 5))
                    .isNotEmpty();
        }
        assertThat(read.index().next(read.index().passages().get(0))).contains(passages.get(1));
    }

    @Test
    void aSnapshotForAnotherKeyIsRefused() throws IOException {
        byte[] bytes = written(PassageIndex.build(passages, analyzers), "k1");

        assertThat(IndexSnapshot.read(new ByteArrayInputStream(bytes), "k2"::equals))
                .isEmpty();
    }

    @Test
    void bytesThatAreNoSnapshotAreRefusedAndACutOneFails() throws IOException {
        byte[] bytes = written(PassageIndex.build(passages, analyzers), "k1");
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        new java.io.DataOutputStream(other).writeUTF("something else");

        assertThat(IndexSnapshot.read(new ByteArrayInputStream(other.toByteArray()), k -> true))
                .isEmpty();
        assertThatThrownBy(() ->
                        IndexSnapshot.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 2)), k -> true))
                .isInstanceOf(EOFException.class);
    }
}
