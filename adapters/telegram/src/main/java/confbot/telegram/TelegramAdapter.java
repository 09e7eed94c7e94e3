package confbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.chat.AnswerVotes;
import confbot.core.chat.BotProfile;
import confbot.core.chat.ChatAdapter;
import confbot.core.chat.ChatBot;
import confbot.core.chat.ChatPoster;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.VoteReceipt;
import confbot.core.state.Inbox;
import confbot.core.state.StateStoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The bot on Telegram, through telegrambots: long polling by default, or a webhook when
 * {@link TelegramConfig#webhookUrl()} is set (for several replicas behind a load balancer, where
 * concurrent long polls would fail with 409 Conflict).
 *
 * <p>A thin adapter: {@link UpdateMapper} decides what is addressed to the bot, the core answers,
 * {@link HtmlRenderer} formats, {@link SendQueue} paces each chat and retries each kind of failure
 * as it should be retried. Every update taken is journaled in the {@link Inbox} first ({@link
 * UpdateDispatcher}) and marked done once answered, so a crash or a stop loses none: at start the
 * adapter answers what the last run left. The adapter owns every thread it uses, all daemon
 * threads, and {@link #close()} stops them: it hands on no more updates, stops polling, lets the
 * answers being made and sent finish, and confirms to Telegram every update journaled.
 *
 * <p>As a {@link ChatPoster} it posts what the core writes on its own (reminders, schedule
 * changes) through the same send queue as answers: paced per chat, 429s waited out, long texts
 * split by the renderer. A chat the bot was removed from, or may not write in, ends as {@link
 * ChatPoster.Outcome#FORBIDDEN}.
 */
public final class TelegramAdapter implements ChatAdapter, ChatPoster {

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);
    /** What the bot asks Telegram for; everything else (edits, reactions, joins) it would ignore anyway. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "inline_query", "callback_query");

    /**
     * The workers only compute (the core's answer, the HTML): every call to Telegram they make is
     * sent without waiting for it. So one per core keeps the cores busy, and more only take turns.
     */
    private static final int WORKER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** Senders only hand calls to the HTTP client, which answers them on its own threads. */
    private static final int SEND_THREADS = 2;
    /**
     * Calls in flight to Telegram at once, and connections kept open for them. OkHttp's defaults
     * (5 per host, 5 idle connections) would queue the answers of a busy bot behind each other: every
     * call goes to the one host, and each waits a round trip. Telegram's own limit is about 30
     * messages a second across chats, far below what this many connections carry.
     */
    static final int MAX_CALLS_IN_FLIGHT = 32;
    /**
     * How long {@link #close()} waits for answers in flight once polling has stopped. With the poll
     * below it keeps a stop within the 10 s that orchestrators (Kubernetes, systemd) give between
     * SIGTERM and SIGKILL. What does not finish stays journaled and is answered at the next start.
     */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(3);

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    /**
     * Without a vote taker no reply carries buttons, but an old message's may still be pressed:
     * the press is answered (the spinner stops) and nothing is stored.
     */
    private static final AnswerVotes NO_VOTES = vote -> new VoteReceipt(VoteReceipt.Outcome.FAILED, "");
    /**
     * How long Telegram may hold a long poll. Far shorter than telegrambots' default 50 s because
     * {@link #close()} lets the poll in flight end by itself: cutting it makes telegrambots log an
     * error on every shutdown, and a successor polling while it is still open gets 409 Conflict.
     * Five seconds costs one idle request every five seconds and keeps a stop under 10 s.
     */
    static final int POLL_TIMEOUT_SECONDS = 5;

    private static final Duration POLL_READ_TIMEOUT = Duration.ofSeconds(POLL_TIMEOUT_SECONDS + 20);
    private static final Duration CALL_READ_TIMEOUT = Duration.ofSeconds(30);

    private final TelegramConfig config;
    private final ChatBot bot;
    private final AnswerVotes votes;
    private final InstantSource clock;
    private final Inbox inbox;
    private final InboxPolicy policy;
    private final BiFunction<ScheduledExecutorService, ExecutorService, Scheduler> schedulers;
    private final DeliveryEvents events;
    private final Redactor redactor;
    private final ObjectMapper json = new ObjectMapper();
    private final HtmlRenderer renderer = new HtmlRenderer();
    private final UpdateReader reader = new UpdateReader(json);
    private final AtomicInteger threadCount = new AtomicInteger();
    private final Object lifecycle = new Object();

    private boolean started;
    private volatile boolean closed;
    private OkHttpClient callHttp;
    private OkHttpClient pollHttp;
    /** Set by start(); read by profileChanged() on the reloading thread. */
    private volatile TelegramClient client;

    private ScheduledExecutorService poller;
    private ScheduledExecutorService timer;
    private ExecutorService senders;
    private volatile TelegramBotsLongPollingApplication longPolling;
    private UpdateDispatcher dispatcher;
    private DoneWriter doneWriter;
    private SendQueue sendQueue;
    private volatile WebhookReceiver webhook;
    private volatile BotIdentity identity;
    /** Set by start(); read by post() on the reminder and change threads. */
    private volatile SendQueue posts;

    /**
     * @param inbox where every update taken is journaled until answered; the caller opens and closes
     *     it, after this adapter is closed
     */
    public TelegramAdapter(TelegramConfig config, ChatBot bot, InstantSource clock, Inbox inbox, InboxPolicy policy) {
        this(config, bot, clock, inbox, policy, DeliveryEvents.none());
    }

    /** @param events told each update's outcome and each retry, to be counted */
    public TelegramAdapter(
            TelegramConfig config,
            ChatBot bot,
            InstantSource clock,
            Inbox inbox,
            InboxPolicy policy,
            DeliveryEvents events) {
        this(config, bot, NO_VOTES, clock, inbox, policy, Scheduler::of, events);
    }

    /** @param votes takes the 👍 / 👎 pressed under answers that carry an answer id */
    public TelegramAdapter(
            TelegramConfig config,
            ChatBot bot,
            AnswerVotes votes,
            InstantSource clock,
            Inbox inbox,
            InboxPolicy policy,
            DeliveryEvents events) {
        this(config, bot, votes, clock, inbox, policy, Scheduler::of, events);
    }

    /** With a scheduler that tests can observe instead of waiting. */
    TelegramAdapter(
            TelegramConfig config,
            ChatBot bot,
            InstantSource clock,
            Inbox inbox,
            InboxPolicy policy,
            BiFunction<ScheduledExecutorService, ExecutorService, Scheduler> schedulers) {
        this(config, bot, NO_VOTES, clock, inbox, policy, schedulers, DeliveryEvents.none());
    }

    private TelegramAdapter(
            TelegramConfig config,
            ChatBot bot,
            AnswerVotes votes,
            InstantSource clock,
            Inbox inbox,
            InboxPolicy policy,
            BiFunction<ScheduledExecutorService, ExecutorService, Scheduler> schedulers,
            DeliveryEvents events) {
        this.config = config;
        this.bot = bot;
        this.votes = votes;
        this.clock = clock;
        this.inbox = inbox;
        this.policy = policy;
        this.schedulers = schedulers;
        this.events = events;
        this.redactor = new Redactor(config.token());
    }

    @Override
    public String name() {
        return "telegram";
    }

    /**
     * Learns the bot's username with getMe, registers the commands menu, then starts long polling or
     * the webhook listener. Returns once updates are being received.
     *
     * @throws IllegalStateException if Telegram cannot be reached or refuses the token
     */
    @Override
    public void start() throws Exception {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("already started");
            }
            started = true;
            Instant startedAt = clock.instant();
            TelegramUrl url = config.telegramUrl();
            callHttp = httpClient(CALL_READ_TIMEOUT, "confbot-telegram-http");
            client = new OkHttpTelegramClient(json, callHttp, config.token(), url);
            try {
                User me = client.execute(new GetMe());
                identity = new BotIdentity(
                        me.getId(), Optional.ofNullable(me.getUserName()).orElse(""));
                log.info("Connected to Telegram as @{} ({})", identity.username(), config);
                registerCommands();
                timer = Executors.newSingleThreadScheduledExecutor(daemon("confbot-telegram-timer"));
                senders = Executors.newFixedThreadPool(SEND_THREADS, daemon("confbot-telegram-send"));
                sendQueue = new SendQueue(
                        client,
                        new ChatPacer(clock),
                        schedulers.apply(timer, senders),
                        Retries.of(policy.retryFor()),
                        clock,
                        redactor,
                        new Random(),
                        events);
                UpdateHandler handler = new UpdateHandler(
                        new UpdateMapper(identity),
                        bot,
                        renderer,
                        sendQueue,
                        // Real time, whatever scheduler the sends use: the indicator is cosmetic.
                        Scheduler.of(timer, senders),
                        config.skipBacklog() ? Optional.of(startedAt) : Optional.empty(),
                        redactor,
                        new VoteCallbacks(votes, sendQueue),
                        this::mayManage);
                doneWriter = new DoneWriter(inbox, UpdateDispatcher.PLATFORM, daemon("confbot-telegram-journal"));
                dispatcher = new UpdateDispatcher(
                        inbox,
                        json,
                        clock,
                        handler::handle,
                        new ThreadPoolExecutor(
                                WORKER_THREADS,
                                WORKER_THREADS,
                                0,
                                TimeUnit.MILLISECONDS,
                                new LinkedBlockingQueue<>(),
                                daemon("confbot-telegram-update")),
                        doneWriter,
                        events);
                prune();
                // Before taking anything new: what the last run took and did not answer, oldest first.
                dispatcher.replay(policy.maxAge());
                posts = sendQueue;
                timer.scheduleWithFixedDelay(
                        this::prune, PRUNE_EVERY.toMinutes(), PRUNE_EVERY.toMinutes(), TimeUnit.MINUTES);
                if (config.webhookUrl().isPresent()) {
                    startWebhook();
                } else {
                    startLongPolling(url);
                }
            } catch (StateStoreException e) {
                close();
                throw new IllegalStateException("Telegram did not start: " + e.getMessage());
            } catch (TelegramApiException | RuntimeException e) {
                String reason = redactor.describe(e);
                close();
                // No cause attached: its messages would bypass the redaction.
                throw new IllegalStateException("Telegram did not start: " + reason);
            }
        }
    }

    @Override
    public boolean isConnected() {
        if (closed) {
            return false;
        }
        TelegramBotsLongPollingApplication polling = longPolling;
        return polling != null ? polling.isRunning() : webhook != null;
    }

    /**
     * Hands on no more updates (they are still journaled), stops polling, lets the answers being
     * made and sent finish (up to {@link #DRAIN_TIMEOUT} after polling stopped), confirms to
     * Telegram every update journaled, and stops every thread. What was not answered stays
     * journaled for the next start. Keeps the webhook registered: with several replicas, the others
     * are still serving it. Returns only once no answer is being made, so the caller may then close
     * the index and the store.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        int queued = 0;
        if (dispatcher != null) {
            queued = dispatcher.stopAccepting();
        }
        if (webhook != null) {
            webhook.close();
        }
        stopLongPolling();
        if (dispatcher != null) {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            queued += dispatcher.drain(DRAIN_TIMEOUT);
            int unsent = sendQueue.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (queued + unsent > 0) {
                log.info("{} update(s) left journaled for the next start", queued + unsent);
            }
            // What was answered is marked done before the caller closes the store.
            if (!doneWriter.close(DRAIN_TIMEOUT)) {
                log.warn("The journal was still being written after {} s", DRAIN_TIMEOUT.toSeconds());
            }
            confirmTakenUpdates();
        } else if (doneWriter != null) {
            doneWriter.close(DRAIN_TIMEOUT);
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (senders != null) {
            senders.shutdown();
        }
        for (OkHttpClient http : new OkHttpClient[] {pollHttp, callHttp}) {
            if (http != null) {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
        log.info("Telegram adapter closed");
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    /**
     * Queues {@code reply} for the chat {@code chatId} on the chat's lane, behind its answers.
     * Completes once Telegram took every part, or refused one for good.
     */
    @Override
    public CompletionStage<ChatPoster.Outcome> post(String chatId, Reply reply) {
        SendQueue queue = posts;
        long chat;
        try {
            chat = Long.parseLong(chatId);
        } catch (NumberFormatException e) {
            // Never a chat the bot could post in, now or later.
            log.warn("Not posting to '{}': not a Telegram chat id", chatId);
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FORBIDDEN);
        }
        List<String> parts = renderer.render(reply, Locale.ROOT);
        if (queue == null || closed || parts.isEmpty()) {
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FAILED);
        }
        List<SendMessage> sends = new java.util.ArrayList<>();
        for (String part : parts) {
            sends.add(SendMessage.builder()
                    .chatId(chat)
                    .text(part)
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(
                            LinkPreviewOptions.builder().isDisabled(true).build())
                    .build());
        }
        CompletableFuture<ChatPoster.Outcome> posted = new CompletableFuture<>();
        boolean queued = queue.submit(new SendQueue.Outgoing(
                0,
                chatId,
                chat < 0, // groups and channels have negative ids; a private chat is the user's id
                true,
                sends,
                CompletableFuture.completedFuture(null),
                outcome -> posted.complete(
                        switch (outcome) {
                            case DeliveryEvents.ANSWERED -> ChatPoster.Outcome.POSTED;
                            case DeliveryEvents.FORBIDDEN -> ChatPoster.Outcome.FORBIDDEN;
                            default -> ChatPoster.Outcome.FAILED;
                        })));
        return queued ? posted : CompletableFuture.completedFuture(ChatPoster.Outcome.FAILED);
    }

    /** getChatMember: the group's creator and its administrators may manage it. */
    private boolean mayManage(long chatId, long userId) {
        TelegramClient c = client;
        if (c == null) {
            return false;
        }
        try {
            ChatMember member = c.execute(
                    GetChatMember.builder().chatId(chatId).userId(userId).build());
            return "creator".equals(member.getStatus()) || "administrator".equals(member.getStatus());
        } catch (TelegramApiException | RuntimeException e) {
            log.info("Could not ask Telegram whether a member manages chat {}: {}", chatId, redactor.describe(e));
            return false;
        }
    }

    /** The webhook listener's port, for tests that configure port 0. */
    int webhookPort() {
        return webhook.boundPort();
    }

    /** The menu names the conferences: a reload that changed them sets it again. */
    @Override
    public void profileChanged(BotProfile profile) {
        if (client != null) {
            registerCommands(profile);
        }
    }

    private void registerCommands() {
        registerCommands(bot.profile());
    }

    private void registerCommands(BotProfile profile) {
        // Failing to set the menu costs a convenience, not the bot; start anyway.
        for (Locale language : List.of(Locale.ENGLISH, Locale.CHINESE)) {
            SetMyCommands.SetMyCommandsBuilder<?, ?> menu =
                    SetMyCommands.builder().commands(BotCommands.menu(language, profile));
            if (language.equals(Locale.CHINESE)) {
                menu.languageCode("zh");
            }
            try {
                client.execute(menu.build());
            } catch (TelegramApiException | RuntimeException e) {
                log.warn("Could not register the {} commands menu: {}", language, redactor.describe(e));
            }
        }
    }

    private void startLongPolling(TelegramUrl url) throws TelegramApiException {
        pollHttp = httpClient(POLL_READ_TIMEOUT, "confbot-telegram-poll-http");
        // telegrambots' default executor is non-daemon and never shut down; this one is ours.
        poller = Executors.newSingleThreadScheduledExecutor(daemon("confbot-telegram-poll"));
        longPolling = new TelegramBotsLongPollingApplication(
                () -> json, () -> pollHttp, () -> poller, ExponentialBackOff::new);
        // A lambda, not the dispatcher itself: BotSession.close() would drain it before polling stops.
        UpdateDispatcher target = dispatcher;
        longPolling.registerBot(config.token(), () -> url, this::nextPoll, target::consume);
        log.info("Long polling Telegram for updates");
    }

    /**
     * The next long poll: like telegrambots' DefaultGetUpdatesGenerator, with a shorter hold, and
     * with the offset after the last update journaled rather than the last one received, which is
     * what confirms updates to Telegram: only what is on disk is ever confirmed. (The two differ
     * only at start, after answering what the last run left, and while stopping.)
     */
    private GetUpdates nextPoll(Integer lastReceived) {
        return reader.lenient(GetUpdates.builder()
                .offset((int) dispatcher.highestJournaled() + 1)
                .limit(100)
                .timeout(POLL_TIMEOUT_SECONDS)
                .allowedUpdates(ALLOWED_UPDATES)
                .build());
    }

    private void startWebhook() throws Exception {
        webhook = new WebhookReceiver(
                config.webhookPort(),
                config.webhookPath().orElseThrow(),
                config.webhookSecret().orElseThrow(),
                reader,
                dispatcher::accept,
                Executors.newFixedThreadPool(2, daemon("confbot-telegram-webhook")));
        // Listen first, so that Telegram's first push finds the listener.
        webhook.start();
        client.execute(SetWebhook.builder()
                .url(config.webhookUrl().orElseThrow().toString())
                .secretToken(config.webhookSecret().orElseThrow())
                .allowedUpdates(ALLOWED_UPDATES)
                .dropPendingUpdates(config.skipBacklog())
                .build());
        log.info("Webhook registered at {}", config.webhookUrl().orElseThrow());
    }

    private void stopLongPolling() {
        if (longPolling == null) {
            return;
        }
        try {
            longPolling.close();
        } catch (Exception e) {
            log.warn("Stopping long polling: {}", redactor.describe(e));
        }
        // close() only cancels the next poll. The one in flight ends within POLL_TIMEOUT_SECONDS; waiting
        // for it means no two polls overlap when this process (or its successor) confirms the offset.
        // Whatever it brings is refused by the dispatcher and stays unconfirmed for the next start.
        poller.shutdown();
        try {
            if (!poller.awaitTermination(POLL_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS)) {
                log.warn("The long poll did not end in time; cutting it");
                pollHttp.dispatcher().cancelAll();
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            pollHttp.dispatcher().cancelAll();
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets answered updates once no duplicate of them can arrive any more. */
    private void prune() {
        try {
            int removed = inbox.prune(clock.instant().minus(policy.keepDone()));
            if (removed > 0) {
                log.debug("Pruned {} answered update(s) from the journal", removed);
            }
        } catch (StateStoreException e) {
            log.warn("Pruning the journal failed; trying again later: {}", e.getMessage());
        }
    }

    /**
     * Tells Telegram the updates taken are safe: a getUpdates with the next offset confirms every
     * update below it. They are journaled, so those not yet answered are answered by the next start;
     * without this, Telegram would deliver them again and the journal would have to drop them.
     */
    private void confirmTakenUpdates() {
        long highest = dispatcher.highestJournaled();
        if (longPolling == null || highest == 0) {
            return;
        }
        try {
            client.execute(GetUpdates.builder()
                    .offset((int) highest + 1)
                    .limit(1)
                    .timeout(0)
                    .build());
            log.debug("Confirmed updates up to {}", highest);
        } catch (TelegramApiException | RuntimeException e) {
            log.warn(
                    "Could not confirm updates up to {}; the next start may see them again: {}",
                    highest,
                    redactor.describe(e));
        }
    }

    private OkHttpClient httpClient(Duration readTimeout, String threadName) {
        // OkHttp's default dispatcher threads are non-daemon and linger 60 s after the last call.
        ExecutorService calls = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemon(threadName));
        Dispatcher limits = new Dispatcher(calls);
        limits.setMaxRequests(MAX_CALLS_IN_FLIGHT);
        limits.setMaxRequestsPerHost(MAX_CALLS_IN_FLIGHT);
        return new OkHttpClient.Builder()
                .dispatcher(limits)
                .connectionPool(new ConnectionPool(MAX_CALLS_IN_FLIGHT, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(30))
                .build();
    }

    private ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
