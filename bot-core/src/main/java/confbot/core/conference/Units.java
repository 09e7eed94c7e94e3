package confbot.core.conference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as matching units: each run of Latin letters or digits is one unit, each Han character one.
 * A name matches where its units follow each other in the text, so "KubeCon China 2019" is found
 * in "kubecon-china-2019-talks.tsv" and in "KubeCon+China 2019", never inside "Trust"; Chinese,
 * written without spaces, matches whatever its spacing.
 */
public final class Units {
    private Units() {}

    public static List<String> of(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(run, out);
                out.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                // Letters and digits part ("KubeCon2019", "kccncosschn19eng"): a year is its own unit.
                if (!run.isEmpty() && Character.isDigit(run.codePointBefore(run.length())) != Character.isDigit(cp)) {
                    flush(run, out);
                }
                run.appendCodePoint(cp);
            } else {
                flush(run, out);
            }
        }
        flush(run, out);
        return out;
    }

    private static void flush(StringBuilder run, List<String> out) {
        if (!run.isEmpty()) {
            out.add(run.toString());
            run.setLength(0);
        }
    }

    /** How often {@code name}'s units occur, in order and adjacent, in {@code text}'s. */
    public static int count(List<String> text, List<String> name) {
        if (name.isEmpty() || name.size() > text.size()) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i + name.size() <= text.size(); i++) {
            if (text.subList(i, i + name.size()).equals(name)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether every unit of {@code query} starts a unit of {@code text}: a search by word, so
     * "crd" finds "CRDs" and "rust" never finds "Trust".
     */
    public static boolean allStartWords(List<String> text, List<String> query) {
        return query.stream().allMatch(q -> text.stream().anyMatch(t -> t.startsWith(q)));
    }
}
