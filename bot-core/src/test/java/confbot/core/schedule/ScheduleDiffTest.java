package confbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.catalog.Talk;
import confbot.core.catalog.TalkCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How two versions of the catalogs are paired talk by talk, with and without catalog ids. */
final class ScheduleDiffTest {

    private static final Instant FOUND = Instant.parse("2030-05-14T07:40:00Z");

    private static Talk talk(Optional<String> id, String conference, String title, String start, String... speakers) {
        return new Talk(
                title,
                List.of(speakers),
                List.of(),
                Optional.of(LocalDate.parse("2030-05-14")),
                Optional.of(LocalTime.parse(start)),
                Optional.empty(),
                Optional.of("Hall A"),
                Optional.empty(),
                List.of(),
                conference,
                Optional.empty(),
                id);
    }

    private static List<ScheduleChange> diff(List<Talk> before, List<Talk> after) {
        return ScheduleDiff.between(TalkCatalog.of(before), TalkCatalog.of(after), FOUND);
    }

    @Test
    void aTalkWithAnIdStaysItselfWhenItsTitleAndTimeChange() {
        List<ScheduleChange> changes = diff(
                List.of(talk(Optional.of("7"), "c", "Old title", "09:00", "Ana")),
                List.of(talk(Optional.of("7"), "c", "New title", "10:00", "Ana")));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kinds()).containsExactly(ScheduleChange.Kind.MOVED_TIME);
            assertThat(c.before().orElseThrow().title()).isEqualTo("Old title");
            assertThat(c.talk().title()).isEqualTo("New title");
        });
    }

    @Test
    void withoutIdsATalkIsItsTitleAndSpeakersWhateverTheirCaseOrOrder() {
        List<ScheduleChange> changes = diff(
                List.of(
                        talk(Optional.empty(), "c", "Small boats", "09:00", "Chen Jing", "Li Na"),
                        talk(Optional.empty(), "c", "Tide tables", "10:00", "Ana")),
                List.of(
                        talk(Optional.empty(), "c", "small  BOATS", "11:00", "Li Na", "Chen Jing"),
                        talk(Optional.empty(), "c", "Tide tables", "10:00", "Ana", "Omar")));

        assertThat(changes)
                .extracting(ScheduleChange::kinds)
                .containsExactly(
                        Set.of(ScheduleChange.Kind.MOVED_TIME),
                        Set.of(ScheduleChange.Kind.NEW),
                        Set.of(ScheduleChange.Kind.CANCELLED));
    }

    @Test
    void theSameTalkListedTwiceIsPairedOnceEach() {
        Talk twice = talk(Optional.empty(), "c", "Workshop", "09:00", "Ana");

        assertThat(diff(List.of(twice, twice), List.of(twice))).singleElement().satisfies(c -> assertThat(c.kinds())
                .containsExactly(ScheduleChange.Kind.CANCELLED));
        assertThat(diff(List.of(twice), List.of(twice, twice))).singleElement().satisfies(c -> assertThat(c.kinds())
                .containsExactly(ScheduleChange.Kind.NEW));
    }

    @Test
    void aConferenceInOnlyOneVersionCameOrWentWithItsFileAndIsNotCompared() {
        assertThat(diff(
                        List.of(talk(Optional.of("1"), "gone", "A", "09:00", "Ana")),
                        List.of(talk(Optional.of("2"), "fresh", "B", "09:00", "Ana"))))
                .isEmpty();
        assertThat(diff(
                        List.of(talk(Optional.of("1"), "c", "A", "09:00", "Ana")),
                        List.of(talk(Optional.of("1"), "c", "A", "09:00", "Ana"))))
                .as("nothing changed")
                .isEmpty();
    }
}
