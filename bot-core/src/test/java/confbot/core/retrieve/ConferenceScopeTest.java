package confbot.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.Library;
import confbot.core.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A question that names a conference is answered from that conference's passages. */
final class ConferenceScopeTest {

    private static Library library;
    private static Retriever retriever;

    @BeforeAll
    static void build() {
        library = Fixtures.library();
        retriever = Fixtures.retriever(library);
    }

    @Test
    void aYearKeepsEveryHitInItsConference() {
        // "meetup" and "night" match the 2018 Lantern note as well as the 2019 Tidewater one.
        Retrieval r = retriever.retrieve("What happened at night at the 2019 meetup?", library.index(), 8);

        assertThat(r.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.passage().conference())
                .isIn(Optional.of("kubecon-china-2019"), Optional.of(Retriever.ALL_EDITIONS)));
    }

    @Test
    void withoutAYearBothConferencesAnswer() {
        Retrieval r = retriever.retrieve("What happened at night at the meetup?", library.index(), 8);

        assertThat(r.hits())
                .extracting(h -> h.passage().conference().orElse(""))
                .contains("kubecon-china-2018", "kubecon-china-2019");
    }

    @Test
    void aConferenceWithNothingOnItFallsBackToTheRest() {
        // No 2019 note has these words; the 2018 one does.
        Retrieval r = retriever.retrieve("paper lanterns tea house 2019", library.index(), 8);

        assertThat(r.hits()).isNotEmpty();
        assertThat(r.hits().get(0).passage().conference()).contains("kubecon-china-2018");
    }
}
