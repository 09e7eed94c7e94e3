package confbot.core.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same contract on a real PostgreSQL server, when {@code CONFBOT_TEST_POSTGRES_URL} names one
 * ({@code .ci/run} starts Debian's server and sets it). The tables are dropped first: the database
 * is the test's own.
 */
@EnabledIfEnvironmentVariable(named = "CONFBOT_TEST_POSTGRES_URL", matches = ".+")
final class PostgresStateStoreTest extends StateStoreContract {

    private static StateLocation.Postgres location() {
        return StateLocation.database(System.getenv("CONFBOT_TEST_POSTGRES_URL"), "CONFBOT_TEST_POSTGRES_URL");
    }

    @Override
    StateStore openEmpty() throws Exception {
        StateLocation.Postgres pg = location();
        Properties credentials = new Properties();
        pg.user().ifPresent(u -> credentials.setProperty("user", u));
        pg.password().ifPresent(p -> credentials.setProperty("password", p));
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), credentials);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS subscriptions");
            s.execute("DROP TABLE IF EXISTS sent_reminders");
            s.execute("DROP TABLE IF EXISTS personal_reminders");
            s.execute("DROP TABLE IF EXISTS change_cursor");
            s.execute("DROP TABLE IF EXISTS schedule_changes");
            s.execute("DROP TABLE IF EXISTS votes");
            s.execute("DROP TABLE IF EXISTS answer_sources");
            s.execute("DROP TABLE IF EXISTS answers");
            s.execute("DROP TABLE IF EXISTS inbox");
            s.execute("DROP TABLE IF EXISTS flyway_schema_history");
        }
        return JdbcStateStore.open(pg);
    }

    @Override
    StateStore reopen() {
        return JdbcStateStore.open(location());
    }
}
