package confbot.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real SQLite file, as {@code serve} uses it by default. */
final class SqliteStateStoreTest extends StateStoreContract {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("nested/folder/state.db");
    }

    @Override
    StateStore openEmpty() {
        return JdbcStateStore.open(new StateLocation.SqliteFile(file(), "--state"));
    }

    @Override
    StateStore reopen() {
        return openEmpty();
    }

    @Test
    void createsTheFileAndItsFolderOnFirstUse() {
        assertThat(file()).isRegularFile();
        assertThat(store.describe()).startsWith("SQLite file ").endsWith("state.db");
    }

    @Test
    void aSecondStoreOnTheSameFileSeesWhatTheFirstCommitted() {
        store.inbox().record("telegram", List.of(entry(5, 0)));

        try (StateStore other = openEmpty()) {
            assertThat(other.inbox().pending("telegram"))
                    .extracting(Inbox.Entry::updateId)
                    .containsExactly(5L);
            assertThat(other.inbox().record("telegram", List.of(entry(5, 1)))).isEmpty();
        }
    }

    @Test
    void aFolderWhereTheFileShouldBeIsAClearErrorNamingTheSetting() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));

        assertThatThrownBy(() -> JdbcStateStore.open(new StateLocation.SqliteFile(folder, "--state")))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("--state: ")
                .hasMessageContaining("is a folder");
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearErrorNamingTheSetting() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not an SQLite database, it only has its name ".repeat(100));

        assertThatThrownBy(() -> JdbcStateStore.open(new StateLocation.SqliteFile(garbage, "CONFBOT_STATE_FILE")))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("CONFBOT_STATE_FILE: ")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }
}
