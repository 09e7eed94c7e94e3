package confbot.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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

    private static final String RESOURCE = "/confbot/knowledge/lexicon-en-zh.tsv";

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

    /** The lexicon shipped in the jar. */
    public static Lexicon builtin() {
        try (InputStream in = Objects.requireNonNull(
                        Lexicon.class.getResourceAsStream(RESOURCE), "lexicon-en-zh.tsv (made by the build)");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, List<String>> entries = new HashMap<>(64_000);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length > 1) {
                    entries.put(cols[0], List.of(cols).subList(1, cols.length));
                }
            }
            return new Lexicon(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon", e);
        }
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
