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
    void chatTakesQuestionsAndCommandsUntilQuit() {
        Run r = run("/help\n2018 年大会 PPT 的百度网盘提取码是多少？\n/quit\nnot read\n", "chat");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("/schedule").contains("5vn0");
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
