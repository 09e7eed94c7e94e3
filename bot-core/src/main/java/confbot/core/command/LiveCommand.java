package confbot.core.command;

import confbot.core.Library;
import confbot.core.catalog.Talk;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.schedule.ScheduleChange;
import confbot.core.schedule.ScheduleChanges;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /now}, {@code /next [room|track]} and {@code /changes [conference]}: the talks running and
 * starting next on each conference's own clock (its registry time zone), and the latest schedule
 * changes. "Now" is the injected clock's instant, read in each conference's zone; a conference is
 * on when that day is one of its days.
 */
final class LiveCommand {

    /** A talk whose catalog gives no end is taken to run this long. */
    static final Duration UNKNOWN_LENGTH = Duration.ofMinutes(30);
    /** The most rooms listed under "next", and the most talks of one room or track. */
    static final int MAX_NEXT = 8;

    static final int MAX_IN_PLACE = 3;
    static final int MAX_CHANGES = 10;
    /** More words than a room or track name takes: a usage reply, not a search. */
    static final int MAX_WORDS = 8;

    private final InstantSource clock;
    private final ScheduleChanges changes;

    LiveCommand(InstantSource clock, ScheduleChanges changes) {
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Whether {@code place} is empty or names a room or track of the loaded talks: a free question
     * is taken as /now or /next only then.
     */
    static boolean isPlace(String place, Library library) {
        return place.isEmpty() || library.catalog().talks().stream().anyMatch(t -> inPlace(t, place));
    }

    Reply now(String argument, Language lang, Library library) {
        return live(argument, true, lang, library);
    }

    Reply next(String argument, Language lang, Library library) {
        return live(argument, false, lang, library);
    }

    private Reply live(String argument, boolean now, Language lang, Library library) {
        String place = argument.strip().replaceAll("\\s+", " ");
        if (place.split(" ").length > MAX_WORDS) {
            return usage(now ? Command.Kind.NOW : Command.Kind.NEXT, lang, library.registry());
        }
        Instant at = clock.instant();
        ConferenceRegistry registry = library.registry();
        List<Conference> on = registry.all().stream().filter(c -> isOn(c, at)).toList();
        if (on.isEmpty()) {
            return notOn(at, lang, registry);
        }
        boolean zh = lang == Language.ZH;
        StringBuilder out = new StringBuilder();
        Set<Source> sources = new LinkedHashSet<>();
        boolean placeKnown = place.isEmpty();
        for (Conference c : on) {
            ZonedDateTime local = at.atZone(c.timezone());
            LocalDateTime clockTime = local.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
            List<Talk> talks = library.catalog().talks().stream()
                    .filter(t -> t.conference().equals(c.id()))
                    .filter(t -> t.date().isPresent() && t.start().isPresent())
                    .filter(t -> place.isEmpty() || inPlace(t, place))
                    .sorted(Comparator.comparing(LiveCommand::startOf).thenComparing(Talk::title))
                    .toList();
            placeKnown |= !talks.isEmpty();
            if (talks.isEmpty() && !place.isEmpty()) {
                continue; // the room or track is another conference's
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            String clockNote = clockTime.toLocalTime() + " " + c.timezone().getId();
            String where = place.isEmpty() ? "" : zh ? "（" + place + "）" : " (" + place + ")";
            out.append(c.shortName().in(lang))
                    .append(where)
                    .append(zh ? "，现在是 " : ", now ")
                    .append(clockNote);
            if (talks.isEmpty() && place.isEmpty()) {
                out.append('\n')
                        .append(zh ? "今天是大会日程内的一天，但没有加载演讲目录。" : "It is on today, but no talk list is loaded for it.");
                continue;
            }
            LocalDateTime moment = local.toLocalDateTime();
            List<Talk> running = talks.stream()
                    .filter(t -> !startOf(t).isAfter(moment) && endOf(t).isAfter(moment))
                    .toList();
            List<Talk> upcoming = nextOf(talks, moment, place.isEmpty() ? MAX_NEXT : MAX_IN_PLACE);
            if (now) {
                out.append('\n').append(zh ? "正在进行：" : "On now:");
                if (running.isEmpty()) {
                    out.append(zh ? "暂时没有演讲。" : " nothing at the moment.");
                }
                running.forEach(t -> line(out, t, c, clockTime.toLocalDate(), lang, sources));
            }
            out.append('\n').append(zh ? "接下来：" : "Next:");
            if (upcoming.isEmpty()) {
                out.append(zh ? "今天和之后都没有更多演讲了。" : " no more talks listed.");
            }
            upcoming.forEach(t -> line(out, t, c, clockTime.toLocalDate(), lang, sources));
        }
        if (!placeKnown) {
            return new Reply(
                    Reply.Kind.NOT_COVERED,
                    zh
                            ? "今天的演讲里没有叫“" + place + "”的会场或分论坛。"
                            : "No room or track called \"" + place + "\" among today's talks.",
                    List.of());
        }
        return new Reply(Reply.Kind.LISTING, out.toString(), List.copyOf(sources));
    }

    /** Per room, the first talk starting after {@code moment}; in time order, at most {@code limit}. */
    private static List<Talk> nextOf(List<Talk> talks, LocalDateTime moment, int limit) {
        Map<String, List<Talk>> byRoom = new LinkedHashMap<>();
        for (Talk t : talks) {
            if (startOf(t).isAfter(moment)) {
                byRoom.computeIfAbsent(t.room().orElse(""), r -> new ArrayList<>())
                        .add(t);
            }
        }
        int perRoom = byRoom.size() == 1 ? limit : 1;
        return byRoom.values().stream()
                .flatMap(list -> list.stream().limit(perRoom))
                .sorted(Comparator.comparing(LiveCommand::startOf)
                        .thenComparing(t -> t.room().orElse("")))
                .limit(limit)
                .toList();
    }

    private static void line(
            StringBuilder out, Talk t, Conference c, LocalDate today, Language lang, Set<Source> sources) {
        out.append("\n• ");
        LocalDate day = t.date().orElseThrow();
        if (!day.equals(today)) {
            out.append(lang == Language.ZH ? day.getMonthValue() + " 月 " + day.getDayOfMonth() + " 日 " : day + " ");
        }
        out.append(t.start().orElseThrow());
        t.end().ifPresent(e -> out.append('–').append(e));
        t.room().ifPresent(r -> out.append(' ').append(r));
        out.append(lang == Language.ZH ? "：" : ": ").append(t.line());
        link(t).ifPresent(u -> sources.add(new Source(t.title(), u)));
    }

    private static Optional<URI> link(Talk t) {
        return t.page().or(() -> t.slides().stream().findFirst());
    }

    /** No conference is on: when the next known one starts, or that none is scheduled. */
    private static Reply notOn(Instant at, Language lang, ConferenceRegistry registry) {
        boolean zh = lang == Language.ZH;
        Optional<Conference> next = registry.all().stream()
                .filter(c -> c.start().isAfter(at.atZone(c.timezone()).toLocalDate()))
                .min(Comparator.comparing(c -> c.start().atStartOfDay(c.timezone())));
        if (next.isEmpty()) {
            return new Reply(
                    Reply.Kind.NOT_COVERED,
                    zh
                            ? "现在没有进行中的大会，也没有已知的下一届大会日程。"
                            : "No conference is on right now, and none I know of is scheduled.",
                    List.of());
        }
        Conference c = next.get();
        long days = ChronoUnit.DAYS.between(at.atZone(c.timezone()).toLocalDate(), c.start());
        String city = c.city().in(lang);
        String text = zh
                ? "现在没有进行中的大会。下一届是 " + c.shortName().zh() + "，" + c.start() + " 开始"
                        + (city.isBlank() ? "" : "（" + city + "）") + "，还有 " + days + " 天。"
                : "No conference is on right now. The next is " + c.shortName().en() + ", starting " + c.start()
                        + (city.isBlank() ? "" : " in " + city) + ", in " + days + (days == 1 ? " day." : " days.");
        List<Source> sources = c.links(Conference.Link.Kind.SCHEDULE).stream()
                .map(l -> new Source(l.title().in(lang), l.url()))
                .toList();
        return new Reply(Reply.Kind.LISTING, text, sources);
    }

    Reply changes(String argument, Language lang, Library library) {
        ConferenceRegistry registry = library.registry();
        String words = argument.strip();
        Optional<Conference> conference = Optional.empty();
        if (!words.isEmpty()) {
            List<Conference> named = words.split("\\s+").length > MAX_WORDS ? List.of() : registry.resolve(words);
            if (named.size() != 1) {
                return usage(Command.Kind.CHANGES, lang, registry);
            }
            conference = Optional.of(named.get(0));
        }
        boolean zh = lang == Language.ZH;
        List<ScheduleChange> latest = changes.latest(conference.map(Conference::id), MAX_CHANGES);
        String of = conference
                .map(c -> zh ? c.shortName().zh() + " " : " of " + c.shortName().en())
                .orElse("");
        if (latest.isEmpty()) {
            return new Reply(
                    Reply.Kind.NOT_COVERED,
                    zh ? of + "还没有发现日程变更。" : "No schedule changes" + of + " found so far.",
                    List.of());
        }
        StringBuilder out =
                new StringBuilder(zh ? of + "最近的日程变更（最新的在前）：" : "Latest schedule changes" + of + " (newest first):");
        Set<Source> sources = new LinkedHashSet<>();
        for (ScheduleChange change : latest) {
            Talk t = change.talk();
            out.append("\n• ");
            if (conference.isEmpty() && registry.all().size() > 1) {
                registry.byId(change.conference())
                        .ifPresent(c -> out.append(c.shortName().in(lang)).append(zh ? "：" : ": "));
            }
            out.append(t.line()).append(zh ? " — " : " — ").append(describe(change, lang));
            link(t).ifPresent(u -> sources.add(new Source(t.title(), u)));
        }
        return new Reply(Reply.Kind.LISTING, out.toString(), List.copyOf(sources));
    }

    /** "moved from 15:20 (2018-11-14) to 16:00 (2018-11-14); room Room 3 → Hall 1". */
    static String describe(ScheduleChange change, Language lang) {
        boolean zh = lang == Language.ZH;
        List<String> parts = new ArrayList<>();
        for (ScheduleChange.Kind kind : ScheduleChange.Kind.values()) {
            if (!change.kinds().contains(kind)) {
                continue;
            }
            Talk before = change.before().orElse(null);
            Talk after = change.after().orElse(null);
            parts.add(
                    switch (kind) {
                        case NEW -> (zh ? "新增：" : "new: ") + when(after);
                        case CANCELLED -> (zh ? "已取消（原定 " : "cancelled (was ") + when(before) + (zh ? "）" : ")");
                        case MOVED_TIME -> (zh ? "时间改为 " : "moved to ")
                                + when(after)
                                + (zh ? "（原定 " : " (was ")
                                + when(before)
                                + (zh ? "）" : ")");
                        case MOVED_ROOM -> (zh ? "会场改为 " : "now in ")
                                + after.room().orElse("?")
                                + (zh ? "（原在 " : " (was ")
                                + before.room().orElse("?")
                                + (zh ? "）" : ")");
                        case SPEAKERS_CHANGED -> (zh ? "讲者改为 " : "speakers now ")
                                + String.join(", ", after.speakers())
                                + (zh ? "（原为 " : " (was ")
                                + String.join(", ", before.speakers())
                                + (zh ? "）" : ")");
                    });
        }
        return String.join(zh ? "；" : "; ", parts);
    }

    private static String when(Talk t) {
        StringBuilder out = new StringBuilder();
        t.date().ifPresent(out::append);
        t.start().ifPresent(s -> out.append(out.length() > 0 ? " " : "").append(s));
        t.room().ifPresent(r -> out.append(out.length() > 0 ? ", " : "").append(r));
        return out.length() == 0 ? "?" : out.toString();
    }

    private static boolean isOn(Conference c, Instant at) {
        LocalDate today = at.atZone(c.timezone()).toLocalDate();
        return !today.isBefore(c.start()) && !today.isAfter(c.end());
    }

    private static boolean inPlace(Talk t, String place) {
        String p = normal(place);
        return t.room()
                        .map(LiveCommand::normal)
                        .filter(r -> r.equals(p) || r.contains(p))
                        .isPresent()
                || t.track()
                        .map(LiveCommand::normal)
                        .filter(r -> r.equals(p) || r.contains(p))
                        .isPresent();
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static LocalDateTime startOf(Talk t) {
        return LocalDateTime.of(t.date().orElseThrow(), t.start().orElseThrow());
    }

    private static LocalDateTime endOf(Talk t) {
        LocalDateTime start = startOf(t);
        return t.end()
                // An end before the start runs past midnight.
                .map(e -> e.isBefore(t.start().orElseThrow())
                        ? LocalDateTime.of(start.toLocalDate().plusDays(1), e)
                        : LocalDateTime.of(start.toLocalDate(), e))
                .orElse(start.plus(UNKNOWN_LENGTH));
    }

    private static Reply usage(Command.Kind kind, Language lang, ConferenceRegistry registry) {
        return new Reply(Reply.Kind.USAGE, Messages.usage(kind, lang, registry), List.of());
    }
}
