/**
 * Raw text to passages. Reads curated notes and any folder of Markdown or text files as they are
 * (front matter, HTML, image links, garbled characters), cleans them, and cuts them into
 * passages: a section or paragraph with its heading, note title, conference, date and sources. A
 * passage is not a Lucene document; {@code index} makes it one.
 */
package confbot.core.ingest;
