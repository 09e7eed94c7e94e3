package confbot.core.answer;

/**
 * What the abstain decision looks at, for one question and its best evidence.
 *
 * @param coverage share of the idf of the question's known concepts that the evidence mentions
 *     (0..1); words no passage has (question phrasing, mostly) are left out
 * @param unknownConcepts concepts no passage in the whole index mentions
 * @param required how many concepts are required (names, asked-for attributes)
 * @param missingRequired required concepts the evidence does not mention
 * @param otherConference the question names one conference and the best passage is about the
 *     other one
 * @param concepts how many concepts the question has
 * @param topScore the best hit's score, for explanations only
 * @param numberMissing the question asks for a number (how many, 多少) and the evidence gives none
 *     that the question does not already hold
 */
public record Features(
        double coverage,
        int unknownConcepts,
        int required,
        int missingRequired,
        boolean otherConference,
        int concepts,
        double topScore,
        boolean numberMissing) {

    public Features(
            double coverage,
            int unknownConcepts,
            int required,
            int missingRequired,
            boolean otherConference,
            int concepts,
            double topScore) {
        this(coverage, unknownConcepts, required, missingRequired, otherConference, concepts, topScore, false);
    }

    /** The same features, with the evidence found to give no number asked for. */
    public Features withNumberMissing() {
        return new Features(
                coverage, unknownConcepts, required, missingRequired, otherConference, concepts, topScore, true);
    }
}
