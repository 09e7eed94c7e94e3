package confbot.core.state;

import confbot.core.schedule.ScheduleChangeLog;

/**
 * The bot's durable state, opened once at start by the composition root and closed last, after
 * every adapter that writes to it has stopped.
 */
public interface StateStore extends AutoCloseable {

    /** The journal of updates taken from the chat platforms. */
    Inbox inbox();

    /** The answers given, the questions not covered, and the votes on the answers. */
    AnswerLog answers();

    /** The chats subscribed to reminders and schedule changes, and the reminders posted and asked for. */
    Subscriptions subscriptions();

    /** The schedule changes found in new versions of the catalogs. */
    ScheduleChangeLog scheduleChanges();

    /** Where the state lives, for logs: a file path or a database's host and name, never a password. */
    String describe();

    @Override
    void close();
}
