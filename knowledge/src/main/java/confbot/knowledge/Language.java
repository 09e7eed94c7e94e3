package confbot.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The two languages the knowledge is written in. */
public enum Language {
    EN,
    ZH;

    /** The lowercase code used in front matter and JSON ({@code en}, {@code zh}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code en}/{@code zh} (also {@code zh-CN}, {@code en_US}), case-insensitively. */
    public static Optional<Language> parse(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String lower = code.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("zh")) {
            return Optional.of(ZH);
        }
        if (lower.startsWith("en")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /** Quoted or bracketed spans: titles and sayings, which are names, not the asker's language. */
    private static final java.util.regex.Pattern QUOTED =
            java.util.regex.Pattern.compile("《[^》]*》|“[^”]*”|「[^」]*」|\"[^\"]*\"");

    /**
     * The language a text is written in: Chinese when it has at least one Han character for every
     * five Latin letters, so a Chinese question full of product names ("Harbor 是谁做的？") stays
     * Chinese. Quoted titles do not count: "Who wrote 《未来架构》?" is asked in English.
     */
    public static Language detect(CharSequence text) {
        String unquoted = QUOTED.matcher(text).replaceAll(" ");
        CharSequence counted = unquoted.codePoints().anyMatch(Character::isLetter) ? unquoted : text;
        int han = 0;
        int latin = 0;
        for (int i = 0; i < counted.length(); i++) {
            char c = counted.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            } else if (Character.isLetter(c)) {
                latin++;
            }
        }
        return han > 0 && han * 5 >= latin ? ZH : EN;
    }
}
