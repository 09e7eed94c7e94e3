package confbot.core.remind;

import confbot.core.chat.ChatPoster;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.state.StateStoreException;
import confbot.core.state.Subscriptions;
import confbot.core.state.Subscriptions.PersonalReminder;
import confbot.core.state.Subscriptions.Subscription;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to subscribed chats and to people through the adapters' {@link ChatPoster}s, and deals
 * with a chat the bot may no longer post in: one WARN, the chat's subscriptions ended (nobody can
 * read them there, and retrying would fail the same way for ever), and the person who subscribed
 * told privately, where the platform lets the bot reach them.
 */
public final class SubscriberPosts {

    private static final Logger log = LoggerFactory.getLogger(SubscriberPosts.class);

    private final Map<Platform, ChatPoster> posters = new EnumMap<>(Platform.class);
    private final Subscriptions store;
    /** Chats found closed to the bot, so that posts already on their way log nothing more. */
    private final Set<String> lost = ConcurrentHashMap.newKeySet();

    public SubscriberPosts(List<ChatPoster> posters, Subscriptions store) {
        posters.forEach(p -> this.posters.put(p.platform(), p));
        this.store = store;
    }

    /** Whether some adapter posts to {@code platform}. */
    boolean reaches(Platform platform) {
        return posters.containsKey(platform);
    }

    /** Posts into the subscribed chat; a chat closed to the bot ends its subscriptions. */
    CompletionStage<ChatPoster.Outcome> toChat(Subscription s, Reply reply) {
        String key = s.platform() + ":" + s.chatId();
        // A private chat is its owner's: posted to them, which on Discord opens their DMs again
        // after a restart (a DM channel is not in JDA's cache by its id).
        return post(
                        s.platform(),
                        () -> s.groupChat()
                                ? posters.get(s.platform()).post(s.chatId(), reply)
                                : posters.get(s.platform()).postToUser(s.subscriber(), reply))
                .thenApply(outcome -> {
                    if (outcome == ChatPoster.Outcome.FORBIDDEN) {
                        closed(s, key);
                    } else if (outcome == ChatPoster.Outcome.POSTED) {
                        lost.remove(key); // subscribed again after the bot got its rights back
                    } else {
                        log.warn(
                                "A post to a {} chat failed; its later posts are tried as usual",
                                s.platform().name().toLowerCase(Locale.ROOT));
                    }
                    return outcome;
                });
    }

    /** Posts to the person who asked for a reminder; one who blocked the bot is logged, once. */
    CompletionStage<ChatPoster.Outcome> toPerson(PersonalReminder r, Reply reply) {
        return post(r.platform(), () -> posters.get(r.platform()).postToUser(r.userId(), reply))
                .thenApply(outcome -> {
                    if (outcome != ChatPoster.Outcome.POSTED) {
                        log.info(
                                "A reminder to a {} user was not delivered ({}); it is not tried again",
                                r.platform().name().toLowerCase(Locale.ROOT),
                                outcome);
                    }
                    return outcome;
                });
    }

    private CompletionStage<ChatPoster.Outcome> post(
            Platform platform, Supplier<CompletionStage<ChatPoster.Outcome>> send) {
        if (!posters.containsKey(platform)) {
            log.debug("No {} adapter runs here; not posting", platform);
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FAILED);
        }
        try {
            return send.get().exceptionally(e -> {
                log.warn("Posting to {} failed: {}", platform, e.toString());
                return ChatPoster.Outcome.FAILED;
            });
        } catch (RuntimeException e) {
            log.warn("Posting to {} failed: {}", platform, e.toString());
            return CompletableFuture.completedFuture(ChatPoster.Outcome.FAILED);
        }
    }

    private void closed(Subscription s, String key) {
        if (!lost.add(key)) {
            return;
        }
        String platform = s.platform().name().toLowerCase(Locale.ROOT);
        log.warn(
                "The bot may no longer post in {} chat {} (removed, or no right to send); ending its subscriptions",
                platform,
                s.chatId());
        try {
            store.unsubscribe(s.platform(), s.chatId(), Optional.empty());
        } catch (StateStoreException e) {
            log.warn("Could not end the subscriptions of {} chat {}: {}", platform, s.chatId(), e.getMessage());
        }
        if (s.groupChat()) {
            Reply notice = new Reply(
                    Reply.Kind.LISTING,
                    RemindTexts.lostRights(s.conference(), RemindTexts.language(s.language())),
                    List.of());
            post(s.platform(), () -> posters.get(s.platform()).postToUser(s.subscriber(), notice))
                    .thenAccept(outcome ->
                            log.debug("Told the subscriber of {} chat {}: {}", platform, s.chatId(), outcome));
        }
    }
}
