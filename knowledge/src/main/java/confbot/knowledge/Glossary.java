package confbot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * Groups of names and terms that mean the same thing across the two languages (蚂蚁金服 / Ant
 * Financial / Ant Group). The core expands a question with every form of each group it mentions,
 * which is how an English question finds a Chinese-only note.
 */
public record Glossary(List<Group> groups) {
    public Glossary {
        groups = List.copyOf(groups);
    }

    public static Glossary empty() {
        return new Glossary(List.of());
    }

    /** This glossary's groups, then the other's. */
    public Glossary plus(Glossary other) {
        return new Glossary(java.util.stream.Stream.concat(groups.stream(), other.groups.stream())
                .toList());
    }

    /** Equivalent forms, English first. */
    public record Group(String kind, List<String> forms) {
        public Group {
            Objects.requireNonNull(kind, "kind");
            forms = List.copyOf(forms);
            if (forms.size() < 2) {
                throw new IllegalArgumentException("a glossary group needs two forms or more: " + forms);
            }
        }
    }
}
