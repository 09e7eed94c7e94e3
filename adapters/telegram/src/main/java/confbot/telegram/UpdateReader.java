package confbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Reads updates one by one, so that one malformed update cannot take the others with it.
 *
 * <p>Why: telegrambots reads a getUpdates answer as a whole, and its types refuse, for example, an
 * entity without an offset. One such update (proxies, bridges and self-hosted Bot API servers send
 * them) would then fail every poll of its batch for ever: nothing after it would be answered.
 * Here an update that does not read is read again without its malformed entities, and failing
 * that is kept as a bare update id, which the bot confirms and ignores.
 */
final class UpdateReader {

    private static final Logger log = LoggerFactory.getLogger(UpdateReader.class);
    private static final List<String> MESSAGE_FIELDS =
            List.of("message", "edited_message", "channel_post", "edited_channel_post", "business_message");

    private final ObjectMapper json;

    UpdateReader(ObjectMapper json) {
        this.json = json;
    }

    /** A getUpdates request whose answer is read update by update. */
    GetUpdates lenient(GetUpdates request) {
        LenientGetUpdates lenient = new LenientGetUpdates(this);
        lenient.setOffset(request.getOffset());
        lenient.setLimit(request.getLimit());
        lenient.setTimeout(request.getTimeout());
        lenient.setAllowedUpdates(request.getAllowedUpdates());
        return lenient;
    }

    /** One update, however malformed; never throws. */
    Update read(JsonNode node) {
        // Always without the entities that fall outside their text: telegrambots cuts each entity's
        // text out of the message as it reads it, and one out of range throws, at the first read or
        // at the journal's read back at the next start (where the field order may differ).
        JsonNode repaired = withoutMalformedEntities(node.deepCopy());
        try {
            return json.treeToValue(repaired, Update.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Update bare = new Update();
            bare.setUpdateId(node.path("update_id").asInt());
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            log.warn(
                    "Update {} cannot be read ({}: {}); confirmed and ignored",
                    bare.getUpdateId(),
                    e.getClass().getSimpleName(),
                    why == null ? "" : why.lines().findFirst().orElse(""));
            return bare;
        }
    }

    /**
     * One webhook push.
     *
     * @throws java.io.IOException when it is not JSON or has no update id: not from Telegram
     */
    Update readPush(byte[] body) throws java.io.IOException {
        JsonNode node = json.readTree(body);
        if (node == null || !node.path("update_id").canConvertToInt()) {
            throw new java.io.IOException("no update_id");
        }
        return read(node);
    }

    /** The result of getUpdates, or the Bot API's error as telegrambots would raise it. */
    ArrayList<Update> readResponse(String body) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TelegramApiRequestException("Unable to deserialize response", e);
        }
        if (root == null
                || !root.path("ok").asBoolean(false)
                || !root.path("result").isArray()) {
            try {
                ApiResponse<?> error = json.treeToValue(root, ApiResponse.class);
                throw new TelegramApiRequestException("Error getting updates", error);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new TelegramApiRequestException("Unable to deserialize response", e);
            }
        }
        ArrayList<Update> updates = new ArrayList<>();
        for (JsonNode node : root.path("result")) {
            if (node.path("update_id").canConvertToInt()
                    && node.path("update_id").asInt() > 0) {
                updates.add(read(node));
            }
        }
        return updates;
    }

    private static JsonNode withoutMalformedEntities(JsonNode update) {
        for (String field : MESSAGE_FIELDS) {
            if (update.get(field) instanceof ObjectNode message) {
                repairMessage(message);
            }
        }
        return update;
    }

    private static void repairMessage(ObjectNode message) {
        for (String field : List.of("entities", "caption_entities")) {
            JsonNode covered = message.path(field.equals("entities") ? "text" : "caption");
            // Offsets count UTF-16 code units, as Java's String does.
            long length = covered.isTextual() ? covered.asText().length() : 0;
            if (message.get(field) instanceof ArrayNode entities) {
                ArrayNode kept = entities.arrayNode();
                for (JsonNode entity : entities) {
                    if (entity.path("type").isTextual()
                            && entity.path("offset").canConvertToInt()
                            && entity.path("length").canConvertToInt()
                            && entity.path("offset").asLong() >= 0
                            && entity.path("length").asLong() > 0
                            && entity.path("offset").asLong()
                                            + entity.path("length").asLong()
                                    <= length) {
                        kept.add(entity);
                    }
                }
                message.set(field, kept);
            } else if (message.has(field)) {
                message.remove(field);
            }
        }
        if (message.get("reply_to_message") instanceof ObjectNode replied) {
            repairMessage(replied);
        }
    }

    /** telegrambots' request, with the answer read by this reader. */
    private static final class LenientGetUpdates extends GetUpdates {
        private final transient UpdateReader reader;

        LenientGetUpdates(UpdateReader reader) {
            this.reader = reader;
        }

        @Override
        public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
            return reader.readResponse(answer);
        }
    }
}
