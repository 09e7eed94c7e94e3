package confbot.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every real export in {@code ../shared/catalogs} loads with the talk count its README gives, or is
 * refused with one line that names the file. The README's table is the expectation, so a file
 * added there is checked without a change here.
 */
final class SharedCatalogsTest {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|.*\\|\\s*(\\d+)\\s*\\|\\s*$");

    private final CatalogReader reader = new CatalogReader();
    private final ConferenceRegistry registry =
            ConferenceRegistry.of(Fixtures.knowledge().conferences());

    private static Path folder() {
        return Fixtures.shared().resolve("catalogs");
    }

    /** File name to the talk count the README's last column gives. */
    private static Map<String, Integer> expected() throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(folder().resolve("README.md"), StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                counts.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return counts;
    }

    @Test
    void everyFileLoadsWithTheReadmesTalkCountOrIsRefusedNamingIt() throws IOException {
        Map<String, Integer> expected = expected();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder())) {
            files = listing.filter(f -> !f.getFileName().toString().startsWith("README"))
                    .sorted()
                    .toList();
        }
        assertThat(expected.keySet())
                .as("the README lists every file")
                .containsExactlyInAnyOrderElementsOf(
                        files.stream().map(f -> f.getFileName().toString()).toList());

        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try (LogCapture log = LogCapture.of(CatalogReader.class)) {
                List<Talk> talks = reader.load(file, registry).talks();

                assertThat(talks).as(name).hasSize(expected.get(name));
                assertThat(talks)
                        .as(name)
                        .allSatisfy(t -> assertThat(t.title()).isNotBlank().doesNotContain("&amp;"));
                // A catalog of no conference in the registry also says which one it registered.
                assertThat(log.messages(Level.INFO, ""))
                        .filteredOn(m -> !m.contains(": of no conference in the registry; registered "))
                        .as("one INFO line with the count")
                        .containsExactly("Loaded " + talks.size() + " talks from " + file);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as(name).contains(name).doesNotContain("\n");
                refused.add(e.getMessage());
            }
        }
        assertThat(refused)
                .as("every README file has a count, so none is refused")
                .isEmpty();
    }
}
