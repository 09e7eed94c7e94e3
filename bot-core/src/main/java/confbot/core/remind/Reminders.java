package confbot.core.remind;

import confbot.core.Library;
import confbot.core.chat.Reply;
import confbot.core.state.StateStoreException;
import confbot.core.state.Subscriptions;
import confbot.core.state.Subscriptions.PersonalReminder;
import confbot.core.state.Subscriptions.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the reminders that are due, each time it is ticked: to every subscribed chat, those of the
 * talks that start within the lead time (several starting together in one message); to each
 * person, the reminder they asked for with {@code /remind}.
 *
 * <p>What is due is decided from the store and the clock alone: a talk is due from {@code start -
 * lead} until it starts. So a bot that was down when a reminder fell due posts it once it is back,
 * as long as the talk has not started yet (it was down for less than the lead time); a talk that
 * started meanwhile is not announced late. Each reminder is claimed in the store before it is
 * posted ({@link Subscriptions#claimReminder}), so a restart or a second replica never posts it
 * again. The claims this process made are also remembered here, so a tick does not ask the store
 * again about each due talk every few seconds until it starts.
 *
 * <p>{@link #tick()} never throws: the store failing costs one WARN (then DEBUG until it works
 * again), and the next tick tries again.
 */
public final class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    /** Ten minutes: time to walk to another room, not so early that people forget again. */
    public static final Duration DEFAULT_LEAD = Duration.ofMinutes(10);
    /** How often the composition root ticks: late by at most this, for a few reads each time. */
    public static final Duration TICK = Duration.ofSeconds(5);
    /** Reminders of talks over for this long are forgotten: no replay can reach back so far. */
    private static final Duration KEEP_SENT = Duration.ofDays(2);

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Supplier<Library> library;
    private final Subscriptions store;
    private final SubscriberPosts posts;
    private final InstantSource clock;
    private final Duration lead;
    /** Reminders known to be claimed (by this process or another), with their talk's start. */
    private final Map<String, Instant> claimed = new HashMap<>();

    private final AtomicBoolean storeFailing = new AtomicBoolean();
    private Optional<Instant> lastPrune = Optional.empty();

    /**
     * @param library the current knowledge, read at each tick (a reload brings moved talks)
     * @param lead how long before a talk its reminder goes out
     */
    public Reminders(
            Supplier<Library> library, Subscriptions store, SubscriberPosts posts, InstantSource clock, Duration lead) {
        this.library = Objects.requireNonNull(library, "library");
        this.store = Objects.requireNonNull(store, "store");
        this.posts = Objects.requireNonNull(posts, "posts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lead = checkedLead(lead);
    }

    /** A lead time must be positive and at most a day; the message names the setting's value. */
    public static Duration checkedLead(Duration lead) {
        Objects.requireNonNull(lead, "lead");
        if (lead.isNegative() || lead.isZero() || lead.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(
                    "the reminder lead time must be more than 0 and at most a day, was " + lead);
        }
        return lead;
    }

    /** Posts what is due now; one tick at a time (the composition root runs it on one thread). */
    public synchronized void tick() {
        try {
            int posted = postDue();
            if (storeFailing.getAndSet(false)) {
                log.info("The state store works again; reminders are back");
            }
            if (posted > 0) {
                log.debug("Posted {} reminder message(s)", posted);
            }
        } catch (StateStoreException e) {
            if (!storeFailing.getAndSet(true)) {
                log.warn("Reminders are held until the state store works again: {}", e.getMessage());
            } else {
                log.debug("Reminders still held: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Posting reminders failed; trying again at the next tick", e);
        }
    }

    /** @return how many messages were handed to the adapters */
    int postDue() {
        Instant now = clock.instant();
        Library lib = library.get();
        Map<String, List<Timetable.Timed>> talks = Timetable.byConference(lib);
        int posted = 0;
        for (Subscription s : store.subscriptions()) {
            if (!posts.reaches(s.platform())) {
                continue; // another replica, or another run, serves that platform
            }
            Map<String, Timetable.Timed> unclaimed = new LinkedHashMap<>();
            for (Timetable.Timed t : talks.getOrDefault(s.conference(), List.of())) {
                if (due(t.start(), now) && t.at(s.place()) && !claimed.containsKey(claimKey(s, t))) {
                    unclaimed.put(t.key(), t);
                }
            }
            Map<Instant, List<Timetable.Timed>> byStart = new LinkedHashMap<>();
            for (String key : claim(s, unclaimed.values(), now)) {
                Timetable.Timed t = unclaimed.get(key);
                byStart.computeIfAbsent(t.start(), x -> new ArrayList<>()).add(t);
            }
            for (List<Timetable.Timed> together : byStart.values()) {
                posts.toChat(
                        s,
                        new Reply(
                                Reply.Kind.LISTING,
                                RemindTexts.reminder(together, now, RemindTexts.language(s.language())),
                                List.of()));
                posted++;
            }
        }
        for (PersonalReminder r : store.pendingReminders()) {
            if (!posts.reaches(r.platform())) {
                continue;
            }
            Optional<Timetable.Timed> talk = talks.getOrDefault(r.conference(), List.of()).stream()
                    .filter(t -> t.talk().title().equals(r.title()))
                    .findFirst();
            Instant start = talk.map(Timetable.Timed::start).orElse(r.startsAt());
            if (now.isBefore(start.minus(lead)) || !store.claimPersonal(r, now)) {
                continue;
            }
            if (talk.isEmpty() || !now.isBefore(start)) {
                log.info(
                        "A reminder asked with /remind was not posted: its talk is gone from the catalog or has started");
                continue;
            }
            posts.toPerson(
                    r,
                    new Reply(
                            Reply.Kind.LISTING,
                            RemindTexts.reminder(List.of(talk.get()), now, RemindTexts.language(r.language())),
                            List.of()));
            posted++;
        }
        prune(now);
        return posted;
    }

    private boolean due(Instant start, Instant now) {
        return !now.isBefore(start.minus(lead)) && now.isBefore(start);
    }

    /**
     * The first claims of these talks' reminders for this chat, across restarts and replicas, in
     * one commit; remembered, so later ticks do not ask the store again.
     *
     * @return the keys of the talks claimed now
     */
    private Set<String> claim(Subscription s, Collection<Timetable.Timed> due, Instant now) {
        if (due.isEmpty()) {
            return Set.of();
        }
        Map<String, Instant> starts = new LinkedHashMap<>();
        due.forEach(t -> starts.put(t.key(), t.start()));
        Set<String> first = store.claimReminders(s.platform(), s.chatId(), starts, now);
        due.forEach(t -> claimed.put(claimKey(s, t), t.start()));
        return first;
    }

    private static String claimKey(Subscription s, Timetable.Timed t) {
        return s.platform() + "\n" + s.chatId() + "\n" + t.key();
    }

    private void prune(Instant now) {
        claimed.values().removeIf(start -> !now.isBefore(start));
        if (lastPrune.isPresent() && Duration.between(lastPrune.get(), now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = Optional.of(now);
        int removed = store.forgetRemindersBefore(now.minus(KEEP_SENT));
        if (removed > 0) {
            log.debug("Forgot {} reminder(s) of talks long over", removed);
        }
    }

    public Duration lead() {
        return lead;
    }
}
