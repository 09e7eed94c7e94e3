/**
 * Passages to a Lucene index and back. Each passage is indexed twice: once segmented into Chinese
 * words (smartcn) with English stemmed, once as CJK bigrams, so precise word matches and
 * recall on words the segmenter splits badly both count. The index is built in memory, is
 * read-only once built, and is swapped whole on reload.
 */
package confbot.core.index;
