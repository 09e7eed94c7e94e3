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

    /**
     * The language a text is written in: Chinese as soon as Han characters make up a fair share of
     * its letters. Mixed questions ("Harbor 是谁做的？") are Chinese to their asker even when most
     * letters are Latin, hence the low bar of one Han character in five letters.
     */
    public static Language detect(CharSequence text) {
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            } else if (Character.isLetter(c)) {
                latin++;
            }
        }
        // A Han character carries about as much as a short English word, hence the weight.
        return han > 0 && han * 4 >= latin / 5 ? ZH : EN;
    }
}
