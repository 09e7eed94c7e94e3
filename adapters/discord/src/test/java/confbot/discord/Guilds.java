package confbot.discord;

/**
 * A server as the gateway announces it (GUILD_CREATE) and slash commands sent in one of its
 * channels: server 500 with the text channel 600, where the bot (100) may see, send and embed.
 */
final class Guilds {

    static final String GUILD = "500";
    static final String CHANNEL = "600";
    /** MANAGE_CHANNELS (1 << 4), as the member's permissions in the channel. */
    static final String MANAGE_CHANNEL = "16";
    /** The server's role that may manage channels. */
    static final String MODERATORS = "501";
    /** VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, READ_MESSAGE_HISTORY: what the invite asks for. */
    private static final String BOT_PERMISSIONS = Long.toString((1L << 10) | (1L << 11) | (1L << 14) | (1L << 16));

    private Guilds() {}

    static String guildCreate() {
        return "{\"id\":\"" + GUILD
                + "\",\"name\":\"Tidepool\",\"icon\":null,\"splash\":null,\"discovery_splash\":null,"
                + "\"owner_id\":\"1\",\"afk_channel_id\":null,\"afk_timeout\":300,\"verification_level\":0,"
                + "\"default_message_notifications\":0,\"explicit_content_filter\":0,\"mfa_level\":0,"
                + "\"nsfw_level\":0,\"premium_tier\":0,\"premium_subscription_count\":0,\"system_channel_id\":null,"
                + "\"system_channel_flags\":0,\"rules_channel_id\":null,\"public_updates_channel_id\":null,"
                + "\"safety_alerts_channel_id\":null,\"max_members\":1000,\"vanity_url_code\":null,"
                + "\"description\":null,\"banner\":null,\"preferred_locale\":\"en-US\",\"features\":[],"
                + "\"premium_progress_bar_enabled\":false,\"joined_at\":\"2024-01-01T00:00:00.000000+00:00\","
                + "\"large\":false,\"unavailable\":false,\"member_count\":1,\"voice_states\":[],\"presences\":[],"
                + "\"threads\":[],\"stage_instances\":[],\"guild_scheduled_events\":[],\"emojis\":[],\"stickers\":[],"
                + "\"roles\":[{\"id\":\"" + GUILD
                + "\",\"name\":\"@everyone\",\"color\":0,\"colors\":{\"primary_color\":0,\"secondary_color\":null,\"tertiary_color\":null},\"hoist\":false,"
                + "\"icon\":null,\"unicode_emoji\":null,\"position\":0,\"permissions\":\"" + BOT_PERMISSIONS + "\","
                + "\"managed\":false,\"mentionable\":false,\"flags\":0},"
                + "{\"id\":\"" + MODERATORS + "\",\"name\":\"Moderators\",\"color\":0,\"colors\":{\"primary_color\":0,"
                + "\"secondary_color\":null,\"tertiary_color\":null},\"hoist\":false,\"icon\":null,\"unicode_emoji\":null,"
                + "\"position\":1,\"permissions\":\"" + MANAGE_CHANNEL + "\",\"managed\":false,\"mentionable\":false,"
                + "\"flags\":0}],"
                + "\"channels\":[{\"id\":\"" + CHANNEL + "\",\"type\":0,\"guild_id\":\"" + GUILD
                + "\",\"name\":\"general\","
                + "\"position\":0,\"permission_overwrites\":[],\"nsfw\":false,\"topic\":null,\"last_message_id\":null,"
                + "\"rate_limit_per_user\":0,\"parent_id\":null,\"flags\":0}],"
                + "\"members\":[{\"user\":{\"id\":\"" + FakeDiscordGateway.SELF_ID
                + "\",\"username\":\"confbot\",\"discriminator\":\"0\",\"bot\":true},\"roles\":[],"
                + "\"joined_at\":\"2024-01-01T00:00:00.000000+00:00\",\"deaf\":false,\"mute\":false,\"flags\":0}]}";
    }

    /**
     * A slash command in the channel 600 by {@code userId}, whose permissions in the channel are
     * {@code permissions} (Discord's decimal bit set; {@link #MANAGE_CHANNEL} also makes the member
     * a Moderator, the role that grants it, as JDA computes permissions from roles), with its
     * options as JSON.
     */
    static String command(String id, String token, String userId, String permissions, String name, String options) {
        return "{\"id\":\"" + id + "\",\"application_id\":\"100\",\"type\":2,\"token\":\"" + token
                + "\",\"version\":1,\"locale\":\"en-US\",\"guild_locale\":\"en-US\",\"context\":0,"
                + "\"authorizing_integration_owners\":{\"0\":\"" + GUILD + "\"},\"entitlements\":[],"
                + "\"app_permissions\":\"" + BOT_PERMISSIONS + "\",\"guild_id\":\"" + GUILD + "\","
                + "\"guild\":{\"id\":\"" + GUILD + "\",\"locale\":\"en-US\",\"features\":[]},\"channel_id\":\""
                + CHANNEL + "\",\"channel\":{\"id\":\"" + CHANNEL + "\",\"type\":0,\"guild_id\":\"" + GUILD
                + "\",\"name\":\"general\",\"position\":0,\"permission_overwrites\":[],\"nsfw\":false,\"flags\":0,"
                + "\"rate_limit_per_user\":0,\"parent_id\":null},"
                + "\"member\":{\"user\":{\"id\":\"" + userId + "\",\"username\":\"user" + userId
                + "\",\"discriminator\":\"0\"},\"roles\":["
                + (permissions.equals(MANAGE_CHANNEL) ? "\"" + MODERATORS + "\"" : "")
                + "],\"joined_at\":\"2024-01-01T00:00:00.000000+00:00\","
                + "\"deaf\":false,\"mute\":false,\"flags\":0,\"permissions\":\"" + permissions + "\"},"
                + "\"data\":{\"id\":\"710\",\"name\":\"" + name + "\",\"type\":1,\"options\":" + options + "}}";
    }
}
