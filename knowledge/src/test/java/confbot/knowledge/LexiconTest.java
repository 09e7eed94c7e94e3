package confbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The general lexicon: compiled from ECDICT's CSV at build time, translating both ways. */
final class LexiconTest {

    @Test
    void theShippedLexiconTranslatesCommonWordsBothWays() {
        Lexicon lexicon = Lexicon.builtin();

        assertThat(lexicon.size()).isGreaterThan(20_000);
        assertThat(lexicon.translations("volunteer")).contains("志愿者");
        assertThat(lexicon.translations("Volunteer")).contains("志愿者");
        assertThat(lexicon.translations("志愿者")).contains("volunteer");
        assertThat(lexicon.translations("zorblax")).isEmpty();
    }

    @Test
    void aChineseWordLeadsOnlyToEnglishWordsThatGiveItAmongTheirFirstSenses() {
        Lexicon lexicon = new Lexicon(Map.of("cheetah", List.of("猎豹"), "hunt", List.of("打猎", "搜索", "猎豹")));

        assertThat(lexicon.translations("猎豹")).containsExactly("cheetah");
    }

    @Test
    void theBinaryFormReadsBackTheSameTranslationsBothWays() throws IOException {
        Lexicon lexicon = new Lexicon(
                Map.of("cheetah", List.of("猎豹"), "hunt", List.of("打猎", "搜索", "猎豹"), "talk", List.of("谈话", "演讲")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        lexicon.write(new DataOutputStream(bytes));

        Lexicon read = Lexicon.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read.size()).isEqualTo(3);
        for (String word : List.of("cheetah", "hunt", "talk", "Talk", "猎豹", "演讲", "打猎", "zorblax")) {
            assertThat(read.translations(word)).as(word).isEqualTo(lexicon.translations(word));
        }
        assertThat(read.translations("演讲")).containsExactly("talk");
    }

    @Test
    void compilingKeepsCommonWordsAndTheirPlainChineseSenses() throws IOException {
        String csv =
                """
                word,phonetic,definition,translation,pos,collins,oxford,tag,bnc,frq,exchange,detail,audio
                booth,bu:θ,"n. a table, with benches","n. 亭, 摊棚\\n[经] 货摊, 电话间",,1,,gk,9834,4300,s:booths,,
                rareword,,,n. 罕见词,,,,,0,0,,,
                Capital,,,n. 首都,,,,,10,10,,,
                "quoted, word",,,n. 引号,,,,,10,10,,,
                talk,,,"n. 谈话（非正式）；演讲\\nv. 说话",,,,,100,100,,,
                """;

        Map<String, List<String>> out = LexiconCompiler.compile(new BufferedReader(new StringReader(csv)));

        assertThat(out).containsOnlyKeys("booth", "talk");
        assertThat(out.get("booth")).containsExactly("摊棚");
        assertThat(out.get("talk")).containsExactly("谈话", "演讲", "说话");
    }

    @Test
    void aQuotedFieldMayHoldCommasQuotesAndLineBreaks() throws IOException {
        List<String> row = LexiconCompiler.record(new BufferedReader(new StringReader("a,\"b, \"\"c\"\"\nd\",e\n")));

        assertThat(row).containsExactly("a", "b, \"c\"\nd", "e");
    }
}
