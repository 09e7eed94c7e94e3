package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.state.JdbcStateStore;
import confbot.core.state.StateLocation;
import confbot.core.state.StateStore;
import confbot.core.testing.LogCapture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every adapter test starts with: the fake Bot API on 127.0.0.1, a clock started a little
 * before the test's messages were sent (so --skip-backlog keeps them), its recorded waits, a real
 * SQLite state store and a capture of every log line. Closing it stops the adapters a test started
 * and checks that no log line holds the bot's token.
 */
final class TelegramTestbed implements AutoCloseable {

    final FakeBotApi api;
    final TestClock clock;
    final RecordingScheduler.Waits waits;
    final StateStore store;
    final LogCapture logs;
    final List<TelegramAdapter> adapters = new ArrayList<>();
    private final String token;

    TelegramTestbed(String token, Path dir) throws Exception {
        this.token = token;
        api = new FakeBotApi(token);
        clock = new TestClock(Updates.NOW.minusSeconds(30));
        waits = new RecordingScheduler.Waits(clock);
        store = JdbcStateStore.open(new StateLocation.SqliteFile(dir.resolve("state.db"), "--state"));
        logs = LogCapture.root();
    }

    @Override
    public void close() {
        adapters.forEach(TelegramAdapter::close);
        store.close();
        api.close();
        String everything = logs.everything();
        logs.close();
        assertThat(everything).doesNotContain(token).doesNotContain(token.substring(token.indexOf(':') + 1));
    }
}
