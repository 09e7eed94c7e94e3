package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher debounces bursts, follows new subfolders, and watches only the catalogs named. */
final class KnowledgeWatcherTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final AtomicInteger changes = new AtomicInteger();
    private KnowledgeWatcher watcher;

    private KnowledgeWatcher start(List<Path> folders, List<Path> files) {
        watcher = new KnowledgeWatcher(folders, files, DEBOUNCE, changes::incrementAndGet);
        watcher.start();
        return watcher;
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void aBurstOfChangesCostsOneReload() throws IOException {
        start(List.of(dir), List.of());

        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("note-" + (i % 4) + ".md"), "# Note " + i);
        }

        await().atMost(PATIENCE).until(() -> changes.get() >= 1);
        await().during(DEBOUNCE.multipliedBy(3)).atMost(PATIENCE).until(() -> changes.get() == 1);
    }

    @Test
    void changesInNewSubfoldersAreSeen() throws IOException {
        start(List.of(dir), List.of());
        Path sub = Files.createDirectories(dir.resolve("2019/day-2"));
        await().atMost(PATIENCE).until(() -> changes.get() == 1);
        await().during(DEBOUNCE.multipliedBy(2)).atMost(PATIENCE).until(() -> changes.get() == 1);

        Files.writeString(sub.resolve("talk.md"), "# A talk");

        await().atMost(PATIENCE).until(() -> changes.get() == 2);
    }

    @Test
    void aCatalogIsWatchedButItsNeighboursAreNot() throws IOException {
        Path catalog = Files.writeString(dir.resolve("talks.tsv"), "title\n");
        start(List.of(), List.of(catalog));

        Files.writeString(dir.resolve("unrelated.txt"), "not a catalog");
        await().during(DEBOUNCE.multipliedBy(3)).atMost(PATIENCE).until(() -> changes.get() == 0);

        Files.writeString(catalog, "title\nA new talk\n");
        await().atMost(PATIENCE).until(() -> changes.get() == 1);
    }

    @Test
    void aFailingReloadDoesNotStopTheWatcher() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        watcher = new KnowledgeWatcher(List.of(dir), List.of(), DEBOUNCE, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("bad catalog");
        });
        watcher.start();

        Files.writeString(dir.resolve("a.md"), "# A");
        await().atMost(PATIENCE).until(() -> calls.get() == 1);
        Files.writeString(dir.resolve("b.md"), "# B");

        await().atMost(PATIENCE).until(() -> calls.get() == 2);
        assertThat(calls.get()).isEqualTo(2);
    }
}
