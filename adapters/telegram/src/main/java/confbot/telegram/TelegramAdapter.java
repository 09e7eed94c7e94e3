package confbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.chat.ChatAdapter;
import confbot.core.chat.ChatBot;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The bot on Telegram, through telegrambots: long polling by default, or a webhook when
 * {@link TelegramConfig#webhookUrl()} is set (for several replicas behind a load balancer, where
 * concurrent long polls would fail with 409 Conflict).
 *
 * <p>A thin adapter: {@link UpdateMapper} decides what is addressed to the bot, the core answers,
 * {@link HtmlRenderer} formats, {@link TelegramSender} paces and honours 429s. The adapter owns every
 * thread it uses, all daemon threads, and {@link #close()} stops them: first it takes no more
 * updates, then stops polling, lets answers in flight finish, and confirms the updates it took, so
 * that the next start neither answers them twice nor misses the rest.
 */
public final class TelegramAdapter implements ChatAdapter {

    private static final Logger log = LoggerFactory.getLogger(TelegramAdapter.class);
    /** What the bot asks Telegram for; everything else (edits, reactions, joins) it would ignore anyway. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "inline_query");

    private static final int WORKER_THREADS = 4;
    /**
     * How long {@link #close()} waits for answers in flight. With the poll below it keeps a stop
     * within the 10 s that orchestrators (Kubernetes, systemd) give between SIGTERM and SIGKILL.
     */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(3);
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
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final Redactor redactor;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final Object lifecycle = new Object();

    private boolean started;
    private volatile boolean closed;
    private OkHttpClient callHttp;
    private OkHttpClient pollHttp;
    private TelegramClient client;
    private ScheduledExecutorService poller;
    private volatile TelegramBotsLongPollingApplication longPolling;
    private UpdateDispatcher dispatcher;
    private volatile WebhookReceiver webhook;
    private volatile BotIdentity identity;

    public TelegramAdapter(TelegramConfig config, ChatBot bot, InstantSource clock) {
        this(config, bot, clock, Sleeper.system());
    }

    /** With a sleeper that tests can observe instead of waiting. */
    TelegramAdapter(TelegramConfig config, ChatBot bot, InstantSource clock, Sleeper sleeper) {
        this.config = config;
        this.bot = bot;
        this.clock = clock;
        this.sleeper = sleeper;
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
                UpdateHandler handler = new UpdateHandler(
                        new UpdateMapper(identity),
                        bot,
                        new HtmlRenderer(),
                        new TelegramSender(client, new ChatPacer(clock), sleeper),
                        config.skipBacklog() ? Optional.of(startedAt) : Optional.empty(),
                        redactor);
                dispatcher = new UpdateDispatcher(
                        handler::handle,
                        Executors.newFixedThreadPool(WORKER_THREADS, daemon("confbot-telegram-update")));
                if (config.webhookUrl().isPresent()) {
                    startWebhook();
                } else {
                    startLongPolling(url);
                }
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
     * Stops taking updates, lets answers in flight finish (up to 30 s), confirms the updates taken to
     * Telegram, and stops every thread. Keeps the webhook registered: with several replicas, the
     * others are still serving it.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (dispatcher != null) {
            dispatcher.stopAccepting();
        }
        if (webhook != null) {
            webhook.close();
        }
        stopLongPolling();
        if (dispatcher != null) {
            dispatcher.drain(DRAIN_TIMEOUT);
            confirmTakenUpdates();
        }
        for (OkHttpClient http : new OkHttpClient[] {pollHttp, callHttp}) {
            if (http != null) {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
        log.info("Telegram adapter closed");
    }

    /** The webhook listener's port, for tests that configure port 0. */
    int webhookPort() {
        return webhook.boundPort();
    }

    private void registerCommands() {
        // Failing to set the menu costs a convenience, not the bot; start anyway.
        for (Locale language : List.of(Locale.ENGLISH, Locale.CHINESE)) {
            SetMyCommands.SetMyCommandsBuilder<?, ?> menu =
                    SetMyCommands.builder().commands(BotCommands.menu(language));
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
        longPolling.registerBot(config.token(), () -> url, TelegramAdapter::nextPoll, target::consume);
        log.info("Long polling Telegram for updates");
    }

    /** The next long poll: like telegrambots' DefaultGetUpdatesGenerator, with a shorter hold. */
    private static GetUpdates nextPoll(Integer lastReceived) {
        return GetUpdates.builder()
                .offset(lastReceived + 1)
                .limit(100)
                .timeout(POLL_TIMEOUT_SECONDS)
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
    }

    private void startWebhook() throws Exception {
        webhook = new WebhookReceiver(
                config.webhookPort(),
                config.webhookPath().orElseThrow(),
                config.webhookSecret().orElseThrow(),
                json,
                dispatcher,
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

    /**
     * Tells Telegram the updates taken are done with: a getUpdates with the next offset confirms every
     * update below it. Without this, updates answered after the last poll would be delivered again
     * to the next start and answered twice.
     */
    private void confirmTakenUpdates() {
        int highest = dispatcher.highestAccepted();
        if (longPolling == null || highest == 0) {
            return;
        }
        try {
            client.execute(
                    GetUpdates.builder().offset(highest + 1).limit(1).timeout(0).build());
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
        return new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(calls))
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
