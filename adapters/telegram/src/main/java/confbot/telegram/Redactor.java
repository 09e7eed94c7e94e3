package confbot.telegram;

/**
 * Keeps the bot token out of logs. The token is part of every Bot API URL, so any exception text
 * that quotes a URL would leak it; the adapter logs exceptions only through {@link #describe}.
 */
final class Redactor {

    private static final String MASK = "<token>";

    private final String token;

    Redactor(String token) {
        this.token = token;
    }

    String redact(String text) {
        return text == null ? "" : text.replace(token, MASK);
    }

    /**
     * The exception and its causes as one line, token masked. Deliberately no stack trace: a trace
     * prints every cause's message unfiltered.
     */
    String describe(Throwable error) {
        StringBuilder line = new StringBuilder();
        Throwable current = error;
        for (int depth = 0; current != null && depth < 5; depth++, current = current.getCause()) {
            if (depth > 0) {
                line.append("; caused by ");
            }
            line.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                line.append(": ").append(current.getMessage());
            }
        }
        return redact(line.toString());
    }
}
