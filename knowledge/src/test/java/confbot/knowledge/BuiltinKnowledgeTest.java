package confbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The knowledge that ships with confbot loads and every record in it is complete and consistent. */
final class BuiltinKnowledgeTest {

    private static KnowledgeBase knowledge;

    @BeforeAll
    static void load() {
        knowledge = new KnowledgeLoader().loadBuiltin();
    }

    @Test
    void loadsNotesAndBothConferences() {
        assertThat(knowledge.notes()).isNotEmpty();
        assertThat(knowledge.conferences()).extracting(Conference::year).containsExactlyInAnyOrder(2018, 2019);
    }

    @Test
    void everyNoteIsNamedAfterItsFile() throws IOException, URISyntaxException {
        URL url = KnowledgeLoader.class.getClassLoader().getResource(KnowledgeLoader.RESOURCE_ROOT + "/notes");
        assertThat(url).as("notes folder on the classpath").isNotNull();
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .collect(Collectors.toSet());
        }
        assertThat(knowledge.notes()).extracting(n -> n.id() + ".md").containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void everyNoteHasItsRequiredFields() {
        Set<String> conferences =
                knowledge.conferences().stream().map(Conference::id).collect(Collectors.toSet());
        conferences.add("both");
        for (Note note : knowledge.notes()) {
            String id = note.id();
            assertThat(note.title()).as("%s: title", id).isNotBlank();
            assertThat(note.conference()).as("%s: conference", id).hasValueSatisfying(c -> assertThat(conferences)
                    .contains(c));
            assertThat(note.language()).as("%s: language", id).isNotNull();
            assertThat(note.tags()).as("%s: tags", id).isNotEmpty().allSatisfy(t -> assertThat(t)
                    .isNotBlank());
            assertThat(note.sources()).as("%s: sources", id).isNotEmpty().allSatisfy(s -> {
                assertThat(s.title()).as("%s: source title", id).isNotBlank();
                assertThat(s.author()).as("%s: source author", id).isNotBlank();
                assertWebAddress(id + ": source url", s.url());
            });
            assertThat(note.body()).as("%s: body", id).isNotBlank();
        }
    }

    @Test
    void noteIdsAreUnique() {
        Map<String, Long> counts =
                knowledge.notes().stream().collect(Collectors.groupingBy(Note::id, Collectors.counting()));
        assertThat(counts)
                .as("ids used more than once")
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    }

    @Test
    void everyNoteHasATwinInTheOtherLanguage() {
        Map<String, Note> byId = knowledge.notes().stream().collect(Collectors.toMap(Note::id, Function.identity()));
        List<String> problems = new ArrayList<>();
        for (Note note : knowledge.notes()) {
            String id = note.id();
            String twin;
            if (id.endsWith("-en")) {
                twin = id.substring(0, id.length() - 3) + "-zh";
                if (note.language() != Language.EN) {
                    problems.add(id + " is not in English");
                }
            } else if (id.endsWith("-zh")) {
                twin = id.substring(0, id.length() - 3) + "-en";
                if (note.language() != Language.ZH) {
                    problems.add(id + " is not in Chinese");
                }
            } else {
                problems.add(id + " ends in neither -en nor -zh");
                continue;
            }
            if (!byId.containsKey(twin)) {
                problems.add(id + " has no twin " + twin);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void dayNotesFallOnTheirConferenceDay() {
        for (Note note : knowledge.notes()) {
            if (note.day().isEmpty()) {
                continue;
            }
            int number = note.day().getAsInt();
            Conference c = knowledge.conferences().stream()
                    .filter(k -> note.conference().filter(k.id()::equals).isPresent())
                    .findFirst()
                    .orElseThrow(() ->
                            new AssertionError(note.id() + ": a day needs one conference, not " + note.conference()));
            Conference.Day day = c.day(number)
                    .orElseThrow(() -> new AssertionError(note.id() + ": " + c.id() + " has no day " + number));
            note.date().ifPresent(date -> {
                assertThat(date).as("%s: date within %s", note.id(), c.id()).isBetween(c.start(), c.end());
                assertThat(date).as("%s: date of day %d", note.id(), number).isEqualTo(day.date());
            });
        }
    }

    @Test
    void conferencesAreCompleteInBothLanguages() {
        for (Conference c : knowledge.conferences()) {
            for (Localized text : List.of(c.name(), c.shortName(), c.city(), c.venue())) {
                assertThat(text.en()).as("%s: English of %s", c.id(), text).isNotBlank();
                assertThat(text.zh()).as("%s: Chinese of %s", c.id(), text).isNotBlank();
            }
            assertThat(c.start()).as(c.id()).isBeforeOrEqualTo(c.end());
            assertThat(c.start().getYear()).as("%s: year", c.id()).isEqualTo(c.year());
            assertThat(c.days()).as("%s: days", c.id()).allSatisfy(d -> assertThat(d.date())
                    .isBetween(c.start(), c.end()));
            assertThat(c.links()).as("%s: links", c.id()).isNotEmpty();
            c.links().forEach(l -> assertWebAddress(c.id() + ": " + l.title().en(), l.url()));
            c.sources().forEach(s -> assertWebAddress(c.id() + ": source " + s.title(), s.url()));
        }
    }

    @Test
    void glossaryGroupsHaveDistinctFormsAndNoSharedForm() {
        Map<String, Set<String>> groupsOfForm = new TreeMap<>();
        List<String> thin = new ArrayList<>();
        List<Glossary.Group> groups = knowledge.glossary().groups();
        for (int i = 0; i < groups.size(); i++) {
            Glossary.Group g = groups.get(i);
            Set<String> distinct = new HashSet<>();
            for (String form : g.forms()) {
                String key = form.strip().toLowerCase(Locale.ROOT);
                distinct.add(key);
                groupsOfForm.computeIfAbsent(key, k -> new HashSet<>()).add("#" + (i + 1) + " " + g.forms());
            }
            if (distinct.size() < 2) {
                thin.add(g.forms().toString());
            }
        }
        Map<String, Set<String>> shared = new HashMap<>();
        groupsOfForm.forEach((form, in) -> {
            if (in.size() > 1) {
                shared.put(form, in);
            }
        });
        assertThat(thin).as("groups with fewer than two distinct forms").isEmpty();
        assertThat(shared).as("forms that appear in more than one group").isEmpty();
    }

    private static void assertWebAddress(String what, URI url) {
        assertThat(url.getScheme()).as("%s: scheme of %s", what, url).isIn("http", "https");
        assertThat(url.getHost()).as("%s: host of %s", what, url).isNotBlank();
    }
}
