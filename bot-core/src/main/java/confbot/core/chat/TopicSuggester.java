package confbot.core.chat;

import java.util.List;

/**
 * Topics for autocompletion (Discord's {@code /slides topic:}, Telegram's inline hints): talk
 * titles from the loaded catalogs and note titles, best matches for what the user typed so far.
 */
public interface TopicSuggester {

    /** At most {@code limit} suggestions for {@code prefix}; never null, possibly empty. */
    List<String> suggest(String prefix, int limit);

    /** Tracks and rooms of the loaded talks, for {@code /subscribe}'s track-or-room option. */
    default List<String> suggestPlaces(String prefix, int limit) {
        return List.of();
    }

    /** Titles of talks that have a start time, for {@code /remind}'s talk option. */
    default List<String> suggestTalks(String prefix, int limit) {
        return List.of();
    }
}
