package confbot.core.retrieve;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link WordTagger} on HanLP's portable dictionaries (Apache-2.0, {@code com.hankcs:hanlp}): a
 * Viterbi segmenter over its core and custom dictionaries, with its recognisers of Chinese and transliterated
 * person names and of place names. HanLP keeps its dictionaries in static fields, loaded on first
 * use (0.25-0.75 s on this machine, about 30 MB); {@link #warmUp()} lets the composition root load them
 * beside the index build. HanLP's loading is class initialisation, which the JVM runs once,
 * whichever thread asks first.
 */
public final class HanlpTagger implements WordTagger {

    private final Segment segment = new ViterbiSegment()
            .enableNameRecognize(true)
            .enableTranslatedNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableCustomDictionary(true);

    /** Loads the dictionaries now rather than on the first question. */
    public HanlpTagger warmUp() {
        tag("预热");
        return this;
    }

    @Override
    public List<Word> tag(String text) {
        List<Word> out = new ArrayList<>();
        int at = 0;
        for (Term t : segment.seg(text)) {
            int start = text.indexOf(t.word, at);
            if (start < 0) {
                continue; // HanLP normalises some characters; such a word keeps the analyser's reading
            }
            at = start + t.word.length();
            out.add(new Word(t.word, start, at, kind(t.nature.toString())));
        }
        return out;
    }

    /**
     * The kind of a word by its PKU-style tag: r pronouns (哪个, 什么), c conjunctions, p
     * prepositions, u particles, y modal particles, e interjections, o onomatopoeia, q measure words,
     * d adverbs, f localisers (里, 上), and the verbs 是 / 有 (vshi, vyou) and directional verbs
     * (vf: 去, 来) phrase a question; nr Chinese person names and nt organisations are names. Places
     * (ns, nsf) and transliterated names (nrf: 丹佛, 阿姆斯特丹) are not: notes in English spell them
     * in Latin letters, which no dictionary here maps back, so requiring them would abstain on every
     * Chinese question about an English note that names its city. Places are told apart all the
     * same, for the answers to "where".
     */
    static Kind kind(String nature) {
        if (nature.equals("nr") || nature.startsWith("nt")) {
            return Kind.NAME;
        }
        if (nature.isEmpty()) {
            return Kind.CONTENT;
        }
        if (nature.startsWith("ns")) {
            return Kind.PLACE;
        }
        return switch (nature.charAt(0)) {
            case 'r', 'c', 'p', 'u', 'y', 'e', 'o', 'q', 'd', 'f', 'w' -> Kind.FUNCTION;
            case 'v' -> nature.equals("vshi") || nature.equals("vyou") || nature.equals("vf")
                    ? Kind.FUNCTION
                    : Kind.CONTENT;
            default -> Kind.CONTENT;
        };
    }
}
