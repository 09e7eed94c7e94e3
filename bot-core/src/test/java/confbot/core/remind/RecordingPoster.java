package confbot.core.remind;

import confbot.core.chat.ChatPoster;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A poster that keeps what it was asked to post, and refuses the chats a test closed to the bot. */
final class RecordingPoster implements ChatPoster {

    /** One post: into a chat, or to a user privately. */
    record Post(String to, boolean privately, String text) {}

    private final Platform platform;
    private final List<Post> posts = new ArrayList<>();
    private final Set<String> closed = ConcurrentHashMap.newKeySet();

    RecordingPoster(Platform platform) {
        this.platform = platform;
    }

    void close(String chatId) {
        closed.add(chatId);
    }

    synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    synchronized List<String> textsTo(String chatId) {
        return posts.stream().filter(p -> p.to().equals(chatId)).map(Post::text).toList();
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public CompletionStage<Outcome> post(String chatId, Reply reply) {
        return record(new Post(chatId, false, reply.text()));
    }

    @Override
    public CompletionStage<Outcome> postToUser(String userId, Reply reply) {
        return record(new Post(userId, true, reply.text()));
    }

    private synchronized CompletionStage<Outcome> record(Post post) {
        if (closed.contains(post.to())) {
            return CompletableFuture.completedFuture(Outcome.FORBIDDEN);
        }
        posts.add(post);
        return CompletableFuture.completedFuture(Outcome.POSTED);
    }
}
