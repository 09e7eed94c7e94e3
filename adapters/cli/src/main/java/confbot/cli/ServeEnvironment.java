package confbot.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of {@code confbot serve} in three layers, each overriding the one before: the config
 * file, the environment, the command line. All three are kept under the environment's names, so
 * the adapters' {@code fromEnv} readers work unchanged, and a message about a value can say where
 * it came from.
 *
 * @param values environment name → winning value
 * @param origins environment name → where a value that did not come from the environment was set
 *     (a file key or a command-line option)
 */
record ServeEnvironment(Map<String, String> values, Map<String, String> origins) {

    private static final Pattern NAME = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    ServeEnvironment {
        values = Map.copyOf(values);
        origins = Map.copyOf(origins);
    }

    /**
     * Layers the file (if any), the environment and the command line's settings.
     *
     * @param commandLine environment names → values from options such as {@code --http-port}
     * @param optionNames environment names → the option that set them, for messages
     */
    static ServeEnvironment of(
            Optional<ConfigFile> file,
            Map<String, String> env,
            Map<String, String> commandLine,
            Map<String, String> optionNames) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        file.ifPresent(f -> f.values().forEach((name, value) -> {
            values.put(name, value);
            origins.put(name, f.keyFor(name).orElse(name) + " in " + f.path());
        }));
        env.forEach((name, value) -> {
            // An empty variable (FOO= in a shell or a unit file) counts as unset, as the adapters read
            // it; letting it hide the file's value would make the file look ignored.
            if (value != null && !value.isBlank()) {
                values.put(name, value);
                origins.remove(name);
            }
        });
        commandLine.forEach((name, value) -> {
            values.put(name, value);
            origins.put(name, optionNames.getOrDefault(name, name));
        });
        // A token set in the environment beats a token_file from the file; without this the adapters
        // would see both and refuse to choose.
        dropFileTokenFileIfTokenIsSet(values, origins, Settings.TELEGRAM_TOKEN, Settings.TELEGRAM_TOKEN_FILE);
        dropFileTokenFileIfTokenIsSet(values, origins, Settings.DISCORD_TOKEN, Settings.DISCORD_TOKEN_FILE);
        return new ServeEnvironment(values, origins);
    }

    private static void dropFileTokenFileIfTokenIsSet(
            Map<String, String> values, Map<String, String> origins, String token, String tokenFile) {
        if (values.containsKey(token) && origins.containsKey(tokenFile)) {
            values.remove(tokenFile);
            origins.remove(tokenFile);
        }
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The name to show for a setting: the variable, plus the file key or option that set it. */
    String describe(String name) {
        return Optional.ofNullable(origins.get(name))
                .map(o -> name + " (" + o + ")")
                .orElse(name);
    }

    /**
     * The same failure with the origin of every setting it names, so "TELEGRAM_API_URL must be …"
     * also says it came from {@code telegram.api_url} in the file.
     */
    IllegalArgumentException explain(IllegalArgumentException e) {
        Matcher names = NAME.matcher(e.getMessage() == null ? "" : e.getMessage());
        List<String> from = names.results()
                .map(m -> m.group())
                .distinct()
                .filter(origins::containsKey)
                .map(n -> n + " was set by " + origins.get(n))
                .toList();
        if (from.isEmpty()) {
            return e;
        }
        // Not chained: the cause's own message may quote a value that the caller chose not to show.
        return new IllegalArgumentException(e.getMessage() + " (" + String.join("; ", from) + ")");
    }
}
