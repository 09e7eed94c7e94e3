package confbot.core.state;

import confbot.core.chat.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The chats subscribed to a conference's reminders and schedule changes, the reminders already
 * posted, and the reminders people asked for before one talk ({@code V4__subscriptions.sql}).
 *
 * <p>Every write is committed before it returns, so a subscription the subscriber was told about
 * survives a crash. The {@code claim…} methods decide who posts: a reminder is claimed in the store
 * before it is handed to the platform, and only the first claim of it succeeds, so neither a
 * restart nor a second replica posts it twice. (The price: a crash between the claim and the post
 * loses that one reminder rather than sending it twice.)
 *
 * <p>Every method may throw {@link StateStoreException} when the store cannot be reached.
 */
public interface Subscriptions {

    /**
     * A chat's subscription to one conference.
     *
     * @param place the track or room it is limited to, as the catalog writes it; empty for every talk
     * @param subscriber who subscribed, told privately if the bot loses the right to post in the chat
     * @param language {@code en} or {@code zh}: what the posts are written in
     * @param lastChangeId the last schedule change posted to the chat
     */
    record Subscription(
            Platform platform,
            String chatId,
            String conference,
            Optional<String> place,
            String subscriber,
            String language,
            boolean groupChat,
            Instant createdAt,
            long lastChangeId) {
        public Subscription {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(chatId, "chatId");
            Objects.requireNonNull(conference, "conference");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(subscriber, "subscriber");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /**
     * A reminder one person asked for before one talk.
     *
     * @param startsAt the talk's start when it was asked for
     */
    record PersonalReminder(
            Platform platform,
            String userId,
            String conference,
            String title,
            Instant startsAt,
            String language,
            Instant createdAt) {
        public PersonalReminder {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(conference, "conference");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /**
     * Subscribes a chat, replacing its earlier subscription to the same conference. The new one
     * starts after the last schedule change heard ({@link #advanceChangeCursor}); {@code
     * subscription.lastChangeId()} is ignored.
     *
     * @return whether it replaced an earlier one
     */
    boolean subscribe(Subscription subscription);

    /**
     * Ends a chat's subscription to {@code conference}, or to every conference when empty.
     *
     * @return how many were ended
     */
    int unsubscribe(Platform platform, String chatId, Optional<String> conference);

    /** Every subscription, oldest first. */
    List<Subscription> subscriptions();

    /** A chat's subscriptions, oldest first. */
    List<Subscription> subscriptions(Platform platform, String chatId);

    /**
     * Claims the reminder of a talk for a chat: true the first time, false ever after.
     *
     * @param talkKey the talk and its start, as the reminder service names them
     */
    boolean claimReminder(Platform platform, String chatId, String talkKey, Instant startsAt, Instant at);

    /**
     * Claims several reminders for a chat in one transaction (one commit for the talks that start
     * together, however many).
     *
     * @param startsByKey each talk's key and start
     * @return the keys claimed now; the others were claimed before
     */
    Set<String> claimReminders(Platform platform, String chatId, Map<String, Instant> startsByKey, Instant at);

    /** Forgets the claimed reminders of talks that started before {@code before}; returns how many. */
    int forgetRemindersBefore(Instant before);

    /**
     * Stores a person's reminder before a talk.
     *
     * @return false when the person had already asked for this talk (nothing changes)
     */
    boolean remind(PersonalReminder reminder);

    /** The personal reminders not yet posted, soonest first. */
    List<PersonalReminder> pendingReminders();

    /** Claims a personal reminder: true the first time, false once it was claimed. */
    boolean claimPersonal(PersonalReminder reminder, Instant at);

    /**
     * Claims the schedule changes up to {@code upTo} for a chat's subscription: true when its last
     * posted change was below {@code upTo}, which it now is; false when they were claimed already.
     */
    boolean claimChanges(Platform platform, String chatId, String conference, long upTo);

    /** The highest schedule change id heard; 0 before the first. */
    long changeCursor();

    /** Records that changes up to {@code id} were heard; never moves the cursor back. */
    void advanceChangeCursor(long id);
}
