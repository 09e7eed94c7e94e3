package confbot.core;

import confbot.core.catalog.TalkCatalog;
import confbot.core.index.PassageIndex;
import confbot.knowledge.Conference;
import confbot.knowledge.Glossary;
import java.util.List;
import java.util.Optional;

/**
 * Everything loaded that answers draw on, as one immutable value: the index, the conference
 * facts, the talk catalogs and the glossary. A reload builds a new library and swaps it whole.
 *
 * @param notes how many notes went into the index (curated and raw)
 */
public record Library(
        PassageIndex index, List<Conference> conferences, TalkCatalog catalog, Glossary glossary, int notes) {
    public Library {
        conferences = List.copyOf(conferences);
    }

    public Optional<Conference> conference(int year) {
        return conferences.stream().filter(c -> c.year() == year).findFirst();
    }
}
