package confbot.discord;

import confbot.core.chat.AnswerVotes;
import confbot.core.chat.BotProfile;
import confbot.core.chat.ChatAdapter;
import confbot.core.chat.ChatBot;
import confbot.core.chat.ChatPoster;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.TopicSuggester;
import confbot.core.chat.VoteReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord connection of {@code confbot serve}: slash commands, mentions and autocomplete,
 * through JDA.
 *
 * <p>Always runs JDA's {@link ShardManager}, even for one shard: one code path for a bot in three
 * servers and one in thousands. Without {@code DISCORD_SHARDS} Discord recommends the shard count
 * (one below 2,500 servers); with {@code DISCORD_SHARDS} and {@code DISCORD_SHARD_IDS} several
 * processes split the shards between them.
 *
 * <p>Answers are computed on an executor this adapter owns, never on JDA's event thread.
 *
 * <p>As a {@link ChatPoster} it posts what the core writes on its own (reminders, schedule changes)
 * into a server channel, or to a person's DMs, through JDA, whose rate limiter waits out each
 * route's 429s; {@link Delivery} retries Discord's server errors. A channel the bot cannot see or
 * write in (gone, or a missing permission) ends as {@link ChatPoster.Outcome#FORBIDDEN}.
 */
public final class DiscordAdapter implements ChatAdapter, ChatPoster {

    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

    /** The core is CPU-bound and quick; a few threads keep one slow answer from queueing the rest. */
    private static final int ANSWER_THREADS = 4;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Discord lets a bot identify one shard per 5 seconds (per concurrency bucket). */
    private static final Duration READY_TIMEOUT_PER_SHARD = Duration.ofSeconds(6);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

    /** What the bot needs in a channel: see it, answer (also in threads), embed, reply to a message. */
    static final Set<Permission> PERMISSIONS = EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_HISTORY);

    /**
     * Without a vote taker no reply carries buttons, but an old message's may still be pressed: the
     * press is acknowledged and nothing is stored.
     */
    private static final AnswerVotes NO_VOTES = vote -> new VoteReceipt(VoteReceipt.Outcome.FAILED, "");

    /** What Discord answers when the bot may not post there: never worth another try. */
    private static final Set<ErrorResponse> FORBIDDEN = EnumSet.of(
            ErrorResponse.MISSING_ACCESS,
            ErrorResponse.MISSING_PERMISSIONS,
            ErrorResponse.UNKNOWN_CHANNEL,
            ErrorResponse.UNKNOWN_USER,
            ErrorResponse.CANNOT_SEND_TO_USER);

    private final DiscordConfig config;
    private final DiscordRenderer renderer = new DiscordRenderer();
    private final ExecutorService answering;
    /** Only waits between retries of a delivery; the sending itself is JDA's. */
    private final ScheduledExecutorService retrying;

    private final Delivery delivery;
    private final DiscordListener listener;
    private final ReadyShards readyShards = new ReadyShards();
    private volatile ShardManager shards;
    private volatile boolean closed;

    public DiscordAdapter(DiscordConfig config, ChatBot bot, TopicSuggester topics) {
        this(config, bot, topics, NO_VOTES, Delivery.RetryPolicy.DEFAULT);
    }

    /** @param votes takes the 👍 / 👎 pressed under answers that carry an answer id */
    public DiscordAdapter(DiscordConfig config, ChatBot bot, TopicSuggester topics, AnswerVotes votes) {
        this(config, bot, topics, votes, Delivery.RetryPolicy.DEFAULT);
    }

    /** With another retry policy, for tests that cannot wait minutes for a give-up. */
    DiscordAdapter(DiscordConfig config, ChatBot bot, TopicSuggester topics, Delivery.RetryPolicy retries) {
        this(config, bot, topics, NO_VOTES, retries);
    }

    private DiscordAdapter(
            DiscordConfig config, ChatBot bot, TopicSuggester topics, AnswerVotes votes, Delivery.RetryPolicy retries) {
        this.config = Objects.requireNonNull(config, "config");
        this.answering = Executors.newFixedThreadPool(ANSWER_THREADS, new Threads("discord-answer-"));
        this.retrying = Executors.newSingleThreadScheduledExecutor(new Threads("discord-retry-"));
        this.delivery = new Delivery(retrying, retries, Clock.systemUTC());
        this.listener = new DiscordListener(
                bot, topics, answering, renderer, config.messageContent(), config.guildId(), delivery, votes);
    }

    @Override
    public String name() {
        return "discord";
    }

    /**
     * Logs in and waits until every shard of this process is connected (or a timeout passes, after
     * which the shards keep connecting in the background and {@link #isConnected()} tells).
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord rejects the token
     * @throws IllegalStateException when Discord closes a shard for good while connecting
     */
    @Override
    public synchronized void start() throws InterruptedException {
        if (closed || shards != null) {
            throw new IllegalStateException("the Discord adapter starts once");
        }
        log.info("Connecting to Discord ({})", config);
        shards = builder().build();
        int expected = expectedShards();
        Duration timeout = READY_TIMEOUT.plus(READY_TIMEOUT_PER_SHARD.multipliedBy(expected));
        boolean ready;
        try {
            ready = readyShards.await(expected, timeout);
        } catch (IllegalStateException e) {
            shards.shutdown();
            throw e;
        }
        if (ready) {
            // JDA fires READY before it marks the shard CONNECTED; wait for the status too, so that
            // isConnected() (and /readyz) agree with a start() that has returned.
            for (JDA jda : shards.getShardCache()) {
                jda.awaitReady();
            }
            log.info("Connected to Discord: {} shard(s) of {}", expected, shards.getShardsTotal());
            shards.getShardCache().stream()
                    .findFirst()
                    .ifPresent(jda -> log.info(
                            "Invite the bot to a server: {}",
                            inviteUrl(jda.getSelfUser().getApplicationId())));
        } else {
            log.warn("Not all {} Discord shard(s) ready after {}; still connecting", expected, timeout);
        }
    }

    DefaultShardManagerBuilder builder() {
        // Slash commands need no intents; mentions need guild messages and their content.
        // JDA always asks for GUILDS itself: the servers and their channels are in its cache, which is
        // what posting a reminder into a channel needs (the channel, and the bot's permissions in it).
        EnumSet<GatewayIntent> intents = config.messageContent()
                ? EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                : EnumSet.noneOf(GatewayIntent.class);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(config.token(), intents)
                .addEventListeners(listener, readyShards)
                // close() shuts JDA down after the answers in flight; JDA's own hook would race it.
                .setEnableShutdownHook(false)
                .setShardsTotal(config.shardsTotal().orElse(-1)); // -1: as many as Discord recommends
        if (!config.shardIds().isEmpty()) {
            builder.setShards(config.shardIds());
        }
        config.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url.toString())));
        config.gatewayUrl().ifPresent(url -> builder.setSessionController(new FixedGateway(url.toString())));
        return builder;
    }

    /** The OAuth2 URL that adds the bot, with its slash commands and {@link #PERMISSIONS}, to a server. */
    static String inviteUrl(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(PERMISSIONS);
    }

    private int expectedShards() {
        List<Integer> ids = config.shardsToRun();
        return ids.isEmpty() ? shards.getShardsTotal() : ids.size();
    }

    /** The conference and day choices are the profile's: a reload that changed it registers them again. */
    @Override
    public void profileChanged(BotProfile profile) {
        ShardManager current = shards;
        if (current != null && !closed) {
            current.getShardCache().forEach(listener::registerAgain);
        }
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    /**
     * Posts {@code reply} into the server channel {@code chatId}, as embeds when the bot may embed
     * links there, else as plain text.
     */
    @Override
    public CompletionStage<ChatPoster.Outcome> post(String chatId, Reply reply) {
        ShardManager current = shards;
        if (current == null || closed) {
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FAILED);
        }
        GuildMessageChannel channel;
        try {
            channel = current.getChannelById(GuildMessageChannel.class, chatId);
        } catch (NumberFormatException e) {
            log.warn("Not posting to '{}': not a Discord channel id", chatId);
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FAILED);
        }
        if (channel == null) {
            // Every shard runs here and none knows the channel: it is gone, or the bot left the server.
            // With the shards split between processes, another one may have it.
            boolean allShardsHere = config.shardIds().isEmpty() && isConnected();
            return CompletableFuture.completedFuture(
                    allShardsHere ? ChatPoster.Outcome.FORBIDDEN : ChatPoster.Outcome.FAILED);
        }
        if (!channel.getGuild()
                .getSelfMember()
                .hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)) {
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FORBIDDEN);
        }
        Texts texts = Texts.of(channel.getGuild().getLocale().toLocale());
        List<Supplier<? extends RestAction<?>>> steps = new java.util.ArrayList<>();
        if (channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_EMBED_LINKS)) {
            for (List<MessageEmbed> message : renderer.render(reply, Optional.empty(), texts)) {
                steps.add(() -> channel.sendMessage(DiscordListener.create(message)));
            }
        } else {
            for (String message : renderer.renderPlain(reply, texts)) {
                steps.add(() -> channel.sendMessage(DiscordListener.create(message)));
            }
        }
        return deliver("a post to channel " + chatId, steps);
    }

    /** Whether JDA's cache holds the channel {@code id}: a test waits for the server to be set up. */
    boolean seesChannel(String id) {
        ShardManager current = shards;
        return current != null && current.getChannelById(GuildMessageChannel.class, id) != null;
    }

    /** Posts {@code reply} to the person's DMs, opening the DM channel first (JDA keeps it open). */
    @Override
    public CompletionStage<ChatPoster.Outcome> postToUser(String userId, Reply reply) {
        ShardManager current = shards;
        JDA jda = current == null
                ? null
                : current.getShardCache().stream().findFirst().orElse(null);
        if (jda == null || closed) {
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FAILED);
        }
        List<Supplier<? extends RestAction<?>>> steps = new java.util.ArrayList<>();
        for (List<MessageEmbed> message : renderer.render(reply, Optional.empty(), Texts.ENGLISH)) {
            steps.add(() ->
                    jda.openPrivateChannelById(userId).flatMap(dm -> dm.sendMessage(DiscordListener.create(message))));
        }
        return deliver("a post to a user's DMs", steps);
    }

    private CompletionStage<ChatPoster.Outcome> deliver(String what, List<Supplier<? extends RestAction<?>>> steps) {
        if (steps.isEmpty()) {
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FAILED);
        }
        return delivery.send(what, Instant.MAX, steps).handle((ignored, failure) -> {
            if (failure == null) {
                return ChatPoster.Outcome.POSTED;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure;
            if (cause instanceof ErrorResponseException refusal && FORBIDDEN.contains(refusal.getErrorResponse())) {
                log.info("Discord refused {}: {}", what, refusal.getMeaning());
                return ChatPoster.Outcome.FORBIDDEN;
            }
            if (!(cause instanceof Delivery.GaveUp)) {
                log.warn("{} failed: {}", what, cause.toString());
            }
            return ChatPoster.Outcome.FAILED;
        });
    }

    @Override
    public boolean isConnected() {
        ShardManager current = shards;
        return current != null
                && !closed
                && current.getShardCache().size() == expectedShards()
                && current.getShardCache().stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    /** Stops taking messages, lets the answers in flight be delivered, then disconnects. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        answering.shutdown();
        try {
            if (!answering.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Answers still running after {}; dropping them", CLOSE_TIMEOUT);
                answering.shutdownNow();
            }
            if (!delivery.awaitIdle(CLOSE_TIMEOUT)) {
                log.warn("Answers still being delivered after {}; dropping them", CLOSE_TIMEOUT);
            }
            retrying.shutdownNow();
            ShardManager current = shards;
            if (current != null) {
                List<JDA> running = List.copyOf(current.getShards());
                current.shutdown();
                for (JDA jda : running) {
                    jda.awaitShutdown(CLOSE_TIMEOUT);
                }
            }
        } catch (InterruptedException e) {
            answering.shutdownNow();
            retrying.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("Disconnected from Discord");
    }

    /**
     * Counts the shards that reached READY, so {@link #start()} can wait for them, and notices a
     * shard that Discord shut down for good (e.g. close code 4014, the Message Content intent not
     * enabled in the developer portal), so start-up fails with the reason instead of waiting.
     */
    static final class ReadyShards extends ListenerAdapter {
        private final Set<Integer> ready = new HashSet<>();
        private String failure;

        @Override
        public synchronized void onReady(ReadyEvent event) {
            ready.add(event.getJDA().getShardInfo().getShardId());
            notifyAll();
        }

        @Override
        public synchronized void onShutdown(ShutdownEvent event) {
            if (failure == null) {
                String meaning = Optional.ofNullable(event.getCloseCode())
                        .map(CloseCode::getMeaning)
                        .orElse("disconnected");
                failure = "Discord shard " + event.getJDA().getShardInfo().getShardId() + " shut down: " + meaning
                        + " (close code " + event.getCode() + ")";
            }
            notifyAll();
        }

        /**
         * @return whether {@code expected} shards are ready within the timeout
         * @throws IllegalStateException when a shard shut down before that
         */
        synchronized boolean await(int expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ready.size() < expected) {
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** {@code DISCORD_GATEWAY_URL}: connect there instead of where Discord's {@code gateway/bot} says. */
    static final class FixedGateway extends ConcurrentSessionController {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            ShardedGateway announced = super.getShardedGateway(api);
            return new ShardedGateway(url, announced.getShardTotal(), announced.getConcurrency());
        }
    }

    /** Daemon threads named for thread dumps; an unclosed adapter never keeps the JVM alive. */
    private static final class Threads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Threads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
