package confbot.core.catalog;

import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.knowledge.Language;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** Talks on {@code date}, by start time then title. */
    public List<Talk> on(LocalDate date) {
        return talks.stream()
                .filter(t -> t.date().filter(date::equals).isPresent())
                .sorted(Comparator.comparing(
                                (Talk t) -> t.start().map(Object::toString).orElse("~"))
                        .thenComparing(Talk::title))
                .toList();
    }

    /**
     * Talks whose title, speakers or organisations contain every word of {@code topic}
     * (case-insensitive), talks with slides first.
     */
    public List<Talk> find(String topic, Optional<String> conference) {
        List<String> words = List.of(topic.toLowerCase(Locale.ROOT).split("\\s+"));
        return talks.stream()
                .filter(t -> conference.map(c -> c.equals(t.conference())).orElse(true))
                .filter(t -> {
                    String hay = (t.title() + " " + String.join(" ", t.speakers()) + " "
                                    + String.join(" ", t.organizations()))
                            .toLowerCase(Locale.ROOT);
                    return words.stream().allMatch(hay::contains);
                })
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
