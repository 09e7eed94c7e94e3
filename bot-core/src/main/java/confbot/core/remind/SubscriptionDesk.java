package confbot.core.remind;

import confbot.core.Library;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Reply;
import confbot.core.command.Command;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.conference.Units;
import confbot.core.state.StateStoreException;
import confbot.core.state.Subscriptions;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /subscribe [conference] [track|room]}, {@code /unsubscribe [conference]} and
 * {@code /remind <talk>}. Whether the sender may (un)subscribe a group is decided by the caller,
 * which knows the admins and what the platform said ({@link Origin#manager()}); a private chat's
 * owner always may. A subscription is acknowledged only once it is committed to the store.
 */
public final class SubscriptionDesk {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDesk.class);

    /** A conference and a track or room are a few words; longer arguments get the usage line. */
    static final int MAX_ARGUMENT = 200;
    /** How many matching talks {@code /remind} lists when the words fit several. */
    static final int MAX_CANDIDATES = 5;

    private final Optional<Subscriptions> store;
    private final InstantSource clock;
    private final Duration lead;

    private SubscriptionDesk(Optional<Subscriptions> store, InstantSource clock, Duration lead) {
        this.store = store;
        this.clock = clock;
        this.lead = Reminders.checkedLead(lead);
    }

    /** Subscriptions kept in {@code store}, reminding {@code lead} before each talk. */
    public static SubscriptionDesk to(Subscriptions store, InstantSource clock, Duration lead) {
        return new SubscriptionDesk(Optional.of(store), clock, lead);
    }

    /** No store ({@code confbot ask}, {@code eval}): the commands say where they work instead. */
    public static SubscriptionDesk off() {
        return new SubscriptionDesk(Optional.empty(), InstantSource.system(), Reminders.DEFAULT_LEAD);
    }

    /**
     * Answers a subscription command.
     *
     * @param mayManage whether the sender may subscribe this chat: a private chat's owner, a bot
     *     admin, or someone the platform lets manage the group
     */
    public Reply handle(Inbound message, Command command, Library library, boolean mayManage) {
        Language lang = language(message, command.argument());
        if (store.isEmpty()) {
            return usage(RemindTexts.noStore(lang));
        }
        try {
            return switch (command.kind()) {
                case SUBSCRIBE -> mayManage
                        ? subscribe(message, command.argument(), library, lang)
                        : refuse(message, lang);
                case UNSUBSCRIBE -> mayManage
                        ? unsubscribe(message, command.argument(), library, lang)
                        : refuse(message, lang);
                case REMIND -> remind(message, command.argument(), library, lang);
                default -> throw new IllegalArgumentException("not a subscription command: " + command.kind());
            };
        } catch (StateStoreException e) {
            log.warn("A /{} was not saved: {}", command.name(), e.getMessage());
            return usage(RemindTexts.storeFailed(lang));
        }
    }

    private Reply refuse(Inbound message, Language lang) {
        log.info(
                "Refused a subscription change in a {} group from a member who may not manage it",
                message.origin().platform());
        return usage(RemindTexts.notManager(lang));
    }

    private Reply subscribe(Inbound message, String argument, Library library, Language lang) {
        if (argument.length() > MAX_ARGUMENT) {
            return usage(subscribeUsage(library, lang));
        }
        Map<String, List<Timetable.Timed>> talks = Timetable.byConference(library);
        if (talks.isEmpty()) {
            return usage(RemindTexts.noTimedTalks(lang));
        }
        Named named = named(argument, library.registry());
        Optional<Conference> conference;
        if (named.conferences().size() > 1) {
            return usage(RemindTexts.whichConference(named.conferences(), "subscribe", lang));
        } else if (named.conferences().size() == 1) {
            conference = Optional.of(named.conferences().get(0));
        } else {
            conference = soonest(talks, library.registry());
            if (conference.isEmpty()) {
                List<Conference> choices = talks.keySet().stream()
                        .flatMap(id -> library.registry().byId(id).stream())
                        .toList();
                return usage(RemindTexts.whichConference(choices, "subscribe", lang));
            }
        }
        Conference c = conference.get();
        List<Timetable.Timed> theirs = talks.getOrDefault(c.id(), List.of());
        Optional<String> place = Optional.empty();
        if (!named.rest().isBlank()) {
            Set<String> places = Timetable.places(theirs);
            List<String> wanted = Units.of(named.rest());
            place = places.stream().filter(p -> Units.of(p).equals(wanted)).findFirst();
            if (place.isEmpty()) {
                // "Service Mesh" for the track "KC+CNC - Service Mesh": words that begin its words, if only one has
                // them.
                List<String> fits = places.stream()
                        .filter(p -> Units.allStartWords(Units.of(p), wanted))
                        .toList();
                if (fits.size() != 1) {
                    return usage(RemindTexts.unknownPlace(c, named.rest(), fits.isEmpty() ? places : fits, lang));
                }
                place = Optional.of(fits.get(0));
            }
        }
        Origin origin = message.origin();
        boolean replaced = store.orElseThrow()
                .subscribe(new Subscriptions.Subscription(
                        origin.platform(),
                        origin.chatId(),
                        c.id(),
                        place,
                        origin.userId(),
                        lang.code(),
                        origin.groupChat(),
                        clock.instant(),
                        0));
        log.info(
                "A {} chat subscribed to {}{}",
                origin.platform(),
                c.id(),
                place.map(p -> " (" + p + ")").orElse(""));
        return listing(RemindTexts.subscribed(c, place, lead, replaced, lang));
    }

    private Reply unsubscribe(Inbound message, String argument, Library library, Language lang) {
        Optional<Conference> conference = Optional.empty();
        if (!argument.isBlank()) {
            List<Conference> named = library.registry().resolve(argument);
            if (named.size() != 1) {
                List<Conference> choices =
                        store
                                .orElseThrow()
                                .subscriptions(
                                        message.origin().platform(),
                                        message.origin().chatId())
                                .stream()
                                .flatMap(s -> library.registry().byId(s.conference()).stream())
                                .toList();
                return choices.isEmpty()
                        ? listing(RemindTexts.unsubscribed(0, Optional.empty(), lang))
                        : usage(RemindTexts.whichConference(choices, "unsubscribe", lang));
            }
            conference = Optional.of(named.get(0));
        }
        int ended = store.orElseThrow()
                .unsubscribe(message.origin().platform(), message.origin().chatId(), conference.map(Conference::id));
        log.info("A {} chat ended {} subscription(s)", message.origin().platform(), ended);
        return listing(RemindTexts.unsubscribed(ended, conference, lang));
    }

    private Reply remind(Inbound message, String argument, Library library, Language lang) {
        if (message.origin().groupChat()) {
            return usage(RemindTexts.remindInPrivate(lang));
        }
        if (argument.isBlank() || argument.length() > MAX_ARGUMENT) {
            return usage(RemindTexts.remindUsage(lang));
        }
        Named named = named(argument, library.registry());
        String words = named.rest().isBlank() ? argument : named.rest();
        Set<String> ids = named.rest().isBlank()
                ? Set.of()
                : named.conferences().stream().map(Conference::id).collect(java.util.stream.Collectors.toSet());
        Instant now = clock.instant();
        List<Timetable.Timed> upcoming = library.catalog().find(words, ids).stream()
                .flatMap(t -> Timetable.timed(t, library).stream())
                .filter(t -> now.isBefore(t.start()))
                .sorted(Comparator.comparing(Timetable.Timed::start))
                .toList();
        // A title typed in full picks its talk even when its words also fit others.
        List<Timetable.Timed> exact = upcoming.stream()
                .filter(t -> Units.of(t.talk().title()).equals(Units.of(words)))
                .toList();
        List<Timetable.Timed> fits = exact.size() == 1 ? exact : upcoming;
        if (fits.isEmpty()) {
            return usage(RemindTexts.noUpcomingTalk(words, lang));
        }
        if (fits.size() > 1) {
            return listing(RemindTexts.severalTalks(fits.subList(0, Math.min(MAX_CANDIDATES, fits.size())), lang));
        }
        Timetable.Timed talk = fits.get(0);
        boolean fresh = store.orElseThrow()
                .remind(new Subscriptions.PersonalReminder(
                        message.origin().platform(),
                        message.origin().userId(),
                        talk.talk().conference(),
                        talk.talk().title(),
                        talk.start(),
                        lang.code(),
                        now));
        return listing(RemindTexts.willRemind(talk, lead, !fresh, lang));
    }

    /** The conferences the leading words name (the longest such span), and the words after them. */
    private record Named(List<Conference> conferences, String rest) {}

    private static Named named(String argument, ConferenceRegistry registry) {
        List<String> words = List.of(argument.strip().split("\\s+"));
        if (argument.isBlank()) {
            return new Named(List.of(), "");
        }
        for (int k = words.size(); k >= 1; k--) {
            List<Conference> found = registry.resolve(String.join(" ", words.subList(0, k)));
            if (!found.isEmpty()) {
                return new Named(found, String.join(" ", words.subList(k, words.size())));
            }
        }
        return new Named(List.of(), argument.strip());
    }

    /** The conference whose next (or running) talk comes first; the last to end when all are over. */
    private Optional<Conference> soonest(Map<String, List<Timetable.Timed>> talks, ConferenceRegistry registry) {
        Instant now = clock.instant();
        Optional<String> next = talks.entrySet().stream()
                .filter(e -> e.getValue().stream()
                        .anyMatch(t -> now.isBefore(t.start().plus(Duration.ofHours(1)))))
                .min(Comparator.comparing(e -> e.getValue().stream()
                        .map(Timetable.Timed::start)
                        .filter(s -> now.isBefore(s.plus(Duration.ofHours(1))))
                        .min(Comparator.naturalOrder())
                        .orElseThrow()))
                .map(Map.Entry::getKey);
        if (next.isEmpty() && talks.size() == 1) {
            next = talks.keySet().stream().findFirst();
        }
        return next.flatMap(registry::byId);
    }

    private static String subscribeUsage(Library library, Language lang) {
        String example =
                library.conferences().stream().findFirst().map(Conference::id).orElse("");
        return lang == Language.ZH
                ? "用法：/subscribe [大会] [分会场或会议室]，例如 /subscribe " + example
                : "Usage: /subscribe [conference] [track or room], e.g. /subscribe " + example;
    }

    /** Chinese when the words are, else the sender's interface language (room names are Latin either way). */
    private static Language language(Inbound message, String argument) {
        if (argument.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return Language.ZH;
        }
        return message.locale().getLanguage().equals(Locale.CHINESE.getLanguage()) ? Language.ZH : Language.EN;
    }

    private static Reply usage(String text) {
        return new Reply(Reply.Kind.USAGE, text, List.of());
    }

    private static Reply listing(String text) {
        return new Reply(Reply.Kind.LISTING, text, List.of());
    }

    /** How long before a talk the reminders go out. */
    public Duration lead() {
        return lead;
    }
}
