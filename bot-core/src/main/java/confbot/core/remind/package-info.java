/**
 * Subscriptions and reminders: {@code /subscribe}, {@code /unsubscribe} and {@code /remind} (the
 * {@link confbot.core.remind.SubscriptionDesk}), the reminders posted a set time before each talk
 * ({@link confbot.core.remind.Reminders}, ticked by the composition root on one clock), and the
 * schedule changes posted as they are found ({@link confbot.core.remind.ChangePoster}). What is
 * due is decided from the state store, never from memory, so a restart neither repeats a reminder
 * nor skips one that fell due while the bot was down for less than the lead time. Posts leave
 * through the adapters' {@link confbot.core.chat.ChatPoster}s.
 */
package confbot.core.remind;
