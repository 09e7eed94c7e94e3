package confbot.core.feedback;

import confbot.core.chat.AnswerVotes;
import confbot.core.chat.Inbound;
import confbot.core.chat.Reply;
import confbot.core.chat.Vote;
import confbot.core.chat.VoteReceipt;
import confbot.core.ingest.Passage;
import confbot.core.state.AnswerLog;
import confbot.core.state.StateStoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback on answers: records each answer given and each question the notes did not cover in the
 * {@link AnswerLog}, gives answers the id their 👍 / 👎 buttons vote on, takes the votes, and
 * writes the report an admin reads with {@code /feedback}.
 *
 * <p>Why every asking is recorded, not only voted answers: the gaps in the notes are the questions
 * the bot could not answer, and how often each was asked ranks them; nobody votes on "the notes
 * don't say". Why the answer is recorded before the reply goes out: a button can only be pressed
 * once the reply is shown, so the vote always finds its answer, with the question, text, sources
 * and knowledge version it was given with.
 *
 * <p>The store failing never costs an answer: the reply goes out without buttons and one WARN
 * says why (then DEBUG until the store works again, so an outage does not flood the log). A vote
 * the store did not take is told to the voter as not saved.
 */
public final class Feedback implements AnswerVotes {

    private static final Logger log = LoggerFactory.getLogger(Feedback.class);

