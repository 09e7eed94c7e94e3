package confbot.core.retrieve;

import confbot.core.conference.ConferenceRegistry;
import confbot.core.index.Analyzers;
import confbot.core.index.Fields;
import confbot.core.index.PassageIndex;
import confbot.core.ingest.Text;
import confbot.knowledge.Conference;
import confbot.knowledge.Language;
import confbot.knowledge.Lexicon;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds a {@link QueryPlan} from a question: glossary mentions first (longest wins), then every
 * remaining word, each a concept scored as the best of its variants over both fields. Terms come
 * from the same analyzers as the index, so no query syntax is ever parsed (Anserini's
 * bag-of-words generator, with concept grouping added).
 */
public final class QueryBuilder {

    /** Bigram matches count less: they also fire on accidental two-character overlaps. */
    static final float BIGRAM_WEIGHT = 0.6f;
    /** A nudge towards the conference a question names, not a filter: some facts span both. */
    static final float CONFERENCE_BOOST = 1.0f;

    /**
     * Glossary kinds whose mention a passage must repeat to answer: names, and attributes asked for
     * (a price, a password, a winner) that the notes state when they know them.
     */
    static final Set<String> REQUIRED_KINDS = Set.of("org", "person", "project", "event", "place", "attribute");

    /** Glossary kind of the words that ask for a place. */
    static final String ASKS_PLACE = "asks-place";
    /** Glossary kind of the words that ask for a person or an organisation. */
    static final String ASKS_WHO = "asks-who";

    /**
     * A match in the note's context (title, authors, tags, file name) counts less than one in the
     * passage's own words: it says which note, not which passage of it.
     */
    static final float CONTEXT_WEIGHT = 0.5f;

    /** Positions a multi-word form may stretch by: room for two dropped stopwords. */
    public static final int PHRASE_SLOP = 2;

    /** A nudge towards passages about the day a question names. */
    static final float DAY_BOOST = 5.0f;

    private static final Pattern DAY = Pattern.compile(
            "\\bday\\s*0?([1-3]|one|two|three)\\b|第\\s*([1-3一二三])\\s*天|\\b(first|second|third)\\s+day\\b");

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");

    private final Analyzers analyzers;
    /** Glossary forms, analysed once: the same few hundred forms recur in every question. */
    private final Map<String, Optional<Concept.Variant>> variants = new ConcurrentHashMap<>();
    /** Each concept's count, idf and ranking clause, once per index. */
    private final ConceptQueries scoredConcepts = new ConceptQueries();

    private final GlossaryMatcher glossary;
    private final Supplier<Lexicon> lexicon;
    private final WordTagger tagger;
    /** The conferences a question may name, when the caller passes none (tests, benchmarks). */
    private final ConferenceRegistry conferences;

    /** Terms of {@code question-words.txt}: a question's phrasing, never what it asks about. */
    private final Set<String> phrasing;
    /** The lines of {@code question-words.txt} as written. */
    private final List<String> phrasingWords;
    /** {@code asks-number.txt}: phrasings that ask for a number. */
    private final Pattern asksNumber;

    public QueryBuilder(Analyzers analyzers, GlossaryMatcher glossary, ConferenceRegistry conferences) {
        this(analyzers, glossary, Lexicon.none(), conferences);
    }

    /**
     * @param lexicon general translations: each word of the question not in the glossary becomes a
     *     concept of the word and its translations, so it reaches notes in the other language
     */
    public QueryBuilder(
            Analyzers analyzers, GlossaryMatcher glossary, Lexicon lexicon, ConferenceRegistry conferences) {
        this(analyzers, glossary, lexicon, WordTagger.none(), conferences);
    }

