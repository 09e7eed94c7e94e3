package confbot.knowledge;

import java.util.Objects;

/** A text given in both languages. */
public record Localized(String en, String zh) {
    public Localized {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }

    public String in(Language language) {
        return language == Language.ZH ? zh : en;
    }
}
