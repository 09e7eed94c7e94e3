package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import confbot.core.answer.Answer;
import confbot.core.index.Analyzers;
import confbot.core.ingest.Passage;
import confbot.core.testing.Fixtures;
import confbot.knowledge.KnowledgeBase;
import confbot.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers from other people's raw notes of other conferences (Hugo, Hexo, Pelican, plain Markdown)
 * read as text: no site markup, no image or link syntax, and every piece of an answer is a whole
 * sentence or line of the notes, neither begun nor ended in the middle of one.
 */
final class CleanAnswersTest {

    private static final Path CORPUS = Fixtures.shared().resolve("corpora/other-conferences");
    private static final Pattern MARKUP = Pattern.compile("\\{\\{|\\{%|<[a-zA-Z/][^>]*>|!\\[|\\]\\(");
    /**
     * How an answer joins what it takes from the notes: lines, list items (；), and the lines a
     * colon introduces.
     */
    private static final Pattern PIECES = Pattern.compile("\n|；|; |(?<=[:!?.]) |(?<=[。！？：])");

    private static final String AFTER_COMMA = "(?<=[,、，])[ \n]+";
    /** Where a piece of an answer may begin or end in the notes' text. */
    private static final String BOUNDARY = "\n。！？!?.;；:：…";

    private static List<String> answers;
    private static String notesText;

    @BeforeAll
    static void ask() throws IOException {
        KnowledgeBase builtin = new KnowledgeLoader().loadBuiltin();
        Setup setup = new Setup(false, List.of(CORPUS.resolve("notes")), List.of());
        try (var library =
                new LibraryLoader(builtin, new Analyzers()).load(setup).index()) {
            // A line that ends in a comma goes on in the next; an answer joins the two as one sentence.
            notesText = library.passages().stream()
                    .map(Passage::text)
                    .collect(Collectors.joining("\n"))
                    .replaceAll(AFTER_COMMA, " ");
        }
        ConfBot bot = ConfBot.create(builtin, setup, BotOptions.defaults());
        answers = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(CORPUS.resolve("questions.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode q = json.readTree(line);
            Answer a = bot.explain(q.get("question").asText());
            if (a.answered()) {
                answers.add(a.text());
            }
        }
        bot.close();
    }

    @Test
    void mostQuestionsAreAnswered() {
        assertThat(answers).hasSizeGreaterThan(40);
    }

    @Test
    void noAnswerCarriesMarkup() {
        assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContainPattern(MARKUP));
    }

    @Test
    void everyPieceOfAnAnswerIsAWholeSentenceOfTheNotes() {
        for (String answer : answers) {
            for (String piece : PIECES.split(answer.replaceAll(AFTER_COMMA, " "))) {
                String p = piece.strip();
                if (p.isEmpty()) {
                    continue;
                }
                assertThat(wholeSomewhere(p))
                        .as("%s%nin the answer:%n%s", p, answer)
                        .isTrue();
            }
        }
    }

    /** Whether the notes hold the piece with a sentence boundary (or their start or end) on each side. */
    private static boolean wholeSomewhere(String piece) {
        for (int at = notesText.indexOf(piece); at >= 0; at = notesText.indexOf(piece, at + 1)) {
            int end = at + piece.length();
            boolean starts = at == 0 || boundaryBefore(at);
            boolean ends = end == notesText.length()
                    || BOUNDARY.indexOf(piece.charAt(piece.length() - 1)) >= 0
                    || BOUNDARY.indexOf(notesText.charAt(end)) >= 0
                    || Character.isWhitespace(notesText.charAt(end));
            if (starts && ends) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundaryBefore(int at) {
        int i = at - 1;
        while (i >= 0 && notesText.charAt(i) == ' ') {
            i--;
        }
        // An emoji stands where a chatty post puts its full stop ("…in the world 😄 So on Sunday").
        return i < 0
                || BOUNDARY.indexOf(notesText.charAt(i)) >= 0
                || Character.getType(notesText.charAt(i)) == Character.SURROGATE
                || Character.getType(notesText.charAt(i)) == Character.OTHER_SYMBOL;
    }
}
