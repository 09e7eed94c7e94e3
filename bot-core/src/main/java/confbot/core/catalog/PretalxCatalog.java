package confbot.core.catalog;

import static confbot.core.catalog.CatalogText.duration;
import static confbot.core.catalog.CatalogText.parse;
import static confbot.core.catalog.CatalogText.uri;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import confbot.core.ingest.Slides;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a pretalx or frab {@code schedule.json}: {@code schedule.conference.days[].rooms}, a map of
 * room to talks, each with {@code title}, {@code persons[].public_name}, {@code date} (an ISO
 * instant with offset) or {@code start} (local), {@code duration} ({@code HH:MM}), {@code room},
 * {@code track}, {@code url}, and slides among {@code attachments} and {@code links}. The c3 hub's
 * "schedule v2" lists its talks in {@code schedule.events[]} instead, with {@code start} and {@code
 * end} as instants, {@code participants[].name}, and {@code room} and {@code track} as objects; a
 * day whose {@code rooms} is a list (of talks, or of rooms with {@code events}) is read too.
 *
 * <p>Only documents and slide hosts count as slides ({@link Slides}), since attachments are also
 * photos and posters and links point to recordings and projects. A relative attachment is
 * resolved against the schedule's own {@code base_url}.
 *
 * <p>Streamed: the file is read twice with Jackson's token parser, once for the schedule's own
 * fields (its base address, the conference's zone) and once for the talks, each read as a small
 * tree and dropped; the whole document is never held (a tree of a 20 MB schedule takes ten times
 * that).
 */
final class PretalxCatalog {

    private static final Logger log = LoggerFactory.getLogger(PretalxCatalog.class);

    private final ConferenceTimes times;
    private final ObjectMapper json;

    PretalxCatalog(ConferenceTimes times, ObjectMapper json) {
        this.times = times;
        this.json = json;
    }

    /** What the schedule says of itself, read before its talks. */
    private record Head(ObjectNode schedule, ObjectNode conference, boolean hasDays, boolean hasEvents) {
        Optional<ZoneId> zone() {
            return text(conference, "time_zone_name").flatMap(PretalxCatalog::zone);
        }

        /** The schedule's own address, against which its relative paths are resolved. */
        Optional<URI> base() {
            return text(schedule, "base_url")
                    .or(() -> text(conference, "base_url"))
                    .or(() -> text(conference, "url"))
                    .flatMap(u -> uri(u, Optional.empty()));
        }
    }

    /**
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is not a schedule.json
     */
    CatalogFile load(Path file) throws IOException {
        try {
            Head head = head(file, json);
            if (!head.hasDays() && !head.hasEvents()) {
                throw new IllegalArgumentException(
                        file + ": not a pretalx/frab schedule (no schedule.conference.days or schedule.events)");
            }
            Optional<ZoneId> zone = head.zone();
            Optional<URI> base = head.base();
            List<Talk> talks = new ArrayList<>();
            try (JsonParser p = parser(file, json)) {
                if (enter(p, "schedule")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("conference") && p.currentToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String inner = p.currentName();
                                p.nextToken();
                                if (inner.equals("days") && p.currentToken() == JsonToken.START_ARRAY) {
                                    while (p.nextToken() == JsonToken.START_OBJECT) {
                                        day(file, p, zone, base, talks);
                                    }
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else if (field.equals("events") && p.currentToken() == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                JsonNode talk = json.readTree(p);
                                talk(file, talk, "", Optional.empty(), zone, base)
                                        .ifPresent(talks::add);
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            return new CatalogFile(file, base, talks);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonParser parser(Path file, ObjectMapper json) throws IOException {
        return json.getFactory().createParser(CatalogText.reader(file));
    }

    /** Moves {@code p} into the object {@code root.field}; false when the document has none. */
    private static boolean enter(JsonParser p, String field) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(field) && p.currentToken() == JsonToken.START_OBJECT) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    /** The schedule's and the conference's own fields, without their days and events. */
    private static Head head(Path file, ObjectMapper json) throws IOException {
        ObjectNode schedule = json.createObjectNode();
        ObjectNode conference = json.createObjectNode();
        boolean days = false;
        boolean events = false;
        try (JsonParser p = parser(file, json)) {
            if (enter(p, "schedule")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("conference") && p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = p.currentName();
                            p.nextToken();
                            if (inner.equals("days")) {
                                days = p.currentToken() == JsonToken.START_ARRAY;
                                p.skipChildren();
                            } else {
                                conference.set(inner, json.readTree(p));
                            }
                        }
                    } else if (field.equals("events")) {
                        events = p.currentToken() == JsonToken.START_ARRAY;
                        p.skipChildren();
                    } else {
                        schedule.set(field, json.readTree(p));
                    }
                }
            }
            // Read to the end, so a truncated file is refused rather than read in part.
            while (p.nextToken() != null) {
                p.skipChildren();
            }
        }
        return new Head(schedule, conference, days, events);
    }

    /** One day, the parser at its opening brace: its rooms' talks added to {@code talks}. */
    private void day(Path file, JsonParser p, Optional<ZoneId> zone, Optional<URI> base, List<Talk> talks)
            throws IOException {
        Optional<LocalDate> dayDate = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("date") && p.currentToken() == JsonToken.VALUE_STRING) {
                dayDate = parse(file, "date", p.getText().strip(), LocalDate::parse);
            } else if (field.equals("rooms") && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String room = p.currentName();
                    p.nextToken();
                    if (p.currentToken() == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            talk(file, json.readTree(p), room, dayDate, zone, base)
                                    .ifPresent(talks::add);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (field.equals("rooms") && p.currentToken() == JsonToken.START_ARRAY) {
                // A list: of talks, or of rooms that hold them.
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode item = json.readTree(p);
                    JsonNode inside = item.has("events") ? item.get("events") : item.path("talks");
                    if (inside.isArray()) {
                        String room = text(item, "name").orElse("");
                        for (JsonNode talk : inside) {
                            talk(file, talk, room, dayDate, zone, base).ifPresent(talks::add);
                        }
                    } else {
                        talk(file, item, "", dayDate, zone, base).ifPresent(talks::add);
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private Optional<Talk> talk(
            Path file,
            JsonNode talk,
            String roomName,
            Optional<LocalDate> dayDate,
            Optional<ZoneId> zone,
            Optional<URI> base) {
        Optional<String> title = text(talk, "title").map(CatalogText::decodeEntities);
        if (title.isEmpty()) {
            return Optional.empty();
        }
        String where = file.getFileName() + ": " + title.get();
        // frab's and pretalx's "date", or the hub's "start", as an instant with its offset; else
        // the day's date and a local "start".
        Optional<Temporal> start = text(talk, "date")
                .or(() -> text(talk, "start").filter(s -> s.contains("T")))
                .<Temporal>flatMap(d -> parse(file, "date", d, OffsetDateTime::parse))
                .or(() -> dayDate.flatMap(d -> text(talk, "start")
                        .filter(s -> !s.contains("T"))
                        .flatMap(s -> parse(file, "start", s, LocalTime::parse))
                        .map(t -> LocalDateTime.of(d, t))));
        Optional<Temporal> end = text(talk, "duration")
                .flatMap(d -> duration(where, d))
                .<Temporal>flatMap(d -> start.map(s -> s.plus(d)))
                .or(() -> text(talk, "end")
                        .filter(s -> s.contains("T"))
                        .flatMap(e -> parse(file, "end", e, OffsetDateTime::parse)));

        Optional<LocalDate> date = dayDate;
        Optional<LocalTime> from = Optional.empty();
        Optional<LocalTime> until = Optional.empty();
        String conference = dayDate.map(times::conferenceOn).orElse("unknown");
        if (start.isPresent()) {
            ConferenceTimes.Placed placed = times.place(start.get(), end, zone);
            date = Optional.of(placed.date());
            from = Optional.of(placed.start());
            until = placed.end();
            conference = placed.conference();
        }
        Optional<URI> page = text(talk, "url").flatMap(u -> uri(u, base));
        List<String> speakers = new ArrayList<>();
        for (JsonNode person : talk.path("persons")) {
            (person.isTextual()
                            ? Optional.of(person.asText().strip()).filter(n -> !n.isEmpty())
                            : Optional.<String>empty())
                    .or(() -> text(person, "public_name"))
                    .or(() -> text(person, "name"))
                    .map(CatalogText::decodeEntities)
                    .ifPresent(speakers::add);
        }
        for (JsonNode person : talk.path("participants")) {
            if (text(person, "role").map(r -> r.equalsIgnoreCase("speaker")).orElse(true)) {
                text(person, "public_name")
                        .or(() -> text(person, "name"))
                        .map(CatalogText::decodeEntities)
                        .ifPresent(speakers::add);
            }
        }
        List<URI> slides = new ArrayList<>();
        for (JsonNode attachment : talk.path("attachments")) {
            text(attachment, "url")
                    .flatMap(u -> attachment(u, base.or(() -> page)))
                    .filter(Slides::isDeck)
                    .ifPresent(slides::add);
        }
        for (JsonNode link : talk.path("links")) {
            text(link, "url")
                    .flatMap(u -> link(u, base.or(() -> page)))
                    .filter(Slides::isDeck)
                    .ifPresent(slides::add);
        }
        return Optional.of(new Talk(
                title.get(),
                speakers.stream().distinct().toList(),
                List.of(),
                date,
                from,
                until,
                text(talk, "room")
                        .or(() -> text(talk.path("room"), "name"))
                        .or(() -> Optional.of(roomName).filter(r -> !r.isBlank()))
                        .map(CatalogText::decodeEntities),
                text(talk, "track")
                        .or(() -> text(talk.path("track"), "name"))
                        .or(() -> text(talk.path("track"), "slug"))
                        .map(CatalogText::decodeEntities),
                slides.stream().distinct().toList(),
                conference,
                page,
                text(talk, "guid").or(() -> text(talk, "id")).or(() -> text(talk, "code"))));
    }

    /**
     * What the schedule says about its conference: {@code title}, {@code acronym}, {@code start}
     * and {@code end} (else its days' dates), {@code time_zone_name} (else the offset of its first
     * talk's {@code date}), and {@code url} or {@code base_url}. Streamed like the talks: the
     * conference's own fields as in {@link #load}, then one pass over the days for their dates and
     * the first talk's offset.
     *
     * @throws IllegalArgumentException naming the file when it is not valid JSON
     */
    static CatalogMeta metadata(Path file, ObjectMapper json) throws IOException {
        try {
            ObjectNode conference = head(file, json).conference();
            List<LocalDate> dates = new ArrayList<>();
            for (String field : List.of("start", "end")) {
                text(conference, field)
                        .map(d -> d.length() > 10 ? d.substring(0, 10) : d)
                        .flatMap(d -> parse(file, field, d, LocalDate::parse))
                        .ifPresent(dates::add);
            }
            Optional<ZoneId> offset = daysAndOffset(file, json, dates);
            Optional<ZoneId> named = text(conference, "time_zone_name").flatMap(PretalxCatalog::zone);
            return CatalogMeta.spanning(
                    text(conference, "title"),
                    text(conference, "acronym").stream().toList(),
                    dates,
                    named.isPresent() ? named : offset,
                    text(conference, "url")
                            .or(() -> text(conference, "base_url"))
                            .flatMap(u -> uri(u, Optional.empty())));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Adds the days' dates to {@code dates} (while it has fewer than two or no offset is known)
     * and returns the offset of the first talk's {@code date}; each talk is read as a small tree
     * only until that offset is found.
     */
    private static Optional<ZoneId> daysAndOffset(Path file, ObjectMapper json, List<LocalDate> dates)
            throws IOException {
        Optional<ZoneId> offset = Optional.empty();
        try (JsonParser p = parser(file, json)) {
            if (!enter(p, "schedule") || !enterField(p, "conference") || !enterField(p, "days")) {
                return offset;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return offset;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                boolean wanted = dates.size() < 2 || offset.isEmpty();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("date") && p.currentToken() == JsonToken.VALUE_STRING && wanted) {
                        parse(file, "date", p.getText().strip(), LocalDate::parse)
                                .ifPresent(dates::add);
                    } else if (field.equals("rooms") && p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            p.nextToken();
                            if (p.currentToken() != JsonToken.START_ARRAY) {
                                p.skipChildren();
                                continue;
                            }
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                if (offset.isPresent()) {
                                    p.skipChildren();
                                    continue;
                                }
                                JsonNode talk = json.readTree(p);
                                offset = text(talk, "date")
                                        .flatMap(d -> parse(file, "date", d, OffsetDateTime::parse))
                                        .map(OffsetDateTime::getOffset);
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        return offset;
    }

    /** Moves {@code p}, inside an object, to the value of {@code field}; false when it has none. */
    private static boolean enterField(JsonParser p, String field) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(field)) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    /**
     * An attachment's address. frab writes its uploads root-relative ({@code /system/event_attachments/…});
     * its published schedule serves them under its own base ({@code …/Fahrplan/system/…}), so they
     * are resolved below the base, not at the host's root. Others (pretalx's {@code /media/…}) are
     * resolved as the web does.
     */
    private static Optional<URI> attachment(String value, Optional<URI> base) {
        String v = value.strip();
        if (v.startsWith("/system/") && base.isPresent()) {
            return uri(v.substring(1), base);
        }
        return uri(v, base);
    }

    /** A link that is a deck; links are often bare host names ("github.com/x"), not worth a warning. */
    private static Optional<URI> link(String value, Optional<URI> base) {
        try {
            URI uri = new URI(value.strip());
            if (!uri.isAbsolute() && base.isPresent()) {
                uri = base.get().resolve(uri);
            }
            return uri.getScheme() != null && uri.getScheme().startsWith("http") ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            log.debug("Ignoring link {}: {}", value, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        String s = value.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            log.warn("Ignoring unknown time_zone_name {}", id);
            return Optional.empty();
        }
    }
}
