package confbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import confbot.core.chat.Inbound;
import confbot.core.chat.Source;
import confbot.core.feedback.Feedback;
import confbot.core.state.AnswerLog;
import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.state.StateStoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "feedback",
        mixinStandardHelpOptions = true,
        description = {
            "What people thought of the answers, from the state `serve` keeps: counts, the worst rated answers"
                    + " and the most asked questions the notes did not cover (what /feedback shows admins).",
            "Example: confbot feedback --json --state /var/lib/confbot/state.db | jq .unanswered"
        })
final class FeedbackCli implements Callable<Integer> {

    @Mixin
    StateOptions stateOptions;

    @Option(
            names = "--json",
            description = "Print one JSON object: totals, worst_rated (with each answer's text, sources and"
                    + " knowledge version) and unanswered; every rated answer and every gap unless --limit.")
    boolean json;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "At most N worst rated answers and N gaps (default 5; all with --json).")
    Optional<Integer> limit = Optional.empty();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    FeedbackCli(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (limit.isPresent() && limit.get() < 0) {
            throw new IllegalArgumentException("--limit must be 0 or more, was " + limit.get());
        }
        StateLocation location = stateOptions.location(env);
        PrintWriter err = spec.commandLine().getErr();
        // Reading must not create an empty state where none was kept: a wrong path is an error.
        if (location instanceof StateLocation.SqliteFile file && !Files.isRegularFile(file.file())) {
            err.println("confbot feedback: no state at " + file.file() + " (" + file.setting()
                    + "); point --state at the file `serve` keeps");
            return 2;
        }
        try (StateStore store = JdbcStateStore.open(location)) {
            Feedback feedback = Feedback.to(store.answers(), InstantSource.system());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json(store.describe(), feedback.summary(limit.orElse(Integer.MAX_VALUE))));
            } else {
                out.println(feedback.report(Inbound.fromConsole("/feedback"), limit.orElse(Feedback.REPORT_ROWS))
                        .text());
            }
            out.flush();
            return 0;
        } catch (StateStoreException e) {
            err.println("confbot feedback: " + e.getMessage());
            return 2;
        }
    }

    private static String json(String state, Feedback.Summary summary) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("state", state);
        AnswerLog.Totals t = summary.totals();
        root.putObject("totals")
                .put("answers", t.answers())
                .put("times_answered", t.askedAnswered())
                .put("unanswered_questions", t.abstentions())
                .put("times_unanswered", t.askedAbstained())
                .put("up", t.up())
                .put("down", t.down());
        ArrayNode worst = root.putArray("worst_rated");
        for (AnswerLog.Rated r : summary.worstRated()) {
            ObjectNode node = worst.addObject()
                    .put("answer_id", r.answerId())
                    .put("question", r.question())
                    .put("answer", r.text())
                    .put("knowledge_version", r.knowledgeVersion())
                    .put("times_asked", r.timesAsked())
                    .put("up", r.up())
                    .put("down", r.down());
            ArrayNode sources = node.putArray("sources");
            for (Source s : r.sources()) {
                sources.addObject().put("title", s.title()).put("url", s.url().toString());
            }
        }
        ArrayNode gaps = root.putArray("unanswered");
        for (AnswerLog.Gap g : summary.unanswered()) {
            gaps.addObject()
                    .put("question", g.question())
                    .put("times_asked", g.timesAsked())
                    .put("last_asked", g.lastAsked().toString());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; this is a bug if it happens.
            throw new IllegalStateException(e);
        }
    }
}
