package confbot.core.chat;

/** Where a message came from. */
public enum Platform {
    CONSOLE,
    TELEGRAM,
    DISCORD
}
