package confbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import confbot.core.chat.BotProfile;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Which messages are addressed to the bot, and what the core gets from them. */
final class UpdateMapperTest {

    private static final long BOT_ID = 777;
    private static final long USER_ID = 42;
    private static final long GROUP_ID = -1002;

    private final UpdateMapper mapper = new UpdateMapper(new BotIdentity(BOT_ID, "ItsBot"));

    @Test
    void passesPrivateMessageAsIs() {
        Optional<UpdateMapper.Addressed> mapped = mapper.map(privateMessage("What is KubeCon?"));

        assertThat(mapped).isPresent();
        assertThat(mapped.get().inbound())
                .isEqualTo(new Inbound(
                        "What is KubeCon?", Locale.ENGLISH, new Origin(Platform.TELEGRAM, "42", "42", false)));
        assertThat(mapped.get().chatId()).isEqualTo(USER_ID);
        assertThat(mapped.get().messageId()).isEqualTo(5);
        assertThat(mapped.get().topicId()).isEmpty();
    }

    @Test
    void turnsStartIntoHelp() {
        assertThat(text(mapper.map(privateMessage("/start")))).contains("/help");
        assertThat(text(mapper.map(privateMessage("/start deep-link-payload")))).contains("/help");
        assertThat(text(mapper.map(groupMessage("/start@ItsBot")))).contains("/help");
    }

    @Test
    void stripsOwnUsernameFromGroupCommand() {
        assertThat(text(mapper.map(groupMessage("/ask@ItsBot what is X")))).contains("/ask what is X");
        assertThat(text(mapper.map(groupMessage("/ask@itsbot what is X")))).contains("/ask what is X");
    }

    @Test
    void ignoresCommandAddressedToAnotherBot() {
        assertThat(mapper.map(groupMessage("/ask@OtherBot what is X"))).isEmpty();
        assertThat(mapper.map(privateMessage("/ask@OtherBot what is X"))).isEmpty();
    }

    @Test
    void answersOwnCommandsWithoutUsernameInGroupsButNotOthers() {
        assertThat(text(mapper.map(groupMessage("/schedule 2019 2")))).contains("/schedule 2019 2");
        assertThat(mapper.map(groupMessage("/weather Shanghai"))).isEmpty();
    }

    @Test
    void takesReloadInGroupsThoughItIsNotInTheMenu() {
        assertThat(text(mapper.map(groupMessage("/reload")))).contains("/reload");
        assertThat(BotCommands.menu(BotProfile.empty()))
                .extracting(BotCommands.Entry::command)
                .doesNotContain("reload");
    }

    @Test
    void stripsMentionOfTheBotWherePlaced() {
        Message leading = groupMessage("@ItsBot what is X", mention(0, 7));
        Message middle = groupMessage("hey @ItsBot  what is X", mention(4, 7));

        assertThat(text(mapper.map(leading))).contains("what is X");
        assertThat(text(mapper.map(middle))).contains("hey what is X");
    }

    @Test
    void recognisesTextMentionOfTheBotByUserId() {
        MessageEntity entity = entity("text_mention", 0, 8);
        User bot = user(BOT_ID, true, null);
        when(entity.getUser()).thenReturn(bot);

        assertThat(text(mapper.map(groupMessage("Conf Bot when is the keynote", entity))))
                .contains("when is the keynote");
    }

    @Test
    void treatsLeadingHandleWithoutEntitiesAsMention() {
        assertThat(text(mapper.map(groupMessage("@ItsBot what is X")))).contains("what is X");
        assertThat(mapper.map(groupMessage("@ItsBotFan what is X"))).isEmpty();
    }

    @Test
    void asksForHelpWhenMentionedWithNothingElse() {
        assertThat(text(mapper.map(groupMessage("@ItsBot", mention(0, 7))))).contains("/help");
    }

    @Test
    void ignoresMentionOfSomeoneElse() {
        assertThat(mapper.map(groupMessage("thanks @Alice", mention(7, 6)))).isEmpty();
    }

    @Test
    void answersReplyToOwnMessage() {
        Message message = groupMessage("and in 2018?");
        Message replied = mock(Message.class);
        User bot = user(BOT_ID, true, null);
        when(replied.getFrom()).thenReturn(bot);
        when(message.getReplyToMessage()).thenReturn(replied);

        assertThat(text(mapper.map(message))).contains("and in 2018?");
    }

    @Test
    void ignoresReplyToSomeoneElse() {
        Message message = groupMessage("agreed");
        Message replied = mock(Message.class);
        User other = user(99, false, "en");
        when(replied.getFrom()).thenReturn(other);
        when(message.getReplyToMessage()).thenReturn(replied);

        assertThat(mapper.map(message)).isEmpty();
    }

