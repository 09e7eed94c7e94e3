package confbot.cli;

import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.answer.Answer;
import confbot.core.catalog.CatalogReader;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.schedule.CatalogPoller;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = {
            "Answers one question, or with none given, each line of standard input in order.",
            "Example: confbot ask \"When and where was the conference?\""
        })
final class AskCli implements Callable<Integer> {

    @Mixin
    KnowledgeOptions knowledge;

    @Option(names = "--json", description = "Print one JSON object per question: question, answered, text, sources.")
    boolean json;

    @Option(names = "--explain", description = "Also print why the bot answered or abstained (to stderr).")
    boolean explain;

    @Parameters(
            arity = "0..*",
            paramLabel = "QUESTION",
            description = "The question (quote it, or give it as several words).")
    List<String> words = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Function<Setup, ConfBot> bots;
    private final InputStream in;

    AskCli(Function<Setup, ConfBot> bots, InputStream in) {
        this.bots = bots;
        this.in = in;
    }

    @Override
    public Integer call() {
        Setup setup = knowledge.setup();
        // A catalog given as an address is fetched once: a question is answered from today's version.
        try (CatalogPoller poller = new CatalogPoller(
                knowledge.remotes(Path.of(KnowledgeOptions.COPIES_FOLDER)),
                CatalogPoller.client(),
                new CatalogReader(setup.catalogMaxBytes()))) {
            poller.fetchFirst();
        }
        ConfBot bot = bots.apply(setup);
        PrintWriter out = spec.commandLine().getOut();
        JsonReplies jsonReplies = new JsonReplies();
        if (!words.isEmpty()) {
            answer(bot, String.join(" ", words), out, jsonReplies);
            return 0;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                answer(bot, line, out, jsonReplies);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read questions from standard input: " + e.getMessage(), e);
        }
        return 0;
    }

    private void answer(ConfBot bot, String question, PrintWriter out, JsonReplies jsonReplies) {
        Reply reply = bot.reply(Inbound.fromConsole(question));
        if (json) {
            out.println(jsonReplies.line(question, reply));
        } else {
            out.println(PlainReplies.render(reply));
            if (!words.isEmpty()) {
                out.flush();
            } else {
                out.println();
            }
        }
        if (explain) {
            Answer a = bot.explain(question);
            spec.commandLine().getErr().println(question + "\n  " + a.why());
        }
        out.flush();
    }
}
