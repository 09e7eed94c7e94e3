package confbot.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ThreadLocalRandom;
import net.dv8tion.jda.api.utils.TimeUtil;

/** INTERACTION_CREATE payloads as Discord sends them, for the fake gateway to dispatch. */
final class Interactions {

    private Interactions() {}

    /**
     * A Discord id minted now: JDA reads an interaction's age from its id and refuses to answer
     * one older than 15 minutes.
     */
    static String freshSnowflake() {
        // The low 22 bits tell ids of the same millisecond apart; the listener drops a repeated id.
        long id = TimeUtil.getDiscordTimestamp(System.currentTimeMillis())
                | ThreadLocalRandom.current().nextInt(1 << 22);
        return Long.toUnsignedString(id);
    }

    /** An interaction from a user's DM with the bot, as Discord sends it. */
    static String interaction(String id, String token, int type, String data) {
        return "{\"id\":\"" + id + "\",\"application_id\":\"100\",\"type\":" + type + ",\"token\":\"" + token
                + "\",\"version\":1,\"locale\":\"en-US\",\"context\":1,"
                + "\"authorizing_integration_owners\":{\"1\":\"42\"},\"entitlements\":[],"
                + "\"channel_id\":\"300\",\"channel\":{\"id\":\"300\",\"type\":1,"
                + "\"recipients\":[{\"id\":\"42\",\"username\":\"alice\",\"discriminator\":\"0\"}]},"
                + "\"user\":{\"id\":\"42\",\"username\":\"alice\",\"discriminator\":\"0\"},"
                + "\"data\":" + data + "}";
    }

    /**
     * A press of the button {@code customId} under the bot's message 900 in the DM channel 300, by
     * the user {@code userId}: a MESSAGE_COMPONENT interaction, which carries the message pressed.
     */
    static String button(String id, String token, String userId, String customId) {
        return "{\"id\":\"" + id + "\",\"application_id\":\"100\",\"type\":3,\"token\":\"" + token
                + "\",\"version\":1,\"locale\":\"en-US\",\"context\":1,"
                + "\"authorizing_integration_owners\":{\"1\":\"" + userId + "\"},\"entitlements\":[],"
                + "\"channel_id\":\"300\",\"channel\":{\"id\":\"300\",\"type\":1,"
                + "\"recipients\":[{\"id\":\"" + userId + "\",\"username\":\"user" + userId
                + "\",\"discriminator\":\"0\"}]},"
                + "\"user\":{\"id\":\"" + userId + "\",\"username\":\"user" + userId + "\",\"discriminator\":\"0\"},"
                + "\"message\":{\"id\":\"900\",\"channel_id\":\"300\",\"type\":0,"
                + "\"author\":{\"id\":\"100\",\"username\":\"confbot\",\"discriminator\":\"0\",\"bot\":true},"
                + "\"content\":\"\",\"timestamp\":\"2019-06-24T09:00:00.000000+00:00\",\"edited_timestamp\":null,"
                + "\"tts\":false,\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],"
                + "\"attachments\":[],\"embeds\":[],\"components\":[],\"pinned\":false,\"flags\":0},"
                + "\"data\":{\"custom_id\":\"" + customId + "\",\"component_type\":2}}";
    }

    /** A slash command without options ({@code /help}, {@code /feedback}) from {@code userId}'s DM. */
    static String command(String id, String token, String userId, String name) {
        return interaction(id, token, 2, "{\"id\":\"703\",\"name\":\"" + name + "\",\"type\":1}")
                .replace("\"42\"", "\"" + userId + "\"");
    }

    /** {@code /ask question:...} from a DM. */
    static String ask(String id, String token, String question) {
        String quoted;
        try {
            quoted = new ObjectMapper().writeValueAsString(question);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return interaction(
                id,
                token,
                2,
                "{\"id\":\"700\",\"name\":\"ask\",\"type\":1,\"options\":[{\"name\":\"question\",\"type\":3,"
                        + "\"value\":" + quoted + "}]}");
    }
}
