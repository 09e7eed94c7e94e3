package confbot.telegram;

/**
 * Whether a member may manage a group: asked of Telegram (getChatMember) only for the commands
 * that need it, {@code /subscribe} and {@code /unsubscribe} in a group.
 */
@FunctionalInterface
interface ChatRights {

    /** Whether {@code userId} is the creator or an administrator of {@code chatId}; false when unknown. */
    boolean mayManage(long chatId, long userId);

    /** Nobody manages anything: for tests that never subscribe. */
    static ChatRights none() {
        return (chatId, userId) -> false;
    }
}
