package confbot.core.index;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Words by HanLP's dictionaries, as a Lucene tokenizer: measured against smartcn (EVALUATION.md). */
final class HanlpTokenizer extends Tokenizer {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final Segment segment =
            new ViterbiSegment().enableCustomDictionary(true).enableOffset(true);
    private List<Term> terms;
    private int next;
    private int length;

    @Override
    public boolean incrementToken() throws IOException {
        if (terms == null) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n = input.read(buffer); n > 0; n = input.read(buffer)) {
                text.append(buffer, 0, n);
            }
            length = text.length();
            terms = segment.seg(text.toString());
            next = 0;
        }
        while (next < terms.size()) {
            Term t = terms.get(next++);
            if (t.word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            clearAttributes();
            term.append(t.word);
            offset.setOffset(correctOffset(t.offset), correctOffset(t.offset + t.word.length()));
            return true;
        }
        return false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(correctOffset(length), correctOffset(length));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        terms = null;
    }
}
