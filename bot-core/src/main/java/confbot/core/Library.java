package confbot.core;

import confbot.core.catalog.TalkCatalog;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.index.PassageIndex;
import confbot.knowledge.Conference;
import confbot.knowledge.Glossary;
import java.util.List;

/**
 * Everything loaded that answers draw on, as one immutable value: the index, the conference
 * registry, the talk catalogs and the glossary. A reload builds a new library and swaps it whole.
 *
 * @param registry the conferences of this knowledge: shipped, given in files, found in catalogs
 * @param notes how many notes went into the index (curated and raw)
 */
public record Library(
        PassageIndex index, ConferenceRegistry registry, TalkCatalog catalog, Glossary glossary, int notes) {

    /** The listed conferences, in registry order. */
    public List<Conference> conferences() {
        return registry.all();
    }
}
