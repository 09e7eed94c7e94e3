package confbot.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * What the core offers, for adapters to build menus and option choices from instead of writing
 * them: the conferences of the current knowledge, and the rooms and tracks of its talks. It changes
 * with a reload; {@link ChatAdapter#profileChanged} tells the adapters.
 *
 * @param places the rooms and tracks of the loaded talks, as {@code /next <place>} takes them, in
 *     order of first appearance
 */
public record BotProfile(List<ConferenceEntry> conferences, List<String> places) {

    public BotProfile {
        conferences = List.copyOf(conferences);
        places = List.copyOf(places);
    }

    /** Conferences without talks to name places from. */
    public BotProfile(List<ConferenceEntry> conferences) {
        this(conferences, List.of());
    }

    public static BotProfile empty() {
        return new BotProfile(List.of());
    }

    /**
     * One conference as a menu names it.
     *
     * @param command the word that names it in a command ({@code /schedule <command> 2}): its year
     *     when no other conference has it, else its id
     * @param days its days, numbered from 1, with their dates ({@code YYYY-MM-DD})
     */
    public record ConferenceEntry(String id, String command, String nameEn, String nameZh, List<String> days) {
        public ConferenceEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(nameEn, "nameEn");
            Objects.requireNonNull(nameZh, "nameZh");
            days = List.copyOf(days);
        }
    }

    /** "KubeCon China 2018, KubeCon China 2019": the names, in English or Chinese, joined. */
    public String names(boolean chinese) {
        return String.join(
                chinese ? "、" : ", ",
                conferences.stream().map(c -> chinese ? c.nameZh() : c.nameEn()).toList());
    }
}
