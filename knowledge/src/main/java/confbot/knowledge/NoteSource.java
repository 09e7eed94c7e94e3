package confbot.knowledge;

import java.net.URI;
import java.util.Objects;

/** Where a note's facts come from: the write-up's title, its author and its address. */
public record NoteSource(String title, String author, URI url) {
    public NoteSource {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(url, "url");
    }
}
