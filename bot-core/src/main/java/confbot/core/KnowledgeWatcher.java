package confbot.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches notes folders (recursively) and catalog files, and calls {@code onChange} once things
 * have been quiet for {@link #DEBOUNCE}: saving a note, checking out a branch or copying a folder
 * in are bursts of events that should cost one reload, not dozens.
 *
 * <p>One daemon thread, started by {@link #start()} and stopped by {@link #close()}; {@code
 * onChange} runs on it, so reloads never overlap and never hold up a question. Debouncing uses
 * the monotonic clock rather than the injected {@code InstantSource}: it paces the blocking {@link
 * WatchService} poll, which waits in real time whatever a test's clock says.
 *
 * <p>A catalog is watched through its folder (a {@code WatchService} watches folders only), with
 * events for other files ignored; editors that save by writing a new file and renaming it over the
 * old one then still count. Folders created inside a watched notes folder are watched too.
 */
public final class KnowledgeWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

    /** Long enough to span one save or copy, short enough that nobody waits for a new note. */
    public static final Duration DEBOUNCE = Duration.ofMillis(500);

    private final List<Path> folders;
    private final List<Path> files;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService service;
    // Filled by start() before the thread starts, then used by the thread alone.
    /** The folder each registration watches. */
    private final Map<WatchKey, Path> keys = new HashMap<>();
    /** Notes folders: any change below them counts. */
    private final Set<Path> recursive = new HashSet<>();
    /** Folders holding catalogs: only changes to the catalogs named count. */
    private final Map<Path, Set<Path>> catalogsByFolder = new HashMap<>();

    private final Thread thread;

    /**
     * @param folders notes folders, watched with everything below them
     * @param files catalog files, each watched on its own
     * @param debounce how long to wait after the last event before calling {@code onChange}
     * @param onChange what a change triggers (a reload); its failures are logged, never fatal
     */
    public KnowledgeWatcher(List<Path> folders, List<Path> files, Duration debounce, Runnable onChange) {
        this.folders = folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.files = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.debounce = debounce;
        this.onChange = onChange;
        try {
            this.service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the notes for changes", e);
        }
        this.thread = new Thread(this::run, "confbot-knowledge-watcher");
        this.thread.setDaemon(true);
    }

    /** Registers every folder, then starts the watching thread; returns at once. */
    public void start() {
        for (Path folder : folders) {
            recursive.add(folder);
            registerTree(folder);
        }
        for (Path file : files) {
            Path parent = file.getParent();
            catalogsByFolder.computeIfAbsent(parent, p -> new HashSet<>()).add(file);
            register(parent);
        }
        thread.start();
        log.info("Watching {} notes folder(s) and {} catalog(s) for changes", folders.size(), files.size());
    }

    /** Stops the thread; a reload already running finishes on it first. */
    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            log.debug("Closing the watch service failed", e);
        }
        thread.interrupt();
    }

    private void run() {
        long quietSince = 0;
        boolean pending = false;
        try {
            while (true) {
                WatchKey key = pending ? service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS) : service.take();
                if (key != null) {
                    if (relevant(key)) {
                        pending = true;
                        quietSince = System.nanoTime();
                    }
                    key.reset();
                    // Drain what else has queued before deciding the burst is over.
                    continue;
                }
                if (pending && System.nanoTime() - quietSince >= debounce.toNanos()) {
                    pending = false;
                    fire();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            log.debug("Knowledge watcher stopped");
        }
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.warn("Reloading after a change failed", e);
        }
    }

    /** Whether the events of {@code key} touch the knowledge; also starts watching new folders. */
    private boolean relevant(WatchKey key) {
        Path folder = keys.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                relevant = true; // events were lost: assume the worst
                continue;
            }
            Path changed = folder.resolve((Path) event.context());
            if (underRecursive(folder)) {
                relevant = true;
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                    registerTree(changed);
                }
            } else if (catalogsByFolder.getOrDefault(folder, Set.of()).contains(changed)) {
                relevant = true;
            }
        }
        return relevant;
    }

    private boolean underRecursive(Path folder) {
        return recursive.stream().anyMatch(folder::startsWith);
    }

    private void registerTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Cannot watch {} for changes: {}", root, e.getMessage());
        }
    }

    private void register(Path dir) {
        try {
            WatchKey key = dir.register(
                    service,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            keys.put(key, dir);
        } catch (IOException e) {
            log.warn("Cannot watch {} for changes: {}", dir, e.getMessage());
        }
    }
}
