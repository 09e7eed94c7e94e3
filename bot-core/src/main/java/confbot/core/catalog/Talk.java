package confbot.core.catalog;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One talk of a catalog. Empty cells are empty optionals or lists: unknown, not "none". */
public record Talk(
        String title,
        List<String> speakers,
        List<String> organizations,
        Optional<LocalDate> date,
        Optional<LocalTime> start,
        Optional<LocalTime> end,
        Optional<String> room,
        Optional<String> track,
        List<URI> slides,
        String conference) {

    public Talk {
        Objects.requireNonNull(title, "title");
        speakers = List.copyOf(speakers);
        organizations = List.copyOf(organizations);
        slides = List.copyOf(slides);
        Objects.requireNonNull(conference, "conference");
    }

    /** "Title — Speaker; Speaker (Org)", as a one-line listing. */
    public String line() {
        StringBuilder out = new StringBuilder(title);
        if (!speakers.isEmpty()) {
            out.append(" — ").append(String.join(", ", speakers));
        }
        if (!organizations.isEmpty()) {
            out.append(" (").append(String.join(", ", organizations)).append(')');
        }
        return out.toString();
    }
}
