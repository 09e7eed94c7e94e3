package confbot.core.command;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command or question, for every adapter: {@code /name[@bot] args} is a command (Telegram's
 * {@code /start} is help), anything else a question. Full-width slashes count, as Chinese input
 * methods type them.
 */
public final class CommandParser {

    private static final Pattern COMMAND = Pattern.compile("^[/／]([A-Za-z_]+)(?:@\\S+)?(?:\\s+(.*))?$", Pattern.DOTALL);

    public Command parse(String text) {
        String t = text.strip();
        Matcher m = COMMAND.matcher(t);
        if (!m.matches()) {
            return new Command(Command.Kind.QUESTION, "", t);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String argument = m.group(2) == null ? "" : m.group(2).strip();
        Command.Kind kind =
                switch (name) {
                    case "ask", "q" -> Command.Kind.ASK;
                    case "schedule", "agenda" -> Command.Kind.SCHEDULE;
                    case "slides", "ppt" -> Command.Kind.SLIDES;
                    case "about" -> Command.Kind.ABOUT;
                    case "help", "start" -> Command.Kind.HELP;
                    case "reload" -> Command.Kind.RELOAD;
                    default -> Command.Kind.UNKNOWN;
                };
        return new Command(kind, name, argument);
    }
}
