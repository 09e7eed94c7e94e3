/**
 * The Discord adapter: slash commands ({@code /ask}, {@code /schedule}, {@code /slides}, {@code
 * /help}, {@code /about}), {@code @confbot} mentions and autocomplete, through JDA. It turns JDA
 * events into {@link confbot.core.chat.Inbound} messages and renders the core's {@link
 * confbot.core.chat.Reply} as embeds within Discord's limits; it holds no answering logic.
 *
 * <p>{@link confbot.discord.DiscordConfig} and {@link confbot.discord.DiscordAdapter} are the
 * public surface; everything else is package-private. This is the only module that uses {@code
 * net.dv8tion}.
 */
package confbot.discord;