    /**
     * @param lexicon general translations: each word of the question not in the glossary becomes a
     *     concept of the word and its translations, so it reaches notes in the other language
     * @param tagger reads the Chinese of a question by dictionary words: its function words are
     *     phrasing, its names are required, and a word the index's analyser splits (会展中心, 魏泽人)
     *     is one concept
     */
    public QueryBuilder(
            Analyzers analyzers,
            GlossaryMatcher glossary,
            Lexicon lexicon,
            WordTagger tagger,
            ConferenceRegistry conferences) {
        this(analyzers, glossary, () -> lexicon, tagger, conferences);
    }

    /**
     * As above, with the lexicon still loading: {@code lexicon} is asked for it at each question,
     * so that it may load on another core while the notes are indexed.
     */
    public QueryBuilder(
            Analyzers analyzers,
            GlossaryMatcher glossary,
            Supplier<Lexicon> lexicon,
            WordTagger tagger,
            ConferenceRegistry conferences) {
        this.tagger = tagger;
        this.lexicon = lexicon;
        this.analyzers = analyzers;
        this.phrasing = phrasing(analyzers);
        this.phrasingWords = lines("/confbot/core/question-words.txt");
        this.asksNumber = anyOf(lines("/confbot/core/asks-number.txt"));
        this.glossary = glossary;
        this.conferences = conferences;
    }

    public QueryPlan plan(String question, PassageIndex index) {
        return plan(question, index, conferences);
    }

    /** The registry given with the constructor, for callers that pass none. */
    public ConferenceRegistry conferences() {
        return conferences;
    }

