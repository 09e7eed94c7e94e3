package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.testing.LiveSchedule;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot chat} with a catalog at an address (a local server), and the settings that name
 * such catalogs for {@code serve}: the address stays whole in the colon-separated variable.
 */
final class LiveCliTest {

    @Test
    void chatFetchesACatalogFromItsAddressAndAnswersTheLiveCommands(@TempDir Path dir) {
        try (LiveSchedule.Server server = LiveSchedule.Server.serving(LiveSchedule.FIRST)) {
            CliTest.Run r = CliTest.run(
                    String.join("\n", "/help", "/schedule 2030 1", "/changes", "/next Room 9", "/quit"),
                    "chat",
                    "--catalog",
                    server.address().toString(),
                    "--catalog-poll",
                    "1h",
                    "--state",
                    dir.resolve("state.db").toString());

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("/now", "/next [room or track]", "/changes [conference]")
                    .contains("Opening the tide tables")
                    .contains("No schedule changes found so far.");
            assertThat(server.requests()).isEqualTo(1);
            assertThat(dir.resolve(KnowledgeOptions.COPIES_FOLDER))
                    .as("the copy is kept beside the state file")
                    .isDirectoryContaining(p -> p.getFileName().toString().endsWith("-schedule.json"));
        }
    }

    @Test
    void anUnreachableAddressWithoutACopyIsAClearError(@TempDir Path dir) {
        LiveSchedule.Server server = LiveSchedule.Server.serving(LiveSchedule.FIRST);
        String address = server.address().toString();
        server.close();

        CliTest.Run r = CliTest.run(
                "/quit",
                "chat",
                "--catalog",
                address,
                "--state",
                dir.resolve("state.db").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(address, "no earlier copy").doesNotContain("Exception:", "\tat ");
    }

    @Test
    void addressesStayWholeInTheCatalogsVariable() {
        String value = String.join(
                File.pathSeparator,
                "talks.tsv",
                "https://pretalx.example.org:8443/democon/schedule/export/schedule.json",
                "http://cal.example.org/feed.ics",
                "other.json");
        ServeEnvironment env =
                ServeEnvironment.of(Optional.empty(), Map.of(Settings.CATALOGS, value), Map.of(), Map.of());

        assertThat(ServeSettings.catalogItems(env))
                .containsExactly(
                        "talks.tsv",
                        "https://pretalx.example.org:8443/democon/schedule/export/schedule.json",
                        "http://cal.example.org/feed.ics",
                        "other.json");
    }

    @Test
    void serveSettingsPollTheAddressesAtTheIntervalSet(@TempDir Path dir) throws Exception {
        Path talks = Files.writeString(dir.resolve("talks.tsv"), "title\nA talk\n");
        String address = "https://pretalx.example.org/democon/schedule/export/schedule.json";
        ServeSettings settings = ServeSettings.from(ServeEnvironment.of(
                Optional.empty(),
                Map.of(
                        Settings.CATALOGS,
                        talks + File.pathSeparator + address,
                        Settings.CATALOG_POLL,
                        "90s",
                        Settings.STATE_FILE,
                        dir.resolve("state.db").toString()),
                Map.of(),
                Map.of()));

        assertThat(settings.polling().interval()).hasSeconds(90);
        assertThat(settings.polling().remotes()).singleElement().satisfies(remote -> {
            assertThat(remote.address().toString()).isEqualTo(address);
            assertThat(remote.copy().getParent())
                    .isEqualTo(dir.toAbsolutePath().resolve(KnowledgeOptions.COPIES_FOLDER));
        });
        assertThat(settings.knowledge().catalogs())
                .containsExactly(talks, settings.polling().remotes().get(0).copy());
        assertThat(List.of(
                        settings.polling().remotes().get(0).copy().getFileName().toString()))
                .allSatisfy(name -> assertThat(name).endsWith("-schedule.json"));
    }
}
