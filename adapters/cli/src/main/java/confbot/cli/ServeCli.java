package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.chat.ChatAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Runs the chat adapters whose tokens are set (TELEGRAM_BOT_TOKEN, DISCORD_BOT_TOKEN) until stopped.")
final class ServeCli implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCli.class);

    @Mixin
    KnowledgeOptions knowledge;

    @Option(names = "--skip-backlog", description = "Ignore Telegram updates sent before the bot started.")
    boolean skipBacklog;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Function<Setup, ConfBot> bots;
    private final Map<String, String> env;

    ServeCli(Function<Setup, ConfBot> bots, Map<String, String> env) {
        this.bots = bots;
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Setup setup = knowledge.setup();
        Adapters configured = Adapters.fromEnv(env);
        if (configured.isEmpty()) {
            spec.commandLine().getErr().println(
                    "confbot serve: no chat adapter is configured; set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN.");
            return 2;
        }
        List<ChatAdapter> adapters = configured.create(bots.apply(setup), skipBacklog);
        CountDownLatch stopped = new CountDownLatch(1);
        List<ChatAdapter> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (ChatAdapter a : started) {
                a.close();
            }
            stopped.countDown();
        }, "confbot-shutdown"));
        for (ChatAdapter adapter : adapters) {
            try {
                adapter.start();
            } catch (Exception e) {
                // The adapters word their failures without tokens; say which one and stop cleanly.
                started.forEach(ChatAdapter::close);
                adapter.close();
                spec.commandLine().getErr().println("confbot serve: cannot start " + adapter.name() + ": " + e.getMessage());
                return 1;
            }
            started.add(adapter);
            log.info("{} adapter connected", adapter.name());
        }
        spec.commandLine().getErr().println("confbot serving: " + adapters.stream().map(ChatAdapter::name).toList());
        stopped.await();
        return 0;
    }
}
