package confbot.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One note: front matter plus its Markdown body. Curated notes fill every field; a raw note from a
 * {@code --notes} folder may know only its title and body.
 *
 * @param id unique id (the file name without {@code .md} for curated notes)
 * @param conference a conference id from {@code conferences.yaml}, or {@code both}; empty when
 *     unknown
 * @param date the day the note is about, if it is about one day
 * @param day that day's number within the conference (1-based)
 * @param language the language of the body
 * @param body Markdown, front matter removed
 */
public record Note(
        String id,
        String title,
        Optional<String> conference,
        Optional<LocalDate> date,
        OptionalInt day,
        Language language,
        List<String> tags,
        List<NoteSource> sources,
        String body) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(language, "language");
        tags = List.copyOf(tags);
        sources = List.copyOf(sources);
        Objects.requireNonNull(body, "body");
    }
}
