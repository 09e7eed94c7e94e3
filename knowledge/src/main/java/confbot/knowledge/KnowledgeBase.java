package confbot.knowledge;

import java.util.List;

/** Everything the bot knows before any {@code --notes} folder: notes, conferences, glossary. */
public record KnowledgeBase(List<Conference> conferences, List<Note> notes, Glossary glossary) {
    public KnowledgeBase {
        conferences = List.copyOf(conferences);
        notes = List.copyOf(notes);
    }

    /** No notes and no conferences, but the glossary: what {@code --no-builtin} starts from. */
    public KnowledgeBase withoutKnowledge() {
        return new KnowledgeBase(List.of(), List.of(), glossary);
    }
}
