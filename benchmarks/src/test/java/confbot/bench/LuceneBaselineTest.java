package confbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.junit.jupiter.api.Test;

final class LuceneBaselineTest {

    @Test
    void ranksByPlainTermOverlap() {
        try (LuceneBaseline baseline = LuceneBaseline.build(
                List.of("Harbor won the awards", "Kata Containers 1.7 was released", "Shanghai World Expo Centre"))) {
            assertThat(baseline.search("Which Kata version was released?")).startsWith(1);
            assertThat(baseline.size()).isEqualTo(3);
            assertThat(baseline.sizeInBytes()).isPositive();
        }
    }

    @Test
    void questionBecomesADisjunctionOfItsAnalysedTermsWithoutAParser() {
        try (LuceneBaseline baseline = LuceneBaseline.build(List.of("x"))) {
            assertThat(baseline.query("Kata AND (Harbor OR \"x\")"))
                    .isInstanceOf(BooleanQuery.class)
                    .hasToString("text:kata text:and text:harbor text:or text:x");
            assertThat(baseline.query("?!")).isInstanceOf(MatchNoDocsQuery.class);
        }
    }
}
