package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

final class LoadFeedTest {

    @Test
    void everyUpdateComesFromAPrivateChatAndUserOfItsOwn() {
        ObjectNode first = LoadFeed.update(1, "When was KubeCon China 2019?");
        ObjectNode second = LoadFeed.update(2, "门票多少钱？");

        assertThat(first.at("/message/chat/type").asText()).isEqualTo("private");
        assertThat(first.at("/message/chat/id").asLong())
                .isNotEqualTo(second.at("/message/chat/id").asLong());
        assertThat(first.at("/message/from/id").asLong())
                .isEqualTo(first.at("/message/chat/id").asLong());
        assertThat(first.at("/message/from/language_code").asText()).isEqualTo("en");
        assertThat(second.at("/message/from/language_code").asText()).isEqualTo("zh-hans");
    }

    @Test
    void percentileIsNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(LoadFeed.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(LoadFeed.percentile(sorted, 0.99)).isEqualTo(10);
        assertThat(LoadFeed.percentile(new long[0], 0.5)).isZero();
    }
}
