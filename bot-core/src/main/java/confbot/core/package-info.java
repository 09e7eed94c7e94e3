/**
 * confbot's core. {@link confbot.core.ConfBot} is the one entry point adapters get (through the
 * {@link confbot.core.chat} port); {@link confbot.core.LibraryLoader} turns a {@link
 * confbot.core.Setup} into the {@link confbot.core.Library} it answers from. The stages live in
 * {@code ingest → index → retrieve → answer}, the shared commands in {@code command}.
 */
package confbot.core;
