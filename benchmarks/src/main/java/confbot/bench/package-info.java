/**
 * How fast and how big confbot is, side by side with plain Lucene: JMH answer benchmarks over the
 * built-in knowledge and synthetic corpora, the corpus generator, the baseline searcher, and the
 * report that prints the suite's table. {@code ./benchmarks/run} runs it all; BENCHMARKS.md at the
 * root holds the figures.
 */
package confbot.bench;
