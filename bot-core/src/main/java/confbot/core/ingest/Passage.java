package confbot.core.ingest;

import confbot.core.chat.Source;
import confbot.knowledge.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The unit of retrieval: a section (or a slice of a long one) of a note, with its context.
 *
 * @param id stable id, {@code noteId#ordinal}
 * @param noteId the note it comes from; passages of one note are consecutive by {@code ordinal}
 * @param ordinal position within the note, from 0
 * @param noteTitle the note's title
 * @param heading the heading path above the text (may be empty)
 * @param text cleaned plain text; lines are kept, as list items and short lines carry meaning
 * @param conference conference id, when known
 * @param origin what kind of knowledge it comes from
 * @param context what the note says about itself, the same for all its passages: for a raw note
 *     its title, authors, tags and file name. It places a passage (which post, which conference)
 *     without being part of what the passage says; empty for curated notes, which name their
 *     subject in each section
 */
public record Passage(
        String id,
        String noteId,
        int ordinal,
        String noteTitle,
        String heading,
        String text,
        Optional<String> conference,
        Optional<LocalDate> date,
        OptionalInt day,
        Language language,
        List<Source> sources,
        Origin origin,
        String context) {

    /** Curated notes, conference facts, a raw notes folder, or a talk catalog row. */
    public enum Origin {
        CURATED,
        FACTS,
        FOLDER,
        CATALOG
    }

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(noteTitle, "noteTitle");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(language, "language");
        sources = List.copyOf(sources);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(context, "context");
    }

    /**
     * What is searched as the passage's own words: heading and text, so a heading's words find its
     * facts. The note's {@link #context} is searched apart, with less weight: with the title in
     * the text a note's every section would match the names in it as strongly as the one section
     * about them.
     */
    public String searchableText() {
        return heading + "\n" + text;
    }
}
