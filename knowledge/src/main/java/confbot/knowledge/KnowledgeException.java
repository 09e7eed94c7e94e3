package confbot.knowledge;

/** A knowledge file that cannot be used; the message names the file and the bad field or line. */
public final class KnowledgeException extends RuntimeException {
    public KnowledgeException(String message) {
        super(message);
    }

    public KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
