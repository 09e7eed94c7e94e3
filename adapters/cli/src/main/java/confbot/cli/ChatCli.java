package confbot.cli;

import confbot.core.BotOptions;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.catalog.CatalogReader;
import confbot.core.chat.ChatPoster;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.Vote;
import confbot.core.feedback.Feedback;
import confbot.core.remind.SubscriptionDesk;
import confbot.core.schedule.CatalogPoller;
import confbot.core.schedule.ScheduleChanges;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.state.StateStoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = {
            "An interactive prompt: type questions or slash commands (/help, /schedule, /slides); /quit or Ctrl-D ends.",
            "/good and /bad rate the last answer; /feedback shows the ratings. Answers and votes go to the state"
                    + " that `serve` keeps (--state).",
            "/subscribe prints each talk's reminder here while chat runs; /remind <talk> one talk's."
        })
final class ChatCli implements Callable<Integer> {

    @Mixin
    KnowledgeOptions knowledge;

    @Mixin
    StateOptions stateOptions;

    @Option(
            names = "--remind-before",
            paramLabel = "DURATION",
            description = "Print each reminder this long before its talk (default 10m; CONFBOT_REMIND_BEFORE).")
    Optional<String> remindBefore = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final ServeCli.Cores bots;
    private final InputStream in;
    private final Map<String, String> env;

    ChatCli(ServeCli.Cores bots, InputStream in, Map<String, String> env) {
        this.bots = bots;
        this.in = in;
        this.env = env;
    }

    @Override
    public Integer call() {
        StateStore store;
        StateLocation location = stateOptions.location(env);
        Path copies = KnowledgeOptions.copiesFolder(location);
        try {
            store = JdbcStateStore.open(location);
        } catch (StateStoreException e) {
            spec.commandLine().getErr().println("confbot chat: " + e.getMessage());
            return 2;
        }
        Duration lead = lead();
        BotOptions options = BotOptions.defaults();
        InstantSource clock = options.clock();
        Setup setup = knowledge.setup(copies);
        try (store;
                CatalogPoller poller = new CatalogPoller(
                        knowledge.remotes(copies),
                        CatalogPoller.client(),
                        new CatalogReader(setup.catalogMaxBytes()))) {
            Duration interval = knowledge.pollInterval();
            // Fetched before the first load, which reads the copies.
            poller.fetchFirst();
            ScheduleChanges schedule = new ScheduleChanges(store.scheduleChanges(), clock);
            ConfBot bot = bots.create(
                    setup,
                    options,
                    Feedback.to(store.answers(), clock),
                    SubscriptionDesk.to(store.subscriptions(), clock, lead),
                    schedule);
            bot.poll(poller, interval);
            // The terminal's reminders and schedule changes are printed between the prompts, as long as chat runs.
            Subscribing reminders =
                    Subscribing.start(bot, schedule, store.subscriptions(), List.of(new Printer()), clock, lead);
            try {
                return converse(bot);
            } finally {
                reminders.close();
            }
        }
    }

    /** --remind-before, else CONFBOT_REMIND_BEFORE or reminders.before, as serve reads them. */
    private Duration lead() {
        Map<String, String> options = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        remindBefore.ifPresent(d -> {
            options.put(Settings.REMIND_BEFORE, d);
            names.put(Settings.REMIND_BEFORE, "--remind-before");
        });
        return ServeSettings.remindBefore(ServeEnvironment.of(
                ServeCli.configFile(stateOptions.config, env).map(ConfigFile::read), env, options, names));
    }

    /** The terminal as a chat to post to: what the core posts on its own is printed. */
    private final class Printer implements ChatPoster {
        @Override
        public Platform platform() {
            return Platform.CONSOLE;
        }

        @Override
        public CompletionStage<Outcome> post(String chatId, Reply reply) {
            PrintWriter out = spec.commandLine().getOut();
            synchronized (out) {
                out.println();
                out.println(PlainReplies.render(reply));
                out.println();
                out.print("> ");
                out.flush();
            }
            return CompletableFuture.completedFuture(Outcome.POSTED);
        }
    }

    private int converse(ConfBot bot) {
        PrintWriter out = spec.commandLine().getOut();
        String names = bot.profile().names(false);
        out.println("confbot — ask about " + (names.isEmpty() ? "your notes" : names)
                + ". /help for commands, /good or /bad to rate the last answer, /quit to leave.");
        // The terminal has no buttons: /good and /bad stand for 👍 and 👎 under the answer just shown.
        Optional<String> lastAnswer = Optional.empty();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            while (true) {
                out.print("> ");
                out.flush();
                String line = reader.readLine();
                if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
                    out.println();
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                Optional<Vote.Rating> rating = rating(line.strip());
                if (rating.isPresent()) {
                    out.println(lastAnswer
                            .map(id -> bot.vote(new Vote(id, rating.get(), Origin.console(), Locale.ROOT))
                                    .text())
                            .orElse("Nothing to rate yet: /good and /bad rate the last answer."));
                    out.println();
                    continue;
                }
                // The core refuses /feedback to the terminal, as /reload, since it names no admin; but
                // whoever runs chat can read this state with `confbot feedback`, so chat shows it.
                Reply reply = line.strip().equals("/feedback")
                        ? bot.feedback().report(Inbound.fromConsole(line))
                        : bot.reply(Inbound.fromConsole(line));
                if (reply.kind() == Reply.Kind.ANSWER || reply.kind() == Reply.Kind.NOT_COVERED) {
                    lastAnswer = reply.answerId(); // an abstention has nothing to rate
                }
                out.println(PlainReplies.render(reply));
                out.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read from the terminal: " + e.getMessage(), e);
        }
    }

    private static Optional<Vote.Rating> rating(String line) {
        return switch (line.toLowerCase(Locale.ROOT)) {
            case "/good", "/👍" -> Optional.of(Vote.Rating.UP);
            case "/bad", "/👎" -> Optional.of(Vote.Rating.DOWN);
            default -> Optional.empty();
        };
    }
}
