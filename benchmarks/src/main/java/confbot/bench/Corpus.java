package confbot.bench;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.ingest.MarkdownCleaner;
import confbot.core.ingest.NotesFolder;
import confbot.core.ingest.Passage;
import confbot.core.ingest.Passages;
import confbot.knowledge.FrontMatter;
import confbot.knowledge.KnowledgeBase;
import confbot.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a benchmark searches: the built-in knowledge, or a synthetic notes folder of a given size
 * loaded the way {@code confbot --no-builtin --notes DIR} loads it, so that the real ingest path
 * (file walk, front matter, Markdown cleaning, passages, both analyses) is what gets measured.
 *
 * @param name {@code builtin} or the number of notes
 * @param folder the synthetic notes folder, empty for the built-in knowledge
 */
public record Corpus(String name, Optional<Path> folder) {

    public static final String BUILTIN = "builtin";

    /** Resolves a benchmark parameter, writing the synthetic folder under {@code workDir} if needed. */
    public static Corpus named(String name, Path workDir) {
        if (BUILTIN.equals(name)) {
            return new Corpus(name, Optional.empty());
        }
        int notes = Integer.parseInt(name);
        if (notes <= 0) {
            throw new IllegalArgumentException("a corpus needs at least one note, was " + name);
        }
        KnowledgeBase knowledge = new KnowledgeLoader().loadBuiltin();
        return new Corpus(
                name, Optional.of(SyntheticCorpus.trainedOn(knowledge).folder(workDir, notes, SyntheticCorpus.SEED)));
    }

    public Setup setup() {
        return folder.map(f -> new Setup(false, List.of(f), List.of())).orElse(Setup.builtinOnly());
    }

    /**
     * The bot over this corpus (ingest and index build, as at start-up) with its answer cache off:
     * the benchmarks ask the same 60 questions over and over, and every one of them would otherwise
     * be answered from the cache after its first time.
     */
    public ConfBot bot() {
        return bot(BotOptions.defaults().withAnswerCacheSize(0));
    }

    public ConfBot bot(BotOptions options) {
        return ConfBot.create(setup(), options);
    }

    /**
     * The passages confbot would index, without building its index: what the baseline indexes, so
     * both search the same units. The built-in knowledge is small enough to take them from a bot.
     */
    public List<Passage> passages() {
        if (folder.isEmpty()) {
            return bot().library().index().passages();
        }
        KnowledgeBase knowledge = new KnowledgeLoader().loadBuiltin();
        return new NotesFolder(
                        new FrontMatter(),
                        new Passages(new MarkdownCleaner()),
                        ConferenceRegistry.of(knowledge.conferences()))
                .read(folder.get());
    }

    /** Where synthetic corpora are written and kept between benchmark forks. */
    public static Path defaultWorkDir() {
        return Path.of(
                System.getProperty("confbot.bench.corpora", System.getProperty("java.io.tmpdir") + "/confbot-bench"));
    }
}
