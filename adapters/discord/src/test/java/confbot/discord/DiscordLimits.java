package confbot.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Discord's limits on a message, checked on the JSON body a request carries, as Discord checks
 * them before it answers 400 "Invalid Form Body". Lengths are counted in UTF-16 units as JDA counts
 * them, which is never fewer than the characters Discord counts.
 */
final class DiscordLimits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiscordLimits() {}

    /** What in {@code body} breaks a limit; empty when Discord would take it. */
    static List<String> breaches(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        List<String> breaches = new ArrayList<>();
        // A message body, or an interaction callback's data.
        for (JsonNode message : List.of(root, root.path("data"))) {
            if (message.isObject() && (message.has("content") || message.has("embeds"))) {
                check(message, breaches);
            }
        }
        return breaches;
    }

    private static void check(JsonNode message, List<String> breaches) {
        String content = message.path("content").asText("");
        max(breaches, "content", content, Message.MAX_CONTENT_LENGTH);
        JsonNode embeds = message.path("embeds");
        if (content.isBlank() && embeds.isEmpty() && !message.has("components")) {
            breaches.add("an empty message");
        }
        if (embeds.size() > Message.MAX_EMBED_COUNT) {
            breaches.add(embeds.size() + " embeds > " + Message.MAX_EMBED_COUNT);
        }
        int total = 0;
        for (JsonNode embed : embeds) {
            total += max(breaches, "title", embed.path("title").asText(""), MessageEmbed.TITLE_MAX_LENGTH);
            total += max(
                    breaches, "description", embed.path("description").asText(""), MessageEmbed.DESCRIPTION_MAX_LENGTH);
            total += max(breaches, "footer", embed.at("/footer/text").asText(""), MessageEmbed.TEXT_MAX_LENGTH);
            total += max(breaches, "author", embed.at("/author/name").asText(""), MessageEmbed.AUTHOR_MAX_LENGTH);
            max(breaches, "url", embed.path("url").asText(""), MessageEmbed.URL_MAX_LENGTH);
            JsonNode fields = embed.path("fields");
            if (fields.size() > MessageEmbed.MAX_FIELD_AMOUNT) {
                breaches.add(fields.size() + " fields > " + MessageEmbed.MAX_FIELD_AMOUNT);
            }
            for (JsonNode field : fields) {
                String name = field.path("name").asText("");
                String value = field.path("value").asText("");
                if (name.isBlank() || value.isBlank()) {
                    breaches.add("a field with an empty name or value");
                }
                total += max(breaches, "field name", name, MessageEmbed.TITLE_MAX_LENGTH);
                total += max(breaches, "field value", value, MessageEmbed.VALUE_MAX_LENGTH);
            }
            if (embed.path("title").asText("").isBlank()
                    && embed.path("description").asText("").isBlank()
                    && fields.isEmpty()
                    && embed.at("/footer/text").asText("").isBlank()) {
                breaches.add("an empty embed");
            }
        }
        if (total > MessageEmbed.EMBED_MAX_LENGTH_BOT) {
            breaches.add("embeds of " + total + " chars together > " + MessageEmbed.EMBED_MAX_LENGTH_BOT);
        }
    }

    private static int max(List<String> breaches, String what, String text, int limit) {
        if (text.length() > limit) {
            breaches.add(what + " of " + text.length() + " chars > " + limit);
        }
        return text.length();
    }
}
