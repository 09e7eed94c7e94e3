/**
 * The port between the core and the chat platforms. Adapters translate platform events into
 * {@link confbot.core.chat.Inbound} messages and render {@link confbot.core.chat.Reply} objects
 * back; they hold no answering logic, and the core knows nothing of any platform library.
 */
package confbot.core.chat;