    @Test
    void staysSilentOnGroupChatter() {
        assertThat(mapper.map(groupMessage("anyone going to KubeCon?"))).isEmpty();
    }

    @Test
    void ignoresMessagesWithoutText() {
        assertThat(mapper.map(privateMessage(null))).isEmpty();
        assertThat(mapper.map(privateMessage("  \n "))).isEmpty();
    }

    @Test
    void ignoresOtherBotsAndChannels() {
        Message fromBot = privateMessage("hello");
        User otherBot = user(88, true, null);
        when(fromBot.getFrom()).thenReturn(otherBot);
        Message channelPost = message("channel", -100, "news");

        assertThat(mapper.map(fromBot)).isEmpty();
        assertThat(mapper.map(channelPost)).isEmpty();
    }

    @Test
    void marksGroupOriginAndKeepsForumTopic() {
        Message message = groupMessage("/ask@ItsBot X");
        when(message.isTopicMessage()).thenReturn(true);
        when(message.getMessageThreadId()).thenReturn(17);

        UpdateMapper.Addressed mapped = mapper.map(message).orElseThrow();

        assertThat(mapped.inbound().origin()).isEqualTo(new Origin(Platform.TELEGRAM, "-1002", "42", true));
        assertThat(mapped.topicId()).contains(17);
    }

    @Test
    void takesLocaleFromLanguageCodeOrRootWhenUnknown() {
        Message chinese = privateMessage("你好");
        User zh = user(USER_ID, false, "zh-hans");
        when(chinese.getFrom()).thenReturn(zh);
        Message unknown = privateMessage("hi");
        User none = user(USER_ID, false, null);
        when(unknown.getFrom()).thenReturn(none);

        assertThat(mapper.map(chinese).orElseThrow().inbound().locale().getLanguage())
                .isEqualTo("zh");
        assertThat(mapper.map(unknown).orElseThrow().inbound().locale()).isEqualTo(Locale.ROOT);
    }

    @Test
    void capsOverlongTextAtTelegramsLimit() {
        String huge = "x".repeat(64 * 1024);

        assertThat(mapper.map(privateMessage(huge)).orElseThrow().inbound().text())
                .hasSize(UpdateMapper.MAX_TEXT_LENGTH);
    }

    @Test
    void mapsInlineQueryToQuestionFromItsSender() {
        InlineQuery query = mock(InlineQuery.class);
        User sender = user(USER_ID, false, "en");
        when(query.getFrom()).thenReturn(sender);
        when(query.getQuery()).thenReturn("  who gave the keynote? ");
        when(query.getChatType()).thenReturn("sender");

        assertThat(mapper.mapInline(query))
                .contains(new Inbound(
                        "who gave the keynote?",
                        Locale.ENGLISH,
                        new Origin(Platform.TELEGRAM, "inline:42", "42", false)));
    }

    @Test
    void ignoresBlankInlineQuery() {
        InlineQuery query = mock(InlineQuery.class);
        User sender = user(USER_ID, false, "en");
        when(query.getFrom()).thenReturn(sender);
        when(query.getQuery()).thenReturn("");

        assertThat(mapper.mapInline(query)).isEmpty();
    }

    private static Optional<String> text(Optional<UpdateMapper.Addressed> mapped) {
        return mapped.map(a -> a.inbound().text());
    }

    private static Message privateMessage(String text) {
        return message("private", USER_ID, text);
    }

    private static Message groupMessage(String text, MessageEntity... entities) {
        Message message = message("supergroup", GROUP_ID, text);
        when(message.getEntities()).thenReturn(entities.length == 0 ? null : new ArrayList<>(List.of(entities)));
        return message;
    }

    private static Message message(String chatType, long chatId, String text) {
        Chat chat = mock(Chat.class);
        when(chat.getType()).thenReturn(chatType);
        when(chat.getId()).thenReturn(chatId);
        User from = user(USER_ID, false, "en");
        Message message = mock(Message.class);
        when(message.getChat()).thenReturn(chat);
        when(message.getFrom()).thenReturn(from);
        when(message.getText()).thenReturn(text);
        when(message.getMessageId()).thenReturn(5);
        return message;
    }

    private static User user(long id, boolean bot, String languageCode) {
        User user = mock(User.class);
        when(user.getId()).thenReturn(id);
        when(user.getIsBot()).thenReturn(bot);
        when(user.getLanguageCode()).thenReturn(languageCode);
        return user;
    }

    private static MessageEntity mention(int offset, int length) {
        return entity("mention", offset, length);
    }

    private static MessageEntity entity(String type, int offset, int length) {
        MessageEntity entity = mock(MessageEntity.class);
        when(entity.getType()).thenReturn(type);
        when(entity.getOffset()).thenReturn(offset);
        when(entity.getLength()).thenReturn(length);
        return entity;
    }
}
