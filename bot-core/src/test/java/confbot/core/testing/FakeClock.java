package confbot.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it: rate-limit windows without waiting. */
public final class FakeClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public FakeClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock at an arbitrary fixed moment. */
    public FakeClock() {
        this(Instant.parse("2019-06-25T01:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Puts the clock at {@code at}, forward or back. */
    public void set(Instant at) {
        now.set(at);
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
