package confbot.core.schedule;

import confbot.core.catalog.CatalogReader;
import confbot.core.conference.ConferenceRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls catalogs published at {@code http(s)://} addresses and keeps a copy of each on disk, which
 * the library loads like any other catalog file. Each poll is a conditional GET ({@code
 * If-None-Match} with the last {@code ETag}, {@code If-Modified-Since} with the last {@code
 * Last-Modified}); a 304, or a body identical to the copy, is no new version. A new version is
 * read by the {@link CatalogReader} before it replaces the copy, and {@code onNewVersion} (a
 * reload, which compares the talks) runs once per round that replaced any.
 *
 * <p>A poll that fails (the network, a status other than 200 and 304, a body that is no catalog or
 * has no talk) logs one warning and keeps the copy: the bot goes on answering from the version it
 * has. One daemon thread polls every address in turn, at a fixed delay after the last round.
 */
public final class CatalogPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogPoller.class);

    /** Often enough that a room change reaches the channel before the talk; far below what a server minds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * One published catalog and where its copy is kept.
     *
     * @param address the {@code http(s)://} address polled
     * @param copy the file the library loads; its name keeps the address's extension, which tells
     *     the reader the format
     */
    public record Remote(URI address, Path copy) {
        public Remote {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(copy, "copy");
            if (!isRemote(address.toString())) {
                throw new IllegalArgumentException("not an http(s) address: " + address);
            }
        }

        /**
         * The remote catalog at {@code address}, its copy in {@code folder}: named by a digest of
         * the address (two schedules called schedule.json stay apart) and its last path segment.
         */
        public static Remote in(Path folder, URI address) {
            String path = Optional.ofNullable(address.getPath()).orElse("");
            String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
            return new Remote(
                    address, folder.resolve(digest(address.toString()) + "-" + (last.isEmpty() ? "catalog" : last)));
        }
    }

    /** Whether a {@code --catalog} value is an address to poll rather than a file. */
    public static boolean isRemote(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.startsWith("http://") || v.startsWith("https://");
    }

    private final List<Remote> remotes;
    private final HttpClient http;
    private final CatalogReader reader;
    /** The validators of the last version seen, by the position of its remote. */
    private final List<Optional<String>> etags;

    private final List<Optional<String>> lastModified;
    private final ScheduledExecutorService thread;

    /**
     * @param reader reads each new version before it is kept (its size cap applies to the download too)
     */
    public CatalogPoller(List<Remote> remotes, HttpClient http, CatalogReader reader) {
        this.remotes = List.copyOf(remotes);
        this.http = Objects.requireNonNull(http, "http");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.etags = new ArrayList<>(java.util.Collections.nCopies(remotes.size(), Optional.empty()));
        this.lastModified = new ArrayList<>(java.util.Collections.nCopies(remotes.size(), Optional.empty()));
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "confbot-catalog-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** An HTTP client for polling: redirects followed, a connect timeout, HTTP/1.1 or 2. */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The files the library loads, one per remote, in order. */
    public List<Path> copies() {
        return remotes.stream().map(Remote::copy).toList();
    }

    /**
     * Fetches each catalog once, before the first load. One that cannot be fetched is loaded from
     * the copy an earlier run kept, with a warning.
     *
     * @throws IllegalArgumentException naming the address when it cannot be fetched and no copy is
     *     kept: there is no version to start from
     */
    public void fetchFirst() {
        for (int i = 0; i < remotes.size(); i++) {
            Remote remote = remotes.get(i);
            try {
                Files.createDirectories(remote.copy().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the folder for the copy of " + remote.address(), e);
            }
            Optional<String> failure = poll(i).failure();
            if (failure.isPresent()) {
                if (!Files.isRegularFile(remote.copy())) {
                    throw new IllegalArgumentException(
                            "--catalog " + remote.address() + ": " + failure.get() + ", and no earlier copy is kept");
                }
                log.warn(
                        "Catalog {}: {}; starting from the copy kept in {}",
                        remote.address(),
                        failure.get(),
                        remote.copy());
            }
        }
    }

    /**
     * Polls every address once.
     *
     * @return whether any new version replaced its copy
     */
    public boolean pollOnce() {
        boolean changed = false;
        for (int i = 0; i < remotes.size(); i++) {
            Outcome outcome = poll(i);
            if (outcome.failure().isPresent()) {
                log.warn(
                        "Polling catalog {} failed: {}; keeping the version already loaded",
                        remotes.get(i).address(),
                        outcome.failure().get());
            }
            changed |= outcome.fresh();
        }
        return changed;
    }

    /**
     * Polls every {@code interval}, the first time one interval from now, and runs {@code
     * onNewVersion} after each round that brought a new version.
     */
    public void start(Duration interval, Runnable onNewVersion) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the polling interval must be positive, was " + interval);
        }
        if (remotes.isEmpty()) {
            return;
        }
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (pollOnce()) {
                            onNewVersion.run();
                        }
                    } catch (RuntimeException e) {
                        // A failure must not end the schedule: scheduled tasks stop at the first throw.
                        log.warn("Polling the catalogs failed: {}", e.toString());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Polling {} catalog address(es) every {}", remotes.size(), interval);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** What one poll did: kept a new version, or failed and why; neither for the same version. */
    private record Outcome(boolean fresh, Optional<String> failure) {
        static final Outcome SAME = new Outcome(false, Optional.empty());
        static final Outcome NEW = new Outcome(true, Optional.empty());

        static Outcome failed(String why) {
            return new Outcome(false, Optional.of(why));
        }
    }

    /** One conditional GET; the copy is replaced by a new version. */
    private Outcome poll(int index) {
        Remote remote = remotes.get(index);
        HttpRequest.Builder request = HttpRequest.newBuilder(remote.address())
                .timeout(TIMEOUT)
                .header("User-Agent", "confbot (schedule polling)")
                .GET();
        // Validators only when the copy they describe is still there to fall back on.
        if (Files.isRegularFile(remote.copy())) {
            etags.get(index).ifPresent(tag -> request.header("If-None-Match", tag));
            lastModified.get(index).ifPresent(date -> request.header("If-Modified-Since", date));
        }
        Path fresh = remote.copy().resolveSibling(remote.copy().getFileName() + ".download");
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 304) {
                    log.debug("Catalog {}: not modified", remote.address());
                    return Outcome.SAME;
                }
                if (response.statusCode() != 200) {
                    return Outcome.failed("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, reader.maxBytes() + 1));
                if (bytes.length > reader.maxBytes()) {
                    return Outcome.failed(
                            "the catalog is over the size cap (" + reader.maxBytes() / (1024 * 1024) + " MB)");
                }
                if (Files.isRegularFile(remote.copy()) && Arrays.equals(bytes, Files.readAllBytes(remote.copy()))) {
                    remember(index, response);
                    log.debug("Catalog {}: the same version", remote.address());
                    return Outcome.SAME;
                }
                Files.write(fresh, bytes);
                // Read whole before it replaces the copy: a version without talks is refused here.
                reader.load(fresh, ConferenceRegistry.empty());
                move(fresh, remote.copy());
                remember(index, response);
                log.info("Catalog {}: a new version ({} bytes)", remote.address(), bytes.length);
                return Outcome.NEW;
            }
        } catch (IllegalArgumentException e) {
            return Outcome.failed(String.valueOf(e.getMessage()).replace(fresh.toString(), "the new version"));
        } catch (IOException e) {
            return Outcome.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } finally {
            try {
                Files.deleteIfExists(fresh);
            } catch (IOException e) {
                log.debug("Could not remove {}: {}", fresh, e.getMessage());
            }
        }
    }

    private void remember(int index, HttpResponse<?> response) {
        etags.set(index, response.headers().firstValue("ETag"));
        lastModified.set(index, response.headers().firstValue("Last-Modified"));
    }

    /** Replaces the copy in one step, so a load never reads half a file. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
