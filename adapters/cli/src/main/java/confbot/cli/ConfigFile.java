package confbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import confbot.cli.Settings.Setting;
import confbot.core.schedule.CatalogPoller;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code confbot.yaml}, read and checked, as the environment variables its keys stand for (see
 * {@link Settings}). Everything wrong with the file is reported at once, each line naming the key.
 * Tokens are refused here: a config file is typically a ConfigMap or checked in, so tokens come only
 * from the environment or from the files {@code token_file} names.
 *
 * @param path the file, for messages
 * @param values environment name → value, e.g. {@code TELEGRAM_API_URL → http://…}
 */
record ConfigFile(Path path, Map<String, String> values) {

    private static final Set<String> TOKEN_KEYS = Set.of("telegram.token", "discord.token");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    ConfigFile {
        values = Map.copyOf(values);
    }

    /** The YAML key whose value became {@code env}, if this file set it. */
    Optional<String> keyFor(String env) {
        return values.containsKey(env) ? Settings.byEnv(env).map(Setting::key) : Optional.empty();
    }

    /**
     * Reads and checks the file.
     *
     * @throws IllegalArgumentException listing every bad key, each with what is wrong
     */
    static ConfigFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("config file not found: " + path);
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(path.toFile());
        } catch (IOException e) {
            // Jackson's message carries the line and column; it quotes YAML, not secrets.
            throw new IllegalArgumentException(path + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        return parse(path, root);
    }

    static ConfigFile parse(Path path, JsonNode root) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(path, values); // an empty file configures nothing
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(
                    path + ": expected sections such as 'telegram:' and 'knowledge:' at the top");
        }
        Path base = Optional.ofNullable(path.toAbsolutePath().getParent()).orElse(Path.of("."));
        for (Map.Entry<String, JsonNode> section : root.properties()) {
            String name = section.getKey();
            if (Settings.ALL.stream().noneMatch(s -> s.key().startsWith(name + "."))) {
                problems.add(unknown(name, sectionNames()));
                continue;
            }
            if (section.getValue().isNull()) {
                continue;
            }
            if (!section.getValue().isObject()) {
                problems.add(name + ": expected a section of settings (key: value lines indented under it)");
                continue;
            }
            for (Map.Entry<String, JsonNode> field : section.getValue().properties()) {
                String key = name + "." + field.getKey();
                if (TOKEN_KEYS.contains(key)) {
                    String env = name.equals("telegram") ? Settings.TELEGRAM_TOKEN : Settings.DISCORD_TOKEN;
                    problems.add(key + ": tokens are not read from the config file (the value is not shown); set " + env
                            + " in the environment, or " + name + ".token_file to a file that holds it");
                    continue;
                }
                Optional<Setting> setting = Settings.byKey(key);
                if (setting.isEmpty()) {
                    problems.add(
                            unknown(key, Settings.ALL.stream().map(Setting::key).toList()));
                    continue;
                }
                if (field.getValue().isNull()) {
                    continue; // "key:" with nothing after it leaves the default
                }
                try {
                    values.put(setting.get().env(), convert(setting.get(), field.getValue(), base));
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(path + ":\n  " + String.join("\n  ", problems));
        }
        return new ConfigFile(path, values);
    }

    private static String convert(Setting setting, JsonNode value, Path base) {
        return switch (setting.type()) {
            case STRING -> scalar(value);
            case PATH -> resolve(base, scalar(value));
            case INTEGER -> {
                String text = scalar(value);
                if (!INTEGER.matcher(text).matches()) {
                    throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
                }
                yield text;
            }
            case BOOLEAN -> {
                if (value.isBoolean()) {
                    yield Boolean.toString(value.booleanValue());
                }
                String text = scalar(value).toLowerCase(Locale.ROOT);
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("expected true or false, got '" + text + "'");
                }
                yield text;
            }
            case PATHS -> list(value).stream()
                    .map(p -> resolve(base, p))
                    .collect(Collectors.joining(File.pathSeparator));
            case IDS -> {
                List<String> ids = list(value);
                for (String id : ids) {
                    if (!INTEGER.matcher(id).matches()) {
                        throw new IllegalArgumentException("expected numeric user ids, got '" + id + "'");
                    }
                }
                yield String.join(",", ids);
            }
            case SHARD_IDS -> value.isArray() ? String.join(",", list(value)) : scalar(value);
        };
    }

    private static String scalar(JsonNode value) {
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(
                    "expected a single value, got a " + (value.isArray() ? "list" : "section"));
        }
        return value.asText().strip();
    }

    private static List<String> list(JsonNode value) {
        if (value.isValueNode()) {
            return List.of(scalar(value)); // one item may be written without the list dashes
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("expected a list ('- item' lines), got a section");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            items.add(scalar(item));
        }
        return items;
    }

    private static String resolve(Path base, String path) {
        if (CatalogPoller.isRemote(path)) {
            return path.strip(); // a catalog's address, not a file
        }
        try {
            // Relative to the file, not to wherever the process happens to start: the file and
            // the notes it names usually travel together (a ConfigMap, a folder in /etc).
            return base.resolve(path).normalize().toString();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: '" + path + "'", e);
        }
    }

    private static List<String> sectionNames() {
        return Settings.ALL.stream()
                .map(s -> s.key().substring(0, s.key().indexOf('.')))
                .distinct()
                .toList();
    }

    /** "unknown setting", with the closest known name when one is close enough to be a typo. */
    static String unknown(String key, List<String> known) {
        String message = key + ": unknown setting";
        return suggestion(key, known)
                .map(s -> message + "; did you mean '" + s + "'?")
                .orElse(message);
    }

    static Optional<String> suggestion(String key, List<String> known) {
        // The same name in another section (telegram.guild_id for discord.guild_id) is the commonest slip.
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        Optional<String> moved =
                known.stream().filter(k -> k.endsWith("." + leaf)).findFirst();
        if (moved.isPresent() && key.contains(".")) {
            return moved;
        }
        return known.stream()
                .map(k -> Map.entry(k, distance(key.toLowerCase(Locale.ROOT), k)))
                .filter(e -> e.getValue() <= Math.max(2, e.getKey().length() / 4))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance: edits (insert, delete, replace) between two short names. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
