package confbot.core.catalog;

import static confbot.core.catalog.CatalogText.duration;
import static confbot.core.catalog.CatalogText.parse;
import static confbot.core.catalog.CatalogText.uri;

import confbot.core.ingest.Slides;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads frab's native {@code schedule.xml} (also Pentabarf's and pretalx's XML export): {@code
 * <schedule><conference>…</conference><day date><room name><event>} with {@code <title>}, {@code
 * <date>} (an instant with offset) or {@code <start>} (local, on the day's date), {@code
 * <duration>}, {@code <room>}, {@code <track>}, {@code <url>}, {@code <persons><person>}, and
 * slides among {@code <attachments>} and {@code <links>} (documents only, see {@link Slides}).
 *
 * <p>Read with the JDK's StAX parser, one event at a time, with DTDs and external entities off: a
 * schedule has no use for them, and they are how XML files reach outside themselves.
 */
final class FrabXmlCatalog {

    private static final Logger log = LoggerFactory.getLogger(FrabXmlCatalog.class);

    private final ConferenceTimes times;
    private final XMLInputFactory factory;

    FrabXmlCatalog(ConferenceTimes times) {
        this.times = times;
        this.factory = factory();
    }

    /** A StAX factory with DTDs and external entities off. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * What the schedule says about its conference, streamed as the talks are: {@code <title>},
     * {@code <acronym>}, {@code <start>} and {@code <end>} (else its days' dates), {@code
     * <time_zone_name>} (else the offset of its first event's {@code <date>}), and {@code <url>} or
     * {@code <base_url>}.
     *
     * @throws IllegalArgumentException naming the file when it is not a frab schedule.xml
     */
    static CatalogMeta metadata(Path file) throws IOException {
        Map<String, String> conference = new HashMap<>();
        List<LocalDate> days = new ArrayList<>();
        Optional<ZoneId> offset = Optional.empty();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                xml.nextTag();
                if (!xml.getLocalName().equals("schedule")) {
                    throw new IllegalArgumentException(file + ": not a frab schedule.xml (its root element is <"
                            + xml.getLocalName() + ">, not <schedule>)");
                }
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "conference" -> fields(xml, conference);
                        case "day" -> Optional.ofNullable(xml.getAttributeValue(null, "date"))
                                .flatMap(d -> parse(file, "date", d, LocalDate::parse))
                                .ifPresent(days::add);
                        case "event" -> {
                            Event event = event(xml, Optional.empty(), "");
                            if (offset.isEmpty()) {
                                offset = text(event.fields(), "date")
                                        .flatMap(d -> parse(file, "date", d, OffsetDateTime::parse))
                                        .map(OffsetDateTime::getOffset);
                            }
                        }
                        default -> {
                            // rooms, version, and what later exports add
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new IllegalArgumentException(
                    file + ": not a readable XML file (line " + line + "): " + firstLine(e.getMessage()), e);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String field : List.of("start", "end")) {
            text(conference, field)
                    .map(d -> d.length() > 10 ? d.substring(0, 10) : d)
                    .flatMap(d -> parse(file, field, d, LocalDate::parse))
                    .ifPresent(dates::add);
        }
        if (dates.size() < 2) {
            dates.addAll(days);
        }
        Optional<ZoneId> named = text(conference, "time_zone_name").flatMap(FrabXmlCatalog::zone);
        return CatalogMeta.spanning(
                text(conference, "title"),
                text(conference, "acronym").stream().toList(),
                dates,
                named.isPresent() ? named : offset,
                text(conference, "url").or(() -> text(conference, "base_url")).flatMap(u -> uri(u, Optional.empty())));
    }

    /** One {@code <event>}'s fields, kept until the schedule's zone and base are known. */
    private record Event(
            Map<String, String> fields,
            Optional<LocalDate> day,
            String roomName,
            List<String> persons,
            List<String> documents) {}

    /**
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is not a frab schedule.xml
     */
    CatalogFile load(Path file) throws IOException {
        Map<String, String> conference = new HashMap<>();
        List<Event> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                xml.nextTag();
                if (!xml.getLocalName().equals("schedule")) {
                    throw new IllegalArgumentException(file + ": not a frab schedule.xml (its root element is <"
                            + xml.getLocalName() + ">, not <schedule>)");
                }
                Optional<LocalDate> day = Optional.empty();
                String room = "";
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "conference" -> fields(xml, conference);
                        case "day" -> day = Optional.ofNullable(xml.getAttributeValue(null, "date"))
                                .flatMap(d -> parse(file, "date", d, LocalDate::parse));
                        case "room" -> room = Optional.ofNullable(xml.getAttributeValue(null, "name"))
                                .orElse("");
                        case "event" -> events.add(event(xml, day, room));
                        default -> {
                            // version, and what later exports add
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new IllegalArgumentException(
                    file + ": not a readable XML file (line " + line + "): " + firstLine(e.getMessage()), e);
        }
        Optional<ZoneId> zone = text(conference, "time_zone_name").flatMap(FrabXmlCatalog::zone);
        Optional<URI> base =
                text(conference, "base_url").or(() -> text(conference, "url")).flatMap(u -> uri(u, Optional.empty()));
        List<Talk> talks = new ArrayList<>(events.size());
        for (Event e : events) {
            talk(file, e, zone, base).ifPresent(talks::add);
        }
        return new CatalogFile(file, base, talks);
    }

