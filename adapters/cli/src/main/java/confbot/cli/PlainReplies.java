package confbot.cli;

import confbot.core.chat.Reply;
import confbot.core.chat.Source;

/** A reply as terminal text: the body, then the sources as "title — address" lines. */
final class PlainReplies {
    private PlainReplies() {}

    static String render(Reply reply) {
        StringBuilder out = new StringBuilder(reply.text());
        if (!reply.sources().isEmpty()) {
            out.append("\n\nSources:");
            for (Source s : reply.sources()) {
                out.append("\n  ").append(s.title()).append(" — ").append(s.url());
            }
        }
        return out.toString();
    }
}