    /** How many worst rated answers and gaps {@code /feedback} lists. */
    public static final int REPORT_ROWS = 5;

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s?？!！.。,，;；:：]+$");

    private final Optional<AnswerLog> answers;
    private final InstantSource clock;
    private final AtomicReference<Version> version = new AtomicReference<>(new Version(List.of(), ""));
    private final AtomicBoolean storeFailing = new AtomicBoolean();

    /** The digest of one set of passages, computed once per library (its passage list, by identity). */
    private record Version(List<Passage> passages, String digest) {}

    private Feedback(Optional<AnswerLog> answers, InstantSource clock) {
        this.answers = answers;
        this.clock = clock;
    }

    /** Feedback kept in {@code answers}. */
    public static Feedback to(AnswerLog answers, InstantSource clock) {
        return new Feedback(Optional.of(answers), clock);
    }

    /** No feedback: nothing is recorded, answers carry no buttons ({@code confbot ask}, {@code eval}). */
    public static Feedback off() {
        return new Feedback(Optional.empty(), InstantSource.system());
    }

    /**
     * Records the reply to a question. An answer comes back with its {@link Reply#answerId()}, so
     * the adapters show 👍 / 👎 under it; an abstention is recorded as a gap and comes back as it
     * was. Any other reply (usage, rate limited) is not recorded.
     *
     * @param question the question as the answer cache keys it (NFKC, white space collapsed)
     * @param passages the passages of the library that answered, to tell the knowledge version
     */
    public Reply record(String question, Reply reply, List<Passage> passages) {
        if (answers.isEmpty()) {
            return reply;
        }
        AnswerLog.Kind kind;
        if (reply.kind() == Reply.Kind.ANSWER) {
            kind = AnswerLog.Kind.ANSWER;
        } else if (reply.kind() == Reply.Kind.NOT_COVERED) {
            kind = AnswerLog.Kind.ABSTAINED;
        } else {
            return reply;
        }
        String knowledge = knowledgeVersion(passages);
        String text = kind == AnswerLog.Kind.ANSWER ? reply.text() : "";
        String id = answerId(kind, knowledge, question, text);
        try {
            answers.get()
                    .asked(new AnswerLog.Asked(
                            id,
                            kind,
                            question,
                            questionKey(question),
                            text,
                            kind == AnswerLog.Kind.ANSWER ? reply.sources() : List.of(),
                            knowledge,
                            clock.instant()));
            if (storeFailing.compareAndSet(true, false)) {
                log.info("Feedback is recorded again");
            }
        } catch (StateStoreException e) {
            if (storeFailing.compareAndSet(false, true)) {
                log.warn("Cannot record answers for feedback; answering without vote buttons: {}", e.getMessage());
            } else {
                log.debug("Still cannot record answers for feedback: {}", e.getMessage());
            }
            return reply;
        }
        return kind == AnswerLog.Kind.ANSWER ? reply.withAnswerId(id) : reply;
    }

    /** Stores a vote, committed before this returns, and says so in the voter's language. */
    @Override
    public VoteReceipt vote(Vote vote) {
        boolean zh = isChinese(vote.locale());
        if (answers.isEmpty()) {
            return new VoteReceipt(VoteReceipt.Outcome.FAILED, FeedbackTexts.notSaved(zh));
        }
        String platform = vote.voter().platform().name().toLowerCase(Locale.ROOT);
        int rating = vote.rating() == Vote.Rating.UP ? 1 : -1;
        try {
            AnswerLog.VoteResult result =
                    answers.get().vote(vote.answerId(), platform, vote.voter().userId(), rating, clock.instant());
            log.debug("Vote {} on answer {} from a {} user: {}", vote.rating(), vote.answerId(), platform, result);
            return switch (result) {
                case NEW -> new VoteReceipt(VoteReceipt.Outcome.RECORDED, FeedbackTexts.thanks(zh, vote.rating()));
                case CHANGED -> new VoteReceipt(VoteReceipt.Outcome.CHANGED, FeedbackTexts.changed(zh, vote.rating()));
                case SAME -> new VoteReceipt(VoteReceipt.Outcome.UNCHANGED, FeedbackTexts.already(zh, vote.rating()));
                case UNKNOWN_ANSWER -> new VoteReceipt(VoteReceipt.Outcome.UNKNOWN_ANSWER, FeedbackTexts.unknown(zh));
            };
        } catch (StateStoreException e) {
            log.warn("A vote on answer {} was not stored: {}", vote.answerId(), e.getMessage());
            return new VoteReceipt(VoteReceipt.Outcome.FAILED, FeedbackTexts.notSaved(zh));
        } catch (RuntimeException e) {
            // Votes come from buttons anyone can forge; whatever goes wrong, the voter hears something.
            log.error("Taking a vote on answer {} failed", vote.answerId(), e);
            return new VoteReceipt(VoteReceipt.Outcome.FAILED, FeedbackTexts.notSaved(zh));
        }
    }

    /**
     * The {@code /feedback} report: counts, the worst rated answers, the most asked questions the
     * notes did not cover. The caller has checked that the asker is an admin.
     */
    public Reply report(Inbound message) {
        return report(message, REPORT_ROWS);
    }

    /** The report with up to {@code rows} worst rated answers and gaps. */
    public Reply report(Inbound message, int rows) {
        boolean zh = isChinese(message.locale());
        if (answers.isEmpty()) {
            return new Reply(Reply.Kind.USAGE, FeedbackTexts.off(zh), List.of());
        }
        try {
            return new Reply(Reply.Kind.LISTING, FeedbackTexts.report(zh, summary(rows)), List.of());
        } catch (StateStoreException e) {
            log.warn("Cannot read the feedback for /feedback: {}", e.getMessage());
            return new Reply(Reply.Kind.USAGE, FeedbackTexts.unreadable(zh), List.of());
        }
    }

    /** What {@code /feedback} shows, as data: for {@code confbot feedback} too. */
    public record Summary(AnswerLog.Totals totals, List<AnswerLog.Rated> worstRated, List<AnswerLog.Gap> unanswered) {
        public Summary {
            worstRated = List.copyOf(worstRated);
            unanswered = List.copyOf(unanswered);
        }
    }

    /**
     * The counts, and up to {@code rows} worst rated answers and most asked gaps.
     *
     * @throws StateStoreException when the store cannot be read
     */
    public Summary summary(int rows) {
        AnswerLog store = answers.orElseThrow(() -> new IllegalStateException("feedback is off"));
        return new Summary(store.totals(), store.worstRated(rows), store.mostAskedUnanswered(rows));
    }

    /** Whether answers are recorded and votes taken. */
    public boolean enabled() {
        return answers.isPresent();
    }

    /**
     * Which notes answered: a digest of every passage's id and text, so the same notes give the same
     * version in every process and replica, and a changed note gives another. (The core's own
     * knowledge version counts reloads from 0 in each process, which says nothing after a restart.)
     */
    String knowledgeVersion(List<Passage> passages) {
        Version known = version.get();
        if (known.passages() == passages) {
            return known.digest();
        }
        MessageDigest sha = sha256();
        for (Passage p : passages) {
            sha.update(p.id().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(p.text().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        String digest = HexFormat.of().formatHex(sha.digest(), 0, 6);
        version.set(new Version(passages, digest));
        return digest;
    }

    /**
     * 16 characters of base64url (96 bits) of a digest of what identifies the answer: short enough for
     * Telegram's 64-byte callback data with room to spare, and collision-free in practice.
     */
    static String answerId(AnswerLog.Kind kind, String knowledge, String question, String text) {
        MessageDigest sha = sha256();
        for (String part : List.of(kind.name(), knowledge, question, text)) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(sha.digest())
                .substring(0, 16);
    }

    /** Folds the wordings of one question together for the gap report: case and end punctuation. */
    static String questionKey(String question) {
        return TRAILING_PUNCTUATION
                .matcher(question.strip().toLowerCase(Locale.ROOT))
                .replaceAll("");
    }

    private static boolean isChinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
