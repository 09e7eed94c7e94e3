package confbot.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.knowledge.Glossary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Glossary mentions: the longest form wins, Latin forms stand as words, one mention per group. */
final class GlossaryMatcherTest {

    private static final Glossary.Group ALIBABA_CLOUD =
            new Glossary.Group("org", List.of("Alibaba Cloud", "Aliyun", "阿里云"));
    private static final Glossary.Group ALIBABA = new Glossary.Group("org", List.of("Alibaba", "阿里巴巴", "阿里"));
    private static final Glossary.Group ANT = new Glossary.Group("org", List.of("Ant Group", "Ant", "蚂蚁金服"));
    private static final Glossary.Group K8S = new Glossary.Group("project", List.of("Kubernetes", "k8s"));

    private final GlossaryMatcher matcher =
            new GlossaryMatcher(new Glossary(List.of(ALIBABA, ALIBABA_CLOUD, ANT, K8S)));

    private List<String> forms(String question) {
        return matcher.find(question).stream().map(GlossaryMatcher.Match::form).toList();
    }

    @Test
    void longestFormWins() {
        assertThat(forms("what did alibaba cloud show?")).containsExactly("alibaba cloud");
        assertThat(matcher.find("阿里云发布了什么")).singleElement().satisfies(m -> {
            assertThat(m.group()).isSameAs(ALIBABA_CLOUD);
            assertThat(m.form()).isEqualTo("阿里云");
        });
        assertThat(forms("ant group and alibaba")).containsExactly("ant group", "alibaba");
    }

    @Test
    void latinFormsNeedWordBoundaries() {
        record Case(String question, List<String> expected) {}
        List<Case> cases = List.of(
                new Case("i want to know", List.of()),
                new Case("antenna and giant", List.of()),
                new Case("aliyunx or xaliyun", List.of()),
                new Case("ant", List.of("ant")),
                new Case("is ant here?", List.of("ant")),
                new Case("k8s,aliyun.", List.of("k8s", "aliyun")),
                new Case("(kubernetes)", List.of("kubernetes")),
                new Case("在aliyun上", List.of("aliyun")));
        for (Case c : cases) {
            assertThat(forms(c.question())).as(c.question()).isEqualTo(c.expected());
        }
    }

    @Test
    void chineseFormsMatchInsideText() {
        assertThat(forms("我们参加了蚂蚁金服的分享")).containsExactly("蚂蚁金服");
        assertThat(matcher.find("去阿里巴巴看看")).singleElement().satisfies(m -> {
            assertThat(m.group()).isSameAs(ALIBABA);
            assertThat(m.start()).isEqualTo(1);
            assertThat(m.end()).isEqualTo(5);
        });
    }

    @Test
    void reportsOneMatchPerGroup() {
        assertThat(matcher.find("alibaba, 阿里巴巴 and 阿里")).singleElement().satisfies(m -> assertThat(m.group())
                .isSameAs(ALIBABA));
        assertThat(matcher.find("k8s or kubernetes")).singleElement().satisfies(m -> assertThat(m.form())
                .isEqualTo("kubernetes"));
    }

    @Test
    void matchesDoNotOverlapAndComeInQuestionOrder() {
        List<GlossaryMatcher.Match> matches = matcher.find("k8s at 阿里云 and ant group, then alibaba");

        assertThat(matches).extracting(GlossaryMatcher.Match::group).containsExactly(K8S, ALIBABA_CLOUD, ANT, ALIBABA);
        for (int i = 1; i < matches.size(); i++) {
            assertThat(matches.get(i).start())
                    .isGreaterThanOrEqualTo(matches.get(i - 1).end());
        }
    }

    @Test
    void anEmptyGlossaryMatchesNothing() {
        assertThat(new GlossaryMatcher(Glossary.empty()).find("alibaba cloud")).isEmpty();
        assertThat(matcher.find("")).isEmpty();
    }

    @Test
    void latinFormsAlsoMatchTheirPlurals() {
        GlossaryMatcher matcher = new GlossaryMatcher(new Glossary(List.of(
                new Glossary.Group("term", List.of("smartphone", "手机")),
                new Glossary.Group("term", List.of("box", "盒子")))));

        assertThat(matcher.find("what share of smartphones run linux?"))
                .extracting(GlossaryMatcher.Match::form)
                .containsExactly("smartphone");
        assertThat(matcher.find("how many boxes?"))
                .extracting(GlossaryMatcher.Match::form)
                .containsExactly("box");
        assertThat(matcher.find("smartphonesque")).isEmpty();
    }
}
