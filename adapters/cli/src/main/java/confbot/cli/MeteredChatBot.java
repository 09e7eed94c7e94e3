package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.chat.AnswerVotes;
import confbot.core.chat.BotProfile;
import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.TopicSuggester;
import confbot.core.chat.Vote;
import confbot.core.chat.VoteReceipt;
import confbot.core.command.Commands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The core as the adapters see it in {@code serve}: {@link ConfBot}, measured. Answers are exactly
 * the core's; this only counts them, so {@code ask} and {@code chat} (which use the core directly)
 * and {@code serve} answer alike.
 *
 * <p>Meters (Prometheus names): {@code confbot_questions_total{platform}} every message the
 * adapters pass in, commands included; {@code confbot_replies_total{platform,kind}} by {@link
 * Reply.Kind} (answer and listing are answered, not_covered is an abstention, usage a bad command);
 * {@code confbot_answer_latency_seconds} a histogram per platform; {@code
 * confbot_errors_total{platform}} answers that failed, thrown or turned into the core's apology;
 * {@code confbot_index_documents} passages in the current index; {@code confbot_reloads_total},
 * {@code confbot_reloads_failed_total} and {@code confbot_knowledge_version} from the core; {@code
 * confbot_votes_total{platform,outcome}} the 👍 / 👎 presses by {@link VoteReceipt.Outcome}.
 */
final class MeteredChatBot implements ChatBot, TopicSuggester, AnswerVotes {

    private final ConfBot bot;
    private final MeterRegistry registry;
    private final Map<Platform, Counter> questions = new EnumMap<>(Platform.class);
    private final Map<Platform, Counter> errors = new EnumMap<>(Platform.class);
    private final Map<Platform, Timer> latency = new EnumMap<>(Platform.class);
    private final Map<Platform, Map<Reply.Kind, Counter>> replies = new EnumMap<>(Platform.class);
    private final Map<Platform, Map<VoteReceipt.Outcome, Counter>> votes = new EnumMap<>(Platform.class);

    MeteredChatBot(ConfBot bot, MeterRegistry registry) {
        this.bot = bot;
        this.registry = registry;
        // Every series is registered up front at zero, so dashboards and rate() see the platform
        // before its first message rather than a gap.
        for (Platform platform : Platform.values()) {
            String p = tag(platform);
            questions.put(
                    platform,
                    Counter.builder("confbot.questions")
                            .description("Messages addressed to the bot, commands included")
                            .tag("platform", p)
                            .register(registry));
            errors.put(
                    platform,
                    Counter.builder("confbot.errors")
                            .description("Messages the core failed to answer (an exception, or its apology reply)")
                            .tag("platform", p)
                            .register(registry));
            latency.put(
                    platform,
                    Timer.builder("confbot.answer.latency")
                            .description("Time the core took to reply")
                            .tag("platform", p)
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(1))
                            .maximumExpectedValue(Duration.ofSeconds(30))
                            .register(registry));
            Map<Reply.Kind, Counter> byKind = new EnumMap<>(Reply.Kind.class);
            for (Reply.Kind kind : Reply.Kind.values()) {
                byKind.put(
                        kind,
                        Counter.builder("confbot.replies")
                                .description(
                                        "Replies by kind: answer and listing answered, not_covered abstained, usage a bad command")
                                .tag("platform", p)
                                .tag("kind", tag(kind))
                                .register(registry));
            }
            replies.put(platform, byKind);
            Map<VoteReceipt.Outcome, Counter> byOutcome = new EnumMap<>(VoteReceipt.Outcome.class);
            for (VoteReceipt.Outcome outcome : VoteReceipt.Outcome.values()) {
                byOutcome.put(
                        outcome,
                        Counter.builder("confbot.votes")
                                .description("👍 / 👎 presses under answers, by what became of them")
                                .tag("platform", p)
                                .tag("outcome", tag(outcome))
                                .register(registry));
            }
            votes.put(platform, byOutcome);
        }
        Gauge.builder("confbot.index.documents", bot, b -> b.library().index().size())
                .description("Passages in the index answers are drawn from")
                .register(registry);
        // Read from the core, which counts reloads from the watcher and from /reload alike.
        FunctionCounter.builder("confbot.reloads", bot, ConfBot::reloadCount)
                .description("Knowledge reloads attempted (watcher and /reload)")
                .register(registry);
        FunctionCounter.builder("confbot.reloads.failed", bot, ConfBot::failedReloadCount)
                .description("Reloads that failed and kept the previous knowledge")
                .register(registry);
        Gauge.builder("confbot.knowledge.version", bot, ConfBot::knowledgeVersion)
                .description("Starts at 0, one up with every successful reload")
                .register(registry);
    }

    /** Where the adapters' own meters go. */
    MeterRegistry registry() {
        return registry;
    }

    @Override
    public BotProfile profile() {
        return bot.profile();
    }

    @Override
    public Reply reply(Inbound message) {
        Platform platform = message.origin().platform();
        questions.get(platform).increment();
        Timer.Sample sample = Timer.start();
        try {
            Reply reply = bot.reply(message);
            replies.get(platform).get(reply.kind()).increment();
            if (isApology(message, reply)) {
                errors.get(platform).increment();
            }
            return reply;
        } catch (RuntimeException e) {
            // The core promises not to throw; if it does anyway, count it and let the adapter apologise.
            errors.get(platform).increment();
            throw e;
        } finally {
            sample.stop(latency.get(platform));
        }
    }

    /**
     * The core turns a failure into a polite usage reply and logs it; the reply's text is the only
     * sign of it at the port, so it is compared with the one the core would write.
     */
    private static boolean isApology(Inbound message, Reply reply) {
        return reply.kind() == Reply.Kind.USAGE && reply.text().equals(Commands.failure(message));
    }

    @Override
    public VoteReceipt vote(Vote vote) {
        VoteReceipt receipt = bot.vote(vote);
        votes.get(vote.voter().platform()).get(receipt.outcome()).increment();
        return receipt;
    }

    @Override
    public List<String> suggest(String prefix, int limit) {
        return bot.suggest(prefix, limit);
    }

    @Override
    public List<String> suggestPlaces(String prefix, int limit) {
        return bot.suggestPlaces(prefix, limit);
    }

    @Override
    public List<String> suggestTalks(String prefix, int limit) {
        return bot.suggestTalks(prefix, limit);
    }

    /** The core, for what is not a chat message: its index, for readiness and shutdown. */
    ConfBot core() {
        return bot;
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
