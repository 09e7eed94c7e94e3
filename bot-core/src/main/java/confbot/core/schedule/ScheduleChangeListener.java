package confbot.core.schedule;

import java.util.List;

/**
 * Hears the changes of each new schedule version once they are stored, in the order of their ids.
 * Called on the polling thread; implementations that post to chats hand the work on and return.
 */
@FunctionalInterface
public interface ScheduleChangeListener {
    void changed(List<ScheduleChange> changes);
}
