/**
 * Talk catalogs loaded at run time ({@code --catalog FILE}): who spoke on what, when, and where the
 * deck is. They feed /schedule and /slides, and their rows are searchable by questions too.
 */
package confbot.core.catalog;
