package confbot.knowledge;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Build step, run once by Maven ({@code exec-maven-plugin}, phase {@code process-classes}): reads
 * ECDICT's {@code ecdict.csv} (an English-Chinese dictionary of 770,000 entries, 63 MB, from the
 * {@code com.codeinchinese:english-chinese-dictionary} artifact) and writes the compact lexicon the
 * bot loads at start: the common English words (BNC or contemporary-corpus rank within {@value
 * #MAX_RANK}) with their first few Chinese translations, about 37,000 words. Reading the whole
 * CSV at every start would take seconds; this file loads in a fraction of one.
 *
 * <p>The output is {@link Lexicon}'s binary form ({@link Lexicon#write}): both directions, each
 * sorted by word.
 */
public final class LexiconCompiler {

    /** Words ranked beyond this in both frequency lists are rare enough to leave out. */
    static final int MAX_RANK = 40_000;
    /** Translations kept per word: ECDICT lists the common senses first. */
    static final int MAX_TRANSLATIONS = 4;

    private static final Pattern WORD = Pattern.compile("[a-z][a-z\\-]*( [a-z][a-z\\-]*)?");
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]{2,6}");
    private static final Pattern PART_OF_SPEECH = Pattern.compile("^[a-z]+\\.\\s*");
    private static final Pattern BRACKETED = Pattern.compile("[（(][^）)]*[）)]");
    private static final Pattern SEPARATOR = Pattern.compile("[,;，；、]");

    private LexiconCompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LexiconCompiler OUTPUT.bin");
        }
        Map<String, List<String>> lexicon;
        try (InputStream in = Objects.requireNonNull(
                LexiconCompiler.class.getResourceAsStream("/ecdict.csv"), "ecdict.csv on the build classpath")) {
            lexicon = compile(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        // ECDICT's data is MIT-licensed (github.com/skywind3000/ECDICT), credited in the README.
        try (DataOutputStream w = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            new Lexicon(lexicon).write(w);
        }
    }

    static Map<String, List<String>> compile(BufferedReader csv) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        csv.readLine(); // header
        List<String> row;
        while ((row = record(csv)) != null) {
            if (row.size() < 10 || !WORD.matcher(row.get(0)).matches()) {
                continue;
            }
            int bnc = rank(row.get(8));
            int frq = rank(row.get(9));
            if (!((bnc > 0 && bnc <= MAX_RANK) || (frq > 0 && frq <= MAX_RANK))) {
                continue;
            }
            List<String> translations = translations(row.get(3));
            if (!translations.isEmpty()) {
                out.put(row.get(0), translations);
            }
        }
        return out;
    }

    /** The plain Chinese translations of a translation field, general senses before domain ones. */
    static List<String> translations(String field) {
        List<String> out = new ArrayList<>();
        for (String line : field.split("\\\\n|\n")) {
            String l = line.strip();
            if (l.startsWith("[")) {
                continue; // a domain's sense: [计] computing, [网络] web usage
            }
            l = BRACKETED.matcher(PART_OF_SPEECH.matcher(l).replaceFirst("")).replaceAll("");
            for (String item : SEPARATOR.split(l)) {
                String t = item.strip();
                if (CHINESE.matcher(t).matches() && !out.contains(t)) {
                    out.add(t);
                }
                if (out.size() == MAX_TRANSLATIONS) {
                    return out;
                }
            }
        }
        return out;
    }

    private static int rank(String s) {
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One CSV record (RFC 4180: quoted fields may hold commas, quotes and line breaks), or null at the end. */
    static List<String> record(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            if (!quoted) {
                break;
            }
            String next = in.readLine();
            if (next == null) {
                break;
            }
            field.append('\n');
            line = next;
        }
        fields.add(field.toString());
        return fields;
    }
}
