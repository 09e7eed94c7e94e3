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
import java.util.stream.Stream;
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
    void aCalendarWithoutEventsOrAnEmptyFileIsRefusedNamingTheFile() throws IOException {
        Path noEvents = Files.writeString(
                temp.resolve("empty.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n");
        Path empty = Files.createFile(temp.resolve("nothing.json"));
        Path noDays = Files.writeString(
                temp.resolve("v2.json"), "{\"schedule\": {\"conference\": {\"days\": [{\"date\": \"2024-12-27\"}]}}}");

        assertThat(Optional.of(CatalogReader.formatOf(noEvents))).contains(CatalogReader.Format.ICALENDAR);
        assertThatThrownBy(() -> load(noEvents))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(noEvents + ": no talks in this iCalendar file (expected VEVENTs with a SUMMARY)");
        assertThatThrownBy(() -> load(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(empty + ": the file is empty");
        assertThatThrownBy(() -> load(noDays))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(noDays + ": no talks in this schedule.json");
    }

    @Test
    void aFileOverTheSizeCapIsRefusedBeforeItIsReadNamingTheFileAndTheCap() throws IOException {
        CatalogReader small = new CatalogReader(1024 * 1024);
        Path big = temp.resolve("big.ics");
        try (var out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("BEGIN:VCALENDAR\r\n");
            for (int i = 0; i < 15_000; i++) {
                out.write("X-FILLER:" + "x".repeat(80) + "\r\n");
            }
            out.write("END:VCALENDAR\r\n");
        }

        assertThatThrownBy(() -> small.load(big, registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(big + ": 1.3 MB is over the size cap for catalogs (1 MB)");
    }

    @Test
    void textThatIsNotUtf8IsNamedAsSuch() throws IOException {
        byte[] latin1 = "title\tspeakers\nCaf\u00e9 talk\tRen\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path tsv = Files.write(temp.resolve("latin1.tsv"), latin1);
        Path ics = Files.write(
                temp.resolve("latin1.ics"),
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Caf\u00e9\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        Path binary = Files.write(temp.resolve("photo.json"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10});

        assertThatThrownBy(() -> load(tsv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(tsv + ": not UTF-8 text (byte 0xe9 at offset 18); save it as UTF-8");
        assertThatThrownBy(() -> load(ics))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(ics + ": not UTF-8 text (byte 0xe9 at offset ");
        assertThatThrownBy(() -> load(binary))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(binary + ": not UTF-8 text (byte 0xff at offset 0); save it as UTF-8");
    }

    @Test
    void readsFrabScheduleXmlAndRefusesOtherXmlByName() throws IOException {
        Path xml = Files.writeString(
                temp.resolve("schedule.xml"),
                """
                <?xml version='1.0' encoding='utf-8' ?>
                <schedule>
                <conference><title>Camp &amp; Co</title><base_url>https://frab.example.org/camp/Fahrplan/</base_url>
                <time_zone_name>Europe/Berlin</time_zone_name></conference>
                <day date='2019-08-22' index='2'>
                <room name='Curie'>
                <event id='7'><date>2019-08-22T14:00:00+02:00</date><start>14:00</start><duration>00:45</duration>
                <room>Curie</room><title>Lathes &amp; Mills</title><track>Hardware</track>
                <persons><person id='1'>Ada</person><person id='2'>Grace</person></persons>
                <links><link href='https://example.org/video'>Video</link><link href='https://speakerdeck.com/ada/lathes'>Deck</link></links>
                <attachments><attachment href='/system/event_attachments/1/original/lathes.pdf?123'>Slides</attachment>
                <attachment href='/system/event_attachments/2/original/photo.jpg?456'>Photo</attachment></attachments>
                </event></room></day></schedule>
                """);
        Path other = Files.writeString(temp.resolve("feed.xml"), "<?xml version='1.0'?><rss><channel/></rss>");

        Talk talk = load(xml).get(0);

        assertThat(talk.title()).isEqualTo("Lathes & Mills");
        assertThat(talk.speakers()).containsExactly("Ada", "Grace");
        assertThat(talk.date()).contains(LocalDate.of(2019, 8, 22));
        assertThat(talk.room()).contains("Curie");
        assertThat(talk.track()).contains("Hardware");
        assertThat(talk.slides())
                .as("documents and slide hosts only; frab's upload path lives under the schedule's base")
                .containsExactly(
                        URI.create("https://speakerdeck.com/ada/lathes"),
                        URI.create(
                                "https://frab.example.org/camp/Fahrplan/system/event_attachments/1/original/lathes.pdf?123"));
        assertThatThrownBy(() -> load(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(other + ": not a frab schedule.xml (its root element is <rss>, not <schedule>)");
    }

    @Test
    void frabJsonSlidesAreDocumentsResolvedAgainstTheSchedulesBase() throws IOException {
        List<Talk> camp = load(Fixtures.shared().resolve("catalogs/frab-camp2019.json"));
        List<Talk> congress = load(Fixtures.shared().resolve("catalogs/frab-35c3-2018.json"));

        List<URI> slides = Stream.concat(camp.stream(), congress.stream())
                .flatMap(t -> t.slides().stream())
                .toList();
        assertThat(slides).isNotEmpty().allSatisfy(u -> assertThat(u.getPath())
                .matches("(?i).*\\.(pdf|pptx?|key|odp)"));
        assertThat(slides)
                .contains(URI.create("https://fahrplan.events.ccc.de/camp/2019/Fahrplan/system/event_attachments/"
                        + "attachments/000/003/792/original/Hacking_Containers_and_Kubernetes.pdf?1566398735"));
    }

    @Test
    void icalendarSpeakersFromOrganizerAndEntitiesDecoded() throws IOException {
        Path ics = Files.writeString(
                temp.resolve("sched.ics"),
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                URL:https://conf.example.org/schedule/
                BEGIN:VEVENT
                DTSTART:20240310T120000Z
                SUMMARY:Q&amp;A: Rock &amp; Roll
                ORGANIZER;CN=Jonathan Coulton:mailto:jc@example.org
                ATTACH:https://conf.example.org/files/poster.jpg
                ATTACH:https://conf.example.org/files/code.zip
                ATTACH:https://conf.example.org/files/deck.pptx
                END:VEVENT
                END:VCALENDAR
                """);

        CatalogReader.Read read = reader.load(ics, registry);

        Talk talk = read.talks().get(0);
        assertThat(talk.title()).isEqualTo("Q&A: Rock & Roll");
        assertThat(talk.speakers()).containsExactly("Jonathan Coulton");
        assertThat(talk.slides()).containsExactly(URI.create("https://conf.example.org/files/deck.pptx"));
        assertThat(read.address()).contains(URI.create("https://conf.example.org/schedule/"));
    }

    @Test
    void speakersListedOneALineBetweenBiosAreKept() throws IOException {
        List<Talk> talks = load(Fixtures.shared().resolve("catalogs/pyconus2025-all.ics"));

        assertThat(talks.stream().filter(t -> t.title().equals("[talk] Looking At Audio")))
                .singleElement()
                .satisfies(t -> assertThat(t.speakers()).containsExactly("\u0141ukasz Langa"));
        assertThat(talks).anySatisfy(t -> assertThat(t.speakers()).containsExactly("Hillary Sanders", "Ken Alger"));
    }

    @Test
    void theHubsScheduleV2TalksAreRead() throws IOException {
        List<Talk> talks = load(Fixtures.shared().resolve("catalogs/hub-c3-schedule2.json"));

        assertThat(talks).hasSize(2).allSatisfy(t -> {
            assertThat(t.start()).isPresent();
            assertThat(t.room()).isPresent();
        });
        assertThat(talks).anySatisfy(t -> assertThat(t.speakers()).contains("Sebastian Schwarz"));
    }
}
