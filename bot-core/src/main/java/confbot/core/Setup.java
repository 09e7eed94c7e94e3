package confbot.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What to load: the built-in knowledge or not, raw notes folders, talk catalogs.
 *
 * @param builtin whether to include the curated notes and conference facts
 * @param notesFolders folders of Markdown or text notes to index as they are
 * @param catalogs talk catalogs: the TSV of {@code shared/data/*-talks.tsv}, iCalendar {@code .ics}
 *     or a pretalx/frab {@code schedule.json}
 */
public record Setup(boolean builtin, List<Path> notesFolders, List<Path> catalogs) {
    public Setup {
        notesFolders = List.copyOf(notesFolders);
        catalogs = List.copyOf(catalogs);
    }

    public static Setup builtinOnly() {
        return new Setup(true, List.of(), List.of());
    }
}
