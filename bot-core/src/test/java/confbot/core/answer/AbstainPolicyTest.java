package confbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The answer-or-abstain decision: never without concepts, never when a required concept is
 * missing, and monotone in its features, whatever the tuned constants are.
 */
final class AbstainPolicyTest {

    private final AbstainPolicy policy = new AbstainPolicy();

    private static Features features(double coverage, int unknown, int missingRequired, int concepts) {
        return new Features(coverage, unknown, missingRequired, missingRequired, false, concepts, 7.5);
    }

    private static double step(int i) {
        return i / 20.0;
    }

    @Test
    void abstainsWhenANumberIsAskedForAndNoneIsGiven() {
        assertThat(policy.answers(new Features(1.0, 0, 0, 0, false, 3, 7.5, Features.Given.NUMBER)))
                .isFalse();
        assertThat(policy.answers(new Features(1.0, 0, 0, 0, false, 3, 7.5, Features.Given.ALL)))
                .isTrue();
    }

    @Test
    void abstainsWithoutConceptsWhateverTheOtherFeatures() {
        assertThat(policy.answers(features(1.0, 0, 0, 0))).isFalse();
        assertThat(policy.answers(new Features(1.0, 0, 0, 0, false, 0, 1000.0))).isFalse();
    }

    @Test
    void answersWhenEverythingIsCoveredAndNothingMissing() {
        assertThat(policy.answers(features(1.0, 0, 0, 1))).isTrue();
        assertThat(policy.answers(features(1.0, 0, 0, 6))).isTrue();
    }

    @Test
    void abstainsWhenNothingIsCovered() {
        assertThat(policy.answers(features(0.0, 0, 0, 3))).isFalse();
        assertThat(policy.answers(features(0.0, 3, 0, 3))).isFalse();
    }

    @Test
    void abstainsWhenARequiredConceptIsMissingEvenWithFullCoverage() {
        assertThat(policy.answers(features(1.0, 0, 1, 3))).isFalse();
        assertThat(policy.answers(features(1.0, 0, 3, 3))).isFalse();
    }

    @Test
    void moreCoverageNeverTurnsAnAnswerIntoAnAbstention() {
        for (int missing = 0; missing <= 2; missing++) {
            for (int unknown = 0; unknown <= 2; unknown++) {
                boolean answered = false;
                for (int c = 0; c <= 20; c++) {
                    boolean answers = policy.answers(features(step(c), unknown, missing, 4));
                    assertThat(!answered || answers)
                            .as("coverage %s, unknown %d, missing %d", step(c), unknown, missing)
                            .isTrue();
                    answered = answers;
                }
            }
        }
    }

    @Test
    void moreMissingOrUnknownConceptsNeverTurnAnAbstentionIntoAnAnswer() {
        for (int c = 0; c <= 20; c++) {
            for (int fixed = 0; fixed <= 2; fixed++) {
                boolean abstainedMissing = false;
                boolean abstainedUnknown = false;
                for (int n = 0; n <= 4; n++) {
                    boolean abstainsMissing = !policy.answers(features(step(c), fixed, n, 4));
                    boolean abstainsUnknown = !policy.answers(features(step(c), n, fixed, 4));
                    assertThat(!abstainedMissing || abstainsMissing)
                            .as("coverage %s, missing %d", step(c), n)
                            .isTrue();
                    assertThat(!abstainedUnknown || abstainsUnknown)
                            .as("coverage %s, unknown %d", step(c), n)
                            .isTrue();
                    abstainedMissing = abstainsMissing;
                    abstainedUnknown = abstainsUnknown;
                }
            }
        }
    }

    @Test
    void abstainsWhenMostConceptsAreUnknownAndNoNameAnchorsTheQuestion() {
        assertThat(policy.answers(new Features(1.0, 3, 0, 0, false, 4, 7.5))).isFalse();
        assertThat(policy.answers(new Features(1.0, 2, 0, 0, false, 4, 7.5))).isTrue();
    }

    @Test
    void aMentionedNameAnchorsAQuestionWhateverItsUnknownPhrasing() {
        assertThat(policy.answers(new Features(1.0, 2, 1, 0, false, 3, 7.5))).isTrue();
    }

    @Test
    void theRawTopScoreDoesNotDecide() {
        for (int c = 0; c <= 20; c++) {
            assertThat(policy.answers(new Features(step(c), 0, 0, 0, false, 3, 0.1)))
                    .as("coverage %s", step(c))
                    .isEqualTo(policy.answers(new Features(step(c), 0, 0, 0, false, 3, 99.0)));
        }
    }

    @Test
    void neverAnswersFromTheOtherConferenceThanTheOneAsked() {
        assertThat(policy.answers(new Features(1.0, 0, 0, 0, true, 3, 7.5))).isFalse();
        assertThat(policy.answers(new Features(1.0, 0, 0, 0, false, 3, 7.5))).isTrue();
    }
}
