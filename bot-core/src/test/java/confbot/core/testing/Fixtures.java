package confbot.core.testing;

import confbot.core.Library;
import confbot.core.LibraryLoader;
import confbot.core.Setup;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.index.Analyzers;
import confbot.core.retrieve.Evidence;
import confbot.core.retrieve.GlossaryMatcher;
import confbot.core.retrieve.QueryBuilder;
import confbot.core.retrieve.Retriever;
import confbot.knowledge.KnowledgeBase;
import confbot.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Shared test fixtures of the core, published in bot-core's test-jar so adapters reuse them.
 *
 * <p>The fixture knowledge ({@code src/test/resources/fixture/knowledge}) is tiny and invented: the
 * two conferences, a ten-line glossary, and four notes in English and Chinese about a fictional
 * talk (Tidewater, a batch scheduler presented by Mei Lin of Harbourline Logistics on day 2 of
 * 2019) and a fictional 2018 meetup (Lantern). Questions about those facts must be answered; about
 * anything else, the bot must abstain.
 */
public final class Fixtures {

    /** Where the fixture knowledge folder sits on the test classpath. */
    public static final String KNOWLEDGE = "fixture/knowledge";

    private Fixtures() {}

    /** The fixture knowledge base, loaded strictly like the built-in one. */
    public static KnowledgeBase knowledge() {
        URL url = Fixtures.class.getClassLoader().getResource(KNOWLEDGE + "/conferences.yaml");
        if (url == null) {
            throw new IllegalStateException("fixture knowledge missing from the test classpath: " + KNOWLEDGE);
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return new KnowledgeLoader().load(Path.of(uri).getParent());
            }
            // Adapters see the fixture inside bot-core's test-jar.
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return new KnowledgeLoader().load(jar.getPath("/" + KNOWLEDGE));
            } catch (FileSystemAlreadyExistsException e) {
                return new KnowledgeLoader().load(FileSystems.getFileSystem(uri).getPath("/" + KNOWLEDGE));
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad fixture address " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A library over the fixture knowledge alone: its notes, its conference facts, no catalog. */
    public static Library library() {
        return new LibraryLoader(knowledge(), new Analyzers()).load(Setup.builtinOnly());
    }

    /** The fixture's two conferences, as a registry. */
    public static final ConferenceRegistry CONFERENCES =
            ConferenceRegistry.of(knowledge().conferences());

    /** A retriever over a library's glossary, without lexicon or tagger: the engine's plain reading. */
    public static Retriever retriever(Library library) {
        Analyzers analyzers = new Analyzers();
        return new Retriever(
                new QueryBuilder(analyzers, new GlossaryMatcher(library.glossary()), CONFERENCES),
                analyzers,
                new Evidence(analyzers));
    }

    /**
     * The {@code shared/} folder beside the checkout (notes, data, eval), found by walking up from
     * the working directory until a folder holds {@code shared/notes}. CI always has it.
     */
    public static Path shared() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("notes"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/notes folder above " + System.getProperty("user.dir"));
    }

    /** A console message in the given interface language. */
    public static Inbound inbound(String text, Locale locale) {
        return new Inbound(text, locale, Origin.console());
    }

    /** A console message with no interface language. */
    public static Inbound inbound(String text) {
        return inbound(text, Locale.ROOT);
    }
}
