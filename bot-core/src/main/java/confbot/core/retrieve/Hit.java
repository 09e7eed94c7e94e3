package confbot.core.retrieve;

import confbot.core.ingest.Passage;

/** A retrieved passage with its score after reranking. */
public record Hit(Passage passage, double score) {}
