package confbot.core.state;

/**
 * The state store could not be opened, migrated or reached. The message is meant for an operator
 * and names the setting to check; it never carries a password.
 */
public final class StateStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateStoreException(String message) {
        super(message);
    }

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
