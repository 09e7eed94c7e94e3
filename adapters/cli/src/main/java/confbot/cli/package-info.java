/**
 * The runnable {@code confbot}: {@code ask}, {@code chat}, {@code eval} and {@code serve} on top
 * of the core, with picocli for options and usage. {@link confbot.cli.Main} is the composition
 * root: the only place objects are wired together.
 */
package confbot.cli;
