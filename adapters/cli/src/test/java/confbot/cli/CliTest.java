package confbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process: real knowledge, real index, real output. */
final class CliTest {

    record Run(int exit, String out, String err) {}

    static Run run(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    static Run runWithEnv(Map<String, String> env, String... args) {
        return run("", env, args);
    }

    static Run run(String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                env);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void answersWhenAndWhereWithDatesVenueAndSource() {
        Run r = run("", "ask", "When and where was KubeCon China 2019?");

        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("24")
                .contains("26")
                .containsIgnoringCase("June")
                .contains("Expo");
        assertThat(r.out()).contains("Sources:").contains("https://");
    }

    @Test
    void batchJsonModeAnswersEachStdinLineInOrder() throws IOException {
        Run r = run("2018 年大会 PPT 的百度网盘提取码是多少？\nWhat is the Wi-Fi password at the venue?\n/help\n", "ask", "--json");

        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("question").asText()).startsWith("2018 年大会");
        assertThat(first.get("answered").asBoolean()).isTrue();
        assertThat(first.get("text").asText()).contains("5vn0");
        assertThat(first.get("sources").get(0).get("url").asText()).startsWith("http");
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("answered").asBoolean()).isFalse();
        assertThat(second.get("sources")).isEmpty();
        assertThat(json.readTree(lines.get(2)).get("text").asText()).contains("/schedule");
    }

    @Test
    void missingNotesFolderIsAClearUsageError() {
        Run r = run("", "ask", "--notes", "/no/such/folder", "hello");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--notes").contains("/no/such/folder");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("", "ask", "--frobnicate", "hello");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate");
    }

    @Test
    void noBuiltinWithNothingElseIsRefused() {
        Run r = run("", "ask", "--no-builtin", "hello");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--no-builtin");
    }

    @Test
    void chatTakesQuestionsAndCommandsUntilQuit(@TempDir Path dir) {
        Run r = run(
                "/help\n2018 年大会 PPT 的百度网盘提取码是多少？\n/quit\nnot read\n",
                "chat",
                "--state",
                dir.resolve("state.db").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("/schedule").contains("5vn0");
    }

    @Test
    void chatRatesTheLastAnswerAndFeedbackExportsTheVotesAndTheGaps(@TempDir Path dir) throws IOException {
        String state = dir.resolve("state.db").toString();
        Run chat = run(
                String.join(
                        "\n",
                        "/good",
                        "2018 年大会 PPT 的百度网盘提取码是多少？",
                        "/good",
                        "/bad",
                        "What is the Wi-Fi password at the venue?",
                        "/good",
                        "What is the Wi-Fi password at the venue?",
                        "/feedback",
                        "/quit"),
                "chat",
                "--state",
                state);

        assertThat(chat.exit()).isZero();
        assertThat(chat.out())
                .contains("Nothing to rate yet")
                .contains("Thanks for the feedback 👍")
                .contains("Changed your vote to 👎, thanks")
                .contains("1. 👎 1 👍 0 — 2018 年大会 PPT 的百度网盘提取码是多少? (asked once)")
                .contains("1. What is the Wi-Fi password at the venue? — asked 2 times");
        assertThat(chat.out().split("Nothing to rate yet", -1))
                .as("an abstention has nothing to rate")
                .hasSize(3);

        Run export = runWithEnv(Map.of("CONFBOT_STATE_FILE", state), "feedback", "--json");

        assertThat(export.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(export.out());
        assertThat(json.at("/totals/down").asInt()).isEqualTo(1);
        assertThat(json.at("/totals/times_unanswered").asInt()).isEqualTo(2);
        JsonNode worst = json.at("/worst_rated/0");
        // Kept as the answer cache keys it: NFKC, so full-width and half-width forms are one question.
        assertThat(worst.path("question").asText()).isEqualTo("2018 年大会 PPT 的百度网盘提取码是多少?");
        assertThat(worst.path("answer").asText()).contains("5vn0");
        assertThat(worst.path("sources").get(0).path("url").asText()).startsWith("https://");
        assertThat(worst.path("knowledge_version").asText()).matches("[0-9a-f]{12}");
        assertThat(json.at("/unanswered/0/question").asText()).isEqualTo("What is the Wi-Fi password at the venue?");
        assertThat(json.at("/unanswered/0/times_asked").asInt()).isEqualTo(2);

        Run text = run("", "feedback", "--state", state);
        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("Feedback: 1 distinct answer given (asked once), 👍 0, 👎 1.");
    }

    @Test
    void feedbackWithoutAStateFileIsAOneLineErrorNamingTheSetting(@TempDir Path dir) {
        Run r = run("", "feedback", "--json", "--state", dir.resolve("none.db").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip())
                .startsWith("confbot feedback: no state at ")
                .contains("--state")
                .doesNotContain("\n");
        assertThat(dir.resolve("none.db")).doesNotExist();
    }

    @Test
    void evalAppliesThePassRuleAndEndsWithTheTally(@TempDir Path dir) throws IOException {
        Path set = dir.resolve("set.jsonl");
        Files.writeString(
                set,
                String.join(
                        "\n",
                        "{\"id\":\"a\",\"question\":\"2018 年大会 PPT 的百度网盘提取码是多少？\",\"answerable\":true,\"must_contain\":[[\"5vn0\"]]}",
                        "{\"id\":\"b\",\"question\":\"2018 年大会 PPT 的百度网盘提取码是多少？\",\"answerable\":true,\"must_contain\":[[\"no-such-string\"]]}",
                        "{\"id\":\"c\",\"question\":\"What is the Wi-Fi password at the venue?\",\"answerable\":false,\"must_contain\":[]}"));

        Run r = run("", "eval", set.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("FAIL b").doesNotContain("FAIL a").doesNotContain("FAIL c");
        assertThat(r.out().lines().reduce((x, y) -> y)).contains("2 passed, 1 failed");
        assertThat(run("", "eval", "--min-pass", "3", set.toString()).exit()).isEqualTo(1);
    }

    @Test
    void evalRejectsAMissingOrMalformedFile(@TempDir Path dir) throws IOException {
        assertThat(run("", "eval", dir.resolve("none.jsonl").toString()).exit()).isEqualTo(2);
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "not json\n");
        Run r = run("", "eval", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.jsonl:1");
    }

    @Test
    void serveWithoutTokensNamesBothVariables() {
        Run r = run("", "serve");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("TELEGRAM_BOT_TOKEN").contains("DISCORD_BOT_TOKEN");
    }
}
