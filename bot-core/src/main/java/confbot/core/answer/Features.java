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
 * @param notGiven what the question asks for (a number: how many, 多少; a place: where, 哪个城市)
 *     and the answer written from the evidence does not give: a number beyond those the question
 *     holds, a place it does not name; {@link Given#ALL} when nothing is missing
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
        Given notGiven) {

    /** The kind of thing a question asks for that its answer lacks. */
    public enum Given {
        ALL,
        NUMBER,
        PLACE
    }

    public Features(
            double coverage,
            int unknownConcepts,
            int required,
            int missingRequired,
            boolean otherConference,
            int concepts,
            double topScore) {
        this(coverage, unknownConcepts, required, missingRequired, otherConference, concepts, topScore, Given.ALL);
    }

    /** The same features, with the answer found to lack what the question asks for. */
    public Features without(Given missing) {
        return new Features(
                coverage, unknownConcepts, required, missingRequired, otherConference, concepts, topScore, missing);
    }

    /** Whether the answer gives the kind of thing the question asks for, as far as it can be told. */
    public boolean givesWhatIsAsked() {
        return notGiven == Given.ALL;
    }
}
