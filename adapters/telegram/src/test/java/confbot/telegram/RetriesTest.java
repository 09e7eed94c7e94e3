package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Each kind of failure gets its own treatment; the backoff grows, is capped, and is spread. */
final class RetriesTest {

    private final Retries retries = Retries.defaults();

    @Test
    void floodControlWaitsWhatTelegramAsks() throws Exception {
        assertThat(Retries.classify(answer(429, "{\"retry_after\":17}")))
                .isEqualTo(new Retries.Flood(Duration.ofSeconds(17)));
        assertThat(Retries.classify(answer(429, null))).isEqualTo(new Retries.Flood(Duration.ofSeconds(1)));
    }

    @Test
    void serverErrorsBrokenConnectionsAndUnreadableBodiesAreTransient() throws Exception {
        assertThat(Retries.classify(answer(502, null))).isInstanceOf(Retries.Transient.class);
        assertThat(Retries.classify(answer(500, null))).isInstanceOf(Retries.Transient.class);
        assertThat(Retries.classify(
                        new TelegramApiException("Unable to execute sendmessage", new IOException("reset"))))
                .isInstanceOf(Retries.Transient.class);
        assertThat(Retries.classify(
                        new TelegramApiRequestException("Unable to deserialize response", new IOException())))
                .isInstanceOf(Retries.Transient.class);
    }

    @Test
    void otherRefusalsAreFinal() throws Exception {
        assertThat(Retries.classify(answer(400, null))).isInstanceOf(Retries.Final.class);
        assertThat(Retries.classify(answer(403, null))).isInstanceOf(Retries.Final.class);
    }

    @Test
    void refusalsThatMeanTheBotMayNotPostInTheChatAreForbiddenOthersNot() throws Exception {
        assertThat(Retries.classify(answer(403, "Forbidden: bot was kicked from the supergroup chat", null)))
                .isEqualTo(new Retries.Final(true));
        assertThat(Retries.classify(
                        answer(400, "Bad Request: not enough rights to send text messages to the chat", null)))
                .isEqualTo(new Retries.Final(true));
        assertThat(Retries.classify(answer(400, "Bad Request: chat not found", null)))
                .isEqualTo(new Retries.Final(true));
        assertThat(Retries.classify(answer(400, "Bad Request: message is too long", null)))
                .isEqualTo(new Retries.Final(false));
    }

    @Test
    void backoffDoublesFromHalfASecondUpToThirtySecondsSpreadOverItsUpperHalf() {
        Random random = new Random(42);
        for (int failures = 1; failures <= 40; failures++) {
            long full = Math.min(30_000, 500L << Math.min(failures - 1, 20));
            Duration wait = retries.backoff(failures, random);
            assertThat(wait.toMillis()).as("after %d failures", failures).isBetween(full / 2, full);
        }
    }

    private static TelegramApiRequestException answer(int code, String parameters) throws Exception {
        return answer(code, "x", parameters);
    }

    private static TelegramApiRequestException answer(int code, String description, String parameters)
            throws Exception {
        String body = "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\""
                + (parameters == null ? "" : ",\"parameters\":" + parameters) + "}";
        ApiResponse<?> response = new ObjectMapper().readValue(body, ApiResponse.class);
        return new TelegramApiRequestException("Error", response);
    }
}
