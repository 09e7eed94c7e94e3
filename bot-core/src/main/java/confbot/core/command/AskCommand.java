package confbot.core.command;

import confbot.core.Library;
import confbot.core.answer.Answer;
import confbot.core.answer.AnswerWriter;
import confbot.core.chat.Reply;
import confbot.core.retrieve.Retrieval;
import confbot.core.retrieve.Retriever;
import confbot.knowledge.Language;
import java.util.List;

/** A question, asked with /ask or plainly: retrieve, then answer or abstain. */
public final class AskCommand {

    /** How many hits the writer sees: the best, a runner-up, and room for the language rerank. */
    static final int HITS = 8;

    private final Retriever retriever;
    private final AnswerWriter writer;

    public AskCommand(Retriever retriever, AnswerWriter writer) {
        this.retriever = retriever;
        this.writer = writer;
    }

    /** The full answer with its decision features, for the CLI's --explain and the evaluation. */
    public Answer answer(String question, Library library) {
        Retrieval retrieval = retriever.retrieve(question, library.index(), library.registry(), HITS);
        return writer.write(retrieval, library.index());
    }

    Reply reply(String question, Library library) {
        Answer answer = answer(question, library);
        if (!answer.answered()) {
            return new Reply(Reply.Kind.NOT_COVERED, Messages.notCovered(Language.detect(question)), List.of());
        }
        return new Reply(Reply.Kind.ANSWER, answer.text(), answer.sources());
    }
}