    /**
     * @param conferences the registry of the knowledge searched: the conference a question names
     *     (by name, alias, city or year) is looked up there
     */
    public QueryPlan plan(String question, PassageIndex index, ConferenceRegistry conferences) {
        String normalized = fullYears(Text.normalize(question).toLowerCase(Locale.ROOT), index, conferences);
        Language language = Language.detect(normalized);
        Optional<String> conference = conferences.asked(normalized).map(Conference::id);

        Map<String, List<Concept.Variant>> concepts = new LinkedHashMap<>();
        Set<String> required = new HashSet<>();
        Map<String, String> kinds = new HashMap<>();
        StringBuilder rest = new StringBuilder(normalized);
        for (GlossaryMatcher.Match m : glossary.find(normalized)) {
            if (isPhrasing(m.form())) {
                // A deployment's glossary may list a phrasing word as a term ("notes" / 笔记); in a
                // question it still only points at the notes.
                blank(rest, m.start(), m.end());
                continue;
            }
            List<Concept.Variant> variants = new ArrayList<>();
            List<String> forms = new ArrayList<>(m.group().forms());
            if (ASKS_PLACE.equals(m.group().kind())) {
                // "Where" is answered by a place, which the passage names without the word "where".
                forms.addAll(glossary.forms("place"));
            } else if (ASKS_WHO.equals(m.group().kind())) {
                // "Who" likewise by a person or an organisation.
                forms.addAll(glossary.forms("person"));
                forms.addAll(glossary.forms("org"));
            }
            for (String form : forms) {
                variant(form).ifPresent(variants::add);
            }
            if (!variants.isEmpty()) {
                concepts.put(m.form(), variants);
                kinds.put(m.form(), m.group().kind());
                if (REQUIRED_KINDS.contains(m.group().kind())) {
                    required.add(m.form());
                }
            }
            blank(rest, m.start(), m.end());
        }
        // Years of known conferences become the conference hint; any other year is a name.
        String remaining = YEAR.matcher(rest)
                .replaceAll(y -> conferences.hasYear(Integer.parseInt(y.group(1))) ? "    " : y.group());
        String original = Text.normalize(question);
        List<WordTagger.Word> tagged = tagger.tag(remaining);
        Lexicon lexicon = this.lexicon.get();
        WordTagger.Word merged = null;
        for (Analyzers.Token token : analyzers.tokens(Fields.WORDS, remaining)) {
            if (phrasing.contains(token.term())) {
                continue;
            }
            String surface = remaining.substring(token.start(), token.end());
            String key = token.term();
            boolean name = looksLikeName(original, token.start(), token.end());
            Optional<WordTagger.Word> word = Text.hasHan(surface)
                    ? covering(tagged, token).filter(w -> allHan(w.text()) && !holdsPhrasing(w.text()))
                    : Optional.empty();
            if (word.isPresent()) {
                WordTagger.Word w = word.get();
                if (w.kind() == WordTagger.Kind.FUNCTION || w == merged || phrasing.contains(w.text())) {
                    continue;
                }
                if (w.end() - w.start() > surface.length()) {
                    // The analyser split a word the dictionary knows: one concept, matched as a phrase.
                    merged = w;
                    surface = w.text();
                    key = w.text();
                }
                name = name || (w.kind() == WordTagger.Kind.NAME && w.text().length() > 1);
            }
            List<String> bigrams = analyzers.terms(Fields.BIGRAMS, surface);
            List<Concept.Variant> forms = new ArrayList<>();
            if (key.equals(token.term())) {
                forms.add(new Concept.Variant(List.of(token.term()), bigrams));
            } else {
                variant(surface).ifPresent(forms::add);
            }
            List<String> translations = lexicon.translations(surface);
            if (translations.isEmpty()) {
                translations = lexicon.translations(token.term());
            }
            if (translations.isEmpty() && key.equals(token.term())) {
                typoFixed(token.term(), index).ifPresent(t -> forms.add(new Concept.Variant(List.of(t), List.of(t))));
            }
            for (String t : translations) {
                variant(t).filter(v -> !forms.contains(v)).ifPresent(forms::add);
            }
            if (!forms.isEmpty() && concepts.putIfAbsent(key, forms) == null && name) {
                required.add(key);
            }
        }

        List<Concept> planned = new ArrayList<>();
        List<Query> answerTypes = new ArrayList<>();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int n = Math.max(1, index.size());
        for (Map.Entry<String, List<Concept.Variant>> e : concepts.entrySet()) {
            ConceptQueries.Scored scored = scoredConcepts.of(e.getValue(), index, v -> scored(v, index, n));
            Query q = scored.query();
            if (isAnswerType(e.getValue())) {
                answerTypes.add(q);
            }
            planned.add(new Concept(
                    e.getKey(),
                    e.getValue(),
                    scored.documentFrequency(),
                    scored.idf(),
                    required.contains(e.getKey()),
                    kinds.getOrDefault(e.getKey(), "word")));
            query.add(q, BooleanClause.Occur.SHOULD);
        }
        OptionalInt day = day(normalized);
        day.ifPresent(d -> query.add(
                new BoostQuery(
                        new ConstantScoreQuery(new TermQuery(new Term(Fields.DAY, Integer.toString(d)))), DAY_BOOST),
                BooleanClause.Occur.SHOULD));
        Query built = planned.isEmpty() ? new MatchNoDocsQuery("no searchable words") : query.build();
        if (!planned.isEmpty() && conference.isPresent()) {
            Query hint = new BoostQuery(
                    new ConstantScoreQuery(new TermQuery(new Term(Fields.CONFERENCE, conference.get()))),
                    CONFERENCE_BOOST);
            built = new BooleanQuery.Builder()
                    .add(built, BooleanClause.Occur.MUST)
                    .add(hint, BooleanClause.Occur.SHOULD)
                    .build();
        }
        return new QueryPlan(
                question,
                language,
                planned,
                conference,
                built,
                recall(planned, answerTypes, index),
                asksNumber.matcher(normalized).find());
    }

    /**
     * A concept over {@code index}, worked out from scratch (see {@link ConceptQueries}): an answer
     * type's expansion ("who" to every known name), the same in every question that asks it, and any
     * concept matching few passages keep their scores, not their phrases.
     */
    private static ConceptQueries.Scored scored(List<Concept.Variant> variants, PassageIndex index, int n) {
        int df = index.count(conceptQuery(variants, index));
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        Query q = weightedConceptQuery(variants, idf, index);
        if (isAnswerType(variants) || df <= ConceptQueries.PRECOMPUTE_MAX_MATCHES) {
            q = index.precomputed(q);
        }
        return new ConceptQueries.Scored(df, idf, q);
    }

