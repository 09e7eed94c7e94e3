package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Each update id handled once; nothing taken once closing, and the highest id taken is known. */
final class UpdateDispatcherTest {

    private final List<Integer> handled = new CopyOnWriteArrayList<>();
    private final UpdateDispatcher dispatcher =
            new UpdateDispatcher(u -> handled.add(u.getUpdateId()), Executors.newSingleThreadExecutor());

    @Test
    void handlesARedeliveredUpdateOnlyOnce() {
        dispatcher.consume(updates(1, 2));
        dispatcher.consume(updates(2, 3));
        dispatcher.drain(Duration.ofSeconds(5));

        assertThat(handled).containsExactly(1, 2, 3);
        assertThat(dispatcher.highestAccepted()).isEqualTo(3);
    }

    @Test
    void takesNothingOnceClosingSoTheUpdatesStayUnconfirmed() {
        dispatcher.consume(updates(1));
        dispatcher.stopAccepting();
        dispatcher.consume(updates(2));
        dispatcher.drain(Duration.ofSeconds(5));

        assertThat(handled).containsExactly(1);
        assertThat(dispatcher.highestAccepted()).isEqualTo(1);
    }

    private static List<Update> updates(int... ids) {
        return java.util.Arrays.stream(ids)
                .mapToObj(id -> {
                    Update update = new Update();
                    update.setUpdateId(id);
                    return update;
                })
                .toList();
    }
}
