package confbot.core.catalog;

import confbot.core.chat.Source;
import confbot.core.conference.Units;
import confbot.core.ingest.Passage;
import confbot.knowledge.Language;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** All loaded talks, with the look-ups /schedule and /slides need. */
public final class TalkCatalog {

    private final List<Talk> talks;
    /** The address of each talk's schedule, by the talk's position in {@link #talks}. */
    private final List<Optional<URI>> schedules;

    /** The talks of each file, in order; a talk without a link of its own cites its file's schedule. */
    public TalkCatalog(List<CatalogFile> files) {
        List<Talk> all = new ArrayList<>();
        List<Optional<URI>> addresses = new ArrayList<>();
        for (CatalogFile file : files) {
            all.addAll(file.talks());
            file.talks().forEach(t -> addresses.add(file.address()));
        }
        this.talks = List.copyOf(all);
        this.schedules = List.copyOf(addresses);
    }

    /** Talks of no published schedule: one without a link of its own cites nothing. */
    public static TalkCatalog of(List<Talk> talks) {
        return new TalkCatalog(List.of(new CatalogFile(Path.of(""), Optional.empty(), talks)));
    }

    public static TalkCatalog empty() {
        return of(List.of());
    }

    public List<Talk> talks() {
        return talks;
    }

    public boolean isEmpty() {
        return talks.isEmpty();
    }

    /** Talks of {@code conference} on {@code date}, by start time then title. */
    public List<Talk> on(String conference, LocalDate date) {
        return talks.stream()
                .filter(t -> t.conference().equals(conference))
                .filter(t -> t.date().filter(date::equals).isPresent())
                .sorted(Comparator.comparing(
                                (Talk t) -> t.start().map(Object::toString).orElse("~"))
                        .thenComparing(Talk::title))
                .toList();
    }

    /**
     * Talks whose title, speakers or organisations have a word starting with each word of {@code
     * topic} (case-insensitive; "crd" finds "CRDs", "rust" never "Trust"), talks with slides first.
     *
     * @param conferences the conferences to look in; all when empty
     */
    public List<Talk> find(String topic, Set<String> conferences) {
        List<String> words = Units.of(topic);
        return talks.stream()
                .filter(t -> conferences.isEmpty() || conferences.contains(t.conference()))
                .filter(t -> !words.isEmpty()
                        && Units.allStartWords(
                                Units.of(t.title() + " " + String.join(" ", t.speakers()) + " "
                                        + String.join(" ", t.organizations())),
                                words))
                .sorted(Comparator.comparing((Talk t) -> t.slides().isEmpty()).thenComparing(Talk::title))
                .toList();
    }

    /**
     * Each talk as a passage, so "who talked about Kata in 2019?" finds it. It cites the talk's
     * slides, else its page, else its schedule's address; with none of them, nothing: the file's
     * local path would mean nothing to whoever reads the answer.
     */
    public List<Passage> passages() {
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < talks.size(); i++) {
            Talk t = talks.get(i);
            int index = i;
            StringBuilder text = new StringBuilder(t.line());
            t.date().ifPresent(d -> text.append(", ").append(d));
            t.start().ifPresent(s -> text.append(' ').append(s));
            t.track().ifPresent(tr -> text.append(", ").append(tr));
            if (!t.slides().isEmpty()) {
                text.append(". Slides: ").append(t.slides().get(0));
            }
            Optional<URI> link = t.slides().isEmpty()
                    ? t.page().or(() -> schedules.get(index))
                    : Optional.of(t.slides().get(0));
            String id = "catalog:" + t.conference() + ":" + i;
            out.add(new Passage(
                    id,
                    id,
                    0,
                    t.title(),
                    "",
                    text.toString(),
                    Optional.of(t.conference()),
                    t.date(),
                    OptionalInt.empty(),
                    Language.detect(t.title()),
                    link.map(l -> List.of(new Source(t.title(), l))).orElse(List.of()),
                    Passage.Origin.CATALOG,
                    ""));
        }
        return out;
    }
}
