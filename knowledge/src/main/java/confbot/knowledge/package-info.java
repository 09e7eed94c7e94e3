/**
 * The built-in knowledge base and its loaders: curated notes in the project's own words, the
 * conference facts, and the bilingual glossary, read from the classpath into validated records.
 * Nothing here knows about search; {@code bot-core} turns these records into passages.
 */
package confbot.knowledge;
