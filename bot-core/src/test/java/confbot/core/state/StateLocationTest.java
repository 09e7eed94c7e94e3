package confbot.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class StateLocationTest {

    @Test
    void readsLibpqStyleUrlsKeepingTheCredentialsOutOfTheJdbcUrl() {
        StateLocation.Postgres pg =
                StateLocation.database("postgresql://bot:p%40ss@db.internal:6543/confbot?sslmode=require", "X");

        assertThat(pg.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal:6543/confbot?sslmode=require&connectTimeout=5");
        assertThat(pg.user()).contains("bot");
        assertThat(pg.password()).contains("p@ss");
        assertThat(pg.shown()).isEqualTo("PostgreSQL db.internal:6543/confbot");
        assertThat(pg.toString()).doesNotContain("p@ss");
    }

    @Test
    void readsTheDriversOwnUrlsAndMovesAPasswordParameterOut() {
        StateLocation.Postgres pg =
                StateLocation.database("jdbc:postgresql://localhost/confbot?user=me&password=hunter2", "X");

        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/confbot?connectTimeout=5");
        assertThat(pg.user()).contains("me");
        assertThat(pg.password()).contains("hunter2");
    }

    @Test
    void aUrlThatIsNotPostgresNamesTheSettingAndNeverEchoesTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StateLocation.database("mysql://root:hunter2@db/x", "CONFBOT_DATABASE_URL"))
                .withMessageStartingWith("CONFBOT_DATABASE_URL must be a PostgreSQL URL")
                .withMessageNotContaining("hunter2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StateLocation.database("postgresql://root:hunter2@db", "CONFBOT_DATABASE_URL"))
                .withMessageContaining("must name a host and a database")
                .withMessageNotContaining("hunter2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StateLocation.database("postgresql://root:hun ter2@db/x", "CONFBOT_DATABASE_URL"))
                .withMessageStartingWith("CONFBOT_DATABASE_URL is not a valid URL")
                .withMessageNotContaining("hun ter2");
    }

    @Test
    void anUnreachableServerIsAOneLineErrorNamingTheSettingWithoutThePassword() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        StateLocation.Postgres pg =
                StateLocation.database("postgresql://bot:hunter2@127.0.0.1:1/confbot", "CONFBOT_DATABASE_URL");

        assertThatThrownBy(() -> JdbcStateStore.open(pg))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("CONFBOT_DATABASE_URL: cannot open PostgreSQL 127.0.0.1:1/confbot: ")
                .hasMessageNotContaining("hunter2")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
        assertThat(Optional.of(pg.shown())).contains("PostgreSQL 127.0.0.1:1/confbot");
    }
}
