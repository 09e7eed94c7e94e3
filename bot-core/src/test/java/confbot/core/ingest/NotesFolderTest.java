package confbot.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import confbot.knowledge.FrontMatter;
import confbot.knowledge.Language;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any folder of Markdown or text notes is read as it is; a bad file costs one warning, never the run. */
final class NotesFolderTest {

    @TempDir
    Path root;

    private final NotesFolder folder =
            new NotesFolder(new FrontMatter(), new Passages(new MarkdownCleaner()), Fixtures.CONFERENCES);
    private final LogCapture log = LogCapture.of(NotesFolder.class);

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String texts(List<Passage> passages) {
        return String.join("\n", passages.stream().map(Passage::searchableText).toList());
    }

    @Test
    void passagesComeInTheFilesSortedOrderThoughTheFilesAreReadInParallel() throws IOException {
        for (int i = 0; i < 200; i++) {
            // Sizes that vary a lot, so that files finish out of order if the order were not kept.
            write(
                    String.format("n%03d.md", i),
                    "# Note " + i + "\n\n" + ("word" + i + " ").repeat(1 + (i * 37) % 300) + "\n");
        }

        List<Passage> passages = folder.read(root);

        List<String> notes = passages.stream().map(Passage::noteId).distinct().toList();
        assertThat(notes).hasSize(200).isSorted();
        assertThat(passages).isEqualTo(folder.read(root));
    }

