package confbot.core.state;

import confbot.core.schedule.ScheduleChangeLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The state store over JDBC: one connection, used by one thread at a time.
 *
 * <p>Why one connection and no pool: every operation is a few rows on an indexed key, far faster
 * than the Bot API call it accompanies, and SQLite serialises writers anyway. On PostgreSQL a
 * broken connection (a restarted server, a failover) is opened again once before an operation
 * gives up.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}: a commit is on disk before it returns,
 * so an update recorded before its offset is confirmed survives a power cut as well as a kill.
 */
public final class JdbcStateStore implements StateStore, Inbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcStateStore.class);
    static final String MIGRATIONS = "classpath:confbot/core/state/migration";

    private final StateLocation location;
    private final Object lock = new Object();
    private final AnswerLog answers = new JdbcAnswerLog(this);
    private final Subscriptions subscriptions = new JdbcSubscriptions(this);
    private final ScheduleChangeLog scheduleChanges = new JdbcScheduleChangeLog(this);
    private Connection connection;
    private boolean closed;

    private JdbcStateStore(StateLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /**
     * Opens the store, creating the SQLite file and its folder on first use, and brings the schema
     * up to date.
     *
     * @throws StateStoreException naming the setting, when the database cannot be reached, refuses
     *     the login, or the schema cannot be applied; without a stack trace's worth of cause
     */
    public static JdbcStateStore open(StateLocation location) {
        if (location instanceof StateLocation.SqliteFile sqlite) {
            createFolder(sqlite);
        }
        Connection first = connect(location);
        try {
            migrate(location);
        } catch (RuntimeException e) {
            closeQuietly(first);
            throw e;
        }
        log.info("State in {}", location.shown());
        return new JdbcStateStore(location, first);
    }

    @Override
    public Inbox inbox() {
        return this;
    }

    @Override
    public AnswerLog answers() {
        return answers;
    }

    @Override
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    @Override
    public ScheduleChangeLog scheduleChanges() {
        return scheduleChanges;
    }

    @Override
    public String describe() {
        return location.shown();
    }

    @Override
    public Set<Long> record(String platform, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        return withConnection(c -> {
            Set<Long> fresh = new LinkedHashSet<>();
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO inbox (platform, update_id, received_at, payload) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (platform, update_id) DO NOTHING")) {
                for (Entry entry : entries) {
                    insert.setString(1, platform);
                    insert.setLong(2, entry.updateId());
                    insert.setLong(3, entry.receivedAt().toEpochMilli());
                    insert.setString(4, entry.payload());
                    if (insert.executeUpdate() == 1) {
                        fresh.add(entry.updateId());
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return fresh;
        });
    }

    @Override
    public void markDone(String platform, List<Done> done) {
        if (done.isEmpty()) {
            return;
        }
        withConnection(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE inbox SET done_at = ?, outcome = ? WHERE platform = ? AND update_id = ? AND done_at IS NULL")) {
                for (Done one : done) {
                    update.setLong(1, one.at().toEpochMilli());
                    update.setString(2, one.outcome());
                    update.setString(3, platform);
                    update.setLong(4, one.updateId());
                    update.addBatch();
                }
                update.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    @Override
    public List<Entry> pending(String platform) {
        return withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT update_id, received_at, payload FROM inbox WHERE platform = ? AND done_at IS NULL"
                            + " ORDER BY received_at, update_id")) {
                select.setString(1, platform);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(
                                new Entry(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3)));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public int prune(Instant before) {
        return withConnection(c -> {
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM inbox WHERE done_at IS NOT NULL AND done_at < ?")) {
                delete.setLong(1, before.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(connection);
        }
    }

    /** One unit of work on the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction, committed before this returns, or rolled back. */
    <T> T inTransaction(Work<T> work) {
        return withConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    <T> T withConnection(Work<T> work) {
        synchronized (lock) {
            if (closed) {
                throw new StateStoreException("the state store is closed");
            }
            try {
                return work.run(connection);
            } catch (SQLException first) {
                if (isValid(connection)) {
                    throw new StateStoreException("state store (" + location.shown() + "): " + firstLine(first), first);
                }
                // The server went away (restart, failover): one fresh connection, one more try.
                log.warn("Lost the connection to {}; connecting again", location.shown());
                closeQuietly(connection);
                connection = connect(location);
                try {
                    return work.run(connection);
                } catch (SQLException again) {
                    throw new StateStoreException("state store (" + location.shown() + "): " + firstLine(again), again);
                }
            }
        }
    }

    private static Connection connect(StateLocation location) {
        try {
            if (location instanceof StateLocation.SqliteFile sqlite) {
                SQLiteConfig config = new SQLiteConfig();
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
                // Another process on the same file (a second `serve` by mistake) waits instead of failing.
                config.setBusyTimeout(5_000);
                return DriverManager.getConnection(jdbcUrl(location), config.toProperties());
            }
            StateLocation.Postgres pg = (StateLocation.Postgres) location;
            return DriverManager.getConnection(pg.jdbcUrl(), credentials(pg));
        } catch (SQLException e) {
            throw new StateStoreException(
                    location.setting() + ": cannot open " + location.shown() + ": " + redacted(location, firstLine(e)));
        }
    }

    private static void migrate(StateLocation location) {
        try {
            var config = Flyway.configure(JdbcStateStore.class.getClassLoader())
                    .locations(MIGRATIONS)
                    // The one thing the two databases spell differently: an increasing key.
                    .placeholders(java.util.Map.of(
                            "increasing_id",
                            location instanceof StateLocation.Postgres
                                    ? "BIGSERIAL PRIMARY KEY"
                                    : "INTEGER PRIMARY KEY AUTOINCREMENT"));
            if (location instanceof StateLocation.Postgres pg) {
                config.dataSource(
                        pg.jdbcUrl(), pg.user().orElse(null), pg.password().orElse(null));
            } else {
                config.dataSource(jdbcUrl(location), null, null);
            }
            config.load().migrate();
        } catch (FlywayException e) {
            throw new StateStoreException(location.setting() + ": cannot bring the schema of " + location.shown()
                    + " up to date: " + redacted(location, firstLine(e)));
        }
    }

    private static String jdbcUrl(StateLocation location) {
        return location instanceof StateLocation.SqliteFile sqlite
                ? "jdbc:sqlite:" + sqlite.file().toAbsolutePath()
                : ((StateLocation.Postgres) location).jdbcUrl();
    }

    private static Properties credentials(StateLocation.Postgres pg) {
        Properties properties = new Properties();
        pg.user().ifPresent(u -> properties.setProperty("user", u));
        pg.password().ifPresent(p -> properties.setProperty("password", p));
        return properties;
    }

    private static void createFolder(StateLocation.SqliteFile sqlite) {
        Path parent = sqlite.file().toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StateStoreException(sqlite.setting() + ": cannot create the folder " + parent + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (Files.isDirectory(sqlite.file())) {
            throw new StateStoreException(sqlite.setting() + ": " + sqlite.file() + " is a folder, not a file");
        }
    }

    /** A driver's message can quote what it was given; the password must never be among it. */
    private static String redacted(StateLocation location, String message) {
        if (location instanceof StateLocation.Postgres pg
                && pg.password().isPresent()
                && !pg.password().get().isEmpty()) {
            return message.replace(pg.password().get(), "<redacted>");
        }
        return message;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback failed: {}", e.getMessage());
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the state store: {}", e.getMessage());
        }
    }
}
