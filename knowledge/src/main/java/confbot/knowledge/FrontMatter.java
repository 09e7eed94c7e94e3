package confbot.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown file into its front matter and its body. The strict parse, for curated notes,
 * reads the YAML {@code ---} block of Hugo and Jekyll; the lenient one, for notes as people publish
 * them, also reads Hugo's TOML {@code +++} block, a fenced {@code ```toml}/{@code ```yaml} block
 * opening the file, and the {@code Key: value} header of Pelican and MultiMarkdown.
 */
public final class FrontMatter {

    // The block must open the file (a BOM or blank lines may precede it) and close on its own line.
    private static final Pattern BLOCK =
            Pattern.compile("\\A\\uFEFF?\\s*---[ \\t]*\\R(?:(.*?)\\R)?---[ \\t]*(\\R|\\z)", Pattern.DOTALL);

    private static final Pattern TOML_BLOCK =
            Pattern.compile("\\A\\uFEFF?\\s*\\+\\+\\+[ \\t]*\\R(.*?)\\R\\+\\+\\+[ \\t]*(\\R|\\z)", Pattern.DOTALL);
    private static final Pattern FENCED_BLOCK = Pattern.compile(
            "\\A\\uFEFF?\\s*```[ \\t]*(toml|ya?ml)[ \\t]*\\R(.*?)\\R```[ \\t]*(\\R|\\z)", Pattern.DOTALL);
    /** Pelican's header: {@code Key: value} lines up to the first blank line, the first one a title. */
    private static final Pattern HEADER_LINE = Pattern.compile("([A-Za-z][A-Za-z_-]{0,30}):[ \\t]*(.*)");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper toml = new TomlMapper();

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

    /**
     * Parses leniently, in any of the shapes the class comment lists: front matter that does not
     * parse is dropped and the body kept.
     */
    public Parsed parseLenient(String name, String content) {
        Matcher yamlBlock = BLOCK.matcher(content);
        if (yamlBlock.find()) {
            try {
                return parse(name, content);
            } catch (KnowledgeException e) {
                return new Parsed(Map.of(), content.substring(yamlBlock.end()));
            }
        }
        Matcher tomlBlock = TOML_BLOCK.matcher(content);
        if (tomlBlock.find()) {
            return new Parsed(mapping(toml, tomlBlock.group(1)), content.substring(tomlBlock.end()));
        }
        Matcher fenced = FENCED_BLOCK.matcher(content);
        if (fenced.find()) {
            ObjectMapper mapper = fenced.group(1).equals("toml") ? toml : yaml;
            return new Parsed(mapping(mapper, fenced.group(2)), content.substring(fenced.end()));
        }
        return header(content);
    }

    /** The fields of a block, or none when it is not a mapping that parses. */
    private static Map<String, Object> mapping(ObjectMapper mapper, String block) {
        try {
            Object tree = mapper.readValue(block, Object.class);
            if (!(tree instanceof Map<?, ?> map)) {
                return Map.of();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    fields.put(String.valueOf(k), v);
                }
            });
            return fields;
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    /**
     * Pelican's and MultiMarkdown's metadata: the file opens with {@code Title: ...} and more
     * {@code Key: value} lines up to a blank line. Anything else is body.
     */
    private static Parsed header(String content) {
        String[] lines = content.split("\\R", -1);
        Map<String, Object> fields = new LinkedHashMap<>();
        int at = 0;
        while (at < lines.length && lines[at].isBlank()) {
            at++;
        }
        int first = at;
        for (; at < lines.length && !lines[at].isBlank(); at++) {
            Matcher m = HEADER_LINE.matcher(lines[at].strip());
            if (!m.matches()) {
                return new Parsed(Map.of(), content);
            }
            fields.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2).strip());
        }
        if (!fields.containsKey("title") || at == first) {
            return new Parsed(Map.of(), content);
        }
        return new Parsed(
                fields, String.join("\n", java.util.Arrays.asList(lines).subList(at, lines.length)));
    }
}
