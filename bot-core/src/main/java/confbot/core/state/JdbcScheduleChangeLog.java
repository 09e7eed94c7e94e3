package confbot.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import confbot.core.catalog.Talk;
import confbot.core.schedule.ScheduleChange;
import confbot.core.schedule.ScheduleChangeLog;
import confbot.core.schedule.ScheduleDiff;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The schedule change log in the state store's database ({@code V3__schedule_changes.sql}). A talk
 * is kept as a small JSON object of its fields: a change is read back whole, never queried by them.
 */
final class JdbcScheduleChangeLog implements ScheduleChangeLog {

    private static final String COLUMNS = "id, conference, kinds, before_talk, after_talk, found_at";

    private final JdbcStateStore store;
    private final ObjectMapper json = new ObjectMapper();

    JdbcScheduleChangeLog(JdbcStateStore store) {
        this.store = store;
    }

    @Override
    public List<ScheduleChange> append(List<ScheduleChange> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        return store.inTransaction(c -> {
            List<ScheduleChange> stored = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO schedule_changes (conference, talk_key, kinds, before_talk, after_talk, fingerprint,"
                            + " found_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conference, fingerprint) DO NOTHING")) {
                for (ScheduleChange change : found) {
                    String kinds = kinds(change.kinds());
                    String before = change.before().map(this::write).orElse(null);
                    String after = change.after().map(this::write).orElse(null);
                    String fingerprint = digest(kinds + "\n" + before + "\n" + after);
                    insert.setString(1, change.conference());
                    insert.setString(2, ScheduleDiff.key(change.talk()));
                    insert.setString(3, kinds);
                    insert.setString(4, before);
                    insert.setString(5, after);
                    insert.setString(6, fingerprint);
                    insert.setLong(7, change.found().toEpochMilli());
                    if (insert.executeUpdate() == 1) {
                        stored.add(new ScheduleChange(
                                idOf(c, change.conference(), fingerprint),
                                change.conference(),
                                change.kinds(),
                                change.before(),
                                change.after(),
                                change.found()));
                    }
                }
            }
            return stored;
        });
    }

    @Override
    public List<ScheduleChange> latest(Optional<String> conference, int limit) {
        return store.withConnection(c -> {
            String sql = "SELECT " + COLUMNS + " FROM schedule_changes"
                    + (conference.isPresent() ? " WHERE conference = ?" : "") + " ORDER BY id DESC LIMIT ?";
            try (PreparedStatement select = c.prepareStatement(sql)) {
                int at = 1;
                if (conference.isPresent()) {
                    select.setString(at++, conference.get());
                }
                select.setInt(at, Math.max(0, limit));
                return read(select);
            }
        });
    }

    @Override
    public List<ScheduleChange> after(long id, int limit) {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM schedule_changes WHERE id > ? ORDER BY id LIMIT ?")) {
                select.setLong(1, id);
                select.setInt(2, Math.max(0, limit));
                return read(select);
            }
        });
    }

    private static long idOf(Connection c, String conference, String fingerprint) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT id FROM schedule_changes WHERE conference = ? AND fingerprint = ?")) {
            select.setString(1, conference);
            select.setString(2, fingerprint);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the change just stored is not there");
                }
                return row.getLong(1);
            }
        }
    }

    private List<ScheduleChange> read(PreparedStatement select) throws SQLException {
        List<ScheduleChange> out = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.add(new ScheduleChange(
                        rows.getLong(1),
                        rows.getString(2),
                        parseKinds(rows.getString(3)),
                        Optional.ofNullable(rows.getString(4)).map(this::talk),
                        Optional.ofNullable(rows.getString(5)).map(this::talk),
                        Instant.ofEpochMilli(rows.getLong(6))));
            }
        }
        return out;
    }

    private static String kinds(Set<ScheduleChange.Kind> kinds) {
        // In the enum's order, so the same change always has the same fingerprint.
        return String.join(
                ",",
                EnumSet.copyOf(kinds).stream()
                        .map(k -> k.name().toLowerCase(Locale.ROOT))
                        .toList());
    }

    private static Set<ScheduleChange.Kind> parseKinds(String kinds) {
        Set<ScheduleChange.Kind> out = EnumSet.noneOf(ScheduleChange.Kind.class);
        for (String kind : kinds.split(",")) {
            if (!kind.isBlank()) {
                out.add(ScheduleChange.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return out;
    }

    private String write(Talk t) {
        ObjectNode node = json.createObjectNode();
        node.put("title", t.title());
        array(node, "speakers", t.speakers());
        array(node, "organizations", t.organizations());
        t.date().ifPresent(d -> node.put("date", d.toString()));
        t.start().ifPresent(s -> node.put("start", s.toString()));
        t.end().ifPresent(e -> node.put("end", e.toString()));
        t.room().ifPresent(r -> node.put("room", r));
        t.track().ifPresent(r -> node.put("track", r));
        array(node, "slides", t.slides().stream().map(URI::toString).toList());
        node.put("conference", t.conference());
        t.page().ifPresent(p -> node.put("page", p.toString()));
        t.id().ifPresent(i -> node.put("id", i));
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a talk as JSON", e);
        }
    }

    private Talk talk(String text) {
        try {
            JsonNode n = json.readTree(text);
            return new Talk(
                    n.path("title").asText(),
                    strings(n, "speakers", Function.identity()),
                    strings(n, "organizations", Function.identity()),
                    field(n, "date").map(LocalDate::parse),
                    field(n, "start").map(LocalTime::parse),
                    field(n, "end").map(LocalTime::parse),
                    field(n, "room"),
                    field(n, "track"),
                    strings(n, "slides", URI::create),
                    n.path("conference").asText(),
                    field(n, "page").map(URI::create),
                    field(n, "id"));
        } catch (JsonProcessingException e) {
            throw new StateStoreException("a stored schedule change is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void array(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    private static <T> List<T> strings(JsonNode node, String field, Function<String, T> as) {
        List<T> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(as.apply(v.asText())));
        return out;
    }

    private static Optional<String> field(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
