package confbot.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import confbot.core.chat.Reply;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Answers to questions, keyed by the normalised question, the asker's interface language and the
 * knowledge version. A reload bumps the version, so no answer from the old notes is served after a
 * swap even before {@link #invalidateAll()} has emptied the cache.
 *
 * <p>Normalising is deliberately light (Unicode NFKC, so full-width and half-width forms meet, and
 * collapsed white space): case is kept because the abstain policy reads capitalised words as
 * names, so "who is Mei Lin" and "who is mei lin" may rightly get different replies.
 */
final class AnswerCache {

    private record Key(String question, String language, long version) {}

    private final Cache<Key, Reply> answers;
    private final boolean enabled;

    AnswerCache(int size) {
        this.enabled = size > 0;
        this.answers = Caffeine.newBuilder().maximumSize(Math.max(0, size)).build();
    }

    /**
     * The cached reply to {@code question}, or {@code answer}'s, remembered. A failing {@code
     * answer} caches nothing and propagates.
     */
    Reply get(String question, Locale locale, long version, Supplier<Reply> answer) {
        if (!enabled) {
            return answer.get();
        }
        // Not Cache.get(key, mapping): that runs the mapping inside the map's bin lock, and a
        // question takes a Lucene search or two; two askers of one new question may both answer it.
        Key key = new Key(normalise(question), locale.getLanguage(), version);
        Reply cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Reply fresh = answer.get();
        answers.put(key, fresh);
        return fresh;
    }

    void invalidateAll() {
        answers.invalidateAll();
    }

    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    static String normalise(String question) {
        return Normalizer.normalize(question, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }
}
