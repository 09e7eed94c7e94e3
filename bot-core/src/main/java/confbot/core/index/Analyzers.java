package confbot.core.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The two analyses every passage and every question go through, and the one place that runs them.
 *
 * <p>Words: smartcn's HMM segmenter finds Chinese words and passes English words through, which
 * are then lowercased, stripped of stopwords and Porter-stemmed. Bigrams: the standard tokenizer
 * with CJK bigrams, the Anserini choice for Chinese, catches names the segmenter breaks apart (世博
 * → 世, 博). Both drop the same stopwords so a question word never counts as a match.
 */
public final class Analyzers {

    private final CharArraySet stopwords;
    private final Analyzer words;
    private final Analyzer bigrams;
    private final Analyzer perField;

    public Analyzers() {
        this.stopwords = loadStopwords();
        this.words = new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return withoutAddresses(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new HMMChineseTokenizer();
                TokenStream s = new LowerCaseFilter(source);
                s = new EnglishPossessiveFilter(s);
                s = new WordsOnlyFilter(s);
                s = new StopFilter(s, stopwords);
                return new TokenStreamComponents(source, new PorterStemFilter(s));
            }
        };
        this.bigrams = new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return withoutAddresses(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new CJKWidthFilter(source);
                s = new LowerCaseFilter(s);
                s = new CJKBigramFilter(s);
                s = new StopFilter(s, stopwords);
                return new TokenStreamComponents(source, new PorterStemFilter(s));
            }
        };
        this.perField =
                new PerFieldAnalyzerWrapper(words, Map.of(Fields.BIGRAMS, bigrams, Fields.CONTEXT_BIGRAMS, bigrams));
    }

    /**
     * Web addresses are where a fact is, not words of it: "…/PyCon2014China/_presentations/zhuhai.pdf"
     * would match every question naming the conference, and the deck links that notes keep
     * (a note's text holds them so answers can give them) would outrank the sentences.
     */
    private static final Pattern ADDRESS = Pattern.compile("https?://\\S+");

    private static Reader withoutAddresses(Reader reader) {
        return new PatternReplaceCharFilter(ADDRESS, " ", reader);
    }

    /**
     * Drops tokens with no letter or digit (smartcn emits punctuation as words of its own) and lone
     * Latin letters (the "s" smartcn splits off "attendee's", the "v" of "v1.7").
     */
    private static final class WordsOnlyFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        WordsOnlyFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            if (term.length() == 1 && term.charAt(0) < 0x80 && Character.isLetter(term.charAt(0))) {
                return false;
            }
            for (int i = 0; i < term.length(); i++) {
                if (Character.isLetterOrDigit(term.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The analyzer for {@link Fields#WORDS} and {@link Fields#BIGRAMS}, for the index writer. */
    public Analyzer perField() {
        return perField;
    }

    /** Terms of {@code text} as the {@code field} indexes them, in order, duplicates kept. */
    public List<String> terms(String field, String text) {
        return tokens(field, text).stream().map(Token::term).toList();
    }

    /** A term and where it stands in the analysed text. */
    public record Token(String term, int start, int end) {}

    /** Like {@link #terms} with each term's offsets in {@code text}. */
    public List<Token> tokens(String field, String text) {
        Analyzer analyzer = Fields.BIGRAMS.equals(field) || Fields.CONTEXT_BIGRAMS.equals(field) ? bigrams : words;
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O; this cannot happen short of a bug.
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public boolean isStopword(String word) {
        return stopwords.contains(word);
    }

    private static CharArraySet loadStopwords() {
        CharArraySet set = new CharArraySet(256, true);
        try (InputStream in = Objects.requireNonNull(
                        Analyzers.class.getResourceAsStream("/confbot/core/stopwords.txt"), "stopwords.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(set::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stopword list", e);
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
