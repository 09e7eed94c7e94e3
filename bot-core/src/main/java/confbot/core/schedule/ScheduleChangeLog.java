package confbot.core.schedule;

import java.util.List;
import java.util.Optional;

/**
 * The schedule changes found so far, each with its increasing id: what {@code /changes} lists and
 * what is posted to subscribed chats. Each write is committed before it returns.
 *
 * <p>Every method may throw {@code StateStoreException} when the store cannot be reached.
 */
public interface ScheduleChangeLog {

    /**
     * Stores a batch found in one new schedule version, in order. A change already stored (the
     * same talk changed the same way, as another replica polling the same schedule finds it) is
     * not stored again and not returned.
     *
     * @param found changes whose {@code id} is ignored (0 by convention)
     * @return the changes stored, with their ids, in the order given
     */
    List<ScheduleChange> append(List<ScheduleChange> found);

    /**
     * The newest changes, newest first.
     *
     * @param conference only this conference's; all when empty
     */
    List<ScheduleChange> latest(Optional<String> conference, int limit);

    /** Changes with an id above {@code id}, oldest first: what a poster missed while it was down. */
    List<ScheduleChange> after(long id, int limit);
}
