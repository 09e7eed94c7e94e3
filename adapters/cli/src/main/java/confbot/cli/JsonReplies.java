package confbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;

/** One reply as one JSON line: {@code {"question","answered","text","sources":[{"title","url"}]}}. */
final class JsonReplies {

    private final ObjectMapper json = new ObjectMapper();

    String line(String question, Reply reply) {
        ObjectNode node = json.createObjectNode();
        node.put("question", question);
        node.put("answered", reply.answered());
        node.put("text", reply.text());
        ArrayNode sources = node.putArray("sources");
        for (Source s : reply.sources()) {
            sources.addObject().put("title", s.title()).put("url", s.url().toString());
        }
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of strings and booleans always serialises; this is a bug if it happens.
            throw new IllegalStateException(e);
        }
    }
}
