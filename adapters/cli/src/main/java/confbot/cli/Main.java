package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.Setup;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** confbot's command line. Exit codes: 0 success, 1 evaluation failures or runtime error, 2 usage. */
@Command(
        name = "confbot",
        mixinStandardHelpOptions = true,
        version = "confbot 0.1.0",
        description = "Answers questions about the conferences of its registry from notes, with sources.",
        subcommands = {AskCli.class, ChatCli.class, EvalCli.class, ServeCli.class, FeedbackCli.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // The JDK's HttpServer (Telegram webhooks, /healthz, /metrics) writes headers and body in two
        // packets; without TCP_NODELAY every request on a kept-alive connection waits ~40 ms for
        // the client's delayed ACK (BENCHMARKS.md). It reads this once, so it is set first.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        System.exit(run(
                args,
                System.in,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.getenv()));
    }

    /** Runs the command line with the given streams and environment; returns the exit code. */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        Function<Setup, ConfBot> factory = ConfBot::create;
        ServeCli.Cores served = ConfBot::create;
        CommandLine cli = new CommandLine(new Main(), new Factory(factory, served, in, env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("confbot: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Gives subcommands their collaborators through their constructors; no static state. */
    private record Factory(
            Function<Setup, ConfBot> bots, ServeCli.Cores servedBots, InputStream in, Map<String, String> env)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == AskCli.class) {
                return cls.cast(new AskCli(bots, in));
            }
            if (cls == ChatCli.class) {
                return cls.cast(new ChatCli(servedBots, in, env));
            }
            if (cls == FeedbackCli.class) {
                return cls.cast(new FeedbackCli(env));
            }
            if (cls == EvalCli.class) {
                return cls.cast(new EvalCli(bots));
            }
            if (cls == ServeCli.class) {
                return cls.cast(new ServeCli(servedBots, env));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