    @Test
    void indexesMarkdownAndTextFilesRecursively() throws IOException {
        write("a.md", "# Alpha\n\nalpha facts\n");
        write("deep/er/b.txt", "beta facts\n");
        write("c.markdown", "gamma facts\n");
        write("d.html", "<p>delta facts</p>\n");
        write(".hidden.md", "epsilon facts\n");

        List<Passage> passages = folder.read(root);

        assertThat(texts(passages))
                .contains("alpha facts", "beta facts", "gamma facts")
                .doesNotContain("delta", "epsilon");
        assertThat(passages).allSatisfy(p -> {
            assertThat(p.origin()).isEqualTo(Passage.Origin.FOLDER);
            assertThat(p.sources())
                    .singleElement()
                    .satisfies(s -> assertThat(s.url().getScheme()).isEqualTo("file"));
        });
        assertThat(passages).extracting(Passage::noteId).contains("folder:deep/er/b.txt");
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void skipsReadmeFiles() throws IOException {
        write("README.md", "This folder holds five notes.\n");
        write("sub/readme.txt", "Another description.\n");
        write("note.md", "the only note\n");

        assertThat(folder.read(root)).extracting(Passage::noteId).containsOnly("folder:note.md");
    }

    @Test
    void skipsHiddenFoldersSuchAsAConfigMapsTimestampedCopy() throws IOException {
        write("..2026_11_23_06_00_00.123/note.md", "the note, as the volume stores it\n");
        write(".git/notes.md", "not a note\n");
        write("note.md", "the note, as the volume stores it\n");

        assertThat(folder.read(root)).extracting(Passage::noteId).containsOnly("folder:note.md");
    }

    @Test
    void leavesFrontMatterOutOfThePassages() throws IOException {
        write(
                "post.md",
                "---\ntitle: \"A blog post\"\nbanner: \"http://example.org/banner.jpg\"\ntags: [\"x\"]\n---\n## Intro\n\nThe facts.\n");

        List<Passage> passages = folder.read(root);

        assertThat(passages).singleElement().satisfies(p -> {
            assertThat(p.noteTitle()).isEqualTo("A blog post");
            assertThat(p.text()).isEqualTo("The facts.");
            assertThat(p.searchableText()).doesNotContain("banner", "example.org", "tags");
        });
    }

    @Test
    void readsTheFrontMatterOfOtherSiteGenerators() throws IOException {
        write(
                "hugo.md",
                "+++\ntitle = \"Hugo post\"\ntags = [\"KubeCon EU 2023\"]\n[ author ]\n  name = \"Ann Author\"\n+++\nHugo facts.\n");
        write("fenced.md", "```toml\ntitle = \"Fenced post\"\nauthor = \"someone\"\n```\n\nFenced facts.\n");
        write("pelican.md", "Title: Pelican post\nDate: 2014-11-18 19:19\nTags:  gdg, PyCon\n\nPelican facts.\n");

        List<Passage> passages = folder.read(root);

        assertThat(passages).extracting(Passage::noteTitle).containsExactly("Fenced post", "Hugo post", "Pelican post");
        assertThat(passages)
                .extracting(Passage::text)
                .containsExactly("Fenced facts.", "Hugo facts.", "Pelican facts.");
        assertThat(passages.get(1).context()).contains("Hugo post", "KubeCon EU 2023", "Ann Author", "hugo");
        assertThat(passages.get(2).context()).contains("gdg, PyCon").doesNotContain("2014-11-18");
    }

    @Test
    void frontMatterFactsOfTheEventOpenTheTextAndPageFieldsDoNot() throws IOException {
        write(
                "event.md",
                "---\ntitle: Summit\nlayout: post\naddress: 1 Main Street, Springfield\nexcerpt: The summit was in June.\ncover: /img/a.jpg\n---\nBody.\n");

        String text = texts(folder.read(root));

        assertThat(text).contains("Address: 1 Main Street, Springfield", "The summit was in June.", "Body.");
        assertThat(text).doesNotContain("layout", "post\n", "/img/a.jpg");
    }

    @Test
    void forgivesBrokenFrontMatter() throws IOException {
        write("broken.md", "---\ntitle: [unclosed\nsummary: \"oops\n---\n# Real heading\n\nReal facts.\n");

        List<Passage> passages = folder.read(root);

        assertThat(passages).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("Real facts.");
            assertThat(p.noteTitle()).isEqualTo("Real heading");
            assertThat(p.searchableText()).doesNotContain("unclosed", "oops");
        });
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void titleFallsBackToFirstHeadingThenFileName() throws IOException {
        write("with-heading.md", "Lead text.\n\n## Second level heading\n\nbody\n");
        write("plain.txt", "no heading at all\n");

        List<Passage> passages = folder.read(root);

        assertThat(passages)
                .filteredOn(p -> p.noteId().equals("folder:with-heading.md"))
                .allSatisfy(p -> assertThat(p.noteTitle()).isEqualTo("Second level heading"));
        assertThat(passages)
                .filteredOn(p -> p.noteId().equals("folder:plain.txt"))
                .singleElement()
                .satisfies(p -> assertThat(p.noteTitle()).isEqualTo("plain.txt"));
    }

    @Test
    void guessesTheConferenceFromTheYearsMentionedMost() throws IOException {
        write("mostly-2019.md", "# Notes\n\nIn 2019 we went again. 2019 was bigger than 2018. June 2019.\n");
        write("2018-trip.md", "# Trip\n\nShanghai in November.\n");
        write("timeless.md", "# Undated\n\nNo year here, only 20190 and 12018.\n");

        List<Passage> passages = folder.read(root);

        assertThat(passages)
                .filteredOn(p -> p.noteId().equals("folder:mostly-2019.md"))
                .allSatisfy(p -> assertThat(p.conference()).contains("kubecon-china-2019"));
        assertThat(passages)
                .filteredOn(p -> p.noteId().equals("folder:2018-trip.md"))
                .allSatisfy(p -> assertThat(p.conference()).contains("kubecon-china-2018"));
        assertThat(passages)
                .filteredOn(p -> p.noteId().equals("folder:timeless.md"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.conference()).isEmpty());
    }

    @Test
    void guessConferenceIgnoresYearsWithoutAConference() {
        assertThat(folder.guessConference("2017 2017 2017 and once 2018")).isEqualTo("kubecon-china-2018");
        assertThat(folder.guessConference("nothing")).isNull();
    }

