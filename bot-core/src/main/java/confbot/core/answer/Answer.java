package confbot.core.answer;

import confbot.core.chat.Source;
import java.util.List;

/**
 * An answer or an abstention, with the features behind the decision.
 *
 * @param text the answer body, or empty when not answered
 * @param why a one-line explanation of the decision, for {@code --explain} and logs
 */
public record Answer(boolean answered, String text, List<Source> sources, Features features, String why) {
    public Answer {
        sources = List.copyOf(sources);
    }
}