    /** The text of each child of the element the reader is on, up to its end tag. */
    private static void fields(XMLStreamReader xml, Map<String, String> into) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int kind = xml.next();
            if (kind == XMLStreamConstants.START_ELEMENT) {
                into.put(xml.getLocalName(), elementText(xml)); // consumes its end tag
            } else if (kind == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static Event event(XMLStreamReader xml, Optional<LocalDate> day, String room) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        // frab writes an event's ids as attributes: <event guid="…" id="…">.
        for (String id : List.of("guid", "id")) {
            Optional.ofNullable(xml.getAttributeValue(null, id))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .ifPresent(v -> fields.put(id, v));
        }
        List<String> persons = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int kind = xml.next();
            if (kind == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (kind == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                switch (name) {
                    case "person" -> persons.add(xml.getElementText().strip());
                    case "link", "attachment" -> {
                        String href = xml.getAttributeValue(null, "href");
                        xml.getElementText();
                        if (href != null && !href.isBlank()) {
                            documents.add(href.strip());
                        }
                    }
                    case "persons", "links", "attachments", "recording" -> depth++;
                    default -> {
                        if (depth == 1) {
                            fields.put(name, elementText(xml));
                        } else {
                            depth++;
                        }
                    }
                }
            }
        }
        return new Event(fields, day, room, persons, documents);
    }

    /** An element's text, or empty when it holds elements (skipped to its end). */
    private static String elementText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int kind = xml.next();
            if (kind == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (kind == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (kind == XMLStreamConstants.CHARACTERS || kind == XMLStreamConstants.CDATA)) {
                out.append(xml.getText());
            }
        }
        return out.toString().strip();
    }

    private Optional<Talk> talk(Path file, Event e, Optional<ZoneId> zone, Optional<URI> base) {
        Optional<String> title = text(e.fields(), "title");
        if (title.isEmpty()) {
            return Optional.empty();
        }
        String where = file.getFileName() + ": " + title.get();
        Optional<Temporal> start = text(e.fields(), "date")
                .<Temporal>flatMap(d -> parse(file, "date", d, OffsetDateTime::parse))
                .or(() -> e.day().flatMap(d -> text(e.fields(), "start")
                        .flatMap(s -> parse(file, "start", s, LocalTime::parse))
                        .map(t -> LocalDateTime.of(d, t))));
        Optional<Temporal> end =
                text(e.fields(), "duration").flatMap(d -> duration(where, d)).flatMap(d -> start.map(s -> s.plus(d)));
        Optional<LocalDate> date = e.day();
        Optional<LocalTime> from = Optional.empty();
        Optional<LocalTime> until = Optional.empty();
        String conference = e.day().map(times::conferenceOn).orElse("unknown");
        if (start.isPresent()) {
            ConferenceTimes.Placed placed = times.place(start.get(), end, zone);
            date = Optional.of(placed.date());
            from = Optional.of(placed.start());
            until = placed.end();
            conference = placed.conference();
        }
        Optional<URI> page = text(e.fields(), "url").flatMap(u -> uri(u, base));
        List<URI> slides = e.documents().stream()
                .map(d -> d.startsWith("/system/") && base.isPresent() ? d.substring(1) : d)
                .flatMap(d -> uri(d, base.or(() -> page)).stream())
                .filter(Slides::isDeck)
                .distinct()
                .toList();
        return Optional.of(new Talk(
                CatalogText.decodeEntities(title.get()),
                e.persons().stream()
                        .filter(p -> !p.isEmpty())
                        .map(CatalogText::decodeEntities)
                        .distinct()
                        .toList(),
                List.of(),
                date,
                from,
                until,
                text(e.fields(), "room").or(() -> Optional.of(e.roomName()).filter(r -> !r.isBlank())),
                text(e.fields(), "track"),
                slides,
                conference,
                page,
                text(e.fields(), "guid").or(() -> text(e.fields(), "id"))));
    }

    private static Optional<String> text(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            log.warn("Ignoring unknown time_zone_name {}", id);
            return Optional.empty();
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
