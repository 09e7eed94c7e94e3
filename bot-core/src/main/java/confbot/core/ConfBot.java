package confbot.core;

import confbot.core.answer.AbstainPolicy;
import confbot.core.answer.Answer;
import confbot.core.answer.AnswerWriter;
import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.chat.TopicSuggester;
import confbot.core.command.AskCommand;
import confbot.core.command.CommandParser;
import confbot.core.command.Commands;
import confbot.core.index.Analyzers;
import confbot.core.ingest.Passage;
import confbot.core.retrieve.GlossaryMatcher;
import confbot.core.retrieve.QueryBuilder;
import confbot.core.retrieve.Retriever;
import confbot.knowledge.KnowledgeBase;
import confbot.knowledge.KnowledgeLoader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core behind the chat port. Holds the current {@link Library} and swaps it whole on {@link
 * #reload}, so a question is always answered from one complete index. Never throws on user input:
 * a failure becomes a polite reply and one logged error.
 */
public final class ConfBot implements ChatBot, TopicSuggester {

    private static final Logger log = LoggerFactory.getLogger(ConfBot.class);

    private final LibraryLoader loader;
    private final Commands commands;
    private final AtomicReference<Library> library;
    private final AtomicReference<Setup> setup;

    ConfBot(LibraryLoader loader, Commands commands, Setup setup) {
        this.loader = loader;
        this.commands = commands;
        this.setup = new AtomicReference<>(setup);
        this.library = new AtomicReference<>(loader.load(setup));
    }

    /** Loads the built-in knowledge, then whatever {@code setup} adds, and wires the core. */
    public static ConfBot create(Setup setup) {
        return create(new KnowledgeLoader().loadBuiltin(), setup);
    }

    /** Wires the core over a given knowledge base (tests pass small ones). */
    public static ConfBot create(KnowledgeBase knowledge, Setup setup) {
        Analyzers analyzers = new Analyzers();
        LibraryLoader loader = new LibraryLoader(knowledge, analyzers);
        QueryBuilder queries = new QueryBuilder(analyzers, new GlossaryMatcher(knowledge.glossary()), loader.conferenceIdsByYear());
        AskCommand ask = new AskCommand(new Retriever(queries), new AnswerWriter(analyzers, new AbstainPolicy()));
        return new ConfBot(loader, new Commands(new CommandParser(), ask), setup);
    }

    @Override
    public Reply reply(Inbound message) {
        try {
            return commands.handle(message, library.get());
        } catch (RuntimeException e) {
            log.error("Failed to answer a {} message", message.origin().platform(), e);
            return new Reply(Reply.Kind.USAGE, Commands.failure(message), List.of());
        }
    }

    /** The answer to a question with the features behind the decision. */
    public Answer explain(String question) {
        return commands.explain(question, library.get());
    }

    /** Rebuilds the library from the current setup and swaps it in; the old one keeps serving meanwhile. */
    public Library reload() {
        Library fresh = loader.load(setup.get());
        Library old = library.getAndSet(fresh);
        log.info("Reloaded: {} passages (was {})", fresh.index().size(), old.index().size());
        return fresh;
    }

    public Library library() {
        return library.get();
    }

    @Override
    public List<String> suggest(String prefix, int limit) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        Library lib = library.get();
        Set<String> starts = new LinkedHashSet<>();
        Set<String> contains = new LinkedHashSet<>();
        lib.catalog().talks().forEach(t -> offer(t.title(), p, starts, contains));
        for (Passage passage : lib.index().passages()) {
            if (passage.origin() == Passage.Origin.CURATED || passage.origin() == Passage.Origin.FOLDER) {
                offer(passage.noteTitle(), p, starts, contains);
            }
        }
        starts.addAll(contains);
        return starts.stream().limit(Math.max(0, limit)).toList();
    }

    private static void offer(String title, String prefix, Set<String> starts, Set<String> contains) {
        String lower = title.toLowerCase(Locale.ROOT);
        if (lower.startsWith(prefix)) {
            starts.add(title);
        } else if (lower.contains(prefix)) {
            contains.add(title);
        }
    }
}
