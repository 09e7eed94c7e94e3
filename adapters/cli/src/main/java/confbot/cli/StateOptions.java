package confbot.cli;

import confbot.core.state.StateLocation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where {@code chat} and {@code feedback} find the state that {@code serve} keeps, chosen as serve
 * chooses it so the three meet in one place: PostgreSQL when {@code CONFBOT_DATABASE_URL} (or
 * {@code state.database_url} in the config file) is set, else the SQLite file of {@code --state},
 * {@code CONFBOT_STATE_FILE} or {@code state.file}, else {@code ./confbot-state.db}.
 */
final class StateOptions {

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "The bot's state (answers, votes) in the SQLite FILE, as `serve --state` keeps it"
                    + " (default $CONFBOT_STATE_FILE, else ./confbot-state.db; CONFBOT_DATABASE_URL chooses"
                    + " PostgreSQL instead).")
    Optional<Path> state = Optional.empty();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Read state.file / state.database_url from FILE (default: $CONFBOT_CONFIG, else"
                    + " ./confbot.yaml if present).")
    Optional<Path> config = Optional.empty();

    /**
     * @throws IllegalArgumentException naming the setting when the database URL or the config file
     *     is malformed
     */
    StateLocation location(Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        state.ifPresent(f -> {
            options.put(Settings.STATE_FILE, f.toString());
            names.put(Settings.STATE_FILE, "--state");
        });
        ServeEnvironment layered =
                ServeEnvironment.of(ServeCli.configFile(config, env).map(ConfigFile::read), env, options, names);
        return ServeSettings.state(layered);
    }
}
