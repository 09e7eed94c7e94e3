package confbot.bench;

import confbot.knowledge.KnowledgeBase;
import confbot.knowledge.Language;
import confbot.knowledge.Note;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a folder of synthetic notes, the same bytes for the same seed and size, for measuring the
 * real ingest and search paths at sizes no real notes folder has.
 *
 * <p>The text comes from a word-level Markov chain (order 1) trained on the built-in notes, one
 * chain per language: its words, names, numbers and their frequencies are the real knowledge's, so
 * the segmenter, the stemmer and the posting lists see realistic input, while the sentences are
 * new. Chinese notes keep the English names the Chinese notes use. Each note has a title and two to
 * four sections of 100–500 characters, the size of a real note's section, so one section becomes
 * one passage.
 */
public final class SyntheticCorpus {

    /** Bumped whenever the output for a given seed changes, so cached folders are never stale. */
    static final int GENERATOR_VERSION = 1;
    /** The fixed seed of every corpus the suite measures. */
    public static final long SEED = 20181114L;

    private static final int NOTES_PER_FOLDER = 1000;
    private static final String COMPLETE_MARKER = ".complete";
    // A Han character, a Latin word (with digits, inner dots and hyphens: v1.13, Wi-Fi), or a
    // sentence mark: the units the chain strings together.
    private static final Pattern TOKEN =
            Pattern.compile("\\p{IsHan}|[A-Za-z0-9]+(?:[.'’\\-][A-Za-z0-9]+)*|[，。、；：？！,.;:?!]");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)|https?://\\S+");

    private final Chain english;
    private final Chain chinese;

    private SyntheticCorpus(Chain english, Chain chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** A generator whose vocabulary is that of {@code knowledge}'s notes. */
    public static SyntheticCorpus trainedOn(KnowledgeBase knowledge) {
        Chain en = new Chain();
        Chain zh = new Chain();
        for (Note note : knowledge.notes()) {
            String text = LINK.matcher(note.body())
                    .replaceAll(m -> m.group(1) == null ? " " : Matcher.quoteReplacement(m.group(1)));
            (note.language() == Language.ZH ? zh : en).train(tokens(text));
        }
        if (en.isEmpty() || zh.isEmpty()) {
            throw new IllegalArgumentException("the knowledge needs notes in both languages to train on");
        }
        return new SyntheticCorpus(en, zh);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * The corpus of {@code notes} notes under {@code parent}, written unless a complete one is there
     * already: the content depends only on the seed and the size, so a benchmark fork reuses what an
     * earlier fork wrote instead of writing 100k files again.
     */
    public Path folder(Path parent, int notes, long seed) {
        Path folder = parent.resolve("corpus-v" + GENERATOR_VERSION + "-" + seed + "-" + notes);
        if (Files.exists(folder.resolve(COMPLETE_MARKER))) {
            return folder;
        }
        write(folder, notes, seed);
        return folder;
    }

    /** Writes the notes (replacing any partial run); the marker file goes last. */
    void write(Path folder, int notes, long seed) {
        Random random = new Random(seed);
        try {
            for (int i = 0; i < notes; i++) {
                Path sub = folder.resolve(String.format("part-%03d", i / NOTES_PER_FOLDER));
                if (i % NOTES_PER_FOLDER == 0) {
                    Files.createDirectories(sub);
                }
                Files.writeString(sub.resolve(String.format("note-%06d.md", i)), note(random), StandardCharsets.UTF_8);
            }
            Files.writeString(
                    folder.resolve(COMPLETE_MARKER), notes + " notes, seed " + seed + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic corpus under " + folder, e);
        }
    }

    /** One note: half of them Chinese, half English, as in the real knowledge. */
    String note(Random random) {
        boolean zh = random.nextBoolean();
        Chain chain = zh ? chinese : english;
        StringBuilder out = new StringBuilder();
        out.append("# ")
                .append(chain.text(random, 8 + random.nextInt(20), zh, false))
                .append("\n\n");
        int sections = 2 + random.nextInt(3);
        for (int s = 0; s < sections; s++) {
            out.append("## ")
                    .append(chain.text(random, 4 + random.nextInt(12), zh, false))
                    .append("\n\n");
            out.append(chain.text(random, 100 + random.nextInt(401), zh, true)).append("\n\n");
        }
        return out.toString();
    }

    /** Word transitions with their real frequencies (a successor seen twice is listed twice). */
    private static final class Chain {
        private final Map<String, List<String>> next = new HashMap<>();
        private final List<String> starts = new ArrayList<>();

        void train(List<String> tokens) {
            for (int i = 0; i < tokens.size(); i++) {
                if (i == 0 || isSentenceEnd(tokens.get(i - 1))) {
                    if (!isMark(tokens.get(i))) {
                        starts.add(tokens.get(i));
                    }
                }
                if (i + 1 < tokens.size()) {
                    next.computeIfAbsent(tokens.get(i), k -> new ArrayList<>()).add(tokens.get(i + 1));
                }
            }
        }

        boolean isEmpty() {
            return starts.isEmpty();
        }

        /**
         * About {@code length} characters of text. Latin words are spaced, Han characters are not;
         * a {@code paragraph} ends on a full stop, a heading has no marks at all.
         */
        String text(Random random, int length, boolean zh, boolean paragraph) {
            StringBuilder out = new StringBuilder();
            String token = starts.get(random.nextInt(starts.size()));
            String previous = null;
            while (out.length() < length) {
                if (paragraph || !isMark(token)) {
                    append(out, previous, token);
                    previous = token;
                }
                List<String> successors = next.get(token);
                token = successors == null || (!paragraph && isSentenceEnd(token))
                        ? starts.get(random.nextInt(starts.size()))
                        : successors.get(random.nextInt(successors.size()));
            }
            if (paragraph && previous != null && !isSentenceEnd(previous)) {
                out.append(zh ? "。" : ".");
            }
            return out.toString().strip();
        }

        private static void append(StringBuilder out, String previous, String token) {
            boolean spaced = previous != null
                    && !isMark(token)
                    && (isLatin(token) || isLatin(previous) || isMark(previous))
                    && !isHanMark(previous);
            if (spaced) {
                out.append(' ');
            }
            out.append(token);
        }

        private static boolean isLatin(String token) {
            return token.charAt(0) < 0x2E80 && Character.isLetterOrDigit(token.charAt(0));
        }

        private static boolean isMark(String token) {
            return token.length() == 1 && "，。、；：？！,.;:?!".indexOf(token.charAt(0)) >= 0;
        }

        private static boolean isHanMark(String token) {
            return token.length() == 1 && "，。、；：？！".indexOf(token.charAt(0)) >= 0;
        }

        private static boolean isSentenceEnd(String token) {
            return token.length() == 1 && "。？！.?!".indexOf(token.charAt(0)) >= 0;
        }
    }
}
