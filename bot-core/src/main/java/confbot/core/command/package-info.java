/**
 * The commands every adapter shares: /ask, /schedule, /slides, /about, /help. One parser decides
 * command or question for all input; each command renders a platform-neutral reply in the user's
 * language.
 */
package confbot.core.command;
