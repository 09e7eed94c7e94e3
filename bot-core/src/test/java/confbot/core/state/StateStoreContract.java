package confbot.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import confbot.core.catalog.Talk;
import confbot.core.chat.Platform;
import confbot.core.chat.Source;
import confbot.core.schedule.ScheduleChange;
import confbot.core.schedule.ScheduleChangeLog;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every state store does, whatever database is behind it. */
abstract class StateStoreContract {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    StateStore store;

    /** A store over an empty database. */
    abstract StateStore openEmpty() throws Exception;

    /** The same database opened again, as by a restarted process. */
    abstract StateStore reopen() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmpty();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void recordsUpdatesAndTellsWhichWereNew() {
        Inbox inbox = store.inbox();

        assertThat(inbox.record("telegram", List.of(entry(1, 0), entry(2, 1)))).containsExactly(1L, 2L);
        assertThat(inbox.record("telegram", List.of(entry(2, 5), entry(3, 6)))).containsExactly(3L);
        assertThat(inbox.record("discord", List.of(entry(2, 7))))
                .as("ids are per platform")
                .containsExactly(2L);
        assertThat(inbox.pending("telegram")).extracting(Inbox.Entry::updateId).containsExactly(1L, 2L, 3L);
        assertThat(inbox.pending("telegram").get(1).payload())
                .as("the first delivery is kept")
                .isEqualTo("{\"update_id\":2,\"t\":1}");
    }

    @Test
    void pendingIsOldestFirstAndLeavesOutWhatIsDone() {
        Inbox inbox = store.inbox();
        inbox.record("telegram", List.of(entry(30, 3), entry(10, 1), entry(20, 2)));

        inbox.markDone("telegram", 20, "answered", T0.plusSeconds(9));

        assertThat(inbox.pending("telegram")).extracting(Inbox.Entry::updateId).containsExactly(10L, 30L);
        assertThat(inbox.pending("telegram").get(0).receivedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void marksABatchDoneAtOnceAndAnUpdateKeepsItsFirstOutcome() throws Exception {
        Inbox inbox = store.inbox();
        inbox.record("telegram", List.of(entry(1, 0), entry(2, 0), entry(3, 0)));
        inbox.markDone("telegram", 1, "answered", T0.plusSeconds(10));

        inbox.markDone(
                "telegram",
                List.of(
                        new Inbox.Done(1, "failed", T0.plusSeconds(100)),
                        new Inbox.Done(2, "ignored", T0.plusSeconds(100)),
                        new Inbox.Done(99, "answered", T0.plusSeconds(100))));

        assertThat(inbox.pending("telegram")).extracting(Inbox.Entry::updateId).containsExactly(3L);
        assertThat(inbox.prune(T0.plusSeconds(50)))
                .as("1 kept the time it was first done, 2 was done in the batch")
                .isEqualTo(1);
        store.close();
        store = reopen();
        assertThat(store.inbox().pending("telegram"))
                .extracting(Inbox.Entry::updateId)
                .containsExactly(3L);
    }

    @Test
    void aDoneUpdateDeliveredAgainIsStillADuplicate() {
        Inbox inbox = store.inbox();
        inbox.record("telegram", List.of(entry(1, 0)));
        inbox.markDone("telegram", 1, "answered", T0.plusSeconds(1));

        assertThat(inbox.record("telegram", List.of(entry(1, 2)))).isEmpty();
        assertThat(inbox.pending("telegram")).isEmpty();
    }

    @Test
    void pruneForgetsOnlyWhatWasDoneBeforeTheCutOff() {
        Inbox inbox = store.inbox();
        inbox.record("telegram", List.of(entry(1, 0), entry(2, 0), entry(3, 0)));
        inbox.markDone("telegram", 1, "answered", T0.plusSeconds(10));
        inbox.markDone("telegram", 2, "answered", T0.plusSeconds(100));

        assertThat(inbox.prune(T0.plusSeconds(50))).isEqualTo(1);

        assertThat(inbox.record("telegram", List.of(entry(1, 200), entry(2, 200))))
                .as("1 was forgotten, 2 is remembered")
                .containsExactly(1L);
        assertThat(inbox.pending("telegram")).extracting(Inbox.Entry::updateId).containsExactly(3L, 1L);
    }

    @Test
    void whatWasRecordedSurvivesClosingAndOpeningAgain() throws Exception {
        store.inbox().record("telegram", List.of(entry(1, 0), entry(2, 1)));
        store.inbox().markDone("telegram", 1, "answered", T0.plusSeconds(2));
        store.close();

        store = reopen();

        assertThat(store.inbox().pending("telegram"))
                .extracting(Inbox.Entry::updateId)
                .containsExactly(2L);
        assertThat(store.inbox().record("telegram", List.of(entry(1, 3)))).isEmpty();
    }

    @Test
    void twoStoresOnOneDatabaseTakingTheSameUpdatesAtOnceGiveEachToOnlyOne() throws Exception {
        // Two replicas behind a webhook, each pushed the same updates: each update is answered once.
        try (StateStore other = reopen()) {
            List<Inbox.Entry> batch = java.util.stream.LongStream.rangeClosed(1, 200)
                    .mapToObj(id -> entry(id, 0))
                    .toList();
            java.util.concurrent.CompletableFuture<java.util.Set<Long>> mine =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> recordOneByOne(store.inbox(), batch));
            java.util.concurrent.CompletableFuture<java.util.Set<Long>> theirs =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> recordOneByOne(other.inbox(), batch));

            java.util.Set<Long> a = mine.get(60, java.util.concurrent.TimeUnit.SECONDS);
            java.util.Set<Long> b = theirs.get(60, java.util.concurrent.TimeUnit.SECONDS);
            java.util.Set<Long> twice = new java.util.HashSet<>(a);
            twice.retainAll(b);
            assertThat(twice).as("taken by both").isEmpty();
            java.util.Set<Long> both = new java.util.HashSet<>(a);
            both.addAll(b);
            assertThat(both).hasSize(200);
        }
    }

