package confbot.core.conference;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.testing.Fixtures;
import confbot.knowledge.Conference;
import confbot.knowledge.Localized;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How text names a conference of the registry: names and aliases, years, cities, dates. */
final class ConferenceRegistryTest {

    private static final Conference PORTO = new Conference(
            "devdays-2024",
            2024,
            new Localized("Harbourlight DevDays 2024", "2024 港灯开发者大会"),
            new Localized("DevDays 2024", "港灯 2024"),
            List.of("HLDD"),
            new Localized("Porto", "波尔图"),
            new Localized("", ""),
            ZoneId.of("Europe/Lisbon"),
            LocalDate.of(2024, 5, 14),
            LocalDate.of(2024, 5, 16),
            Conference.everyDay(LocalDate.of(2024, 5, 14), LocalDate.of(2024, 5, 16)),
            List.of(),
            List.of());

    private final ConferenceRegistry registry = Fixtures.CONFERENCES.with(List.of(PORTO));

    private Optional<String> asked(String question) {
        return registry.asked(question).map(Conference::id);
    }

    @Test
    void aQuestionNamesAConferenceByNameAliasCityOrYear() {
        record Case(String question, String id) {}
        for (Case c : List.of(
                new Case("What happened at Harbourlight DevDays 2024?", "devdays-2024"),
                new Case("港灯 2024 的主题演讲讲了什么？", "devdays-2024"),
                new Case("Who spoke at HLDD?", "devdays-2024"),
                new Case("What was announced in Porto?", "devdays-2024"),
                new Case("What did the 2019 keynote say?", "kubecon-china-2019"),
                new Case("KubeCon2018 的见面会", "kubecon-china-2018"),
                new Case("Was it raining in Shanghai in 2018?", "kubecon-china-2018"))) {
            assertThat(asked(c.question())).as(c.question()).contains(c.id());
        }
    }

    @Test
    void namingSeveralOrNoneIsNoPreference() {
        for (String question : List.of(
                "Compare 2018 and 2019",
                "What happened in Shanghai?",
                "KubeCon 2017",
                "What is a trustworthy deployment?",
                "DevDays 2024 or 2019?")) {
            assertThat(asked(question)).as(question).isNotEqualTo(Optional.of("kubecon-china-2018"));
        }
        assertThat(asked("Compare 2018 and 2019")).isEmpty();
        assertThat(asked("What happened in Shanghai?")).isEmpty();
        assertThat(asked("KubeCon 2017")).isEmpty();
        assertThat(asked("What is a trustworthy deployment?")).isEmpty();
    }

    @Test
    void commandWordsResolveToListedConferences() {
        assertThat(registry.resolve("2024")).containsExactly(PORTO);
        assertThat(registry.resolve("devdays-2024")).containsExactly(PORTO);
        assertThat(registry.resolve("porto")).containsExactly(PORTO);
        assertThat(registry.resolve("hldd 2024")).containsExactly(PORTO);
        assertThat(registry.resolve("19")).extracting(Conference::id).containsExactly("kubecon-china-2019");
        assertThat(registry.resolve("shanghai")).hasSize(2);
        assertThat(registry.resolve("shanghai 2018")).extracting(Conference::id).containsExactly("kubecon-china-2018");
        assertThat(registry.resolve("banana")).isEmpty();
    }

    @Test
    void aCatalogIsMatchedByItsNameOrItsDatesNeverByItsYearAlone() {
        assertThat(registry.catalogOf(Optional.of("HLDD"), Optional.empty(), Optional.empty()))
                .contains(PORTO);
        assertThat(registry.catalogOf(
                        Optional.of("kccncosschn19eng"),
                        Optional.of(LocalDate.of(2019, 6, 24)),
                        Optional.of(LocalDate.of(2019, 6, 26))))
                .map(Conference::id)
                .contains("kubecon-china-2019");
        assertThat(registry.catalogOf(
                        Optional.of("Chaos Communication Camp 2019"),
                        Optional.of(LocalDate.of(2019, 8, 21)),
                        Optional.of(LocalDate.of(2019, 8, 25))))
                .isEmpty();
    }

    @Test
    void aNoteBelongsToTheConferenceItMentionsMost() {
        assertThat(registry.mostMentioned("Notes from Harbourlight DevDays 2024 in Porto; unlike 2019."))
                .contains(PORTO);
        assertThat(registry.mostMentioned("A note about nothing in particular")).isEmpty();
    }
}
