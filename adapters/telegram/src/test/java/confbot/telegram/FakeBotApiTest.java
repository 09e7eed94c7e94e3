package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake refuses what Telegram refuses; otherwise the end-to-end tests' "accepted" would prove
 * nothing about escaping and splitting.
 */
final class FakeBotApiTest {

    private static final String TOKEN = "42:fake-token";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeBotApi(TOKEN);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void acceptsValidHtml() throws Exception {
        assertThat(sendHtml("<b>Sources</b>\n• <a href=\"https://x.org/?a=1&amp;b=2\">A &lt;&amp;&gt; B</a>"))
                .isEqualTo(200);
    }

    @Test
    void refusesHtmlTelegramCannotParse() throws Exception {
        assertThat(sendHtml("<b>unclosed")).isEqualTo(400);
        assertThat(sendHtml("<b><i>crossed</b></i>")).isEqualTo(400);
        assertThat(sendHtml("<script>x</script>")).isEqualTo(400);
        assertThat(sendHtml("AT&T")).isEqualTo(400);
        assertThat(sendHtml("a < b")).isEqualTo(400);
        assertThat(sendHtml("<a href=\"https://x.org/?a=1&b=2\">link</a>")).isEqualTo(400);
        assertThat(sendHtml("   ")).isEqualTo(400);
    }

    @Test
    void refusesTextOverFourThousandNinetySixCharacters() throws Exception {
        assertThat(sendHtml("x".repeat(4096))).isEqualTo(200);
        assertThat(sendHtml("x".repeat(4097))).isEqualTo(400);
        assertThat(sendHtml("&amp;".repeat(4096))).isEqualTo(200); // counted as Telegram counts: visible text
    }

    @Test
    void matchesMethodNamesCaseInsensitivelyAndChecksTheToken() throws Exception {
        assertThat(post("/bot" + TOKEN + "/getMe", "{}")).isEqualTo(200);
        assertThat(post("/bot" + TOKEN + "/getme", "{}")).isEqualTo(200);
        assertThat(post("/bot" + TOKEN + "/GETME", "{}")).isEqualTo(200);
        assertThat(post("/bot42:wrong/getMe", "{}")).isEqualTo(401);
        assertThat(post("/bot" + TOKEN + "/noSuchMethod", "{}")).isEqualTo(404);
    }

    private int sendHtml(String text) throws Exception {
        String body = json.writeValueAsString(Map.of("chat_id", "1", "text", text, "parse_mode", "html"));
        return post("/bot" + TOKEN + "/sendMessage", body);
    }

    private int post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