    private static java.util.Set<Long> recordOneByOne(Inbox inbox, List<Inbox.Entry> batch) {
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (Inbox.Entry entry : batch) {
            taken.addAll(inbox.record("telegram", List.of(entry)));
        }
        return taken;
    }

    @Test
    void textThatIsNotAsciiIsKeptAsItWas() {
        String payload = "{\"text\":\"蚂蚁金服 🙂 שלום \\u0000\"}";
        store.inbox().record("telegram", List.of(new Inbox.Entry(9, T0, payload)));

        assertThat(store.inbox().pending("telegram").get(0).payload()).isEqualTo(payload);
    }

    @Test
    void aClosedStoreSaysSoInsteadOfFailingObscurely() {
        store.close();

        assertThatThrownBy(() -> store.inbox().pending("telegram"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("closed");
    }

    // ---- the answer log ---------------------------------------------------------------------------

    @Test
    void anAnswerAskedAgainIsCountedNotStoredTwiceAndKeepsItsSources() {
        AnswerLog log = store.answers();
        log.asked(answer("a1", "Where was it?", 0));
        log.asked(answer("a1", "Where was it?", 5));
        log.asked(answer("a1", "Where was it?", 3));

        assertThat(log.vote("a1", "telegram", "7", -1, T0)).isEqualTo(AnswerLog.VoteResult.NEW);
        AnswerLog.Rated rated = log.worstRated(10).get(0);
        assertThat(rated.timesAsked()).isEqualTo(3);
        assertThat(rated.question()).isEqualTo("Where was it?");
        assertThat(rated.text()).isEqualTo("Answer to Where was it?");
        assertThat(rated.knowledgeVersion()).isEqualTo("k1");
        assertThat(rated.sources())
                .containsExactly(
                        new Source("Notes 2019", URI.create("https://example.org/2019")),
                        new Source("蚂蚁金服 notes", URI.create("https://example.org/zh")));
        assertThat(log.totals()).isEqualTo(new AnswerLog.Totals(1, 3, 0, 0, 0, 1));
    }

    @Test
    void oneVotePerPersonPerAnswerThatTheOtherButtonChanges() {
        AnswerLog log = store.answers();
        log.asked(answer("a1", "q1", 0));

        assertThat(log.vote("a1", "telegram", "7", 1, T0)).isEqualTo(AnswerLog.VoteResult.NEW);
        assertThat(log.vote("a1", "telegram", "7", 1, T0.plusSeconds(1))).isEqualTo(AnswerLog.VoteResult.SAME);
        assertThat(log.vote("a1", "telegram", "7", -1, T0.plusSeconds(2))).isEqualTo(AnswerLog.VoteResult.CHANGED);
        assertThat(log.vote("a1", "telegram", "8", -1, T0.plusSeconds(3)))
                .as("another person")
                .isEqualTo(AnswerLog.VoteResult.NEW);
        assertThat(log.vote("a1", "discord", "7", 1, T0.plusSeconds(4)))
                .as("the same id on another platform is another person")
                .isEqualTo(AnswerLog.VoteResult.NEW);

        AnswerLog.Rated rated = log.worstRated(10).get(0);
        assertThat(rated.up()).isEqualTo(1);
        assertThat(rated.down()).isEqualTo(2);
    }

    @Test
    void aVoteOnAnAnswerNeverRecordedIsRefusedAndStoresNothing() {
        assertThat(store.answers().vote("nope", "telegram", "7", 1, T0)).isEqualTo(AnswerLog.VoteResult.UNKNOWN_ANSWER);
        assertThat(store.answers().totals().up()).isZero();
    }

    @Test
    void worstRatedPutsTheMostNetThumbsDownFirstAndLeavesOutAnswersNobodyVotedOn() {
        AnswerLog log = store.answers();
        for (String id : List.of("good", "bad", "mixed", "unvoted")) {
            log.asked(answer(id, "question " + id, 0));
        }
        log.vote("good", "telegram", "1", 1, T0);
        log.vote("good", "telegram", "2", 1, T0);
        log.vote("bad", "telegram", "1", -1, T0);
        log.vote("bad", "telegram", "2", -1, T0);
        log.vote("mixed", "telegram", "1", -1, T0);
        log.vote("mixed", "telegram", "2", 1, T0);

        assertThat(log.worstRated(10)).extracting(AnswerLog.Rated::answerId).containsExactly("bad", "mixed", "good");
        assertThat(log.worstRated(1)).extracting(AnswerLog.Rated::answerId).containsExactly("bad");
    }

    @Test
    void gapsSumTheAskingsOfOneQuestionAcrossWordingsAndVersionsMostAskedFirst() {
        AnswerLog log = store.answers();
        log.asked(abstained("x1", "Who won?", "who won", "k1", 0));
        log.asked(abstained("x1", "Who won?", "who won", "k1", 1));
        log.asked(abstained("x2", "who won", "who won", "k2", 9));
        log.asked(abstained("y1", "What is on now?", "what is on now", "k1", 2));
        log.asked(answer("a1", "Where was it?", 3));

        assertThat(log.mostAskedUnanswered(10))
                .containsExactly(
                        new AnswerLog.Gap("who won", 3, T0.plusSeconds(9)),
                        new AnswerLog.Gap("What is on now?", 1, T0.plusSeconds(2)));
        assertThat(log.totals()).isEqualTo(new AnswerLog.Totals(1, 1, 2, 4, 0, 0));
    }

    @Test
    void votesSurviveClosingAndOpeningAgain() throws Exception {
        store.answers().asked(answer("a1", "q1", 0));
        store.answers().vote("a1", "discord", "42", -1, T0);
        store.close();

        store = reopen();

        assertThat(store.answers().worstRated(1).get(0).down()).isEqualTo(1);
        assertThat(store.answers().vote("a1", "discord", "42", -1, T0)).isEqualTo(AnswerLog.VoteResult.SAME);
    }

    // ---- subscriptions and reminders (V3) -------------------------------------------------------

    @Test
    void aSubscriptionSurvivesReopeningAndSubscribingAgainReplacesIt() throws Exception {
        Subscriptions subs = store.subscriptions();
        assertThat(subs.subscribe(subscription("-100", "kc19", Optional.empty())))
                .isFalse();
        assertThat(subs.subscribe(subscription("-100", "kc18", Optional.of("Hall 1"))))
                .isFalse();
        assertThat(subs.subscribe(subscription("-100", "kc19", Optional.of("会议室 2"))))
                .as("the same chat and conference again")
                .isTrue();
        store.close();
        store = reopen();

        assertThat(store.subscriptions().subscriptions())
                .extracting(Subscriptions.Subscription::conference, Subscriptions.Subscription::place)
                .containsExactlyInAnyOrder(tuple("kc19", Optional.of("会议室 2")), tuple("kc18", Optional.of("Hall 1")));
        Subscriptions.Subscription kept = store.subscriptions().subscriptions(Platform.TELEGRAM, "-100").stream()
                .filter(s -> s.conference().equals("kc19"))
                .findFirst()
                .orElseThrow();
        assertThat(kept.subscriber()).isEqualTo("7");
        assertThat(kept.language()).isEqualTo("zh");
        assertThat(kept.groupChat()).isTrue();
        assertThat(kept.createdAt()).isEqualTo(T0);
    }

    @Test
    void unsubscribingEndsOneConferenceOrEveryOneOfTheChat() {
        Subscriptions subs = store.subscriptions();
        subs.subscribe(subscription("-100", "kc18", Optional.empty()));
        subs.subscribe(subscription("-100", "kc19", Optional.empty()));
        subs.subscribe(subscription("-200", "kc19", Optional.empty()));

        assertThat(subs.unsubscribe(Platform.TELEGRAM, "-100", Optional.of("kc18")))
                .isEqualTo(1);
        assertThat(subs.unsubscribe(Platform.DISCORD, "-200", Optional.empty()))
                .as("chat ids are per platform")
                .isZero();
        assertThat(subs.unsubscribe(Platform.TELEGRAM, "-100", Optional.empty()))
                .isEqualTo(1);

        assertThat(subs.subscriptions())
                .extracting(Subscriptions.Subscription::chatId)
                .containsExactly("-200");
    }

    @Test
    void aReminderIsClaimedOnceAcrossReopeningAndTwoStoresAtOnce() throws Exception {
        Instant start = T0.plusSeconds(600);
        assertThat(store.subscriptions().claimReminder(Platform.TELEGRAM, "-100", "talk-a", start, T0))
                .isTrue();
        assertThat(store.subscriptions().claimReminder(Platform.TELEGRAM, "-100", "talk-a", start, T0))
                .isFalse();
        assertThat(store.subscriptions().claimReminder(Platform.TELEGRAM, "-200", "talk-a", start, T0))
                .as("another chat")
                .isTrue();
        store.close();
        store = reopen();
        try (StateStore other = reopen()) {
            assertThat(other.subscriptions().claimReminder(Platform.TELEGRAM, "-100", "talk-a", start, T0))
                    .isFalse();
            assertThat(other.subscriptions().claimReminder(Platform.TELEGRAM, "-100", "talk-b", start, T0))
                    .isTrue();
        }
        assertThat(store.subscriptions().claimReminder(Platform.TELEGRAM, "-100", "talk-b", start, T0))
                .isFalse();

        assertThat(store.subscriptions().forgetRemindersBefore(start.plusSeconds(1)))
                .isEqualTo(3);
        assertThat(store.subscriptions().claimReminder(Platform.TELEGRAM, "-100", "talk-a", start, T0))
                .as("forgotten once the talk is long over")
                .isTrue();
    }

    @Test
    void severalRemindersAreClaimedAtOnceAndOnlyThoseNotClaimedBeforeComeBack() {
        Instant start = T0.plusSeconds(600);
        store.subscriptions().claimReminder(Platform.DISCORD, "600", "talk-a", start, T0);

        assertThat(store.subscriptions()
                        .claimReminders(Platform.DISCORD, "600", Map.of("talk-a", start, "talk-b", start), T0))
                .containsExactly("talk-b");
        assertThat(store.subscriptions()
                        .claimReminders(Platform.DISCORD, "600", Map.of("talk-a", start, "talk-b", start), T0))
                .isEmpty();
    }

    @Test
    void aPersonalReminderIsStoredOnceAndClaimedOnce() throws Exception {
        Subscriptions.PersonalReminder r = new Subscriptions.PersonalReminder(
                Platform.DISCORD, "42", "kc19", "Kata Containers 深入", T0.plusSeconds(3600), "en", T0);
        assertThat(store.subscriptions().remind(r)).isTrue();
        assertThat(store.subscriptions().remind(r)).as("asked twice").isFalse();
        store.close();
        store = reopen();

        assertThat(store.subscriptions().pendingReminders()).containsExactly(r);
        assertThat(store.subscriptions().claimPersonal(r, T0.plusSeconds(3000))).isTrue();
        assertThat(store.subscriptions().claimPersonal(r, T0.plusSeconds(3005))).isFalse();
        assertThat(store.subscriptions().pendingReminders()).isEmpty();
    }

    @Test
    void changesAreClaimedUpToAnIdOnceAndANewSubscriptionStartsAfterTheCursor() throws Exception {
        Subscriptions subs = store.subscriptions();
        subs.subscribe(subscription("-100", "kc19", Optional.empty()));
        assertThat(subs.changeCursor()).isZero();

        assertThat(subs.claimChanges(Platform.TELEGRAM, "-100", "kc19", 3)).isTrue();
        assertThat(subs.claimChanges(Platform.TELEGRAM, "-100", "kc19", 3)).isFalse();
        assertThat(subs.claimChanges(Platform.TELEGRAM, "-100", "kc19", 2)).isFalse();
        subs.advanceChangeCursor(3);
        subs.advanceChangeCursor(1);
        store.close();
        store = reopen();

        assertThat(store.subscriptions().changeCursor()).as("never moves back").isEqualTo(3);
        assertThat(store.subscriptions().subscriptions().get(0).lastChangeId()).isEqualTo(3);
        store.subscriptions().subscribe(subscription("-300", "kc19", Optional.empty()));
        assertThat(store.subscriptions()
                        .subscriptions(Platform.TELEGRAM, "-300")
                        .get(0)
                        .lastChangeId())
                .isEqualTo(3);
    }

    static Subscriptions.Subscription subscription(String chat, String conference, Optional<String> place) {
        return new Subscriptions.Subscription(Platform.TELEGRAM, chat, conference, place, "7", "zh", true, T0, 0);
    }

    static AnswerLog.Asked answer(String id, String question, int secondsAfterT0) {
        return new AnswerLog.Asked(
                id,
                AnswerLog.Kind.ANSWER,
                question,
                question.toLowerCase(java.util.Locale.ROOT),
                "Answer to " + question,
                List.of(
                        new Source("Notes 2019", URI.create("https://example.org/2019")),
                        new Source("蚂蚁金服 notes", URI.create("https://example.org/zh"))),
                "k1",
                T0.plusSeconds(secondsAfterT0));
    }

    static AnswerLog.Asked abstained(String id, String question, String key, String version, int secondsAfterT0) {
        return new AnswerLog.Asked(
                id, AnswerLog.Kind.ABSTAINED, question, key, "", List.of(), version, T0.plusSeconds(secondsAfterT0));
    }

    // ---- schedule changes ----------------------------------------------------------------------

    private static Talk talk(String id, String title, String room, String start, String... speakers) {
        return new Talk(
                title,
                List.of(speakers),
                List.of(),
                Optional.of(LocalDate.parse("2030-05-14")),
                Optional.of(LocalTime.parse(start)),
                Optional.of(LocalTime.parse(start).plusMinutes(30)),
                Optional.of(room),
                Optional.of("Runtime"),
                List.of(URI.create("https://example.org/" + id + ".pdf")),
                "tide-2030",
                Optional.of(URI.create("https://example.org/talk/" + id)),
                Optional.of(id));
    }

    private static ScheduleChange change(String conference, Set<ScheduleChange.Kind> kinds, Talk before, Talk after) {
        return new ScheduleChange(
                0, conference, kinds, Optional.ofNullable(before), Optional.ofNullable(after), T0.plusSeconds(5));
    }

    @Test
    void storesScheduleChangesWithIncreasingIdsAndReadsThemBackWhole() throws Exception {
        Talk was = talk("102", "Batch windows", "Room 2", "09:30", "Mei Lin");
        Talk now = talk("102", "Batch windows", "Hall A", "11:00", "Mei Lin", "Jonas Berg");
        Talk fresh = talk("106", "A late addition", "Hall A", "11:30", "Ana Duarte");
        ScheduleChangeLog log = store.scheduleChanges();

        List<ScheduleChange> first = log.append(List.of(
                change(
                        "tide-2030",
                        EnumSet.of(
                                ScheduleChange.Kind.MOVED_TIME,
                                ScheduleChange.Kind.MOVED_ROOM,
                                ScheduleChange.Kind.SPEAKERS_CHANGED),
                        was,
                        now),
                change("tide-2030", EnumSet.of(ScheduleChange.Kind.NEW), null, fresh)));
        List<ScheduleChange> second =
                log.append(List.of(change("other-2030", EnumSet.of(ScheduleChange.Kind.CANCELLED), fresh, null)));

        assertThat(first).hasSize(2);
        assertThat(first.get(0).id()).isPositive().isLessThan(first.get(1).id());
        assertThat(second.get(0).id()).isGreaterThan(first.get(1).id());
        store.close();
        store = reopen();
        List<ScheduleChange> latest = store.scheduleChanges().latest(Optional.empty(), 10);
        assertThat(latest)
                .extracting(ScheduleChange::id)
                .containsExactly(
                        second.get(0).id(), first.get(1).id(), first.get(0).id());
        ScheduleChange moved = latest.get(2);
        assertThat(moved.kinds())
                .containsExactlyInAnyOrder(
                        ScheduleChange.Kind.MOVED_TIME,
                        ScheduleChange.Kind.MOVED_ROOM,
                        ScheduleChange.Kind.SPEAKERS_CHANGED);
        assertThat(moved.before()).contains(was);
        assertThat(moved.after()).contains(now);
        assertThat(moved.found()).isEqualTo(T0.plusSeconds(5));
        assertThat(latest.get(1).before()).isEmpty();
        assertThat(latest.get(0).after()).isEmpty();
    }

    @Test
    void theSameChangeFoundTwiceIsStoredOnce() {
        Talk fresh = talk("106", "A late addition", "Hall A", "11:30", "Ana Duarte");
        ScheduleChange found = change("tide-2030", EnumSet.of(ScheduleChange.Kind.NEW), null, fresh);

        assertThat(store.scheduleChanges().append(List.of(found))).hasSize(1);
        assertThat(store.scheduleChanges().append(List.of(found)))
                .as("another replica polling the same schedule found it too")
                .isEmpty();
        assertThat(store.scheduleChanges().latest(Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void latestIsPerConferenceAndAfterIsWhatAPosterMissed() {
        Talk a = talk("1", "One", "Hall A", "09:00", "Ana Duarte");
        Talk b = talk("2", "Two", "Hall A", "10:00", "Mei Lin");
        Talk c = talk("3", "Three", "Hall A", "11:00", "Li Na");
        List<ScheduleChange> stored = store.scheduleChanges()
                .append(List.of(
                        change("tide-2030", EnumSet.of(ScheduleChange.Kind.NEW), null, a),
                        change("other-2030", EnumSet.of(ScheduleChange.Kind.NEW), null, b),
                        change("tide-2030", EnumSet.of(ScheduleChange.Kind.NEW), null, c)));

        assertThat(store.scheduleChanges().latest(Optional.of("tide-2030"), 10))
                .extracting(ch -> ch.talk().title())
                .containsExactly("Three", "One");
        assertThat(store.scheduleChanges().latest(Optional.empty(), 1))
                .extracting(ch -> ch.talk().title())
                .containsExactly("Three");
        assertThat(store.scheduleChanges().after(stored.get(0).id(), 10))
                .extracting(ch -> ch.talk().title())
                .containsExactly("Two", "Three");
    }

    static Inbox.Entry entry(long id, int secondsAfterT0) {
        return new Inbox.Entry(
                id, T0.plusSeconds(secondsAfterT0), "{\"update_id\":" + id + ",\"t\":" + secondsAfterT0 + "}");
    }
}
