package confbot.discord;

import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The core's seam: records what it was asked and answers as the test says. */
final class FakeChatBot implements ChatBot {

    private final List<Inbound> received = new CopyOnWriteArrayList<>();
    private final Function<Inbound, Reply> answer;

    FakeChatBot(Function<Inbound, Reply> answer) {
        this.answer = answer;
    }

    static FakeChatBot answering(Reply reply) {
        return new FakeChatBot(inbound -> reply);
    }

    @Override
    public Reply reply(Inbound message) {
        received.add(message);
        return answer.apply(message);
    }

    List<Inbound> received() {
        return received;
    }
}
