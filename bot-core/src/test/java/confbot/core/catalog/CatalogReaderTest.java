package confbot.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import confbot.core.conference.ConferenceRegistry;
import confbot.core.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three catalog formats, read through the one reader that picks among them. */
final class CatalogReaderTest {

    private final CatalogReader reader = new CatalogReader();
    private final ConferenceRegistry registry =
            ConferenceRegistry.of(Fixtures.knowledge().conferences());

    private List<Talk> load(Path file) throws IOException {
        return reader.load(file, registry).talks();
    }

    @TempDir
    Path temp;

    private static Path resource(String name) {
        try {
            return Path.of(CatalogReaderTest.class
                    .getClassLoader()
                    .getResource("catalogs/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Talk titled(List<Talk> talks, String title) {
        return talks.stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void readsAnIcalendarExportWithUtcTimesOnShanghaiClock() throws IOException {
        List<Talk> talks = load(resource("kubecon-china-2019-sched.ics"));

        assertThat(talks).hasSize(3);
        Talk tidewater = titled(talks, "Tidal Scheduling with Tidewater");
        // 01:00Z is 09:00 in Shanghai (UTC+8).
        assertThat(tidewater.date()).contains(LocalDate.of(2019, 6, 25));
        assertThat(tidewater.start()).contains(LocalTime.of(9, 0));
        assertThat(tidewater.end()).contains(LocalTime.of(9, 40));
        assertThat(tidewater.speakers()).containsExactly("Mei Lin", "Ada Wong");
        assertThat(tidewater.room()).contains("Hall A");
        assertThat(tidewater.track()).contains("Batch & Scheduling");
        assertThat(tidewater.slides())
                .containsExactly(
                        URI.create("https://static.sched.example.org/hosted_files/kccncosschn19eng/tidewater.pdf"));
        assertThat(tidewater.page()).contains(URI.create("https://kccncosschn19eng.sched.example.org/event/tidewater"));
        assertThat(tidewater.conference()).isEqualTo("kubecon-china-2019");
    }

    @Test
    void keepsTzidTimesAndMovesLateUtcEventsToTheNextLocalDay() throws IOException {
        List<Talk> talks = load(resource("kubecon-china-2019-sched.ics"));

        Talk lantern = titled(talks, "Lanterns over the Huangpu: a community evening");
        assertThat(lantern.start()).contains(LocalTime.of(14, 30));
        assertThat(lantern.end()).contains(LocalTime.of(15, 5));
        assertThat(lantern.speakers()).containsExactly("Zhang Wei");
        Talk late = titled(talks, "After-midnight office hours");
        // 17:00Z on the 24th is 01:00 on the 25th in Shanghai; DURATION gives the end.
        assertThat(late.date()).contains(LocalDate.of(2019, 6, 25));
        assertThat(late.start()).contains(LocalTime.of(1, 0));
        assertThat(late.end()).contains(LocalTime.of(1, 30));
    }

    @Test
    void readsAPretalxScheduleJson() throws IOException {
        List<Talk> talks = load(resource("kubecon-china-2018-schedule.json"));

        assertThat(talks)
                .extracting(Talk::title)
                .containsExactlyInAnyOrder(
                        "Lantern: how the 2018 meetup came together", "Operators in practice", "Closing keynote");
        Talk lantern = titled(talks, "Lantern: how the 2018 meetup came together");
        // "date" is 02:00 UTC: 10:00 in Shanghai; the 35-minute duration gives the end.
        assertThat(lantern.date()).contains(LocalDate.of(2018, 11, 14));
        assertThat(lantern.start()).contains(LocalTime.of(10, 0));
        assertThat(lantern.end()).contains(LocalTime.of(10, 35));
        assertThat(lantern.speakers()).containsExactly("Chen Jing", "Omar Haddad");
        assertThat(lantern.room()).contains("Hall 1");
        assertThat(lantern.track()).contains("Community");
        assertThat(lantern.page()).contains(URI.create("https://pretalx.example.org/kcc2018/talk/ABC101/"));
        assertThat(lantern.slides())
                .as("the attachment resolved, the slides link kept, the recording not")
                .containsExactly(
                        URI.create(
                                "https://pretalx.example.org/media/kcc2018/submissions/ABC101/resources/lantern.pdf"),
                        URI.create("https://slides.example.org/lantern.pdf"));
        assertThat(lantern.conference()).isEqualTo("kubecon-china-2018");

        Talk operators = titled(talks, "Operators in practice");
        assertThat(operators.start()).contains(LocalTime.of(15, 20));
        assertThat(operators.end()).contains(LocalTime.of(16, 30));
    }

    @Test
    void readsALocalPretalxStartInTheScheduleTimeZone() throws IOException {
        Talk closing = titled(load(resource("kubecon-china-2018-schedule.json")), "Closing keynote");

        assertThat(closing.date()).contains(LocalDate.of(2018, 11, 15));
        assertThat(closing.start()).contains(LocalTime.of(9, 15));
        assertThat(closing.end()).contains(LocalTime.of(9, 35));
        assertThat(closing.speakers()).isEmpty();
        assertThat(closing.page()).isEmpty();
    }

    @Test
    void readsTheSharedTsvCatalogsAsBefore() throws IOException {
        for (int year : List.of(2018, 2019)) {
            Path tsv = Fixtures.shared().resolve("data/kubecon-china-" + year + "-talks.tsv");

            List<Talk> talks = load(tsv);

            assertThat(talks)
                    .as(tsv.toString())
                    .isNotEmpty()
                    .isEqualTo(new TsvCatalog("kubecon-china-" + year).load(tsv));
            assertThat(talks).allSatisfy(t -> assertThat(t.page()).isEmpty());
        }
    }

    @Test
    void aCatalogOfAnotherConferenceIsRegisteredUnderItsOwnNameDaysAndZone() throws IOException {
        // Real frab exports held in 2019 and 2018: their year is KubeCon China's, their dates and names are not.
        record Case(String file, String id, String zone, LocalDate first) {}
        for (Case c : List.of(
                new Case(
                        "frab-camp2019.json",
                        "chaos-communication-camp-2019",
                        "Europe/Berlin",
                        LocalDate.of(2019, 8, 21)),
                new Case(
                        "frab-35c3-2018.json",
                        "35th-chaos-communication-congress-2018",
                        "+01:00",
                        LocalDate.of(2018, 12, 27)))) {
            CatalogReader.Read read = reader.load(Fixtures.shared().resolve("catalogs/" + c.file()), registry);

            assertThat(read.conference()).as(c.file()).isEqualTo(c.id());
            assertThat(read.talks()).isNotEmpty().allSatisfy(t -> assertThat(t.conference())
                    .isEqualTo(c.id()));
            assertThat(read.registered()).hasValueSatisfying(conference -> {
                assertThat(conference.timezone().getId()).isEqualTo(c.zone());
                assertThat(conference.start()).isEqualTo(c.first());
                assertThat(conference.days()).isNotEmpty();
            });
        }
    }

    @Test
    void aCatalogOfAKnownConferenceIsItsOwnByNameOrDates() throws IOException {
        CatalogReader.Read byName = reader.load(resource("kubecon-china-2018-schedule.json"), registry);
        CatalogReader.Read byDates = reader.load(resource("kubecon-china-2019-sched.ics"), registry);

        assertThat(byName.conference()).isEqualTo("kubecon-china-2018");
        assertThat(byName.registered()).isEmpty();
        assertThat(byDates.conference()).isEqualTo("kubecon-china-2019");
        assertThat(byDates.registered()).isEmpty();
    }

    @Test
    void picksTheFormatByExtensionElseByContent() throws IOException {
        record Case(String name, String content, CatalogReader.Format format) {}
        List<Case> cases = List.of(
                new Case("a.ics", "", CatalogReader.Format.ICALENDAR),
                new Case("a.json", "", CatalogReader.Format.SCHEDULE_JSON),
                new Case("a.tsv", "BEGIN:VCALENDAR", CatalogReader.Format.TSV),
                new Case("export", "\uFEFFBEGIN:VCALENDAR\r\nVERSION:2.0", CatalogReader.Format.ICALENDAR),
                new Case("schedule", "  {\"schedule\": {}}", CatalogReader.Format.SCHEDULE_JSON),
                new Case("talks.txt", "title\tspeakers", CatalogReader.Format.TSV));
        for (Case c : cases) {
            Path file = Files.writeString(temp.resolve(c.name()), c.content(), StandardCharsets.UTF_8);
            assertThat(CatalogReader.formatOf(file)).as(c.toString()).isEqualTo(c.format());
        }
    }

    @Test
    void refusesABrokenCalendarOrScheduleNamingTheFile() throws IOException {
        Path ics = Files.writeString(temp.resolve("broken.ics"), "BEGIN:VCALENDAR\nthis is not iCalendar\n");
        Path json = Files.writeString(temp.resolve("broken.json"), "{\"schedule\": {\"conference\": {}}}");
        Path notJson = Files.writeString(temp.resolve("half.json"), "{\"schedule\": ");

        for (Path file : List.of(ics, json, notJson)) {
            assertThatThrownBy(() -> load(file))
                    .as(file.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.getFileName().toString());
        }
    }

    @Test
    void anEmptyCalendarHasNoTalks() throws IOException {
        Path empty = Files.writeString(
                temp.resolve("empty.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n");

        assertThat(load(empty)).isEmpty();
        assertThat(Optional.of(CatalogReader.formatOf(empty))).contains(CatalogReader.Format.ICALENDAR);
    }
}