    @Test
    void detectsTheLanguageOfEachPassage() throws IOException {
        write("mixed.md", "# English part\n\nThe keynote was full.\n\n# 中文部分\n\n主题演讲的会场坐满了人。\n");

        assertThat(folder.read(root)).extracting(Passage::language).containsExactly(Language.EN, Language.ZH);
    }

    @Test
    void skipsUnreadableFileWithOneWarning() throws IOException {
        Path dir = Files.createDirectories(root.resolve("x.md"));

        assertThat(folder.readFile(root, dir)).isEmpty();
        assertThat(log.warnings()).singleElement().asString().contains(dir.toString());
    }

    @Test
    void ignoresADirectoryNamedLikeANote() throws IOException {
        Files.createDirectories(root.resolve("x.md"));
        write("x.md/inside.md", "inside facts\n");

        assertThat(texts(folder.read(root))).contains("inside facts");
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void skipsFileWithoutReadPermissionWithOneWarningUnlessItCanBeRead() throws IOException {
        // As root, Files.isReadable is true even for mode 000 and the file reads fine: then it is indexed.
        Path locked = write("locked.md", "locked facts\n");
        write("open.md", "open facts\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        boolean readable = Files.isReadable(locked);

        List<Passage> passages = folder.read(root);

        assertThat(texts(passages)).contains("open facts");
        if (readable) {
            assertThat(texts(passages)).contains("locked facts");
            assertThat(log.warnings()).isEmpty();
        } else {
            assertThat(texts(passages)).doesNotContain("locked facts");
            assertThat(log.warnings()).singleElement().asString().contains("locked.md");
        }
    }

    @Test
    void skipsAFileTooLargeToBeANoteWithOneWarning() throws IOException {
        Path huge = root.resolve("huge.md");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(9L * 1024 * 1024); // sparse: no disk used
        }
        write("small.md", "small facts\n");

        List<Passage> passages = folder.read(root);

        assertThat(texts(passages)).contains("small facts");
        assertThat(passages).extracting(Passage::noteId).doesNotContain("folder:huge.md");
        assertThat(log.warnings()).singleElement().asString().contains("huge.md");
    }

    @Test
    void readsAFileThatIsNotValidUtf8WithoutItsBadBytes() throws IOException {
        byte[] latin1 = "Caf\u00e9 notes about the keynote\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(root.resolve("latin1.md"), latin1);
        write("good.md", "good facts\n");

        List<Passage> passages = folder.read(root);

        assertThat(texts(passages))
                .contains("good facts", "notes about the keynote")
                .doesNotContain("\uFFFD");
    }

    @Test
    void dropsGarbledPrivateUseCharacters() throws IOException {
        String garbled = new StringBuilder()
                .appendCodePoint(0x100413)
                .appendCodePoint(0x100414)
                .toString();
        write("pdf-paste.md", "# Paste\n\n" + garbled.repeat(5) + "\n\nreadable " + garbled + "facts\n");

        List<Passage> passages = folder.read(root);

        assertThat(passages).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo("readable facts"));
    }

    @Test
    void readsTheSharedRawNotesWithoutWarnings() {
        Path notes = Fixtures.shared().resolve("notes");

        List<Passage> passages = folder.read(notes);

        assertThat(passages).extracting(Passage::noteId).doesNotContain("folder:README.md");
        assertThat(passages.stream().map(Passage::noteId).distinct()).hasSize(5);
        assertThat(passages).allSatisfy(p -> {
            assertThat(p.text()).isNotBlank().doesNotContain("<div", "<iframe", "![", "sinaimg.cn");
            assertThat(p.text().codePoints()).noneMatch(cp -> Character.getType(cp) == Character.PRIVATE_USE);
        });
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void refusesAFolderThatDoesNotExist() {
        Path missing = root.resolve("missing");

        assertThatThrownBy(() -> folder.read(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }
}
