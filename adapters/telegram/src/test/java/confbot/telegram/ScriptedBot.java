package confbot.telegram;

import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A stand-in for the core: records what it was asked and answers as scripted. */
final class ScriptedBot implements ChatBot {

    private final List<Inbound> asked = new CopyOnWriteArrayList<>();
    private final Function<Inbound, Reply> script;

    ScriptedBot(Function<Inbound, Reply> script) {
        this.script = script;
    }

    /** Answers "Answer to: <question>" citing one note. */
    static ScriptedBot echo() {
        return new ScriptedBot(ScriptedBot::echoReply);
    }

    static Reply echoReply(Inbound in) {
        return new Reply(
                Reply.Kind.ANSWER,
                "Answer to: " + in.text(),
                List.of(new Source("KubeCon China 2019 notes", URI.create("https://example.org/notes/2019"))));
    }

    @Override
    public Reply reply(Inbound message) {
        asked.add(message);
        return script.apply(message);
    }

    List<Inbound> asked() {
        return List.copyOf(asked);
    }

    List<String> questions() {
        return asked.stream().map(Inbound::text).toList();
    }
}