    /**
     * A two-digit year after a name, as chat writes it ("kubecon19", "coscon'18", "gopherchina 16"),
     * written out ("kubecon 2019"), when that year is one the knowledge knows: a conference of the
     * registry or a year some passage names. After a space only when the word before is no
     * dictionary word: "room 10" and "top 16" are numbers, "gopherchina 16" a year.
     */
    private static final Pattern SHORT_YEAR =
            Pattern.compile("(?<![a-z0-9])([a-z][a-z0-9-]*[a-z])(['’]| ?)([0-3][0-9])(?![0-9a-z.,:%])");

    String fullYears(String question, PassageIndex index, ConferenceRegistry conferences) {
        return SHORT_YEAR.matcher(question).replaceAll(m -> {
            int year = 2000 + Integer.parseInt(m.group(3));
            boolean known =
                    conferences.hasYear(year) || index.docFreq(new Term(Fields.WORDS, Integer.toString(year))) > 0;
            boolean name = !m.group(2).equals(" ")
                    || lexicon.get().translations(m.group(1)).isEmpty();
            return Matcher.quoteReplacement(known && name ? m.group(1) + " " + year : m.group());
        });
    }

    /** Below this many letters a word is too short to tell a typo from another word. */
    static final int TYPO_MIN_LETTERS = 5;

    /**
     * For a word of the question no passage has ("garbge", "actualy", "recomendation"): the
     * indexed word one or two edits away, when there is one. Only for Latin words long enough to
     * be misspelt; names the notes never mention find nothing that close and stay unknown.
     */
    private static Optional<String> typoFixed(String term, PassageIndex index) {
        if (term.length() < TYPO_MIN_LETTERS
                || !term.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')
                || index.docFreq(new Term(Fields.WORDS, term)) > 0) {
            return Optional.empty();
        }
        return index.nearestTerm(Fields.WORDS, term);
    }

