package confbot.core.command;

import confbot.core.Library;
import confbot.core.answer.Answer;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.schedule.ScheduleChanges;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;

/** Dispatches parsed input to its command, in the user's language. */
public final class Commands {

    /** Longer questions are refused politely rather than analysed at length. */
    static final int MAX_QUESTION = 500;

    private final CommandParser parser;
    private final AskCommand ask;
    private final ScheduleCommand schedule = new ScheduleCommand();
    private final SlidesCommand slides = new SlidesCommand();
    private final AboutCommand about = new AboutCommand();
    private final LiveCommand live;
    private final LiveQuestions liveQuestions = new LiveQuestions();

    /** With the system clock and schedule changes kept in memory. */
    public Commands(CommandParser parser, AskCommand ask) {
        this(parser, ask, InstantSource.system(), ScheduleChanges.inMemory(InstantSource.system()));
    }

    /**
     * @param clock what "now" is for /now and /next, read in each conference's own zone
     * @param changes the schedule changes /changes lists
     */
    public Commands(CommandParser parser, AskCommand ask, InstantSource clock, ScheduleChanges changes) {
        this.parser = parser;
        this.ask = ask;
        this.live = new LiveCommand(clock, changes);
    }

    /** Parses {@code text} with the parser every adapter shares. */
    public Command parse(String text) {
        return parser.parse(text);
    }

    public Reply handle(Inbound message, Library library) {
        return handle(message, live(parser.parse(message.text()), library), library);
    }

    /**
     * A free question that asks what is on now or next ("what's on now?") as that command, with an
     * empty name as questions have; anything else as it is. Such an answer depends on the clock,
     * so the caller must not cache it as it caches answers from the notes.
     */
    public Command live(Command command, Library library) {
        if (command.kind() != Command.Kind.QUESTION) {
            return command;
        }
        return liveQuestions
                .recognise(command.argument())
                .filter(asked -> LiveCommand.isPlace(asked.place(), library))
                .map(asked -> new Command(
                        asked.kind() == LiveQuestions.Kind.NOW ? Command.Kind.NOW : Command.Kind.NEXT,
                        "",
                        asked.place()))
                .orElse(command);
    }

    /** Handles a message already parsed into {@code command} (the caller looked at it first). */
    public Reply handle(Inbound message, Command command, Library library) {
        // A question taken as /now keeps the language it was asked in ("现在在讲什么").
        Language lang = language(message, command.name().isEmpty() ? message.text() : command.argument());
        return switch (command.kind()) {
            case QUESTION -> question(command.argument(), lang, library);
            case ASK -> command.argument().isEmpty()
                    ? usage(command, lang, library)
                    : question(command.argument(), lang, library);
            case SCHEDULE -> schedule.reply(command.argument(), lang, library);
            case SLIDES -> slides.reply(command.argument(), lang, library);
            case ABOUT -> about.reply(lang, library);
            case NOW -> live.now(command.argument(), lang, library);
            case NEXT -> live.next(command.argument(), lang, library);
            case CHANGES -> live.changes(command.argument(), lang, library);
            case HELP -> new Reply(Reply.Kind.LISTING, Messages.help(lang, library.registry()), List.of());
                // ConfBot answers /reload and /feedback itself, as only it can check the sender;
                // anything that reaches here has not been authorised, and reads like an unknown command.
                // The same for the subscription commands, which ConfBot hands to its SubscriptionDesk.
            case RELOAD, FEEDBACK, SUBSCRIBE, UNSUBSCRIBE, REMIND, UNKNOWN -> usage(command, lang, library);
        };
    }

    /** The answer behind a question, with its decision features (for --explain). */
    public Answer explain(String question, Library library) {
        return ask.answer(question, library);
    }

    private Reply question(String text, Language lang, Library library) {
        if (text.isBlank()) {
            return new Reply(Reply.Kind.USAGE, Messages.empty(lang), List.of());
        }
        if (text.length() > MAX_QUESTION) {
            return new Reply(Reply.Kind.USAGE, Messages.tooLong(lang), List.of());
        }
        return ask.reply(text, library);
    }

    private static Reply usage(Command command, Language lang, Library library) {
        return new Reply(Reply.Kind.USAGE, Messages.usage(command.kind(), lang, library.registry()), List.of());
    }

    /** The argument's language when it has words, else the user's interface language. */
    static Language language(Inbound message, String argument) {
        if (argument.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return Language.ZH;
        }
        if (argument.codePoints().anyMatch(Character::isLetter)) {
            return Language.EN;
        }
        return message.locale().getLanguage().equals(Locale.CHINESE.getLanguage()) ? Language.ZH : Language.EN;
    }

    /** The word that names {@code c} in a command: its year when no other has it, else its id. */
    public static String token(Conference c, ConferenceRegistry registry) {
        return Messages.token(c, registry);
    }

    /** Failure text for when something breaks, in the user's language. */
    public static String failure(Inbound message) {
        return Messages.failed(language(message, message.text()));
    }

    /** The polite refusal of /reload to someone who is not an admin. */
    public static Reply reloadRefused(Inbound message) {
        return new Reply(Reply.Kind.USAGE, Messages.reloadRefused(interfaceLanguage(message)), List.of());
    }

    /** The polite refusal of /feedback to someone who is not an admin. */
    public static Reply feedbackRefused(Inbound message) {
        return new Reply(Reply.Kind.USAGE, Messages.feedbackRefused(interfaceLanguage(message)), List.of());
    }

    /** What an admin hears after /reload rebuilt the knowledge. */
    public static Reply reloaded(Inbound message, int passages, long version) {
        return new Reply(
                Reply.Kind.LISTING, Messages.reloaded(interfaceLanguage(message), passages, version), List.of());
    }

    /** What an admin hears when /reload failed; the old knowledge keeps serving. */
    public static Reply reloadFailed(Inbound message, String reason) {
        return new Reply(Reply.Kind.USAGE, Messages.reloadFailed(interfaceLanguage(message), reason), List.of());
    }

    /** The one "slow down" a rate-limited sender hears, in both languages. */
    public static Reply slowDown(Inbound message) {
        return new Reply(Reply.Kind.USAGE, Messages.slowDown(language(message, message.text())), List.of());
    }

    /** "/reload" has no words of the user's to tell the language by: the interface language decides. */
    private static Language interfaceLanguage(Inbound message) {
        return language(message, "");
    }
}
