package confbot.core.catalog;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a catalog says about its own conference, read before its talks: enough to find the
 * conference in the registry, or to register it from the file when the registry has none.
 *
 * @param title the conference's name (pretalx/frab {@code conference.title}, iCalendar {@code
 *     X-WR-CALNAME}); for a TSV, which has none, its file name
 * @param aliases other names it gives (frab's {@code acronym})
 * @param first the first day it lists (its own {@code start}, else its earliest talk)
 * @param last the last day it lists
 * @param zone the zone it names ({@code time_zone_name}, {@code X-WR-TIMEZONE}), else the zone or
 *     offset of its first time
 * @param url the conference's or the schedule's own address
 */
record CatalogMeta(
        Optional<String> title,
        List<String> aliases,
        Optional<LocalDate> first,
        Optional<LocalDate> last,
        Optional<ZoneId> zone,
        Optional<URI> url) {
    CatalogMeta {
        Objects.requireNonNull(title, "title");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(url, "url");
    }

    /** With first and last the earliest and latest of {@code dates}. */
    static CatalogMeta spanning(
            Optional<String> title,
            List<String> aliases,
            Collection<LocalDate> dates,
            Optional<ZoneId> zone,
            Optional<URI> url) {
        Optional<LocalDate> first = dates.stream().min(Comparator.naturalOrder());
        Optional<LocalDate> last = dates.stream().max(Comparator.naturalOrder());
        return new CatalogMeta(title, aliases, first, last, zone, url);
    }
}
