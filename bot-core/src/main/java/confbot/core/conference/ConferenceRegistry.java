package confbot.core.conference;

import confbot.knowledge.Conference;
import confbot.knowledge.Localized;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every conference the bot knows, and how text names one. Immutable; a reload builds a new one.
 *
 * <p>Two kinds of entry: the <em>listed</em> ones, which the bot answers about and lists in its
 * menus and commands, and <em>reference</em> ones, which are only recognised: the shipped editions
 * when {@code --no-builtin} leaves their facts out, so raw notes about them still belong to them.
 *
 * <p>Text names a conference by one of its names or aliases (or its id), its year, or its city.
 * Names are matched longest first and without overlap, so "KubeCon China 2019" counts for the 2019
 * edition only, not also for an alias "KubeCon China" that both editions share.
 */
public final class ConferenceRegistry {

    private final List<Conference> listed;
    private final List<Conference> known;
    /** Every name's units, longest first, with the conferences it names. */
    private final List<Map.Entry<List<String>, List<Conference>>> names;

    public ConferenceRegistry(List<Conference> listed, List<Conference> reference) {
        this.listed = List.copyOf(listed);
        Set<String> ids = new LinkedHashSet<>();
        List<Conference> all = new ArrayList<>();
        for (Conference c : this.listed) {
            if (ids.add(c.id())) {
                all.add(c);
            }
        }
        reference.stream().filter(c -> ids.add(c.id())).forEach(all::add);
        this.known = List.copyOf(all);
        Map<List<String>, List<Conference>> byName = new LinkedHashMap<>();
        for (Conference c : known) {
            Set<List<String>> own = new LinkedHashSet<>();
            own.add(Units.of(c.id()));
            c.names().forEach(n -> own.add(Units.of(n)));
            own.stream().filter(u -> !u.isEmpty()).forEach(u -> byName.computeIfAbsent(u, k -> new ArrayList<>())
                    .add(c));
        }
        List<Map.Entry<List<String>, List<Conference>>> sorted = new ArrayList<>(byName.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<List<String>, List<Conference>> e) ->
                        e.getKey().size())
                .reversed());
        this.names = List.copyOf(sorted);
    }

    /** The given conferences, all listed. */
    public static ConferenceRegistry of(List<Conference> conferences) {
        return new ConferenceRegistry(conferences, List.of());
    }

    public static ConferenceRegistry empty() {
        return of(List.of());
    }

    /** The listed conferences, in registry order: what the bot answers about and offers. */
    public List<Conference> all() {
        return listed;
    }

    public boolean isEmpty() {
        return listed.isEmpty();
    }

    /**
     * This registry with {@code entries} listed too; an entry replaces the one of the same id.
     */
    public ConferenceRegistry with(List<Conference> entries) {
        Map<String, Conference> out = new LinkedHashMap<>();
        listed.forEach(c -> out.put(c.id(), c));
        entries.forEach(c -> out.put(c.id(), c));
        List<Conference> reference = known.stream()
                .filter(c -> !listed.contains(c) && !out.containsKey(c.id()))
                .toList();
        return new ConferenceRegistry(List.copyOf(out.values()), reference);
    }

    /** A known conference (listed or reference) by id. */
    public Optional<Conference> byId(String id) {
        return known.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** A listed conference by id. */
    public Optional<Conference> listed(String id) {
        return listed.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Whether a known conference was held in {@code year}: such a year names it, others are words. */
    public boolean hasYear(int year) {
        return known.stream().anyMatch(c -> c.year() == year);
    }

    /**
     * The one conference a question asks about: those it names (else those in a city it names),
     * narrowed to the years it names; else the conference of the year it names. Empty when it names
     * none, or several (a comparison, a name two editions share, a year two conferences share).
     */
    public Optional<Conference> asked(String question) {
        List<String> units = Units.of(question);
        Set<Integer> years = years(units);
        List<Conference> placed = List.copyOf(named(units).keySet());
        if (placed.isEmpty()) {
            placed = known.stream().filter(c -> inCity(units, c)).toList();
        }
        List<Conference> candidates;
        if (!placed.isEmpty()) {
            List<Conference> inYear =
                    placed.stream().filter(c -> years.contains(c.year())).toList();
            candidates = inYear.isEmpty() ? placed : inYear;
        } else {
            candidates = known.stream().filter(c -> years.contains(c.year())).toList();
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /**
     * The conference a note is about: the one its text mentions most, each name and each of its
     * years counting once; empty when it mentions none.
     */
    public Optional<Conference> mostMentioned(String text) {
        List<String> units = Units.of(text);
        // Keyed by id in a HashMap, as before the registry: a tie keeps falling the same way.
        Map<String, Integer> counts = new HashMap<>();
        for (String unit : units) {
            year(unit).ifPresent(y -> known.stream()
                    .filter(c -> c.year() == y)
                    .forEach(c -> counts.merge(c.id(), 1, Integer::sum)));
        }
        named(units).forEach((c, n) -> counts.merge(c.id(), n, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).flatMap(e -> byId(e.getKey()));
    }

    /**
     * The listed conferences that words given as a command's argument name: an id, a name or an
     * alias, a year (or its last two digits), a city, or a city or name and a year ("hong kong",
     * "2019", "19", "shanghai 2019").
     * Several when the words fit several; empty when they are not a conference's.
     */
    public List<Conference> resolve(String words) {
        List<String> units = Units.of(words);
        if (units.isEmpty()) {
            return List.of();
        }
        Optional<Integer> lastYear = year(units.get(units.size() - 1));
        List<String> head = lastYear.isPresent() ? units.subList(0, units.size() - 1) : units;
        List<Conference> out = new ArrayList<>();
        for (Conference c : listed) {
            boolean named = c.names().stream().map(Units::of).anyMatch(units::equals)
                    || Units.of(c.id()).equals(units);
            // "19" for 2019, as people abbreviate it.
            boolean yearOnly = units.size() == 1
                    && (lastYear.filter(y -> y == c.year()).isPresent()
                            || units.get(0).equals(String.format(Locale.ROOT, "%02d", c.year() % 100)));
            boolean city = cityUnits(c).stream().anyMatch(units::equals);
            boolean withYear = lastYear.filter(y -> y == c.year()).isPresent()
                    && !head.isEmpty()
                    && (cityUnits(c).contains(head)
                            || c.names().stream().map(Units::of).anyMatch(head::equals));
            if (named || yearOnly || city || withYear) {
                out.add(c);
            }
        }
        // A full name beats a shared alias or city: "kubecon china 2019" is one edition.
        List<Conference> exact = out.stream()
                .filter(c -> c.names().stream().map(Units::of).anyMatch(units::equals)
                        || Units.of(c.id()).equals(units))
                .toList();
        return exact.size() == 1 ? exact : out;
    }

    /**
     * The known conference a catalog is of, by what it says about itself: one its title names
     * (within the years of its dates, when it has dates), else the one whose days (a day's margin
     * either side) hold all its dates. Empty when neither agrees: the catalog is of another
     * conference, and its year alone never makes it this one's.
     */
    public Optional<Conference> catalogOf(Optional<String> title, Optional<LocalDate> first, Optional<LocalDate> last) {
        if (title.isPresent()) {
            List<Conference> byName = List.copyOf(named(Units.of(title.get())).keySet());
            if (first.isPresent() && last.isPresent()) {
                int from = first.get().getYear();
                int to = last.get().getYear();
                byName = byName.stream()
                        .filter(c -> c.year() >= from && c.year() <= to)
                        .toList();
            }
            if (byName.size() == 1) {
                return Optional.of(byName.get(0));
            }
        }
        if (first.isPresent() && last.isPresent()) {
            List<Conference> byDates = known.stream()
                    .filter(c -> !first.get().isBefore(c.start().minusDays(1))
                            && !last.get().isAfter(c.end().plusDays(1)))
                    .toList();
            if (byDates.size() == 1) {
                return Optional.of(byDates.get(0));
            }
        }
        return Optional.empty();
    }

    /** Conferences named in {@code units} and how often, longest name first, no overlaps. */
    private Map<Conference, Integer> named(List<String> units) {
        Map<Conference, Integer> out = new LinkedHashMap<>();
        int i = 0;
        while (i < units.size()) {
            int step = 1;
            for (Map.Entry<List<String>, List<Conference>> e : names) {
                List<String> name = e.getKey();
                if (i + name.size() <= units.size()
                        && units.subList(i, i + name.size()).equals(name)) {
                    e.getValue().forEach(c -> out.merge(c, 1, Integer::sum));
                    step = name.size();
                    break;
                }
            }
            i += step;
        }
        return out;
    }

    private static boolean inCity(List<String> units, Conference c) {
        return cityUnits(c).stream().anyMatch(city -> Units.count(units, city) > 0);
    }

    private static List<List<String>> cityUnits(Conference c) {
        Localized city = c.city();
        return List.of(Units.of(city.en()), Units.of(city.zh())).stream()
                .filter(u -> !u.isEmpty())
                .distinct()
                .toList();
    }

    private Set<Integer> years(List<String> units) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String unit : units) {
            year(unit).filter(this::hasYear).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Integer> year(String unit) {
        if (unit.length() == 4 && unit.chars().allMatch(ch -> ch >= '0' && ch <= '9') && unit.startsWith("20")) {
            return Optional.of(Integer.parseInt(unit));
        }
        return Optional.empty();
    }
}
