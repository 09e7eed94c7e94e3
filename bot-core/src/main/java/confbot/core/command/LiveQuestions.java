package confbot.core.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells a free question that asks what is on now or next ("what's on now?", "现在在讲什么", "what's
 * next in room 2") from one for the notes, by the word classes of {@value #PHRASES}: the phrasing is
 * data, in both languages. A question it takes becomes {@code /now} or {@code /next} with the
 * words that are left, which must name a room or track; {@link LiveCommand} checks that.
 */
final class LiveQuestions {

    static final String PHRASES = "/confbot/core/command/live-questions.tsv";

    /** Longer than a "what's on now" question gets: a question for the notes. */
    static final int MAX_LENGTH = 80;

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}？！。，、：；“”‘’（）&&[^']]+");

    enum Kind {
        NOW,
        NEXT
    }

    /** A question taken: now or next, and the words left (a room or track, or nothing). */
    record Asked(Kind kind, String place) {}

    private enum Cls {
        NOW,
        NEXT,
        ASK,
        ON,
        FILLER
    }

    private record Phrase(Cls cls, String text, boolean han) {}

    /** Longest first, so "right now" is taken before "now" and "going on" before "on". */
    private final List<Phrase> phrases;

    LiveQuestions() {
        this(read());
    }

    private LiveQuestions(List<Phrase> phrases) {
        this.phrases = phrases.stream()
                .sorted(Comparator.comparingInt((Phrase p) -> p.text().length()).reversed())
                .toList();
    }

    /** The question as /now or /next, or empty when it is a question for the notes. */
    Optional<Asked> recognise(String question) {
        if (question.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text = " "
                + PUNCTUATION
                        .matcher(question.toLowerCase(Locale.ROOT).replace('’', '\''))
                        .replaceAll(" ")
                        .replaceAll("\\s+", " ")
                        .strip()
                + " ";
        Map<Cls, Boolean> seen = new EnumMap<>(Cls.class);
        for (Phrase p : phrases) {
            String found = p.han() ? p.text() : " " + p.text() + " ";
            while (text.contains(found)) {
                seen.put(p.cls(), true);
                // Han phrases stand between other Han characters, with no spaces to mark them.
                text = text.replace(found, " ");
            }
        }
        boolean asks = seen.containsKey(Cls.ASK) || seen.containsKey(Cls.ON);
        if (!asks) {
            return Optional.empty();
        }
        String place = text.replaceAll("\\s+", " ").strip();
        if (seen.containsKey(Cls.NOW)) {
            return Optional.of(new Asked(Kind.NOW, place));
        }
        if (seen.containsKey(Cls.NEXT)) {
            return Optional.of(new Asked(Kind.NEXT, place));
        }
        return Optional.empty();
    }

    private static List<Phrase> read() {
        try (InputStream in = Objects.requireNonNull(LiveQuestions.class.getResourceAsStream(PHRASES), PHRASES)) {
            List<Phrase> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.strip().split("\t");
                Cls cls = Cls.valueOf(cells[0].toUpperCase(Locale.ROOT));
                for (int i = 1; i < cells.length; i++) {
                    String phrase = cells[i].strip().toLowerCase(Locale.ROOT);
                    if (!phrase.isEmpty()) {
                        boolean han = phrase.codePoints()
                                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
                        out.add(new Phrase(cls, phrase, han));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PHRASES, e);
        }
    }
}
