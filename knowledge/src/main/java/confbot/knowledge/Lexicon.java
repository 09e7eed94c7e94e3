package confbot.knowledge;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A general English-Chinese lexicon (ECDICT's common words, compiled at build time by {@link
 * LexiconCompiler}): the translations of a word in either direction, so a question in one language
 * reaches notes written in the other without a glossary entry for every word.
 */
public final class Lexicon {

    /** English words kept per Chinese word: the ones that list it among their first senses. */
    static final int MAX_ENGLISH = 3;
    /** A Chinese word counts as an English word's translation only among its first senses. */
    static final int FIRST_SENSES = 2;

    static final String RESOURCE = "/confbot/knowledge/lexicon-en-zh.bin";
    /** Raised with any change to the layout {@link #write} gives the file. */
    private static final String MAGIC = "confbot-lexicon-1";

    private final Map<String, List<String>> chinese;
    private final Map<String, List<String>> english;

    Lexicon(Map<String, List<String>> englishToChinese) {
        this.chinese = Map.copyOf(englishToChinese);
        Map<String, List<Ranked>> inverted = new HashMap<>();
        englishToChinese.forEach((word, translations) -> {
            for (int i = 0; i < Math.min(FIRST_SENSES, translations.size()); i++) {
                inverted.computeIfAbsent(translations.get(i), k -> new ArrayList<>())
                        .add(new Ranked(word, i));
            }
        });
        Map<String, List<String>> out = new HashMap<>();
        inverted.forEach((zh, words) -> out.put(
                zh,
                words.stream()
                        .sorted(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::word))
                        .limit(MAX_ENGLISH)
                        .map(Ranked::word)
                        .toList()));
        this.english = Map.copyOf(out);
    }

    private record Ranked(String word, int rank) {}

    private Lexicon(Map<String, List<String>> chinese, Map<String, List<String>> english, int size) {
        this.chinese = chinese;
        this.english = english;
        if (chinese.size() != size) {
            throw new IllegalStateException("the lexicon holds " + chinese.size() + " words, its header says " + size);
        }
    }

    /**
     * The lexicon shipped in the jar, in the binary form {@link #write} gives it at build time:
     * both directions already made, so a start reads them rather than inverting and sorting 37,000
     * entries (reading the text form and inverting it took 0.3-0.5 s of a cold start, the longest
     * of the things a start loads side by side).
     */
    public static Lexicon builtin() {
        try (InputStream in = Objects.requireNonNull(
                        Lexicon.class.getResourceAsStream(RESOURCE), RESOURCE + " (made by the build)");
                DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
            return read(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon", e);
        }
    }

    /** Writes both directions, each sorted by word, for {@link #builtin()} to read. */
    void write(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(chinese.size());
        writeMap(out, chinese);
        writeMap(out, english);
        out.flush();
    }

    private static void writeMap(DataOutputStream out, Map<String, List<String>> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, List<String>> e : new TreeMap<>(map).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeByte(e.getValue().size());
            for (String word : e.getValue()) {
                out.writeUTF(word);
            }
        }
    }

    /** A lexicon {@link #write} wrote. */
    static Lexicon read(DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a compiled lexicon: " + RESOURCE);
        }
        int size = in.readInt();
        Map<String, List<String>> chinese = readMap(in);
        Map<String, List<String>> english = readMap(in);
        return new Lexicon(chinese, english, size);
    }

    private static Map<String, List<String>> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, List<String>> out = new HashMap<>(n * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            String[] words = new String[in.readUnsignedByte()];
            for (int j = 0; j < words.length; j++) {
                words[j] = in.readUTF();
            }
            out.put(key, List.of(words));
        }
        return Collections.unmodifiableMap(out);
    }

    /** An empty lexicon: no translations. */
    public static Lexicon none() {
        return new Lexicon(Map.of());
    }

    /** Chinese translations of an English word, or English words for a Chinese one; empty if unknown. */
    public List<String> translations(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        List<String> zh = chinese.get(w);
        if (zh != null) {
            return zh;
        }
        return english.getOrDefault(w, List.of());
    }

    public int size() {
        return chinese.size();
    }
}
