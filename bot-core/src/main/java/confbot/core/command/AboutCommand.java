package confbot.core.command;

import confbot.core.Library;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** /about: what the bot is, what it has loaded, and whose notes it learned from. */
final class AboutCommand {

    Reply reply(Language lang, Library library) {
        Set<Source> sources = new LinkedHashSet<>();
        for (Passage p : library.index().passages()) {
            if (p.origin() == Passage.Origin.CURATED) {
                sources.addAll(p.sources());
            }
        }
        StringBuilder out = new StringBuilder();
        if (lang == Language.ZH) {
            out.append("confbot：根据参会者的笔记回答关于上海 KubeCon 中国大会的问题，并给出出处；笔记里没有的不会乱猜。\n");
            out.append("已加载 ")
                    .append(library.notes())
                    .append(" 篇笔记（")
                    .append(library.index().size())
                    .append(" 个段落）");
            out.append("，").append(library.catalog().talks().size()).append(" 场演讲。");
        } else {
            out.append(
                    "confbot answers questions about KubeCon China in Shanghai from attendees' notes, citing them; what the notes don't say, it doesn't guess.\n");
            out.append("Loaded: ")
                    .append(library.notes())
                    .append(" notes (")
                    .append(library.index().size())
                    .append(" passages), ");
            out.append(library.catalog().talks().size()).append(" talks.");
        }
        for (Conference c : library.conferences()) {
            out.append("\n• ")
                    .append(c.name().in(lang))
                    .append(", ")
                    .append(c.start())
                    .append(" – ")
                    .append(c.end());
        }
        if (!sources.isEmpty()) {
            out.append("\n\n").append(lang == Language.ZH ? "笔记来源：" : "Notes by:");
            sources.forEach(s -> out.append("\n• ").append(s.title()));
        }
        return new Reply(Reply.Kind.LISTING, out.toString(), List.copyOf(sources));
    }
}
