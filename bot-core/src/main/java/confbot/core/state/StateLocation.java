package confbot.core.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the state lives: an SQLite file, or a PostgreSQL database for several replicas.
 *
 * <p>Each location keeps the name of the setting it came from ({@code --state},
 * {@code CONFBOT_DATABASE_URL}), so that a store that cannot be opened says which setting to fix.
 */
public sealed interface StateLocation {

    /** The setting this location came from, for error messages. */
    String setting();

    /** What to show in logs: the file, or the database's host, port and name; never a password. */
    String shown();

    /** An SQLite file, created with its folder on first use. */
    record SqliteFile(Path file, String setting) implements StateLocation {
        public SqliteFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(setting, "setting");
        }

        @Override
        public String shown() {
            return "SQLite file " + file.toAbsolutePath().normalize();
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl the driver's URL, without user or password (those travel apart, so that no
     *     error message that quotes the URL can show the password)
     */
    record Postgres(String jdbcUrl, Optional<String> user, Optional<String> password, String shown, String setting)
            implements StateLocation {
        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(shown, "shown");
            Objects.requireNonNull(setting, "setting");
        }

        /** Never shows the password: this string may end up in logs. */
        @Override
        public String toString() {
            return "Postgres[" + shown + "]";
        }
    }

    /**
     * Reads a database URL as operators write it: {@code postgresql://user:password@host:port/db}
     * (libpq's form, also {@code postgres://}), or the driver's own {@code jdbc:postgresql://host/db?user=…}.
     *
     * @param setting the setting's name, for the message
     * @throws IllegalArgumentException naming the setting when the URL is not one of those; the
     *     message never quotes the URL, which may hold a password
     */
    static Postgres database(String url, String setting) {
        String value = url.strip();
        String rest;
        if (value.regionMatches(true, 0, "jdbc:postgresql://", 0, 18)) {
            rest = value.substring(5);
        } else if (value.regionMatches(true, 0, "postgresql://", 0, 13)
                || value.regionMatches(true, 0, "postgres://", 0, 11)) {
            rest = value;
        } else {
            throw new IllegalArgumentException(
                    setting
                            + " must be a PostgreSQL URL, postgresql://user:password@host:port/database or"
                            + " jdbc:postgresql://host:port/database?user=…; the value is not shown because it may hold a password");
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " is not a valid URL (" + e.getReason()
                    + "); the value is not shown because it may hold a password");
        }
        String host = uri.getHost();
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (host == null || host.isBlank() || database.isBlank()) {
            throw new IllegalArgumentException(setting
                    + " must name a host and a database, as in postgresql://user:password@host:5432/confbot;"
                    + " the value is not shown because it may hold a password");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0])).filter(u -> !u.isEmpty());
            password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String key = decode(kv[0]).toLowerCase(Locale.ROOT);
                String val = kv.length > 1 ? decode(kv[1]) : "";
                switch (key) {
                    case "user" -> user = Optional.of(val);
                    case "password" -> password = Optional.of(val);
                    default -> kept.add(pair);
                }
            }
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String hostPort = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        // Fail fast on an unreachable server instead of the driver's default 10 s each, unless asked.
        if (kept.stream().noneMatch(p -> p.toLowerCase(Locale.ROOT).startsWith("connecttimeout="))) {
            kept.add("connectTimeout=5");
        }
        String jdbc = "jdbc:postgresql://" + hostPort + "/" + database + "?" + String.join("&", kept);
        return new Postgres(jdbc, user, password, "PostgreSQL " + hostPort + "/" + database, setting);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
