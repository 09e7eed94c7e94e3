/**
 * The conference registry: every edition the bot knows, as data (the built-in {@code
 * conferences.yaml}, {@code --conferences} files, a notes folder's {@code conferences.yaml}, and
 * what catalogs say about themselves). Questions, notes, catalogs and commands find their
 * conference here, by name, alias, id, year, city or dates; no edition is written in code.
 */
package confbot.core.conference;
