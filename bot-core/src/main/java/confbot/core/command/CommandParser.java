package confbot.core.command;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command or question, for every adapter: {@code /name[@bot] args} is a command (Telegram's
 * {@code /start} is help), anything else a question. Full-width slashes count, as Chinese input
 * methods type them.
 */
public final class CommandParser {

    private static final Pattern COMMAND = Pattern.compile("^[/／]([A-Za-z_]+)(?:@\\S+)?(?:\\s+(.*))?$", Pattern.DOTALL);

    /** Every command name the core answers, aliases included ({@code /q}, {@code /agenda}, {@code /ppt}). */
    private static final Map<String, Command.Kind> NAMES = Map.ofEntries(
            Map.entry("ask", Command.Kind.ASK),
            Map.entry("q", Command.Kind.ASK),
            Map.entry("schedule", Command.Kind.SCHEDULE),
            Map.entry("agenda", Command.Kind.SCHEDULE),
            Map.entry("slides", Command.Kind.SLIDES),
            Map.entry("ppt", Command.Kind.SLIDES),
            Map.entry("about", Command.Kind.ABOUT),
            Map.entry("now", Command.Kind.NOW),
            Map.entry("next", Command.Kind.NEXT),
            Map.entry("changes", Command.Kind.CHANGES),
            Map.entry("help", Command.Kind.HELP),
            Map.entry("start", Command.Kind.HELP),
            Map.entry("reload", Command.Kind.RELOAD),
            Map.entry("feedback", Command.Kind.FEEDBACK),
            Map.entry("subscribe", Command.Kind.SUBSCRIBE),
            Map.entry("unsubscribe", Command.Kind.UNSUBSCRIBE),
            Map.entry("remind", Command.Kind.REMIND));

    /**
     * The names {@link #parse} knows, so an adapter can tell its own commands from other bots' in a
     * group without keeping a copy of this list.
     */
    public static Set<String> commandNames() {
        return NAMES.keySet();
    }

    public Command parse(String text) {
        String t = text.strip();
        Matcher m = COMMAND.matcher(t);
        if (!m.matches()) {
            return new Command(Command.Kind.QUESTION, "", t);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String argument = m.group(2) == null ? "" : m.group(2).strip();
        return new Command(NAMES.getOrDefault(name, Command.Kind.UNKNOWN), name, argument);
    }
}
