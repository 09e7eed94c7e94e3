package confbot.core.catalog;

import confbot.core.ingest.Slides;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.DefaultContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an iCalendar file ({@code .ics}), as sched.com and most schedule tools export: one talk per
 * {@code VEVENT}. SUMMARY is the title, DTSTART/DTEND the times (converted to the conference's
 * zone), LOCATION the room, the first CATEGORIES value the track, URL the talk's page and ATTACH
 * the slides (documents only: see {@link Slides}). Speakers come from ATTENDEE or ORGANIZER names
 * ({@code CN=}) or a {@code Speakers:} line in the DESCRIPTION, the ways exporters write them.
 * HTML entities that exporters leave in text ({@code &amp;}) are decoded.
 */
final class IcsCatalog {

    private static final Logger log = LoggerFactory.getLogger(IcsCatalog.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final Pattern SPEAKERS = Pattern.compile("(?im)^[ \\t]*(?:speakers?|讲者|演讲者)[ \\t]*[:：][ \\t]*(.*)$");
    /** A speaker's bio under a name, as HTML blocks. */
    private static final Pattern BIO = Pattern.compile("(?is)<(p|ul|ol|div|blockquote)\\b[^>]*>.*?</\\1>");

    private final ConferenceTimes times;

    IcsCatalog(ConferenceTimes times) {
        this.times = times;
    }

    /**
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is not iCalendar
     */
    CatalogFile load(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        EventStream handler =
                new EventStream(TimeZoneRegistryFactory.getInstance().createRegistry(), e -> read(file, e)
                        .ifPresent(events::add));
        // Streamed: each VEVENT is read and dropped as soon as it ends, so a large calendar costs
        // the talks kept, not ical4j's model of the whole file (a 50 MB export took more than a
        // 256 MB heap that way). Relaxed unfolding: RFC 5545 folds after CRLF, but files saved by
        // hand or through git often have bare LFs.
        try (BufferedReader in = CatalogText.reader(file)) {
            CalendarParserFactory.getInstance().get().parse(new UnfoldingReader(in, true), handler);
        } catch (ParserException e) {
            throw new IllegalArgumentException(
                    file + ": not an iCalendar file (line " + e.getLineNo() + "): " + e.getMessage(), e);
        }
        Optional<Calendar> calendar = handler.calendar();
        // X-WR-TIMEZONE is how Google and sched name the calendar's zone for floating times.
        Optional<ZoneId> floating =
                calendar.flatMap(c -> text(c.getProperty("X-WR-TIMEZONE"))).flatMap(IcsCatalog::zone);
        // The calendar's own address: URL (RFC 7986) or the X-ORIGINAL-URL Google and others write.
        Optional<URI> address = calendar.flatMap(
                        c -> text(c.getProperty(Property.URL)).or(() -> text(c.getProperty("X-ORIGINAL-URL"))))
                .flatMap(u -> http(file.getFileName().toString(), u));
        List<Talk> talks = new ArrayList<>(events.size());
        for (Event e : events) {
            talks.add(e.talk(times, floating));
        }
        return new CatalogFile(file, address, talks);
    }

    /** One VEVENT's fields, kept until the calendar's own zone is known (X-WR-TIMEZONE may come last). */
    private record Event(
            String title,
            List<String> speakers,
            Optional<LocalDate> allDay,
            Optional<Temporal> start,
            Optional<Temporal> end,
            Optional<String> room,
            Optional<String> track,
            List<URI> slides,
            Optional<URI> page,
            Optional<String> uid) {

        Talk talk(ConferenceTimes times, Optional<ZoneId> floating) {
            Optional<LocalDate> date = allDay;
            Optional<LocalTime> from = Optional.empty();
            Optional<LocalTime> until = Optional.empty();
            String conference = allDay.map(times::conferenceOn).orElse("unknown");
            if (start.isPresent()) {
                ConferenceTimes.Placed placed = times.place(start.get(), end, floating);
                date = Optional.of(placed.date());
                from = Optional.of(placed.start());
                until = placed.end();
                conference = placed.conference();
            }
            return new Talk(title, speakers, List.of(), date, from, until, room, track, slides, conference, page, uid);
        }
    }

    private static Optional<Event> read(Path file, VEvent event) {
        Optional<String> title = text(event.getProperty(Property.SUMMARY))
                .map(CatalogText::decodeEntities)
                .map(String::strip);
        if (title.isEmpty() || title.get().isEmpty()) {
            return Optional.empty();
        }
        String where = file.getFileName() + ": " + title.get();
        Optional<DtStart<Temporal>> dtStart = event.getProperty(Property.DTSTART);
        Optional<LocalDate> allDay = Optional.empty();
        Optional<Temporal> start = Optional.empty();
        Optional<Temporal> end = Optional.empty();
        if (dtStart.isPresent() && dtStart.get().getDate() instanceof LocalDate day) {
            allDay = Optional.of(day); // an all-day entry
        } else if (dtStart.isPresent()) {
            Temporal begins = temporal(dtStart.get());
            start = Optional.of(begins);
            Optional<DtEnd<Temporal>> dtEnd = event.getProperty(Property.DTEND);
            // DTEND, or DTSTART + DURATION when the exporter wrote a duration instead.
            end = dtEnd.map(IcsCatalog::temporal)
                    .or(() -> text(event.getProperty(Property.DURATION))
                            .flatMap(d -> duration(where, d))
                            .map(begins::plus))
                    .filter(e -> !(e instanceof LocalDate));
        } else {
            log.warn("{}: no DTSTART; listed without a time", where);
        }
        return Optional.of(new Event(
                title.get(),
                speakers(event),
                allDay,
                start,
                end,
                text(event.getProperty(Property.LOCATION)).map(CatalogText::decodeEntities),
                text(event.getProperty(Property.CATEGORIES))
                        .map(c -> CatalogText.decodeEntities(c.split(",")[0].strip())),
                links(where, event.getProperties(Property.ATTACH)),
                text(event.getProperty(Property.URL)).flatMap(u -> http(where, u)),
                text(event.getProperty(Property.UID))));
    }

    /**
     * ical4j's own handler, but each top-level VEVENT is handed on as it ends instead of being
     * added to the calendar; the calendar that ends up built holds only its own properties and
     * time zones.
     */
    private static final class EventStream extends DefaultContentHandler {
        private final Consumer<VEvent> events;
        private final AtomicReference<Calendar> built;

        EventStream(TimeZoneRegistry zones, Consumer<VEvent> events) {
            this(zones, events, new AtomicReference<>());
        }

        private EventStream(TimeZoneRegistry zones, Consumer<VEvent> events, AtomicReference<Calendar> built) {
            super(built::set, zones);
            this.events = events;
            this.built = built;
        }

        @Override
        public void endComponent(String name) {
            super.endComponent(name);
            if (getComponentBuilder() == null
                    && !calendarComponents.isEmpty()
                    && calendarComponents.get(calendarComponents.size() - 1) instanceof VEvent event) {
                calendarComponents.remove(calendarComponents.size() - 1);
                events.accept(event);
            }
        }

        Optional<Calendar> calendar() {
            return Optional.ofNullable(built.get());
        }
    }

    /**
     * The moment a date property names. A TZID that Java knows is read with Java's time-zone
     * rules, not ical4j's: ical4j 4.2 builds Asia/Shanghai from its own definitions and applies
     * China's 1986-91 daylight saving to 2019 (14:30 came out as 13:30 in UTC+8). Only a zone
     * the file alone defines (a custom VTIMEZONE) is left to ical4j.
     */
    private static Temporal temporal(DateProperty<Temporal> property) {
        Optional<Parameter> tzid = property.getParameter(Parameter.TZID);
        if (tzid.isPresent()) {
            try {
                return LocalDateTime.parse(property.getValue(), LOCAL)
                        .atZone(ZoneId.of(tzid.get().getValue()));
            } catch (DateTimeException e) {
                log.debug(
                        "TZID {} is not a Java zone; using the calendar's own definition",
                        tzid.get().getValue());
            }
        }
        return property.getDate();
    }

    private static Optional<Duration> duration(String where, String value) {
        try {
            return Optional.of(Duration.parse(value));
        } catch (DateTimeException e) {
            log.warn("{}: ignoring DURATION '{}'", where, value);
            return Optional.empty();
        }
    }

    /**
     * Speakers: the names (CN) of ATTENDEEs and of the ORGANIZER, which some exporters use for the
     * speaker; failing those, a {@code Speakers:} line of the DESCRIPTION, with the names after the
     * colon or, as python's ics.py writes them, a name a line each between the speakers' bios.
     */
    private static List<String> speakers(VEvent event) {
        Set<String> names = new LinkedHashSet<>();
        List<Property> people = new ArrayList<>(event.<Property>getProperties(Property.ATTENDEE));
        people.addAll(event.<Property>getProperties(Property.ORGANIZER));
        for (Property person : people) {
            person.<Parameter>getParameter(Parameter.CN)
                    .map(Parameter::getValue)
                    .map(n -> CatalogText.decodeEntities(n).strip())
                    .filter(n -> !n.isEmpty())
                    .ifPresent(names::add);
        }
        if (names.isEmpty()) {
            text(event.getProperty(Property.DESCRIPTION)).ifPresent(d -> {
                Matcher m = SPEAKERS.matcher(d);
                if (m.find()) {
                    String inline = m.group(1).strip();
                    if (!inline.isEmpty()) {
                        Arrays.stream(inline.split("[,;、，]"))
                                .map(n -> CatalogText.decodeEntities(n).strip())
                                .filter(n -> !n.isEmpty())
                                .forEach(names::add);
                    } else {
                        String rest = BIO.matcher(d.substring(m.end())).replaceAll("\n");
                        rest.lines()
                                .map(n -> CatalogText.decodeEntities(n).strip())
                                .filter(n -> !n.isEmpty() && n.length() <= 80 && !n.startsWith("<"))
                                .forEach(names::add);
                    }
                }
            });
        }
        return List.copyOf(names);
    }

    private static List<URI> links(String where, List<Property> attachments) {
        List<URI> out = new ArrayList<>();
        for (Property a : attachments) {
            http(where, a.getValue()).filter(Slides::isDeck).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<URI> http(String where, String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        log.warn("{}: ignoring link that is not an http(s) address: {}", where, value);
        return Optional.empty();
    }

    private static Optional<String> text(Optional<? extends Property> property) {
        return property.map(Property::getValue).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * What the calendar says about itself, from a scan of its lines (no events built): {@code
     * X-WR-CALNAME}, {@code X-WR-TIMEZONE} (else the first {@code TZID} of a start), and the dates
     * of its events' starts.
     */
    static CatalogMeta metadata(Path file) throws IOException {
        Header header = new Header();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder logical = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if ((line.startsWith(" ") || line.startsWith("\t")) && !logical.isEmpty()) {
                    logical.append(line, 1, line.length()); // a folded continuation
                } else {
                    header.read(file, logical.toString());
                    logical.setLength(0);
                    logical.append(line.replace("\uFEFF", ""));
                }
            }
            header.read(file, logical.toString());
        }
        return CatalogMeta.spanning(
                header.name, List.of(), header.dates, header.zone.or(() -> header.firstTzid), header.url);
    }

    /** The calendar's own properties and its events' start dates, gathered a line at a time. */
    private static final class Header {
        Optional<String> name = Optional.empty();
        Optional<ZoneId> zone = Optional.empty();
        Optional<ZoneId> firstTzid = Optional.empty();
        Optional<URI> url = Optional.empty();
        final Set<LocalDate> dates = new java.util.TreeSet<>();
        boolean inEvent;

        void read(Path file, String line) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                return;
            }
            String key = line.substring(0, colon).toUpperCase(java.util.Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("BEGIN") && value.equalsIgnoreCase("VEVENT")) {
                inEvent = true;
            } else if (key.equals("END") && value.equalsIgnoreCase("VEVENT")) {
                inEvent = false;
            } else if (!inEvent && key.equals("X-WR-CALNAME") && !value.isEmpty()) {
                name = Optional.of(value.replace("\\,", ",").replace("\\;", ";"));
            } else if (!inEvent && key.equals("X-WR-TIMEZONE")) {
                zone = zone(value);
            } else if (!inEvent && key.equals("URL")) {
                url = http(file.getFileName().toString(), value);
            } else if (inEvent && (key.equals("DTSTART") || key.startsWith("DTSTART;"))) {
                if (value.length() >= 8) {
                    try {
                        dates.add(LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
                    } catch (DateTimeException e) {
                        // a bad start is reported when the events are read
                    }
                }
                Matcher tzid = TZID.matcher(key);
                if (firstTzid.isEmpty() && tzid.find()) {
                    try {
                        firstTzid = Optional.of(ZoneId.of(tzid.group(1).replace("\"", "")));
                    } catch (DateTimeException e) {
                        // a zone only the file defines: not one to show times in
                    }
                }
            }
        }
    }

    private static final Pattern TZID = Pattern.compile("TZID=([^;:]+)", Pattern.CASE_INSENSITIVE);

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            log.warn("Ignoring unknown X-WR-TIMEZONE {}", id);
            return Optional.empty();
        }
    }
}
