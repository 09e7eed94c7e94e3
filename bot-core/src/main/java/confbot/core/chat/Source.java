package confbot.core.chat;

import java.net.URI;
import java.util.Objects;

/** A cited source: a title to show and the address to link. */
public record Source(String title, URI url) {
    public Source {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
