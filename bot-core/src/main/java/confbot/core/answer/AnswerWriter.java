package confbot.core.answer;

import confbot.core.chat.Source;
import confbot.core.index.PassageIndex;
import confbot.core.ingest.Passage;
import confbot.core.ingest.Text;
import confbot.core.retrieve.Concept;
import confbot.core.retrieve.Evidence;
import confbot.core.retrieve.Hit;
import confbot.core.retrieve.Retrieval;
import confbot.core.retrieve.Retriever;
import confbot.core.retrieve.WordTagger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a short answer from the best passages: about {@value #BUDGET} characters of the
 * sentences that carry the question's concepts, in the order the notes give them, followed by the
 * sources of the passages used.
 */
public final class AnswerWriter {

    /** Body length to aim for: readable in a chat bubble, long enough for a list of names. */
    static final int BUDGET = 400;
    /**
     * A best passage up to this long is given whole rather than cut to the budget: curated sections
     * are written as one answer each, and cutting a list drops items.
     */
    static final int WHOLE_PASSAGE = 480;
    /**
     * The answer is built sentence by sentence across the evidence, rather than from the best
     * passage first, only when another passage has a sentence that carries clearly more of the
     * question (its concepts' idf) than any sentence of the best one: then the best passage is
     * context, and that sentence is the answer.
     */
    static final double CLEARLY_BETTER = 0.8;
    /** Sources listed under an answer. */
    static final int MAX_SOURCES = 3;
    /**
     * A sentence from beyond the lead passage is added only when it carries at least this share of
     * what the lead's best sentence carries: a runner-up that matches the conference's name alone
     * adds noise ("He headed home in the rain…" under "when was it?").
     */
    static final double RUNNER_UP_SENTENCE = 0.5;
    /** A passage shorter than this is likely a lead-in; its neighbour joins the evidence. */
    static final int SHORT_PASSAGE = 160;
    /** A runner-up joins the evidence when it scores at least this share of the best hit. */
    static final double RUNNER_UP = 0.8;

    // Sentence ends and line breaks; not semicolons, which join the items of one listing sentence.
    // A line that ends in a comma goes on in the next (hard-wrapped text): no end there. An ASCII
    // '?' or '!' ends a sentence only before a space or a Chinese character, as '.' does: inside a
    // URL ("slides.pdf?1566398735") or a name ("Yahoo!") it ends nothing. An emoji before a capital
    // ends one too: chat-like posts put it where the full stop goes ("…in the world 😄 So on Sunday").
    // (\p{Cs}: Java's look-behind sees an emoji beyond the BMP only as its low surrogate.)
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<=[。！？])|(?<=[!?])(?=\\p{IsHan})|(?<=[!?])[ \\t]+(?=\\S)|(?<![,，、])\\n|(?<=\\.)\\s+(?=\\S)"
                    + "|(?<=\\p{So}|\\p{Cs})[ \\t]+(?=\\p{Lu})");

    private final Evidence evidence;
    private final AbstainPolicy policy;
    private final Places places;

    /**
     * @param tagger tells place names in Chinese text, for the answers to "where" ({@link Places})
     */
    public AnswerWriter(Evidence evidence, AbstainPolicy policy, WordTagger tagger) {
        this.evidence = evidence;
        this.policy = policy;
        this.places = new Places(tagger);
    }

    public Answer write(Retrieval retrieval, PassageIndex index) {
        List<Concept> concepts = retrieval.plan().concepts();
        if (retrieval.hits().isEmpty()) {
            Features none = features(concepts, List.of(), false, 0);
            return new Answer(false, "", List.of(), none, "nothing matched");
        }
        Hit top = namingEverything(retrieval.hits(), concepts);
        List<Passage> window = window(top, retrieval.hits(), index, concepts);
        List<Evidence.Analysed> analysed =
                window.stream().map(evidence::analyse).toList();
        Optional<String> asked = retrieval.plan().conference();
        boolean otherConference = asked.isPresent()
                && top.passage()
                        .conference()
                        .filter(c -> !c.equals(asked.get()) && !c.equals(Retriever.ALL_EDITIONS))
                        .isPresent();
        Features f = features(concepts, analysed, otherConference, top.score());
        if (!policy.answers(f)) {
            return abstained(f, concepts, analysed, retrieval);
        }
        List<Passage> used = new ArrayList<>();
        String text = completed(compose(window, concepts, used), retrieval.hits(), concepts, used);
        // Checked on the answer itself, once written: the passages behind it may hold numbers it leaves out.
        if (retrieval.plan().asksNumber()
                && !countsWhatIsAsked(text, retrieval.plan().question(), concepts, retrieval.scope())) {
            return abstained(f.without(Features.Given.NUMBER), concepts, analysed, retrieval);
        }
        if (concepts.stream().anyMatch(Concept::asksForPlace)
                && !places.named(text, retrieval.plan().question())) {
            return abstained(f.without(Features.Given.PLACE), concepts, analysed, retrieval);
        }
        return new Answer(
                true, text, sources(used), f, explain(f, "answered") + marks(concepts, analysed) + ranking(retrieval));
    }

    private static Answer abstained(
            Features f, List<Concept> concepts, List<Evidence.Analysed> analysed, Retrieval retrieval) {
        return new Answer(
                false, "", List.of(), f, explain(f, "abstained") + marks(concepts, analysed) + ranking(retrieval));
    }

    /** How many of the best hits may stand in for the first, or complete its answer. */
    static final int CLOSE_HITS = 4;
    /** How many of the best hits a completing sentence may come from. */
    static final int COMPLETING_HITS = 8;
    /** A close hit scores at least this share of the best one. */
    static final double CLOSE_SCORE = 0.6;
    /** The answer text a completing sentence may extend to: what a chat bubble shows first. */
    static final int COMPLETED_BUDGET = 560;

    /**
     * The best hit, or a close one that mentions every name the question asks about when the best
     * does not: "who did the Cython talk" is answered by the passage naming Cython, not by the one
     * that matches "talk" and the conference best.
     */
    private Hit namingEverything(List<Hit> hits, List<Concept> concepts) {
        Hit best = hits.get(0);
        List<Concept> names =
                concepts.stream().filter(c -> c.required() && !c.background()).toList();
        if (names.isEmpty() || names(best.passage(), names)) {
            return best;
        }
        for (Hit h : hits.subList(1, Math.min(CLOSE_HITS, hits.size()))) {
            if (h.score() >= CLOSE_SCORE * best.score() && names(h.passage(), names)) {
                return h;
            }
        }
        return best;
    }

    private boolean names(Passage p, List<Concept> names) {
        Evidence.Analysed a = evidence.analyse(p);
        return names.stream().allMatch(c -> Evidence.mentions(a, c));
    }

    /**
     * The answer, with one more sentence from a close hit when the question asks about something
     * the answer does not mention yet: a question of two parts ("who gave it, and what was it
     * called?") often has its parts in two passages.
     */
    private String completed(String text, List<Hit> hits, List<Concept> concepts, List<Passage> used) {
        Evidence.Analysed said = evidence.analyse(text + "\n" + contexts(used));
        List<Concept> missing = concepts.stream()
                .filter(c -> !c.unknown() && !c.background() && !c.singleCharacter())
                .filter(c -> !Evidence.mentions(said, c))
                .toList();
        if (missing.isEmpty() || text.length() >= COMPLETED_BUDGET - 40) {
            return text;
        }
        double best = hits.get(0).score();
        String pick = null;
        Passage from = null;
        double pickScore = 0;
        String note = hits.get(0).passage().noteId();
        for (Hit h : hits.subList(0, Math.min(COMPLETING_HITS, hits.size()))) {
            // A close hit, or any of the best hits from the same note: a question's second part is
            // often in another section of the post its first part is in.
            if (h.score() < CLOSE_SCORE * best && !h.passage().noteId().equals(note)) {
                continue;
            }
            for (String s : sentences(h.passage())) {
                if (text.contains(s) || text.length() + s.length() + 1 > COMPLETED_BUDGET) {
                    continue;
                }
                double score = score(s, missing);
                if (score > pickScore) {
                    pickScore = score;
                    pick = s;
                    from = h.passage();
                }
            }
        }
        if (pick == null) {
            return text;
        }
        if (!used.contains(from)) {
            used.add(from);
        }
        return text + "\n" + pick;
    }

    private static String contexts(List<Passage> used) {
        return String.join("\n", used.stream().map(Passage::context).toList());
    }

    /**
     * A number in figures (a code such as "5vn0" counts, a brand such as "1Password" does not), or
     * in Chinese numerals before a measure word (三个, 两千人).
     */
    private static final Pattern NUMBER =
            Pattern.compile("\\d+(?:[.,]\\d+)*(?!\\p{Lu}\\p{Ll})|[一二两三四五六七八九十百千万亿]+(?=[个位家人名场次天年月周小万千百亿%])");
    /**
     * A number that dates rather than counts: a year (2019, unless people or things follow it), a
     * day of a month (18 April, April 18th, 10月20日), an ISO date. "How many came" is not answered
     * by the day they came.
     */
    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";

    private static final Pattern DATE =
            Pattern.compile("(?i)(?:\\b(?:19|20)\\d\\d\\b(?!\\s*(?:\\+|people|attendees|participants|人|名|位))"
                    + "|\\d{4}-\\d\\d-\\d\\d"
                    + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTH + ")"
                    + "|(?:" + MONTH + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b"
                    + "|\\d{1,4}\\s*[年月日号])");

    /**
     * A span of time: "how many people went" is not answered by "living there for the last 2 years",
     * unless the question asks how long, or in those units.
     */
    private static final String UNITS_EN = "years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?";

    private static final String UNITS_ZH = "年|个月|周|天|小时|分钟|秒";
    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\d+(?:\\.\\d+)?\\s*(?:" + UNITS_EN + ")\\b|[\\d一二两三四五六七八九十]+\\s*(?:" + UNITS_ZH + ")");
    private static final Pattern ASKS_DURATION =
            Pattern.compile("(?i)how long|多久|多长|\\b(?:" + UNITS_EN + ")\\b|(?:几|多少)\\s*(?:" + UNITS_ZH + ")");

    /**
     * Whether an answer gives a number that counts something and that the question does not already
     * hold (its year, "day 2"): the answer to "how many", not a date.
     */
    static boolean givesNumber(String answer, String question) {
        java.util.Set<String> asked = new java.util.HashSet<>();
        java.util.regex.Matcher q = NUMBER.matcher(question);
        while (q.find()) {
            asked.add(q.group());
        }
        String counts = DATE.matcher(answer).replaceAll(" ");
        if (!ASKS_DURATION.matcher(question).find()) {
            counts = DURATION.matcher(counts).replaceAll(" ");
        }
        java.util.regex.Matcher m = NUMBER.matcher(counts);
        while (m.find()) {
            // A lone 一 before a measure word is mostly the article ("一个技术大会", a conference).
            if (!asked.contains(m.group()) && !m.group().equals("一")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence of the answer gives a number ({@link #givesNumber}) and mentions something
     * the question asks about: "how many gophers attended?" is not answered by "one year ago" in a
     * sentence about something else, nor by a figure three sentences away from the gophers. The
     * concepts that only placed the question in its notes (the conference, the city of the post's
     * title) do not count, nor words every note has: "9.5 hours to Denver" does not count the gophers
     * at GopherCon in Denver.
     */
    private boolean countsWhatIsAsked(String answer, String question, List<Concept> concepts, List<Concept> scope) {
        List<Concept> counted = concepts.stream()
                .filter(c -> !c.unknown() && !c.background() && !scope.contains(c))
                .toList();
        if (counted.isEmpty()) {
            // "How long after did Sachin write it?": nothing but the scope is known, any number answers.
            return givesNumber(answer, question);
        }
        for (String sentence : sentences(answer)) {
            if (givesNumber(sentence, question)) {
                Evidence.Analysed a = evidence.analyse(sentence);
                if (counted.stream().anyMatch(c -> Evidence.mentions(a, c))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The sources of the passages used, best passage first, one per address (a note cited with and
     * without its author is one source), at most {@value #MAX_SOURCES}: a chat answer lists where
     * to read more, not every file behind a fact.
     */
    private static List<Source> sources(List<Passage> used) {
        Map<URI, Source> byAddress = new LinkedHashMap<>();
        used.forEach(p -> p.sources().forEach(src -> byAddress.putIfAbsent(src.url(), src)));
        return byAddress.values().stream().limit(MAX_SOURCES).toList();
    }

    private static String ranking(Retrieval retrieval) {
        StringBuilder out = new StringBuilder();
        if (!retrieval.scope().isEmpty()) {
            out.append("; scope:");
            retrieval.scope().forEach(c -> out.append(' ').append(c.label()));
        }
        out.append("; hits:");
        retrieval.hits().stream()
                .limit(4)
                .forEach(h -> out.append(
                        String.format(Locale.ROOT, " %s=%.2f", h.passage().id(), h.score())));
        return out.toString();
    }

    /** Each concept with + (the evidence mentions it), - (it does not) or ? (nothing does). */
    private static String marks(List<Concept> concepts, List<Evidence.Analysed> window) {
        StringBuilder out = new StringBuilder(";");
        for (Concept c : concepts) {
            char mark = c.unknown() ? '?' : window.stream().anyMatch(a -> Evidence.mentions(a, c)) ? '+' : '-';
            out.append(' ')
                    .append(mark)
                    .append(c.required() ? "!" : "")
                    .append(c.label())
                    .append(String.format(Locale.ROOT, "(%.1f)", c.idf()));
        }
        return out.toString();
    }

    private static String explain(Features f, String verdict) {
        return String.format(
                Locale.ROOT,
                "%s: coverage %.2f, unknown %d, missing required %d,%s%s %d concepts, top score %.2f",
                verdict,
                f.coverage(),
                f.unknownConcepts(),
                f.missingRequired(),
                f.otherConference() ? " other conference," : "",
                f.givesWhatIsAsked() ? "" : " no " + f.notGiven().name().toLowerCase(Locale.ROOT) + " given,",
                f.concepts(),
                f.topScore());
    }

    /**
     * The best passage, its neighbour when it is short or raw, and a close runner-up in the same
     * language and conference that names every name the question names (a runner-up that scores on
     * the question's filler words alone is not evidence).
     */
    private List<Passage> window(Hit top, List<Hit> hits, PassageIndex index, List<Concept> concepts) {
        List<Passage> window = new ArrayList<>();
        Passage best = top.passage();
        window.add(best);
        if (best.text().length() < SHORT_PASSAGE || best.origin() == Passage.Origin.FOLDER) {
            index.next(best).ifPresent(window::add);
        }
        for (Hit h : hits.subList(1, hits.size())) {
            if (h.score() < RUNNER_UP * top.score()) {
                break;
            }
            // Same language (one answer, one language) and same conference: a close runner-up about
            // the other year is a different fact that happens to share the words.
            if (h.passage().language() == best.language()
                    && h.passage().conference().equals(best.conference())
                    && !window.contains(h.passage())
                    && namesEverythingAsked(h.passage(), concepts)) {
                window.add(h.passage());
                break;
            }
        }
        return window;
    }

    private boolean namesEverythingAsked(Passage p, List<Concept> concepts) {
        Evidence.Analysed a = evidence.analyse(p);
        return concepts.stream().filter(Concept::required).allMatch(c -> Evidence.mentions(a, c));
    }

    private static Features features(
            List<Concept> concepts, List<Evidence.Analysed> window, boolean otherConference, double topScore) {
        double known = 0;
        double covered = 0;
        int unknown = 0;
        int required = 0;
        int missingRequired = 0;
        for (Concept c : concepts) {
            boolean mentioned = !c.unknown() && window.stream().anyMatch(a -> Evidence.mentions(a, c));
            if (c.unknown()) {
                unknown++;
            } else if (!c.singleCharacter() || c.required()) {
                known += c.idf();
                covered += mentioned ? c.idf() : 0;
            }
            if (c.required() && !c.background()) {
                required++;
                missingRequired += mentioned ? 0 : 1;
            }
        }
        return new Features(
                known == 0 ? 0 : covered / known,
                unknown,
                required,
                missingRequired,
                otherConference,
                concepts.size(),
                topScore);
    }

    private String compose(List<Passage> window, List<Concept> concepts, List<Passage> used) {
        // Every sentence of the evidence is split and scored once, here; both ways of building the
        // answer choose from these.
        List<List<Sentence>> byPassage = new ArrayList<>();
        List<Sentence> all = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            List<Line> texts = split(window.get(i));
            List<Sentence> scored = new ArrayList<>(texts.size());
            for (int j = 0; j < texts.size(); j++) {
                Line t = texts.get(j);
                scored.add(new Sentence(i, j, t.text(), score(t.text(), concepts), t.line(), t.depth()));
            }
            byPassage.add(scored);
            all.addAll(scored);
        }
        boolean leadShort = window.get(0).text().length() < SHORT_PASSAGE;
        int leadPassages = leadShort && window.size() > 1 ? 2 : 1;
        double leadBest = all.stream()
                .filter(x -> x.passage() < leadPassages)
                .mapToDouble(Sentence::score)
                .max()
                .orElse(0);
        double otherBest = all.stream()
                .filter(x -> x.passage() >= leadPassages)
                .mapToDouble(Sentence::score)
                .max()
                .orElse(0);
        return leadBest >= CLEARLY_BETTER * otherBest
                ? byPassage(window, byPassage, leadPassages, leadBest, used)
                : bySentence(window, all, used);
    }

    /**
     * A sentence of the evidence: which passage, where in it, how much of the question it carries,
     * and the line it starts on with that line's list depth ({@link Text#depth}).
     */
    private record Sentence(int passage, int index, String text, double score, int line, int depth) {
        /** Ends in a colon: introduces the lines after it ("the guests were:"). */
        boolean leadsIn() {
            return text.endsWith(":") || text.endsWith("：");
        }
    }

    private double score(String sentence, List<Concept> concepts) {
        Evidence.Analysed a = evidence.analyse(sentence);
        double s = 0;
        for (Concept c : concepts) {
            if (Evidence.mentions(a, c)) {
                s += c.idf();
            }
        }
        return s;
    }

    /** The lead passage holds the best sentence: give it whole when it fits, then what the rest adds. */
    private static String byPassage(
            List<Passage> window,
            List<List<Sentence>> sentences,
            int leadPassages,
            double leadBest,
            List<Passage> used) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < window.size() && out.length() < BUDGET; i++) {
            Passage p = window.get(i);
            boolean lead = i < leadPassages;
            double floor = lead ? 0 : RUNNER_UP_SENTENCE * leadBest;
            List<String> picked = pick(p, sentences.get(i), BUDGET - out.length(), lead, floor);
            if (!picked.isEmpty()) {
                if (out.length() > 0) {
                    out.append("\n");
                }
                out.append(join(picked, p.language() == confbot.knowledge.Language.ZH));
                used.add(p);
            }
        }
        return out.toString().strip();
    }

    /**
     * A runner-up holds the best sentence: take the best sentences of the whole evidence within the
     * budget, each passage's in their own order, the passage with the best sentence first.
     */
    private static String bySentence(List<Passage> window, List<Sentence> all, List<Passage> used) {
        List<Sentence> ranked = new ArrayList<>(all);
        ranked.sort(Comparator.comparingDouble(Sentence::score)
                .reversed()
                .thenComparingInt(Sentence::passage)
                .thenComparingInt(Sentence::index));
        List<Sentence> chosen = new ArrayList<>();
        int length = 0;
        for (Sentence s : ranked) {
            if (s.score() <= 0 || (length + s.text().length() > BUDGET && !chosen.isEmpty())) {
                continue;
            }
            chosen.add(s);
            length += s.text().length() + 1;
        }
        int first = chosen.get(0).passage();
        chosen.sort(Comparator.comparingInt((Sentence s) -> s.passage() == first ? -1 : s.passage())
                .thenComparingInt(Sentence::index));
        StringBuilder out = new StringBuilder();
        int current = -2;
        List<String> run = new ArrayList<>();
        for (Sentence s : chosen) {
            if (s.passage() != current && !run.isEmpty()) {
                out.append(out.length() > 0 ? "\n" : "")
                        .append(join(run, window.get(current).language() == confbot.knowledge.Language.ZH));
                run.clear();
            }
            if (s.passage() != current) {
                used.add(window.get(s.passage()));
            }
            current = s.passage();
            run.add(shortened(s.text(), BUDGET));
        }
        out.append(out.length() > 0 ? "\n" : "")
                .append(join(run, window.get(current).language() == confbot.knowledge.Language.ZH));
        return out.toString().strip();
    }

    /**
     * Sentences of {@code p} (scored) within {@code budget}: the whole passage when it fits; otherwise the
     * sentences that mention the most concepts, restored to their order. A lead passage always
     * gives at least its best sentence; a runner-up only sentences scoring at least {@code floor}.
     */
    private static List<String> pick(Passage p, List<Sentence> scored, int budget, boolean lead, double floor) {
        // A passage of nested list items is a programme, one talk per item: the answer is the item
        // that holds the question, with its head, not every talk beside it.
        boolean nested = scored.stream().anyMatch(s -> s.depth() > 0);
        if (lead && !nested && p.text().length() <= (budget == BUDGET ? WHOLE_PASSAGE : budget)) {
            return scored.stream().map(Sentence::text).toList();
        }
        List<Sentence> ranked = new ArrayList<>(scored);
        ranked.sort(Comparator.comparingDouble(Sentence::score).reversed().thenComparingInt(Sentence::index));
        List<Sentence> chosen = new ArrayList<>();
        int length = 0;
        for (Sentence s : ranked) {
            if ((s.score() <= 0 || s.score() < floor) && !(lead && chosen.isEmpty())) {
                continue;
            }
            if (length + s.text().length() > budget && !(lead && chosen.isEmpty())) {
                continue;
            }
            chosen.add(s);
            length += s.text().length() + 1;
        }
        chosen.sort(Comparator.comparingInt(Sentence::index));
        chosen = withWhatColonsIntroduce(scored, chosen, budget);
        chosen = withTheirHeads(scored, chosen);
        chosen = withoutGaps(scored, chosen);
        List<String> out = new ArrayList<>();
        for (Sentence s : chosen) {
            out.add(shortened(s.text(), budget));
        }
        return out;
    }

    /**
     * A chosen sentence that ends in a colon ("参加人员有：", "the guests were:") introduces the lines
     * after it, which hold the answer but rarely the question's words; they come along, in order,
     * while the budget lasts.
     */
    private static List<Sentence> withWhatColonsIntroduce(List<Sentence> all, List<Sentence> chosen, int budget) {
        List<Sentence> out = new ArrayList<>(chosen);
        int length = out.stream().mapToInt(s -> s.text().length() + 1).sum();
        for (Sentence c : chosen) {
            if (!c.leadsIn()) {
                continue;
            }
            for (int i = c.index() + 1; i < all.size(); i++) {
                Sentence next = all.get(i);
                if (out.contains(next)) {
                    continue;
                }
                if (length + next.text().length() > budget || next.leadsIn()) {
                    break;
                }
                out.add(next);
                length += next.text().length() + 1;
            }
        }
        out.sort(Comparator.comparingInt(Sentence::index));
        return out;
    }

    /** Sentences between two chosen ones that may be filled in: more and the two are apart. */
    static final int GAP = 2;

    /**
     * Two chosen sentences of a paragraph with a sentence or two between them read as one text once
     * those come along, and as two fragments glued together without them; the sentence between
     * often holds the answer in words the question does not use ("Emily Fox gave a talk." — "“Gardens
     * and Glaciers” tells…" — "In her talk…"). Filled while {@link #COMPLETED_BUDGET} allows.
     */
    private static List<Sentence> withoutGaps(List<Sentence> all, List<Sentence> chosen) {
        List<Sentence> out = new ArrayList<>(chosen);
        int length = out.stream().mapToInt(s -> s.text().length() + 1).sum();
        for (int k = 0; k + 1 < chosen.size(); k++) {
            int from = chosen.get(k).index();
            int to = chosen.get(k + 1).index();
            if (to - from - 1 < 1 || to - from - 1 > GAP) {
                continue;
            }
            List<Sentence> between = all.subList(from + 1, to).stream()
                    .filter(s -> !out.contains(s))
                    .toList();
            int more = between.stream().mapToInt(s -> s.text().length() + 1).sum();
            if (length + more <= COMPLETED_BUDGET) {
                out.addAll(between);
                length += more;
            }
        }
        out.sort(Comparator.comparingInt(Sentence::index));
        return out;
    }

    /**
     * A chosen line of a nested list item says something about the item above it: "  - the slides
     * are online" under "- Alice ~ Scaling etcd". The head's first sentence comes along (and its
     * own head, up to the top level), as the subject the line needs to be read. A head costs at most
     * a line, so it is added past the budget; {@link #COMPLETED_BUDGET} still bounds the answer.
     */
    private static List<Sentence> withTheirHeads(List<Sentence> all, List<Sentence> chosen) {
        List<Sentence> out = new ArrayList<>(chosen);
        int length = out.stream().mapToInt(s -> s.text().length() + 1).sum();
        for (Sentence c : chosen) {
            int depth = c.depth();
            for (int i = c.index() - 1; i >= 0 && depth > 0; i--) {
                Sentence above = all.get(i);
                if (above.depth() >= depth || (i > 0 && all.get(i - 1).line() == above.line())) {
                    continue;
                }
                depth = above.depth();
                if (!out.contains(above) && length + above.text().length() <= COMPLETED_BUDGET) {
                    out.add(above);
                    length += above.text().length() + 1;
                }
            }
        }
        out.sort(Comparator.comparingInt(Sentence::index));
        return out;
    }

    /**
     * Longest sentence given whole however small the budget left: a chat bubble holds it, and a
     * sentence cut short reads as an error.
     */
    static final int LONGEST_SENTENCE = 800;

    /**
     * A sentence within the budget: whole when it fits or is not too long to read whole; else cut at
     * its last clause break before the budget, marked with an ellipsis.
     */
    static String shortened(String sentence, int budget) {
        if (sentence.length() <= Math.max(budget, LONGEST_SENTENCE)) {
            return sentence;
        }
        int limit = Math.max(budget, BUDGET) - 1;
        int cut = limit;
        for (int i = limit; i > limit / 2; i--) {
            if ("，,；;、：:".indexOf(sentence.charAt(i)) >= 0) {
                cut = i;
                break;
            }
        }
        return sentence.substring(0, cut).strip() + "…";
    }

    /**
     * A passage's sentences. A catalog row is one talk, "Title — Speakers, date, track. Slides:
     * link", and stays whole: a title such as "Who Watches? The Watchmen" split at its question
     * mark would be quoted in half.
     */
    static List<String> sentences(Passage passage) {
        return split(passage).stream().map(Line::text).toList();
    }

    static List<String> sentences(String text) {
        return split(text).stream().map(Line::text).toList();
    }

    /** A sentence of a passage's text, with the line it starts on and that line's list depth. */
    private record Line(String text, int line, int depth) {}

    private static List<Line> split(Passage passage) {
        if (passage.origin() != Passage.Origin.CATALOG) {
            return split(passage.text());
        }
        List<Line> out = new ArrayList<>();
        for (String l : passage.text().lines().map(String::strip).toList()) {
            if (!l.isEmpty()) {
                out.add(new Line(l, out.size(), 0));
            }
        }
        return out;
    }

    /** A line break after a comma only wraps a sentence: a space in English, nothing in Chinese. */
    private static final Pattern WRAPPED = Pattern.compile("(?<=,)\\n[ \\t]*");

    private static final Pattern WRAPPED_ZH = Pattern.compile("(?<=[，、])\\n[ \\t]*");

    private static List<Line> split(String text) {
        List<Line> out = new ArrayList<>();
        java.util.regex.Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        int line = 0;
        int lineStart = 0;
        while (start <= text.length()) {
            boolean found = end.find();
            int stop = found ? end.start() : text.length();
            // The line a sentence starts on: the last line break before its first character.
            int first = start;
            while (first < stop && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            for (int i = text.indexOf('\n', lineStart); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) {
                line++;
                lineStart = i + 1;
            }
            String t = WRAPPED_ZH
                    .matcher(
                            WRAPPED.matcher(text.substring(start, stop).strip()).replaceAll(" "))
                    .replaceAll("");
            if (!t.isEmpty()) {
                out.add(new Line(t, line, Text.depth(text.substring(lineStart, Math.max(lineStart, first)))));
            }
            if (!found) {
                break;
            }
            start = end.end();
        }
        return out;
    }

    /** Joins sentences; a line that ends without punctuation (a list item) gets a separator. */
    static String join(List<String> sentences, boolean chinese) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            out.append(s);
            if (i + 1 < sentences.size()) {
                boolean closed = ENDS_CLAUSE.matcher(s).find();
                out.append(closed ? (chinese && isCjk(s.charAt(s.length() - 1)) ? "" : " ") : (chinese ? "；" : "; "));
            }
        }
        return out.toString();
    }

    /** Ends a clause: punctuation, or an emoji where a chatty post puts its full stop. */
    private static final Pattern ENDS_CLAUSE = Pattern.compile("[。！？；：，、!?.;:,\\p{So}\\p{Cs}]$");

    private static boolean isCjk(char c) {
        return c >= 0x2E80;
    }
}
