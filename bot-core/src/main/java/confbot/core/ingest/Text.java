package confbot.core.ingest;

import java.text.Normalizer;

/** Text normalisation shared by indexing and querying, so both sides see the same characters. */
public final class Text {
    private Text() {}

    /**
     * What one level of list nesting puts before a line of a passage's text. Lines are otherwise
     * trimmed, so a line that starts with it is a nested item, and readers strip it.
     */
    public static final String INDENT = "  ";

    /** How deep a passage's line is nested in a list: its leading {@link #INDENT}s. */
    public static int depth(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces / INDENT.length();
    }

    /**
     * NFKC (full-width letters and digits become ASCII, as people type both), then drops what
     * only garbles: private-use code points (a PDF pasted without its fonts leaves runs of them),
     * replacement characters and control characters other than line breaks and tabs.
     */
    public static String normalize(String raw) {
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t') {
                out.append((char) cp);
            } else if (cp == '\r' || Character.isISOControl(cp) || isGarbage(cp)) {
                // dropped
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isGarbage(int cp) {
        int type = Character.getType(cp);
        return type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || cp == 0xFFFD
                || cp == 0xFEFF
                || cp == 0x200B;
    }

    /** Collapses runs of spaces and tabs, trims lines, and drops empty lines. */
    public static String tidyLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.replaceAll("[ \\t\\u00A0\\u3000]+", " ").strip();
            if (!t.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(t);
            }
        }
        return out.toString();
    }

    /** Whether the text has a Chinese character. */
    public static boolean hasHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** Whether the text has at least one letter or digit (a line of only punctuation does not). */
    public static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
