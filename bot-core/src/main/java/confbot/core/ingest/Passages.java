package confbot.core.ingest;

import confbot.core.chat.Source;
import confbot.knowledge.Language;
import confbot.knowledge.Note;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a note into passages at its headings. A heading with no text of its own is not a passage
 * but stays in the heading path of the sections under it; a long section is cut at block
 * boundaries so that a passage stays about the size of an answer.
 */
public final class Passages {

    /** Above this many characters a section is cut; a chunk keeps whole blocks. */
    static final int MAX_CHARS = 520;

    private final MarkdownCleaner cleaner;

    public Passages(MarkdownCleaner cleaner) {
        this.cleaner = cleaner;
    }

    /**
     * @param language the note's language, or null to detect it per passage (raw notes mix both)
     */
    public List<Passage> of(Note note, List<Source> sources, Passage.Origin origin, Language language) {
        return of(note, sources, origin, language, "");
    }

    /**
     * @param language the note's language, or null to detect it per passage (raw notes mix both)
     * @param context what the note says about itself, given to every passage ({@link Passage#context})
     */
    public List<Passage> of(Note note, List<Source> sources, Passage.Origin origin, Language language, String context) {
        List<Passage> out = new ArrayList<>();
        String[] path = new String[7];
        List<String> section = new ArrayList<>();
        for (MarkdownCleaner.Block block : cleaner.clean(note.body())) {
            if (block.isHeading()) {
                flush(note, sources, origin, language, context, heading(path), section, out);
                path[block.level()] = block.text();
                for (int deeper = block.level() + 1; deeper < path.length; deeper++) {
                    path[deeper] = null;
                }
            } else {
                section.add(block.text());
            }
        }
        flush(note, sources, origin, language, context, heading(path), section, out);
        return out;
    }

    private static String heading(String[] path) {
        StringBuilder out = new StringBuilder();
        for (String part : path) {
            if (part != null) {
                out.append(out.length() > 0 ? " › " : "").append(part);
            }
        }
        return out.toString();
    }

    private static void flush(
            Note note,
            List<Source> sources,
            Passage.Origin origin,
            Language language,
            String context,
            String heading,
            List<String> blocks,
            List<Passage> out) {
        StringBuilder chunk = new StringBuilder();
        for (String block : blocks.stream().flatMap(b -> items(b).stream()).toList()) {
            if (chunk.length() > 0 && chunk.length() + block.length() > MAX_CHARS) {
                out.add(passage(note, sources, origin, language, context, heading, chunk.toString(), out.size()));
                chunk.setLength(0);
            }
            chunk.append(chunk.length() > 0 ? "\n" : "").append(block);
        }
        if (chunk.length() > 0) {
            out.add(passage(note, sources, origin, language, context, heading, chunk.toString(), out.size()));
        }
        blocks.clear();
    }

    /**
     * A block longer than a passage, as the items it lists: each top-level line with the nested
     * lines under it, so that a cut falls between two talks of a programme, never between a talk and
     * its slides. A block that fits stays whole.
     */
    static List<String> items(String block) {
        if (block.length() <= MAX_CHARS) {
            return List.of(block);
        }
        List<String> out = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (String line : block.split("\n")) {
            if (Text.depth(line) == 0 && item.length() > 0) {
                out.add(item.toString());
                item.setLength(0);
            }
            item.append(item.length() > 0 ? "\n" : "").append(line);
        }
        if (item.length() > 0) {
            out.add(item.toString());
        }
        return out;
    }

    private static Passage passage(
            Note note,
            List<Source> sources,
            Passage.Origin origin,
            Language language,
            String context,
            String heading,
            String text,
            int ordinal) {
        Language lang = language != null ? language : Language.detect(heading + text);
        return new Passage(
                note.id() + "#" + ordinal,
                note.id(),
                ordinal,
                note.title(),
                heading,
                text,
                note.conference(),
                note.date(),
                note.day(),
                lang,
                sources,
                origin,
                context);
    }
}
