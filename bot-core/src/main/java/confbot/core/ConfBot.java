package confbot.core;

import confbot.core.answer.AbstainPolicy;
import confbot.core.answer.Answer;
import confbot.core.answer.AnswerWriter;
import confbot.core.chat.AnswerVotes;
import confbot.core.chat.BotProfile;
import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.chat.TopicSuggester;
import confbot.core.chat.Vote;
import confbot.core.chat.VoteReceipt;
import confbot.core.command.AskCommand;
import confbot.core.command.Command;
import confbot.core.command.CommandParser;
import confbot.core.command.Commands;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.feedback.Feedback;
import confbot.core.index.Analyzers;
import confbot.core.ingest.Passage;
import confbot.core.remind.SubscriptionDesk;
import confbot.core.retrieve.Evidence;
import confbot.core.retrieve.GlossaryMatcher;
import confbot.core.retrieve.HanlpTagger;
import confbot.core.retrieve.QueryBuilder;
import confbot.core.retrieve.Retriever;
import confbot.core.schedule.CatalogPoller;
import confbot.core.schedule.ScheduleChanges;
import confbot.knowledge.KnowledgeBase;
import confbot.knowledge.KnowledgeLoader;
import confbot.knowledge.Lexicon;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core behind the chat port. Holds the current {@link Library} and swaps it whole on {@link
 * #reload}, so a question is always answered from one complete index. Never throws on user input:
 * a failure becomes a polite reply and one logged error.
 *
 * <p>Before a message reaches the commands it passes the rate limits; {@code /reload} and {@code
 * /feedback} are answered here, for admins only; questions go through the answer cache, and their
 * replies (answers and abstentions alike, cached or not) are recorded by {@link Feedback}, which
 * also takes the votes on the answers.
 *
 * <p>Why the old index is not closed after a swap: it lives on the heap ({@code
 * ByteBuffersDirectory}), holds no file handle or mapped memory, and is collected once the last
 * query that read it returns. Closing it at the swap would make such a query fail with Lucene's
 * {@code AlreadyClosedException}; counting readers to close it later would buy nothing the
 * garbage collector does not already do. {@link #close()} closes the current one at shutdown.
 */
public final class ConfBot implements ChatBot, TopicSuggester, AnswerVotes, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfBot.class);

    /** The library and its version, swapped together so a cached answer is keyed by its source. */
    private record Loaded(Library library, long version) {}

    private final LibraryLoader loader;
    private final Commands commands;
    private final Setup setup;
    private final BotOptions options;
    private final AtomicReference<Loaded> current;
    private final RateLimiter limiter;
    private final AnswerCache answers;
    private final Feedback feedback;
    private final SubscriptionDesk subscriptions;
    private final ScheduleChanges schedule;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failedReloads = new AtomicLong();
    /** Told of a new profile after a reload that changed it (the adapters' menus). */
    private final List<java.util.function.Consumer<BotProfile>> profileListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The copies of polled catalogs, which the poller reloads for, not the watcher. */
    private final Set<java.nio.file.Path> polled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** One rebuild at a time: the watcher and /reload may both ask for one. */
    private final ReentrantLock reloading = new ReentrantLock();

    ConfBot(
            LibraryLoader loader,
            Commands commands,
            Setup setup,
            BotOptions options,
            Feedback feedback,
            SubscriptionDesk subscriptions,
            ScheduleChanges schedule) {
        this.loader = loader;
        this.schedule = schedule;
        this.feedback = feedback;
        this.subscriptions = subscriptions;
        this.commands = commands;
        this.setup = setup;
        this.options = options;
        this.limiter = new RateLimiter(options.rateLimit(), options.clock());
        this.answers = new AnswerCache(options.answerCacheSize());
        this.current = new AtomicReference<>(new Loaded(loader.load(setup), 0));
    }

    /** Loads the built-in knowledge, then whatever {@code setup} adds, and wires the core. */
    public static ConfBot create(Setup setup) {
        return create(setup, BotOptions.defaults());
    }

    /** As {@link #create(Setup)}, with admins, rate limits and cache size from {@code options}. */
    public static ConfBot create(Setup setup, BotOptions options) {
        return create(setup, options, Feedback.off());
    }

    /** Wires the core over a given knowledge base (tests pass small ones). */
    public static ConfBot create(KnowledgeBase knowledge, Setup setup) {
        return create(knowledge, setup, BotOptions.defaults());
    }

    /** As {@link #create(Setup, BotOptions)}, recording answers and taking votes through {@code feedback}. */
    public static ConfBot create(Setup setup, BotOptions options, Feedback feedback) {
        return create(setup, options, feedback, SubscriptionDesk.off());
    }

    /** As {@link #create(Setup, BotOptions, Feedback)}, taking /subscribe, /unsubscribe and /remind through {@code subscriptions}. */
    public static ConfBot create(Setup setup, BotOptions options, Feedback feedback, SubscriptionDesk subscriptions) {
        // The lexicon (0.3-0.9 s) loads on another core while the knowledge is read and indexed.
        CompletableFuture<Lexicon> lexicon = CompletableFuture.supplyAsync(Lexicon::builtin);
        return create(
                new KnowledgeLoader().loadBuiltin(),
                setup,
                options,
                feedback,
                subscriptions,
                ScheduleChanges.inMemory(options.clock()),
                lexicon,
                prebuilt(setup));
    }

    /** Wires the core over a given knowledge base with the given options. */
    public static ConfBot create(KnowledgeBase knowledge, Setup setup, BotOptions options) {
        return create(knowledge, setup, options, Feedback.off());
    }

    /** Wires the core over a given knowledge base with the given options and feedback. */
    public static ConfBot create(KnowledgeBase knowledge, Setup setup, BotOptions options, Feedback feedback) {
        return create(knowledge, setup, options, feedback, SubscriptionDesk.off());
    }

    /** Wires the core over a given knowledge base with the given options, feedback and subscriptions. */
    public static ConfBot create(
            KnowledgeBase knowledge,
            Setup setup,
            BotOptions options,
            Feedback feedback,
            SubscriptionDesk subscriptions) {
        return create(knowledge, setup, options, feedback, subscriptions, ScheduleChanges.inMemory(options.clock()));
    }

    /**
     * As {@link #create(Setup, BotOptions, Feedback)}, keeping the schedule changes found at each
     * reload in {@code schedule}, which /changes lists.
     */
    public static ConfBot create(Setup setup, BotOptions options, Feedback feedback, ScheduleChanges schedule) {
        return create(setup, options, feedback, SubscriptionDesk.off(), schedule);
    }

    /**
     * The whole core: /subscribe, /unsubscribe and /remind through {@code subscriptions}, and the
     * schedule changes found at each reload kept in {@code schedule}, which /changes lists and whose
     * listeners post them to the subscribed chats.
     */
    public static ConfBot create(
            Setup setup,
            BotOptions options,
            Feedback feedback,
            SubscriptionDesk subscriptions,
            ScheduleChanges schedule) {
        CompletableFuture<Lexicon> lexicon = CompletableFuture.supplyAsync(Lexicon::builtin);
        return create(
                new KnowledgeLoader().loadBuiltin(),
                setup,
                options,
                feedback,
                subscriptions,
                schedule,
                lexicon,
                prebuilt(setup));
    }

    /** Over a given knowledge base, keeping the schedule changes in {@code schedule}. */
    public static ConfBot create(
            KnowledgeBase knowledge, Setup setup, BotOptions options, Feedback feedback, ScheduleChanges schedule) {
        return create(knowledge, setup, options, feedback, SubscriptionDesk.off(), schedule);
    }

    /** Over a given knowledge base, with subscriptions and the schedule changes in {@code schedule}. */
    public static ConfBot create(
            KnowledgeBase knowledge,
            Setup setup,
            BotOptions options,
            Feedback feedback,
            SubscriptionDesk subscriptions,
            ScheduleChanges schedule) {
        return create(
                knowledge,
                setup,
                options,
                feedback,
                subscriptions,
                schedule,
                CompletableFuture.supplyAsync(Lexicon::builtin),
                Optional.empty());
    }

    /**
     * The built-in knowledge alone is indexed at build time: that index is read (on another
     * thread, from now) instead of built.
     */
    private static Optional<BuiltinIndex> prebuilt(Setup setup) {
        return LibraryLoader.builtinAlone(setup) ? Optional.of(BuiltinIndex.shipped()) : Optional.empty();
    }

    private static ConfBot create(
            KnowledgeBase knowledge,
            Setup setup,
            BotOptions options,
            Feedback feedback,
            SubscriptionDesk subscriptions,
            ScheduleChanges schedule,
            CompletableFuture<Lexicon> lexicon,
            Optional<BuiltinIndex> prebuilt) {
        Analyzers analyzers = new Analyzers();
        // smartcn's dictionaries load on another core while the index is read or built: with a
        // prebuilt index nothing else would load them before the first question.
        CompletableFuture<Void> segmenter = CompletableFuture.runAsync(analyzers::warmUp);
        LibraryLoader loader = new LibraryLoader(knowledge, analyzers, prebuilt);
        HanlpTagger tagger = new HanlpTagger();
        // Its dictionaries load while the index is built (0.3-0.7 s here), not on the first question.
        CompletableFuture.runAsync(tagger::warmUp);
        QueryBuilder queries = new QueryBuilder(
                analyzers,
                new GlossaryMatcher(loader.glossary(setup)),
                lexicon::join,
                tagger,
                loader.shippedConferences());
        Evidence evidence = new Evidence(analyzers);
        AskCommand ask = new AskCommand(
                new Retriever(queries, analyzers, evidence), new AnswerWriter(evidence, new AbstainPolicy(), tagger));
        ConfBot bot = new ConfBot(
                loader,
                new Commands(new CommandParser(), ask, options.clock(), schedule),
                setup,
                options,
                feedback,
                subscriptions,
                schedule);
        // Ready means able to answer: a lexicon that cannot load fails the start, not each question.
        lexicon.join();
        segmenter.join();
        return bot;
    }

    @Override
    public Reply reply(Inbound message) {
        try {
            switch (limiter.check(message.origin())) {
                case WARN:
                    log.info(
                            "Rate limit reached by a {} sender; warning once",
                            message.origin().platform());
                    return Commands.slowDown(message);
                case DROP:
                    return Reply.silent();
                case ALLOW:
                    break;
            }
            // One snapshot for the whole message: the answer and its cache key come from the same library.
            Loaded loaded = current.get();
            // "What's on now?" is /now: answered from the clock, never from the answer cache.
            Command command = commands.live(commands.parse(message.text()), loaded.library());
            if (command.kind() == Command.Kind.RELOAD) {
                return reloadFor(message);
            }
            if (command.kind() == Command.Kind.FEEDBACK) {
                return feedbackFor(message);
            }
            if (isSubscription(command)) {
                return subscriptions.handle(message, command, loaded.library(), mayManage(message));
            }
            if (isQuestion(command)) {
                Reply reply = answers.get(
                        command.argument(),
                        message.locale(),
                        loaded.version(),
                        () -> commands.handle(message, command, loaded.library()));
                // Outside the cache: every asking counts, and a cached answer keeps its id.
                return feedback.record(
                        AnswerCache.normalise(command.argument()),
                        reply,
                        loaded.library().index().passages());
            }
            return commands.handle(message, command, loaded.library());
        } catch (RuntimeException e) {
            log.error("Failed to answer a {} message", message.origin().platform(), e);
            return new Reply(Reply.Kind.USAGE, Commands.failure(message), List.of());
        }
    }

    private static boolean isQuestion(Command command) {
        return (command.kind() == Command.Kind.QUESTION || command.kind() == Command.Kind.ASK)
                && !command.argument().isBlank();
    }

    private static boolean isSubscription(Command command) {
        return command.kind() == Command.Kind.SUBSCRIBE
                || command.kind() == Command.Kind.UNSUBSCRIBE
                || command.kind() == Command.Kind.REMIND;
    }

    /**
     * Who may subscribe a chat: anyone in a private chat; in a group, the bot's admins and whoever
     * the platform lets manage the chat, as the adapter looked up.
     */
    private boolean mayManage(Inbound message) {
        return !message.origin().groupChat() || message.origin().manager() || options.isAdmin(message.origin());
    }

    private Reply reloadFor(Inbound message) {
        String who = BotOptions.adminKey(message.origin());
        if (!options.isAdmin(message.origin())) {
            log.info("Refused /reload from {}", who);
            return Commands.reloadRefused(message);
        }
        log.info("Reload asked by admin {}", who);
        try {
            Library fresh = reload();
            return Commands.reloaded(message, fresh.index().size(), knowledgeVersion());
        } catch (RuntimeException e) {
            log.warn("Reload failed, keeping the previous knowledge: {}", reason(e));
            return Commands.reloadFailed(message, reason(e));
        }
    }

    private Reply feedbackFor(Inbound message) {
        if (!options.isAdmin(message.origin())) {
            log.info("Refused /feedback from {}", BotOptions.adminKey(message.origin()));
            return Commands.feedbackRefused(message);
        }
        return feedback.report(message);
    }

    /** Stores a vote on an answer this core gave; committed before it returns. */
    @Override
    public VoteReceipt vote(Vote vote) {
        return feedback.vote(vote);
    }

    /** The feedback this core records, for the terminal's report. */
    public Feedback feedback() {
        return feedback;
    }

    /** The answer to a question with the features behind the decision. */
    public Answer explain(String question) {
        return commands.explain(question, library());
    }

    /**
     * Rebuilds the library from the setup and swaps it in; the old one keeps serving meanwhile.
     *
     * @throws IllegalArgumentException naming the file when the new knowledge cannot be loaded;
     *     the old library stays in place
     */
    public Library reload() {
        reloading.lock();
        try {
            Library fresh;
            try {
                fresh = loader.load(setup);
            } catch (RuntimeException e) {
                failedReloads.incrementAndGet();
                reloads.incrementAndGet();
                throw e;
            }
            Loaded old = current.get();
            current.set(new Loaded(fresh, old.version() + 1));
            // The new version already keys new answers apart; emptying the cache frees the old ones now.
            answers.invalidateAll();
            // Counted after the swap: whoever sees the count also sees the new knowledge.
            reloads.incrementAndGet();
            compareSchedules(old.library(), fresh);
            BotProfile before = profileOf(old.library());
            BotProfile after = profileOf(fresh);
            if (!before.equals(after)) {
                profileListeners.forEach(l -> l.accept(after));
            }
            log.info(
                    "Reloaded: {} passages (was {}), knowledge version {}",
                    fresh.index().size(),
                    old.library().index().size(),
                    old.version() + 1);
            return fresh;
        } finally {
            reloading.unlock();
        }
    }

    /**
     * Finds, stores and announces what changed in the catalogs. A store that cannot take the
     * changes costs them, not the reload: the new knowledge is already serving.
     */
    private void compareSchedules(Library before, Library after) {
        try {
            schedule.compare(before.catalog(), after.catalog());
        } catch (RuntimeException e) {
            log.warn("Could not record the schedule changes of this reload: {}", reason(e));
        }
    }

    /** The schedule changes found at reloads, for whoever posts them (add a listener). */
    public ScheduleChanges scheduleChanges() {
        return schedule;
    }

    /**
     * Like {@link #reload()}, but a failure is one warning naming the cause, and the old library
     * keeps serving: for the watcher, where nobody is there to catch.
     */
    public Optional<Library> tryReload() {
        try {
            return Optional.of(reload());
        } catch (RuntimeException e) {
            log.warn("Reload failed, keeping the previous knowledge: {}", reason(e));
            return Optional.empty();
        }
    }

    /** The loader's messages name the folder or file at fault; that is what an operator needs. */
    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Starts polling the catalogs published at addresses; a round that brings a new version reloads,
     * which compares the talks. Their copies are left out of {@link #watchKnowledge()}: the poller
     * reloads for them already.
     */
    public void poll(CatalogPoller poller, java.time.Duration interval) {
        poller.copies().forEach(p -> polled.add(p.toAbsolutePath().normalize()));
        poller.start(interval, this::tryReload);
    }

    /** Starts watching the setup's notes folders and catalogs; a change reloads in the background. */
    public KnowledgeWatcher watchKnowledge() {
        KnowledgeWatcher watcher = new KnowledgeWatcher(
                setup.notesFolders(),
                java.util.stream.Stream.concat(
                                setup.catalogs().stream()
                                        .filter(p -> !polled.contains(
                                                p.toAbsolutePath().normalize())),
                                setup.conferences().stream())
                        .toList(),
                KnowledgeWatcher.DEBOUNCE,
                this::tryReload);
        watcher.start();
        return watcher;
    }

    /** Starts at 0 and goes up by one with every successful reload. */
    public long knowledgeVersion() {
        return current.get().version();
    }

    /** Reloads attempted, successful or not (by the watcher or /reload). */
    public long reloadCount() {
        return reloads.get();
    }

    /** Reloads that failed and left the previous knowledge in place. */
    public long failedReloadCount() {
        return failedReloads.get();
    }

    /** The conferences of the current knowledge, as menus name them. */
    @Override
    public BotProfile profile() {
        return profileOf(library());
    }

    /** {@code listener} hears each new profile after a reload that changed it. */
    public void onProfileChange(java.util.function.Consumer<BotProfile> listener) {
        profileListeners.add(listener);
    }

    private static BotProfile profileOf(Library library) {
        ConferenceRegistry registry = library.registry();
        return new BotProfile(
                registry.all().stream()
                        .map(c -> new BotProfile.ConferenceEntry(
                                c.id(),
                                Commands.token(c, registry),
                                c.shortName().en(),
                                c.shortName().zh(),
                                c.days().stream().map(d -> d.date().toString()).toList()))
                        .toList(),
                library.catalog().talks().stream()
                        .flatMap(t -> java.util.stream.Stream.concat(t.room().stream(), t.track().stream()))
                        .distinct()
                        .toList());
    }

    public BotOptions options() {
        return options;
    }

    public Library library() {
        return current.get().library();
    }

    /** Closes the current index, at shutdown; answers in flight should have finished. */
    @Override
    public void close() {
        current.get().library().index().close();
    }

    @Override
    public List<String> suggest(String prefix, int limit) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        Library lib = library();
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

    @Override
    public List<String> suggestPlaces(String prefix, int limit) {
        return suggestFrom(
                library().catalog().talks().stream()
                        .flatMap(t -> java.util.stream.Stream.concat(t.room().stream(), t.track().stream())),
                prefix,
                limit);
    }

    @Override
    public List<String> suggestTalks(String prefix, int limit) {
        return suggestFrom(
                library().catalog().talks().stream()
                        .filter(t -> t.start().isPresent() && t.date().isPresent())
                        .map(t -> t.title()),
                prefix,
                limit);
    }

    /** The names that start with {@code prefix}, then those that contain it, each once, at most {@code limit}. */
    private static List<String> suggestFrom(java.util.stream.Stream<String> names, String prefix, int limit) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        Set<String> starts = new LinkedHashSet<>();
        Set<String> contains = new LinkedHashSet<>();
        names.forEach(name -> offer(name, p, starts, contains));
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
