/**
 * The Telegram adapter: receives updates through telegrambots (long polling, or a webhook), passes
 * the messages addressed to the bot to the core as {@link confbot.core.chat.Inbound}, and sends the
 * core's {@link confbot.core.chat.Reply} back as HTML messages, paced per chat. Only this package
 * uses {@code org.telegram}; it holds no answering logic.
 *
 * <p>The public surface is {@link confbot.telegram.TelegramConfig} and
 * {@link confbot.telegram.TelegramAdapter}; the rest is package-private and tested from here.
 */
package confbot.telegram;
