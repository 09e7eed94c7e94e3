package confbot.core.retrieve;

import confbot.knowledge.Glossary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the glossary groups a question mentions. Longest forms win, so "Alibaba Cloud" is one
 * mention, not "Alibaba" plus "Cloud"; Latin forms must stand as whole words ("ant" is not in
 * "want"), Chinese forms match anywhere, as Chinese has no spaces.
 */
public final class GlossaryMatcher {

    private record Form(String text, Glossary.Group group, boolean latin) {}

    /** A mention: which group, and the span of the question it covers. */
    public record Match(Glossary.Group group, String form, int start, int end) {}

    private final List<Form> forms;
    private final Glossary glossary;

    public GlossaryMatcher(Glossary glossary) {
        this.glossary = glossary;
        List<Form> all = new ArrayList<>();
        for (Glossary.Group g : glossary.groups()) {
            for (String f : g.forms()) {
                String lower = f.toLowerCase(Locale.ROOT);
                all.add(new Form(
                        lower, g, lower.codePoints().anyMatch(cp -> cp < 0x2E80 && Character.isLetterOrDigit(cp))));
            }
        }
        all.sort(Comparator.comparingInt((Form f) -> f.text().length()).reversed());
        this.forms = List.copyOf(all);
    }

    /** Every form of every group of {@code kind}, e.g. all place names. */
    public List<String> forms(String kind) {
        return glossary.groups().stream()
                .filter(g -> g.kind().equals(kind))
                .flatMap(g -> g.forms().stream())
                .toList();
    }

    /** Mentions in {@code normalizedQuestion} (already lowercased), left to right, not overlapping. */
    public List<Match> find(String normalizedQuestion) {
        boolean[] taken = new boolean[normalizedQuestion.length()];
        List<Match> out = new ArrayList<>();
        for (Form form : forms) {
            int from = 0;
            while (true) {
                int at = normalizedQuestion.indexOf(form.text(), from);
                if (at < 0) {
                    break;
                }
                int end = at + form.text().length();
                from = at + 1;
                if (form.latin()) {
                    end = pluralEnd(normalizedQuestion, end);
                    if (!wordBoundaries(normalizedQuestion, at, end)) {
                        continue;
                    }
                }
                if (free(taken, at, end) && out.stream().noneMatch(m -> m.group() == form.group())) {
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                    out.add(new Match(form.group(), form.text(), at, end));
                }
            }
        }
        out.sort(Comparator.comparingInt(Match::start));
        return out;
    }

    /** Extends a Latin match over a plural ending: "smartphones" mentions "smartphone". */
    private static int pluralEnd(String s, int end) {
        for (String suffix : new String[] {"es", "s"}) {
            int after = end + suffix.length();
            if (s.startsWith(suffix, end) && (after == s.length() || !isWordChar(s.charAt(after)))) {
                return after;
            }
        }
        return end;
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordBoundaries(String s, int start, int end) {
        return (start == 0 || !isWordChar(s.charAt(start - 1))) && (end == s.length() || !isWordChar(s.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }
}
