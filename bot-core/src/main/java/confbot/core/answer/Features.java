package confbot.core.answer;

/**
 * What the abstain decision looks at, for one question and its best evidence.
 *
 * @param coverage share of the question's idf that the evidence mentions (0..1)
 * @param unknownConcepts concepts no passage in the whole index mentions
 * @param unknownShare share of the question's idf held by those unknown concepts (0..1)
 * @param concepts how many concepts the question has
 * @param topScore the best hit's score, for explanations only
 */
public record Features(double coverage, int unknownConcepts, double unknownShare, int concepts, double topScore) {}
