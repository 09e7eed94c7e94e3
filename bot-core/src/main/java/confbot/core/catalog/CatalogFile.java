package confbot.core.catalog;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The talks of one catalog file, with the schedule's own address when the file gives one.
 *
 * @param file where it was read from; never cited, a local path means nothing in a chat
 * @param address the published schedule (a pretalx/frab {@code base_url}, a calendar's {@code
 *     URL}), which a talk without a page of its own cites
 */
public record CatalogFile(Path file, Optional<URI> address, List<Talk> talks) {
    public CatalogFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(address, "address");
        talks = List.copyOf(talks);
    }
}
