package confbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.ConfBot;
import confbot.core.Setup;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Scores the bot on an evaluation set (JSON Lines: question, answerable, must_contain) with the",
            "pass rule of shared/eval/README.md; lists each failure and ends with 'N passed, M failed'."
        })
final class EvalCli implements Callable<Integer> {

    /** The scorer reads this many characters of an answer. */
    static final int LIMIT = 600;

    @Mixin
    KnowledgeOptions knowledge;

    @Parameters(index = "0", paramLabel = "FILE.jsonl")
    Path file;

    @Option(
            names = "--min-pass",
            paramLabel = "N",
            description = "Exit 1 when fewer than N items pass (default: never).")
    int minPass = 0;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Function<Setup, ConfBot> bots;

    EvalCli(Function<Setup, ConfBot> bots) {
        this.bots = bots;
    }

    /** One evaluation line. */
    record Item(String id, String question, boolean answerable, List<List<String>> mustContain) {}

    @Override
    public Integer call() {
        List<Item> items = read(file);
        ConfBot bot = bots.apply(knowledge.setup());
        PrintWriter out = spec.commandLine().getOut();
        int passed = 0;
        for (Item item : items) {
            Reply reply = bot.reply(Inbound.fromConsole(item.question()));
            if (passes(item, reply)) {
                passed++;
            } else {
                out.printf(
                        "FAIL %s: %s%n  want %s%n  got  answered=%s %s%n",
                        item.id(),
                        item.question(),
                        item.answerable() ? item.mustContain() : "no answer",
                        reply.answered(),
                        reply.text()
                                .replace('\n', ' ')
                                .substring(0, Math.min(300, reply.text().length())));
            }
        }
        out.printf("%d passed, %d failed%n", passed, items.size() - passed);
        return passed >= minPass ? 0 : 1;
    }

    static boolean passes(Item item, Reply reply) {
        if (!item.answerable()) {
            return !reply.answered();
        }
        if (!reply.answered()) {
            return false;
        }
        String head = reply.text()
                .substring(0, Math.min(LIMIT, reply.text().length()))
                .toLowerCase(Locale.ROOT);
        return item.mustContain().stream()
                .allMatch(group -> group.stream().anyMatch(term -> head.contains(term.toLowerCase(Locale.ROOT))));
    }

    static List<Item> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such evaluation file: " + file);
        }
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = json.readTree(lines.get(i));
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a JSON object");
                }
                if (n == null || !n.hasNonNull("question")) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": no 'question'");
                }
                List<List<String>> groups = new ArrayList<>();
                for (JsonNode g : n.path("must_contain")) {
                    List<String> terms = new ArrayList<>();
                    g.forEach(t -> terms.add(t.asText()));
                    groups.add(terms);
                }
                items.add(new Item(
                        n.path("id").asText("line " + (i + 1)),
                        n.get("question").asText(),
                        n.path("answerable").asBoolean(true),
                        groups));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return items;
    }
}
