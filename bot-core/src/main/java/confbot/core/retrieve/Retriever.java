package confbot.core.retrieve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import confbot.core.conference.ConferenceRegistry;
import confbot.core.index.Analyzers;
import confbot.core.index.Fields;
import confbot.core.index.PassageIndex;
import confbot.core.ingest.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks passages for a question: BM25 over the concept query, kept to the notes the question names
 * (its scope), then a mild preference for passages in the question's language, since the curated
 * notes say most facts twice, once per language, and the answer should come in the language it
 * was asked in.
 */
public final class Retriever {

    /** A passage in the other language keeps this share of its score. */
    static final double OTHER_LANGUAGE = 0.85;
    /**
     * Notes whose context (title, authors, tags, file name) matches at least this share of what the
     * best-matching note's context matches are in scope: "at GopherChina 2016" or "in Naman's post"
     * names a note, and a passage of another note that shares the question's other words answers
     * another question.
     */
    static final double SCOPE_SHARE = 0.75;
    /** Candidates looked at before the scope keeps the notes named: more than the hits returned. */
    static final int SCOPE_CANDIDATES = 48;

    private final QueryBuilder queries;
    private final Analyzers analyzers;
    /** Contexts analysed once: every passage of a note shares one. */
    private final Cache<String, List<List<String>>> contexts =
            Caffeine.newBuilder().maximumSize(4_096).build();

    private final Evidence evidence;

    public Retriever(QueryBuilder queries, Analyzers analyzers, Evidence evidence) {
        this.queries = queries;
        this.analyzers = analyzers;
        this.evidence = evidence;
    }

    public Retrieval retrieve(String question, PassageIndex index, int n) {
        return retrieve(question, index, queries.conferences(), n);
    }

    /** @param conferences the registry of the knowledge searched, where the question's conference is found */
    public Retrieval retrieve(String question, PassageIndex index, ConferenceRegistry conferences, int n) {
        QueryPlan plan = queries.plan(question, index, conferences);
        List<Hit> found = new ArrayList<>();
        for (PassageIndex.ScoredPassage sp :
                index.search(plan.recall(), plan.query(), Math.max(n * 2, SCOPE_CANDIDATES))) {
            double weight = sp.passage().language() == plan.language() ? 1.0 : OTHER_LANGUAGE;
            found.add(new Hit(sp.passage(), sp.score() * weight));
        }
        List<Concept> scope = new ArrayList<>();
        List<Hit> hits = inConference(scoped(found, plan, scope), plan);
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        if (!hits.isEmpty()) {
            // The best passage in the other language, when its translation exists, is answered
            // from the translation: the same fact, in the words of the asker.
            Hit top = hits.get(0);
            index.twin(top.passage(), plan.language()).ifPresent(twin -> {
                hits.removeIf(h -> h.passage() == twin);
                hits.add(0, new Hit(twin, top.score()));
            });
        }
        return new Retrieval(plan, hits.size() > n ? new ArrayList<>(hits.subList(0, n)) : hits, scope);
    }

    /**
     * The hits about the conference the question names (by its year): a filter, not a nudge, since
     * a passage about another edition answers another question. When none is about it, knowledge
     * about every edition; all hits only when there is neither.
     */
    private static List<Hit> inConference(List<Hit> hits, QueryPlan plan) {
        if (plan.conference().isEmpty()) {
            return hits;
        }
        String asked = plan.conference().get();
        for (String wanted : List.of(asked, ALL_EDITIONS)) {
            List<Hit> in = new ArrayList<>(hits.stream()
                    .filter(h -> h.passage().conference().filter(wanted::equals).isPresent())
                    .toList());
            if (!in.isEmpty()) {
                return in;
            }
        }
        return hits;
    }

    /** The conference id of knowledge about every edition. */
    public static final String ALL_EDITIONS = "both";

