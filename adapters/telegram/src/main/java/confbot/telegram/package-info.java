/**
 * The Telegram adapter: receives updates through telegrambots (long polling, or a webhook), passes
 * the messages addressed to the bot to the core as {@link confbot.core.chat.Inbound}, and sends the
 * core's {@link confbot.core.chat.Reply} back as HTML messages, paced per chat. Only this package
 * uses {@code org.telegram}; it holds no answering logic.
 *
 * <p>Every update taken is journaled in the core's {@link confbot.core.state.Inbox} before
 * Telegram is told it arrived, and marked done once answered ({@code UpdateDispatcher}); answers go
 * out through per-chat lanes that reschedule failed sends instead of sleeping ({@code SendQueue}).
 *
 * <p>The public surface is {@link confbot.telegram.TelegramConfig}, {@link
 * confbot.telegram.TelegramAdapter}, {@link confbot.telegram.InboxPolicy} and {@link
 * confbot.telegram.DeliveryEvents}; the rest is package-private and tested from here.
 */
package confbot.telegram;
