package confbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The questions every benchmark asks: those of the public evaluation set, read at run time from
 * {@code ../shared/eval/public.jsonl} (or the file {@value #PROPERTY} names), never copied into
 * this repository.
 */
public final class Questions {

    /** The system property that points at another evaluation file. */
    public static final String PROPERTY = "confbot.bench.eval";

    private Questions() {}

    public static Path defaultFile() {
        return Path.of(System.getProperty(PROPERTY, "../shared/eval/public.jsonl"))
                .toAbsolutePath()
                .normalize();
    }

    /** The {@code question} of each JSON line, in file order. */
    public static List<String> read(Path jsonl) {
        ObjectMapper json = new ObjectMapper();
        try {
            List<String> out = Files.readAllLines(jsonl, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> question(json, line))
                    .toList();
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no questions in " + jsonl);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the questions from " + jsonl + " (set -D" + PROPERTY + ")", e);
        }
    }

    private static String question(ObjectMapper json, String line) {
        try {
            JsonNode node = json.readTree(line);
            String q = node.path("question").asText("");
            if (q.isBlank()) {
                throw new IllegalArgumentException("a line without a question: " + line);
            }
            return q;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }
}
