package confbot.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import confbot.core.conference.ConferenceRegistry;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Talk lists in the shared TSV format load by column name; a bad cell is a warning, not a failed load. */
final class TsvCatalogTest {

    private static final String HEADER =
            "title\tspeakers\torganization\tdate\tstart\tend\troom\ttrack\tlanguage\tslides_file_or_url\tsource\n";

    @TempDir
    Path dir;

    /** Through the reader, which ties each catalog to its conference by its name or dates. */
    private final Loader catalog = file -> new CatalogReader()
            .load(file, ConferenceRegistry.of(Fixtures.knowledge().conferences()))
            .talks();

    @FunctionalInterface
    private interface Loader {
        List<Talk> load(Path file) throws IOException;
    }

    private final LogCapture log = LogCapture.of(TsvCatalog.class);

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private Path tsv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void loadsTheShared2019Catalog() throws IOException {
        List<Talk> talks = catalog.load(Fixtures.shared().resolve("data/kubecon-china-2019-talks.tsv"));

        // Figures from shared/data/README.md: 247 rows, 98 with a date, 94 with a slides link.
        assertThat(talks).hasSize(247);
        assertThat(talks).filteredOn(t -> t.date().isPresent()).hasSize(98);
        assertThat(talks).filteredOn(t -> !t.slides().isEmpty()).hasSize(94);
        assertThat(talks).allSatisfy(t -> {
            assertThat(t.title()).isNotBlank();
            assertThat(t.speakers())
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(s).isNotBlank().doesNotContain(";"));
            assertThat(t.conference()).isEqualTo("kubecon-china-2019");
            t.date().ifPresent(d -> assertThat(d).isBetween(LocalDate.of(2019, 6, 24), LocalDate.of(2019, 6, 26)));
            assertThat(t.slides()).allSatisfy(u -> assertThat(u.getScheme()).startsWith("http"));
        });
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void splitsSpeakersAndSlidesLinks() throws IOException {
        List<Talk> talks = catalog.load(Fixtures.shared().resolve("data/kubecon-china-2019-talks.tsv"));

        assertThat(talks.get(0).speakers()).containsExactly("Jing Xu", "Xing Yang");
        assertThat(talks).anySatisfy(t -> assertThat(t.slides()).hasSizeGreaterThan(1));
        assertThat(talks).anySatisfy(t -> assertThat(t.start()).isPresent());
    }

    @Test
    void readsEveryColumnOfARow() throws IOException {
        Path file = tsv(
                "talks.tsv",
                HEADER
                        + "Deep Dive: Tidewater\tMei Lin; Bo Chen\tHarbourline; Acme\t2019-06-25\t10:50\t11:25\tRoom 1\tBatch\tEnglish\t"
                        + "https://example.org/a.pdf | https://example.org/b.pptx\tmade up\n");

        assertThat(catalog.load(file)).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Deep Dive: Tidewater");
            assertThat(t.speakers()).containsExactly("Mei Lin", "Bo Chen");
            assertThat(t.organizations()).containsExactly("Harbourline", "Acme");
            assertThat(t.date()).contains(LocalDate.of(2019, 6, 25));
            assertThat(t.start()).contains(LocalTime.of(10, 50));
            assertThat(t.end()).contains(LocalTime.of(11, 25));
            assertThat(t.room()).contains("Room 1");
            assertThat(t.track()).contains("Batch");
            assertThat(t.slides())
                    .containsExactly(URI.create("https://example.org/a.pdf"), URI.create("https://example.org/b.pptx"));
            assertThat(t.conference()).isEqualTo("kubecon-china-2019");
        });
    }

    @Test
    void findsColumnsByNameInAnyOrder() throws IOException {
        Path file = tsv("reordered.tsv", "\uFEFFdate\tTitle\tspeakers\n2018-11-14\tA talk\tSomeone\n");

        assertThat(catalog.load(file)).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("A talk");
            assertThat(t.date()).contains(LocalDate.of(2018, 11, 14));
            assertThat(t.conference()).isEqualTo("kubecon-china-2018");
            assertThat(t.slides()).isEmpty();
            assertThat(t.room()).isEmpty();
        });
    }

    @Test
    void leavesABadDateEmptyWithOneWarning() throws IOException {
        Path file = tsv("kubecon-china-2019-bad.tsv", HEADER + "A talk\tSomeone\tAcme\t2019-13-45\t\t\t\t\t\t\t\n");

        assertThat(catalog.load(file)).singleElement().satisfies(t -> {
            assertThat(t.date()).isEmpty();
            assertThat(t.conference()).as("guessed from the file name").isEqualTo("kubecon-china-2019");
        });
        assertThat(log.warnings())
                .singleElement()
                .asString()
                .contains("kubecon-china-2019-bad.tsv:2", "date", "2019-13-45");
    }

    @Test
    void leavesBadTimesAndLinksOutWithAWarningEach() throws IOException {
        Path file = tsv(
                "talks.tsv",
                HEADER + "A talk\tSomeone\tAcme\t2019-06-25\t25:99\tnoon\t\t\t\t"
                        + "not a link | ftp://example.org/x | https://example.org/ok.pdf\t\n");

        assertThat(catalog.load(file)).singleElement().satisfies(t -> {
            assertThat(t.start()).isEmpty();
            assertThat(t.end()).isEmpty();
            assertThat(t.slides()).containsExactly(URI.create("https://example.org/ok.pdf"));
        });
        assertThat(log.warnings()).hasSize(4).allSatisfy(w -> assertThat(w).contains("talks.tsv:2"));
    }

    @Test
    void skipsRowsWithoutTitleAndToleratesShortRows() throws IOException {
        Path file = tsv("talks.tsv", HEADER + "\tSomeone\n" + "Short row\n" + "\n");

        assertThat(catalog.load(file)).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Short row");
            assertThat(t.speakers()).isEmpty();
            assertThat(t.conference()).isEqualTo("unknown");
        });
    }

    @Test
    void rejectsAFileWithoutTitleColumnNamingIt() throws IOException {
        Path file = tsv("no-title.tsv", "name\tspeakers\nA talk\tSomeone\n");

        assertThatThrownBy(() -> catalog.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-title.tsv")
                .hasMessageContaining("title");
    }

    @Test
    void loadsAnEmptyFileAsNoTalks() throws IOException {
        // The parser itself; the reader refuses such a file, naming it (CatalogReaderTest).
        TsvCatalog parser = new TsvCatalog("kubecon-china-2019");
        assertThat(parser.load(tsv("empty.tsv", ""))).isEmpty();
        assertThat(parser.load(tsv("header-only.tsv", HEADER))).isEmpty();
    }

    @Test
    void failsWithIoExceptionOnAMissingFile() {
        assertThatThrownBy(() -> catalog.load(dir.resolve("missing.tsv"))).isInstanceOf(IOException.class);
    }
}