    /**
     * The hits from the notes in scope: those whose context matches the most of the question (by
     * idf), or all hits when no context matches anything (curated notes have none) or nothing in
     * scope matched. Within the scope, passages are ranked by what they say of the rest of the
     * question ({@link #byContent}); {@code scope} receives the concepts the best note's context named.
     */
    private List<Hit> scoped(List<Hit> hits, QueryPlan plan, List<Concept> scope) {
        Map<String, Double> byNote = new HashMap<>();
        double best = 0;
        Passage bestNote = null;
        for (Hit h : hits) {
            double s = byNote.computeIfAbsent(h.passage().noteId(), id -> contextScore(h.passage(), plan));
            if (s > best) {
                best = s;
                bestNote = h.passage();
            }
        }
        if (best <= 0) {
            return hits;
        }
        double floor = SCOPE_SHARE * best;
        List<Hit> in = new ArrayList<>(hits.stream()
                .filter(h -> byNote.get(h.passage().noteId()) >= floor)
                .toList());
        if (in.isEmpty()) {
            return hits;
        }
        scope.addAll(named(bestNote, plan));
        return byContent(in, plan, scope);
    }

    /**
     * Hits in scope, each score weighed by the idf of the question's other concepts its own text
     * mentions, against the best: once the notes are chosen by "GopherCon 2018", the passage about
     * the fmt verb answers "which fmt verb at GopherCon 2018?", not the introduction that names the
     * conference five times. Answer types (who, where) and background words weigh nothing here;
     * when no passage mentions any other concept, the ranking stays the search's.
     */
    private List<Hit> byContent(List<Hit> hits, QueryPlan plan, List<Concept> scope) {
        List<Concept> content = plan.concepts().stream()
                .filter(c -> !scope.contains(c) && !c.unknown() && !c.background())
                .filter(c -> c.variants().size() <= QueryBuilder.MAX_CONTEXT_VARIANTS)
                .toList();
        if (content.isEmpty()) {
            return hits;
        }
        double[] says = new double[hits.size()];
        double most = 0;
        for (int i = 0; i < hits.size(); i++) {
            // The passage's own words: its note's context already placed the question.
            Evidence.Analysed said = evidence.analyse(hits.get(i).passage().searchableText());
            for (Concept c : content) {
                if (c.mentionedIn(said.words(), said.bigrams())) {
                    // A name the question asks about says more than any word around it.
                    says[i] += c.required() ? 2 * c.idf() : c.idf();
                }
            }
            most = Math.max(most, says[i]);
        }
        if (most == 0) {
            return hits;
        }
        List<Hit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            out.add(new Hit(h.passage(), h.score() * (1 + says[i]) / (1 + most)));
        }
        return out;
    }

    /**
     * What of the question a note's context names: the idf of each concept it mentions, leaving out
     * background words ("notes", "China" in notes about China), which name every note or none in
     * particular; plus the conference the question's year names, when the note is about it.
     */
    private double contextScore(Passage p, QueryPlan plan) {
        if (p.context().isEmpty()) {
            return 0;
        }
        double score =
                plan.conference().isPresent() && plan.conference().equals(p.conference()) ? Concept.BACKGROUND_IDF : 0;
        return score + named(p, plan).stream().mapToDouble(Concept::idf).sum();
    }

    /** The question's concepts a passage's context (its note's title, authors, tags, file name) names. */
    private List<Concept> named(Passage p, QueryPlan plan) {
        if (p.context().isEmpty()) {
            return List.of();
        }
        List<List<String>> analysed = contexts.get(
                p.context(), c -> List.of(analyzers.terms(Fields.WORDS, c), analyzers.terms(Fields.BIGRAMS, c)));
        return plan.concepts().stream()
                .filter(c -> !c.background()
                        && c.variants().size() <= QueryBuilder.MAX_CONTEXT_VARIANTS
                        && c.mentionedIn(analysed.get(0), analysed.get(1)))
                .toList();
    }
}
