package confbot.core.chat;

import java.util.List;

/**
 * Topics for autocompletion (Discord's {@code /slides topic:}, Telegram's inline hints): talk
 * titles from the loaded catalogs and note titles, best matches for what the user typed so far.
 */
public interface TopicSuggester {

    /** At most {@code limit} suggestions for {@code prefix}; never null, possibly empty. */
    List<String> suggest(String prefix, int limit);
}
