package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-chat spacing of messages, on a clock that only moves when told to. */
final class ChatPacerTest {

    private final TestClock clock = new TestClock(Updates.NOW);
    private final ChatPacer pacer = new ChatPacer(clock);

    @Test
    void spacesPrivateChatMessagesOneSecondApart() {
        assertThat(pacer.reserve("1", false)).isZero();
        assertThat(pacer.reserve("1", false)).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.reserve("1", false)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void spacesGroupMessagesThreeSecondsApart() {
        assertThat(pacer.reserve("-5", true)).isZero();
        assertThat(pacer.reserve("-5", true)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void pacesEachChatOnItsOwn() {
        pacer.reserve("a", true);

        assertThat(pacer.reserve("b", true)).isZero();
    }

    @Test
    void freesTheChatOnceItsSlotHasPassed() {
        pacer.reserve("1", false);
        clock.advance(Duration.ofSeconds(5));

        assertThat(pacer.reserve("1", false)).isZero();
    }

    @Test
    void holdsTheChatBackForRetryAfter() {
        pacer.reserve("1", false);
        pacer.holdOff("1", Duration.ofSeconds(7));

        assertThat(pacer.reserve("1", false)).isEqualTo(Duration.ofSeconds(7));
        assertThat(pacer.reserve("1", false)).isEqualTo(Duration.ofSeconds(8));
    }
}
