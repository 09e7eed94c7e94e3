package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class BotOptionsTest {

    @Test
    void defaultsHaveNoAdminsAFiniteRateLimitAndACache() {
        BotOptions d = BotOptions.defaults();

        assertThat(d.admins()).isEmpty();
        assertThat(d.rateLimit()).isEqualTo(new BotOptions.RateLimit(6, 20, Duration.ofMinutes(1)));
        assertThat(d.answerCacheSize()).isEqualTo(BotOptions.DEFAULT_ANSWER_CACHE_SIZE);
        assertThat(d.clock()).isEqualTo(InstantSource.system());
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BotOptions.defaults().withAdmins(Set.of("12345")))
                .withMessageContaining("admins")
                .withMessageContaining("'12345'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BotOptions.defaults().withAdmins(Set.of("slack:U1")))
                .withMessageContaining("slack:U1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BotOptions.defaults().withAnswerCacheSize(-1))
                .withMessageContaining("answerCacheSize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BotOptions.RateLimit(0, 5, Duration.ofMinutes(1)))
                .withMessageContaining("rateLimit.perUser");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BotOptions.RateLimit(5, 0, Duration.ofMinutes(1)))
                .withMessageContaining("rateLimit.perChat");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BotOptions.RateLimit(5, 5, Duration.ZERO))
                .withMessageContaining("rateLimit.window");
    }

    @Test
    void acceptsAdminsOfBothPlatforms() {
        assertThat(BotOptions.defaults()
                        .withAdmins(Set.of("telegram:42", "discord:1234567890"))
                        .admins())
                .containsExactlyInAnyOrder("telegram:42", "discord:1234567890");
    }
}
