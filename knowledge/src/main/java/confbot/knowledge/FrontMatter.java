package confbot.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown file into its YAML front matter (Hugo/Jekyll {@code ---} block) and its body.
 * Shared by the strict loader of curated notes and the lenient reader of raw notes folders.
 */
public final class FrontMatter {

    // The block must open the file (a BOM or blank lines may precede it) and close on its own line.
    private static final Pattern BLOCK =
            Pattern.compile("\\A\\uFEFF?\\s*---[ \\t]*\\R(?:(.*?)\\R)?---[ \\t]*(\\R|\\z)", Pattern.DOTALL);

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** A parsed file: its front matter fields (empty when there is none) and the rest. */
    public record Parsed(Map<String, Object> fields, String body) {
        public Parsed {
            fields = Map.copyOf(fields);
        }

        public Optional<String> text(String key) {
            Object value = fields.get(key);
            return value == null
                    ? Optional.empty()
                    : Optional.of(value.toString().trim()).filter(s -> !s.isEmpty());
        }
    }

    /**
     * Parses strictly: front matter that is not valid YAML mapping is an error.
     *
     * @throws KnowledgeException naming {@code name} when the front matter does not parse
     */
    public Parsed parse(String name, String content) {
        Matcher m = BLOCK.matcher(content);
        if (!m.find()) {
            return new Parsed(Map.of(), content);
        }
        String body = content.substring(m.end());
        String block = m.group(1) == null ? "" : m.group(1);
        if (block.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            return new Parsed(Map.of(), body); // empty, or only comments: Jackson would call it an error
        }
        try {
            Object tree = yaml.readValue(block, Object.class);
            if (tree == null) {
                return new Parsed(Map.of(), body);
            }
            if (!(tree instanceof Map<?, ?> map)) {
                throw new KnowledgeException(name + ": front matter is not a mapping of fields");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    fields.put(String.valueOf(k), v);
                }
            });
            return new Parsed(fields, body);
        } catch (JacksonException e) {
            throw new KnowledgeException(name + ": front matter is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses leniently: front matter that does not parse is dropped and the body kept. */
    public Parsed parseLenient(String name, String content) {
        try {
            return parse(name, content);
        } catch (KnowledgeException e) {
            Matcher m = BLOCK.matcher(content);
            return new Parsed(Map.of(), m.find() ? content.substring(m.end()) : content);
        }
    }
}
