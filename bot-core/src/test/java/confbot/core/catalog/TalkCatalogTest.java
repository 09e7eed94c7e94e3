package confbot.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.core.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The look-ups behind /schedule and /slides, over the shared catalogs and a few handmade talks. */
final class TalkCatalogTest {

    private static TalkCatalog shared;

    @BeforeAll
    static void load() throws IOException {
        List<Talk> talks = new ArrayList<>(new TsvCatalog("kubecon-china-2018")
                .load(Fixtures.shared().resolve("data/kubecon-china-2018-talks.tsv")));
        talks.addAll(new TsvCatalog("kubecon-china-2019")
                .load(Fixtures.shared().resolve("data/kubecon-china-2019-talks.tsv")));
        shared = TalkCatalog.of(talks);
    }

    private static Talk talk(String title, String date, String start, String conference, String... slides) {
        return new Talk(
                title,
                List.of("Speaker of " + title),
                List.of("Org"),
                Optional.ofNullable(date).map(LocalDate::parse),
                Optional.ofNullable(start).map(LocalTime::parse),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Arrays.stream(slides).map(URI::create).toList(),
                conference);
    }

    @Test
    void listsTheTalksOfADayByStartTimeThenTitle() {
        TalkCatalog catalog = TalkCatalog.of(List.of(
                talk("Zeta", "2019-06-25", null, "c"),
                talk("Beta", "2019-06-25", "14:00", "c"),
                talk("Alpha", "2019-06-25", "09:30", "c"),
                talk("Other day", "2019-06-24", "09:00", "c"),
                talk("Undated", null, null, "c"),
                talk("Gamma", "2019-06-25", null, "c")));

        assertThat(catalog.on("c", LocalDate.of(2019, 6, 25)))
                .extracting(Talk::title)
                .containsExactly("Alpha", "Beta", "Gamma", "Zeta");
        assertThat(catalog.on("c", LocalDate.of(2019, 6, 26))).isEmpty();
    }

    @Test
    void onListsOnlyThatDayOfTheSharedCatalog() {
        List<Talk> day = shared.on("kubecon-china-2019", LocalDate.of(2019, 6, 25));

        assertThat(day).isNotEmpty().allSatisfy(t -> assertThat(t.date()).contains(LocalDate.of(2019, 6, 25)));
    }

    @Test
    void findsTheCrdTalksOf2018() {
        List<Talk> found = shared.find("crd", Set.of("kubecon-china-2018"));

        assertThat(found).extracting(Talk::title).contains("Testing Kubernetes CRDs");
        assertThat(found).allSatisfy(t -> {
            assertThat(t.conference()).isEqualTo("kubecon-china-2018");
            assertThat(haystack(t)).contains("crd");
        });
    }

    @Test
    void findsAcrossConferencesWithoutAFilter() {
        List<Talk> found = shared.find("CRD", Set.of());

        assertThat(found).extracting(Talk::conference).contains("kubecon-china-2018", "kubecon-china-2019");
        assertThat(found).extracting(Talk::title).contains("To Crd, or Not to Crd, That is the Question");
    }

    @Test
    void findNeedsEveryWordAndPutsTalksWithSlidesFirst() {
        TalkCatalog catalog = TalkCatalog.of(List.of(
                talk("Kata Containers without slides", null, null, "c"),
                talk("Kata Containers deep dive", null, null, "c", "https://example.org/kata.pdf"),
                talk("gVisor containers", null, null, "c", "https://example.org/gvisor.pdf")));

        assertThat(catalog.find("kata containers", Set.of()))
                .extracting(Talk::title)
                .containsExactly("Kata Containers deep dive", "Kata Containers without slides");
        assertThat(catalog.find("kata gvisor", Set.of())).isEmpty();
        assertThat(catalog.find("speaker of gvisor", Set.of()))
                .extracting(Talk::title)
                .containsExactly("gVisor containers");
    }

    @Test
    void everyTalkIsASearchablePassage() {
        Talk withSlides =
                talk("Kata deep dive", "2019-06-25", "10:00", "kubecon-china-2019", "https://example.org/kata.pdf");
        Talk without = talk("Undated talk", null, null, "kubecon-china-2018");
        TalkCatalog catalog = TalkCatalog.of(List.of(withSlides, without));

        List<Passage> passages = catalog.passages();

        assertThat(passages).hasSize(2).allSatisfy(p -> assertThat(p.origin()).isEqualTo(Passage.Origin.CATALOG));
        assertThat(passages).extracting(Passage::id).doesNotHaveDuplicates();
        assertThat(passages.get(0).text())
                .contains("Kata deep dive", "Speaker of Kata deep dive", "2019-06-25", "https://example.org/kata.pdf");
        assertThat(passages.get(0).conference()).contains("kubecon-china-2019");
        assertThat(passages.get(0).sources()).singleElement().satisfies(s -> assertThat(s.url())
                .isEqualTo(URI.create("https://example.org/kata.pdf")));
        assertThat(passages.get(1).sources())
                .as("no link and no schedule address: no source, never a local path")
                .isEmpty();
    }

    @Test
    void aTalkWithoutALinkCitesItsOwnSchedulesAddress() {
        URI first = URI.create("https://first.example.org/schedule/");
        URI second = URI.create("https://second.example.org/schedule/");
        TalkCatalog catalog = new TalkCatalog(List.of(
                new CatalogFile(
                        Path.of("first.json"), Optional.of(first), List.of(talk("First talk", null, null, "a"))),
                new CatalogFile(Path.of("local.tsv"), Optional.empty(), List.of(talk("Local talk", null, null, "b"))),
                new CatalogFile(
                        Path.of("second.json"), Optional.of(second), List.of(talk("Second talk", null, null, "c")))));

        List<Passage> passages = catalog.passages();

        assertThat(passages.get(0).sources()).extracting(Source::url).containsExactly(first);
        assertThat(passages.get(1).sources()).isEmpty();
        assertThat(passages.get(2).sources()).extracting(Source::url).containsExactly(second);
    }

    @Test
    void findsByWordNotInsideAWord() {
        TalkCatalog catalog = TalkCatalog.of(List.of(
                talk("Zero Trust networking", null, null, "c"),
                talk("Rust in the kernel", null, null, "c"),
                talk("Trusting Rustaceans", null, null, "c")));

        assertThat(catalog.find("rust", Set.of()))
                .extracting(Talk::title)
                .containsExactlyInAnyOrder("Rust in the kernel", "Trusting Rustaceans");
        assertThat(catalog.find("trust", Set.of()))
                .extracting(Talk::title)
                .containsExactlyInAnyOrder("Zero Trust networking", "Trusting Rustaceans");
        assertThat(catalog.find("ust", Set.of())).isEmpty();
    }

    @Test
    void anEmptyCatalogFindsNothing() {
        assertThat(TalkCatalog.empty().isEmpty()).isTrue();
        assertThat(TalkCatalog.empty().find("kata", Set.of())).isEmpty();
        assertThat(TalkCatalog.empty().on("c", LocalDate.of(2019, 6, 25))).isEmpty();
        assertThat(TalkCatalog.empty().passages()).isEmpty();
    }

    private static String haystack(Talk t) {
        return (t.title() + " " + String.join(" ", t.speakers()) + " " + String.join(" ", t.organizations()))
                .toLowerCase(Locale.ROOT);
    }
}
