package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.chat.Inbound;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description =
                "An interactive prompt: type questions or slash commands (/help, /schedule, /slides); /quit or Ctrl-D ends.")
final class ChatCli implements Callable<Integer> {

    @Mixin
    KnowledgeOptions knowledge;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Function<Setup, ConfBot> bots;
    private final InputStream in;

    ChatCli(Function<Setup, ConfBot> bots, InputStream in) {
        this.bots = bots;
        this.in = in;
    }

    @Override
    public Integer call() {
        ConfBot bot = bots.apply(knowledge.setup());
        PrintWriter out = spec.commandLine().getOut();
        String names = bot.profile().names(false);
        out.println("confbot — ask about " + (names.isEmpty() ? "your notes" : names)
                + ". /help for commands, /quit to leave.");
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
                out.println(PlainReplies.render(bot.reply(Inbound.fromConsole(line))));
                out.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read from the terminal: " + e.getMessage(), e);
        }
    }
}
