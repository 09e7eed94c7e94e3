package confbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One parser decides command or question for every adapter. */
final class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    @Test
    void parsesCommandsAndQuestions() {
        record Case(String text, Command.Kind kind, String name, String argument) {}
        List<Case> cases = List.of(
                new Case("/help", Command.Kind.HELP, "help", ""),
                new Case("/start", Command.Kind.HELP, "start", ""),
                new Case("/help@confbot_bot", Command.Kind.HELP, "help", ""),
                new Case("/schedule@confbot_bot 2019 2", Command.Kind.SCHEDULE, "schedule", "2019 2"),
                new Case("／schedule 2019 2", Command.Kind.SCHEDULE, "schedule", "2019 2"),
                new Case("/agenda", Command.Kind.SCHEDULE, "agenda", ""),
                new Case("/slides crd", Command.Kind.SLIDES, "slides", "crd"),
                new Case("/ppt kata", Command.Kind.SLIDES, "ppt", "kata"),
                new Case("/about", Command.Kind.ABOUT, "about", ""),
                new Case("/reload@confbot_bot", Command.Kind.RELOAD, "reload", ""),
                new Case("/ask Where was it?", Command.Kind.ASK, "ask", "Where was it?"),
                new Case("/q 在哪里举办？", Command.Kind.ASK, "q", "在哪里举办？"),
                new Case("  /ASK   spaced out  ", Command.Kind.ASK, "ask", "spaced out"),
                new Case("/ask first line\nsecond line", Command.Kind.ASK, "ask", "first line\nsecond line"),
                new Case("/frobnicate now", Command.Kind.UNKNOWN, "frobnicate", "now"),
                new Case("Where was KubeCon China 2019?", Command.Kind.QUESTION, "", "Where was KubeCon China 2019?"),
                new Case("  蚂蚁金服宣布了什么？ ", Command.Kind.QUESTION, "", "蚂蚁金服宣布了什么？"),
                new Case("what about /help?", Command.Kind.QUESTION, "", "what about /help?"),
                new Case("", Command.Kind.QUESTION, "", ""));
        for (Case c : cases) {
            assertThat(parser.parse(c.text())).as(c.text()).isEqualTo(new Command(c.kind(), c.name(), c.argument()));
        }
    }

    @Test
    void aSlashWithoutACommandNameIsAQuestion() {
        for (String text : List.of("/", "/ 2019", "/123", "//")) {
            assertThat(parser.parse(text).kind()).as(text).isEqualTo(Command.Kind.QUESTION);
        }
    }
}
