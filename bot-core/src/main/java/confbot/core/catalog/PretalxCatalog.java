package confbot.core.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a pretalx or frab {@code schedule.json}: {@code schedule.conference.days[].rooms}, a map of
 * room to talks, each with {@code title}, {@code persons[].public_name}, {@code date} (an ISO
 * instant with offset) or {@code start} (local), {@code duration} ({@code HH:MM}), {@code room},
 * {@code track}, {@code url}, and slides among {@code attachments} and {@code links}.
 *
 * <p>Attachments are taken as slides (that is what speakers upload); of the links, only those
 * whose title or address says slides, since links also point to recordings and projects.
 */
final class PretalxCatalog {

    private static final Logger log = LoggerFactory.getLogger(PretalxCatalog.class);

    private final ConferenceTimes times;
    private final ObjectMapper json;

    PretalxCatalog(ConferenceTimes times, ObjectMapper json) {
        this.times = times;
        this.json = json;
    }

    /**
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is not a schedule.json
     */
    List<Talk> load(Path file) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode conference = root == null ? null : root.path("schedule").path("conference");
        if (conference == null || !conference.path("days").isArray()) {
            throw new IllegalArgumentException(file + ": not a pretalx/frab schedule (no schedule.conference.days)");
        }
        Optional<ZoneId> zone = text(conference, "time_zone_name").flatMap(PretalxCatalog::zone);
        Optional<URI> base = text(conference, "base_url").flatMap(u -> uri(u, Optional.empty()));
        List<Talk> talks = new ArrayList<>();
        for (JsonNode day : conference.path("days")) {
            Optional<LocalDate> dayDate = text(day, "date").flatMap(d -> parse(file, "date", d, LocalDate::parse));
            for (Map.Entry<String, JsonNode> room : day.path("rooms").properties()) {
                for (JsonNode talk : room.getValue()) {
                    talk(file, talk, room.getKey(), dayDate, zone, base).ifPresent(talks::add);
                }
            }
        }
        return talks;
    }

    private Optional<Talk> talk(
            Path file,
            JsonNode talk,
            String roomName,
            Optional<LocalDate> dayDate,
            Optional<ZoneId> zone,
            Optional<URI> base) {
        Optional<String> title = text(talk, "title");
        if (title.isEmpty()) {
            return Optional.empty();
        }
        String where = file.getFileName() + ": " + title.get();
        Optional<Temporal> start = text(talk, "date")
                .<Temporal>flatMap(d -> parse(file, "date", d, OffsetDateTime::parse))
                .or(() -> dayDate.flatMap(d -> text(talk, "start")
                        .flatMap(s -> parse(file, "start", s, LocalTime::parse))
                        .map(t -> LocalDateTime.of(d, t))));
        Optional<Duration> duration = text(talk, "duration").flatMap(d -> duration(where, d));

        Optional<LocalDate> date = dayDate;
        Optional<LocalTime> from = Optional.empty();
        Optional<LocalTime> until = Optional.empty();
        String conference = dayDate.map(times::conferenceOn).orElse("unknown");
        if (start.isPresent()) {
            Optional<Temporal> end = duration.map(d -> start.get().plus(d));
            ConferenceTimes.Placed placed = times.place(start.get(), end, zone);
            date = Optional.of(placed.date());
            from = Optional.of(placed.start());
            until = placed.end();
            conference = placed.conference();
        }
        Optional<URI> page = text(talk, "url").flatMap(u -> uri(u, base));
        List<String> speakers = new ArrayList<>();
        for (JsonNode person : talk.path("persons")) {
            text(person, "public_name").or(() -> text(person, "name")).ifPresent(speakers::add);
        }
        List<URI> slides = new ArrayList<>();
        for (JsonNode attachment : talk.path("attachments")) {
            text(attachment, "url").flatMap(u -> uri(u, page.or(() -> base))).ifPresent(slides::add);
        }
        for (JsonNode link : talk.path("links")) {
            String label =
                    (text(link, "title").orElse("") + " " + text(link, "url").orElse("")).toLowerCase(Locale.ROOT);
            if (label.matches(".*(slide|deck|ppt|\\.pdf|幻灯片).*")) {
                text(link, "url").flatMap(u -> uri(u, page.or(() -> base))).ifPresent(slides::add);
            }
        }
        return Optional.of(new Talk(
                title.get(),
                speakers,
                List.of(),
                date,
                from,
                until,
                text(talk, "room").or(() -> Optional.of(roomName).filter(r -> !r.isBlank())),
                text(talk, "track"),
                slides.stream().distinct().toList(),
                conference,
                page));
    }

    /**
     * What the schedule says about its conference: {@code title}, {@code acronym}, {@code start}
     * and {@code end} (else its days' dates), {@code time_zone_name} (else the offset of its first
     * talk's {@code date}), and {@code url} or {@code base_url}.
     *
     * @throws IllegalArgumentException naming the file when it is not a schedule.json
     */
    static CatalogMeta metadata(Path file, ObjectMapper json) throws IOException {
        JsonNode conference;
        try {
            JsonNode root = json.readTree(file.toFile());
            conference = root == null ? null : root.path("schedule").path("conference");
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (conference == null || !conference.isObject()) {
            throw new IllegalArgumentException(file + ": not a pretalx/frab schedule (no schedule.conference)");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String field : List.of("start", "end")) {
            text(conference, field)
                    .map(d -> d.length() > 10 ? d.substring(0, 10) : d)
                    .flatMap(d -> parse(file, field, d, LocalDate::parse))
                    .ifPresent(dates::add);
        }
        Optional<ZoneId> offset = Optional.empty();
        for (JsonNode day : conference.path("days")) {
            if (dates.size() < 2 || offset.isEmpty()) {
                text(day, "date")
                        .flatMap(d -> parse(file, "date", d, LocalDate::parse))
                        .ifPresent(dates::add);
            }
            for (JsonNode room : day.path("rooms")) {
                for (JsonNode talk : room) {
                    if (offset.isEmpty()) {
                        offset = text(talk, "date")
                                .flatMap(d -> parse(file, "date", d, OffsetDateTime::parse))
                                .map(OffsetDateTime::getOffset);
                    }
                }
            }
        }
        Optional<ZoneId> named = text(conference, "time_zone_name").flatMap(PretalxCatalog::zone);
        return CatalogMeta.spanning(
                text(conference, "title"),
                text(conference, "acronym").stream().toList(),
                dates,
                named.isPresent() ? named : offset,
                text(conference, "url").or(() -> text(conference, "base_url")).flatMap(u -> uri(u, Optional.empty())));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        String s = value.asText().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** An http(s) address, relative ones (pretalx's {@code /media/…}) resolved against {@code base}. */
    private static Optional<URI> uri(String value, Optional<URI> base) {
        try {
            URI uri = new URI(value.strip());
            if (!uri.isAbsolute() && base.isPresent()) {
                uri = base.get().resolve(uri);
            }
            if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // reported below
        }
        log.warn("Ignoring link that is not an http(s) address: {}", value);
        return Optional.empty();
    }

    private static Optional<Duration> duration(String where, String value) {
        String[] parts = value.split(":");
        try {
            if (parts.length == 2) {
                return Optional.of(
                        Duration.ofHours(Integer.parseInt(parts[0])).plusMinutes(Integer.parseInt(parts[1])));
            }
            if (parts.length == 3) {
                return Optional.of(Duration.ofHours(Integer.parseInt(parts[0]))
                        .plusMinutes(Integer.parseInt(parts[1]))
                        .plusSeconds(Integer.parseInt(parts[2])));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("{}: ignoring bad duration '{}'", where, value);
        return Optional.empty();
    }

    private static <T> Optional<T> parse(
            Path file, String field, String value, java.util.function.Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(value));
        } catch (DateTimeException e) {
            log.warn("{}: ignoring bad {} '{}'", file.getFileName(), field, value);
            return Optional.empty();
        }
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