    /** The dictionary word a token of the analyser starts in, if the tagger read one there. */
    private static Optional<WordTagger.Word> covering(List<WordTagger.Word> words, Analyzers.Token token) {
        for (WordTagger.Word w : words) {
            if (w.start() <= token.start() && token.start() < w.end() && token.end() <= w.end()) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private static boolean allHan(String word) {
        return word.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /**
     * Whether a dictionary word holds a phrasing word: the tagger's guesses at names run across
     * phrasing (占多大 read as a person), and such a word is better left to the analyser's split.
     */
    private boolean holdsPhrasing(String word) {
        if (word.length() < 3) {
            return false;
        }
        for (String p : phrasingWords) {
            if (p.length() > 1 && word.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private boolean isPhrasing(String form) {
        List<String> terms = analyzers.terms(Fields.WORDS, form);
        return !terms.isEmpty() && phrasing.containsAll(terms);
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }

    /** The terms of the question-words list, analysed as questions are. */
    private static Set<String> phrasing(Analyzers analyzers) {
        Set<String> out = new HashSet<>();
        for (String l : lines("/confbot/core/question-words.txt")) {
            out.addAll(analyzers.terms(Fields.WORDS, l.toLowerCase(Locale.ROOT)));
        }
        return Set.copyOf(out);
    }

    /** The phrasings, as one pattern: whole words for Latin ones, plain text for Chinese. */
    private static Pattern anyOf(List<String> phrasings) {
        StringBuilder alternatives = new StringBuilder();
        for (String p : phrasings) {
            String quoted = Pattern.quote(p.toLowerCase(Locale.ROOT));
            alternatives
                    .append(alternatives.length() > 0 ? "|" : "")
                    .append(p.charAt(0) < 0x2E80 ? "\\b" + quoted + "\\b" : "(?<!哪)" + quoted);
        }
        return Pattern.compile(alternatives.toString());
    }

    /** The lines of a resource list, without blanks and # comments. */
    private static List<String> lines(String resource) {
        try (java.io.InputStream in =
                        java.util.Objects.requireNonNull(QueryBuilder.class.getResourceAsStream(resource), resource);
                java.io.BufferedReader r = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            return r.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * A word the question writes as a name: Latin with a capital letter past the question's first
     * word (Tencent, Wi-Fi), or letters mixed with digits (5G). Normalisation keeps offsets, as
     * NFKC and lowercasing leave the length of these characters alone.
     */
    static boolean looksLikeName(String original, int start, int end) {
        if (end > original.length()) {
            return false;
        }
        String word = original.substring(start, end);
        boolean latin = word.codePoints().allMatch(cp -> cp < 0x2E80);
        boolean capital = word.codePoints().anyMatch(Character::isUpperCase);
        boolean digit = word.codePoints().anyMatch(Character::isDigit);
        boolean letter = word.codePoints().anyMatch(Character::isLetter);
        boolean first = original.substring(0, start).codePoints().noneMatch(Character::isLetterOrDigit);
        return latin && ((capital && !first) || (digit && letter) || (digit && !letter));
    }

    /** The day of the programme a question names: "day 1", "DAY01", "第一天", "the second day". */
    static OptionalInt day(String normalized) {
        Matcher m = DAY.matcher(normalized);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        int day =
                switch (n) {
                    case "1", "一", "first", "one" -> 1;
                    case "2", "二", "second", "two" -> 2;
                    case "3", "三", "third", "three" -> 3;
                    default -> 0;
                };
        return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
    }

    private Optional<Concept.Variant> variant(String form) {
        return variants.computeIfAbsent(form, this::analyseForm);
    }

    private Optional<Concept.Variant> analyseForm(String form) {
        String normalized = Text.normalize(form).toLowerCase(Locale.ROOT);
        List<String> words = analyzers.terms(Fields.WORDS, normalized);
        List<String> bigrams = analyzers.terms(Fields.BIGRAMS, normalized);
        return words.isEmpty() && bigrams.isEmpty()
                ? Optional.empty()
                : Optional.of(new Concept.Variant(words, bigrams));
    }

    /**
     * Every term of every variant, in both fields, as a plain disjunction: a superset of what the
     * ranking query matches (a phrase needs its terms), and cheap, since term disjunctions let
     * Lucene skip blocks that cannot make the top (phrases and hint clauses do not). An answer type
     * takes part as its precomputed ranking clause, which matches what it matches, rather than as
     * the hundreds of terms of its expansion.
     */
    static Query recall(List<Concept> concepts, List<Query> answerTypes, PassageIndex index) {
        Set<Term> terms = new java.util.LinkedHashSet<>();
        for (Concept c : concepts) {
            if (isAnswerType(c.variants())) {
                continue;
            }
            for (Concept.Variant v : c.variants()) {
                v.words().forEach(t -> terms.add(new Term(Fields.WORDS, t)));
                v.bigrams().forEach(t -> terms.add(new Term(Fields.BIGRAMS, t)));
                v.words().forEach(t -> terms.add(new Term(Fields.CONTEXT_WORDS, t)));
            }
        }
        // A term no passage holds matches nothing: most translations of most words, in notes of
        // one language.
        terms.removeIf(t -> index.docFreq(t) == 0);
        if (terms.isEmpty() && answerTypes.isEmpty()) {
            return new MatchNoDocsQuery("no searchable words");
        }
        BooleanQuery.Builder recall = new BooleanQuery.Builder();
        answerTypes.forEach(q -> recall.add(q, BooleanClause.Occur.SHOULD));
        terms.stream()
                .limit(IndexSearcher.getMaxClauseCount() - answerTypes.size())
                .forEach(t -> recall.add(index.termQuery(t), BooleanClause.Occur.SHOULD));
        return recall.build();
    }

    /** The best of the concept's variants in either field, unweighted: for counting matches. */
    static Query conceptQuery(List<Concept.Variant> variants, PassageIndex index) {
        List<Query> alternatives = new ArrayList<>();
        for (Concept.Variant v : variants) {
            sequence(Fields.WORDS, v.words(), index).ifPresent(alternatives::add);
            sequence(Fields.BIGRAMS, v.bigrams(), index).ifPresent(alternatives::add);
            if (placesNote(variants)) {
                sequence(Fields.CONTEXT_WORDS, v.words(), index).ifPresent(alternatives::add);
                sequence(Fields.CONTEXT_BIGRAMS, v.bigrams(), index).ifPresent(alternatives::add);
            }
        }
        return new DisjunctionMaxQuery(alternatives, 0.0f);
    }

    /**
     * The best of the concept's variants in either field, each weighted so that it scores like the
     * concept itself. A phrase scores the sum of its terms' idf, so 潮汐调度器 (two words, four
     * bigrams) would outweigh "Tidewater", and "node operator" would count as the common words
     * "node" plus "operator"; scaling each variant by concept idf over the sum of its terms' idf
     * makes a concept count once, as rare as it really is, however it is spelled.
     */
    static Query weightedConceptQuery(List<Concept.Variant> variants, double conceptIdf, PassageIndex index) {
        List<Query> alternatives = new ArrayList<>();
        for (Concept.Variant v : variants) {
            weighted(Fields.WORDS, v.words(), conceptIdf, 1.0f, index).ifPresent(alternatives::add);
            weighted(Fields.BIGRAMS, v.bigrams(), conceptIdf, BIGRAM_WEIGHT, index)
                    .ifPresent(alternatives::add);
            if (placesNote(variants)) {
                weighted(Fields.CONTEXT_WORDS, v.words(), conceptIdf, CONTEXT_WEIGHT, index)
                        .ifPresent(alternatives::add);
                weighted(Fields.CONTEXT_BIGRAMS, v.bigrams(), conceptIdf, CONTEXT_WEIGHT * BIGRAM_WEIGHT, index)
                        .ifPresent(alternatives::add);
            }
        }
        return new DisjunctionMaxQuery(alternatives, 0.0f);
    }

    /**
     * Whether a concept may be met by a note's context: a name or a word is, but not an answer
     * type expanded to every known name ("who" to all people), which says nothing of which note.
     */
    private static boolean placesNote(List<Concept.Variant> variants) {
        return !isAnswerType(variants);
    }

    /** An answer type expanded to every known name ("who" to all people and organisations). */
    private static boolean isAnswerType(List<Concept.Variant> variants) {
        return variants.size() > MAX_CONTEXT_VARIANTS;
    }

    static final int MAX_CONTEXT_VARIANTS = 16;

    private static Optional<Query> weighted(
            String field, List<String> terms, double conceptIdf, float weight, PassageIndex index) {
        return sequence(field, terms, index).map(q -> {
            double sum = 0;
            for (String t : terms) {
                sum += index.idf(field, t);
            }
            float boost = sum <= 0 ? weight : (float) (weight * conceptIdf / sum);
            return new BoostQuery(q, boost);
        });
    }

    /**
     * The terms in a row, or nothing when a term is in no passage of that field, since the
     * sequence then matches nothing; most variants of a bilingual concept are of that kind.
     */
    private static Optional<Query> sequence(String field, List<String> terms, PassageIndex index) {
        if (terms.isEmpty() || terms.stream().anyMatch(t -> index.docFreq(new Term(field, t)) == 0)) {
            return Optional.empty();
        }
        if (terms.size() == 1) {
            return Optional.of(index.termQuery(new Term(field, terms.get(0))));
        }
        // Slop: a stopword dropped inside a form ("meet the ambassadors") leaves a gap in the
        // indexed positions that an exact phrase would not bridge.
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(PHRASE_SLOP);
        for (String t : terms) {
            phrase.add(new Term(field, t));
        }
        return Optional.of(phrase.build());
    }
}
