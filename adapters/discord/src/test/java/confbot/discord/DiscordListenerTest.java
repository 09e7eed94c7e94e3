package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import confbot.core.chat.TopicSuggester;
import confbot.core.testing.LogCapture;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.SelfMember;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.unions.GuildMessageChannelUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * The event handlers against JDA's interfaces, mocked. Answers run on a direct executor, so each
 * test sees the whole exchange synchronously.
 */
final class DiscordListenerTest {

    private static final long SELF_ID = 100;
    private static final Reply ANSWER = new Reply(
            Reply.Kind.ANSWER,
            "CRDs extend the Kubernetes API.",
            List.of(new Source("KubeCon China 2018: CRD deep dive", URI.create("https://example.org/crd"))));

    private final LogCapture logs = LogCapture.of(DiscordListener.class);

    private final InteractionHook hook = mock(InteractionHook.class);
    private final AtomicLong interactionIds = new AtomicLong(1000);

    @SuppressWarnings("unchecked") // Mockito cannot mock a generic type with its parameter
    private final WebhookMessageEditAction<Message> edit = mock(WebhookMessageEditAction.class, RETURNS_SELF);

    @SuppressWarnings("unchecked")
    private final WebhookMessageCreateAction<Message> followUp = mock(WebhookMessageCreateAction.class, RETURNS_SELF);

    @SuppressWarnings("unchecked")
    private final RestAction<Void> delete = mock(RestAction.class);

    private final ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);

    @BeforeEach
    void stubHook() {
        when(hook.editOriginal(any(MessageEditData.class))).thenReturn(edit);
        when(hook.editOriginal(anyString())).thenReturn(edit);
        when(hook.sendMessage(any(MessageCreateData.class))).thenReturn(followUp);
        when(hook.sendMessage(anyString())).thenReturn(followUp);
        when(hook.deleteOriginal()).thenReturn(delete);
        when(edit.submit()).thenReturn(CompletableFuture.completedFuture(null));
        when(followUp.submit()).thenReturn(CompletableFuture.completedFuture(null));
        when(delete.submit()).thenReturn(CompletableFuture.completedFuture(null));
    }

    @AfterEach
    void detachLogs() {
        logs.close();
    }

    // ---- slash commands --------------------------------------------------------------------------

    @Test
    void defersThenAnswersAskWithEmbed() {
        FakeChatBot bot = FakeChatBot.answering(ANSWER);
        SlashCommandInteractionEvent event = slash("ask", Map.of("question", "What is a CRD?"));

        listener(bot, false).onSlashCommandInteraction(event);

        InOrder order = inOrder(event, defer, hook, edit);
        order.verify(event).deferReply(false);
        order.verify(defer).queue(any(), any());
        ArgumentCaptor<MessageEditData> answer = ArgumentCaptor.forClass(MessageEditData.class);
        order.verify(hook).editOriginal(answer.capture());
        order.verify(edit).submit();
        MessageEmbed embed = answer.getValue().getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo("What is a CRD?");
        assertThat(embed.getDescription()).isEqualTo("CRDs extend the Kubernetes API.");
        assertThat(embed.getFields().get(0).getValue())
                .isEqualTo("• [KubeCon China 2018: CRD deep dive](https://example.org/crd)");
        assertThat(embed.getFooter().getText()).endsWith("China 2018");
        assertThat(answer.getValue().getAllowedMentions()).isEmpty();
        assertThat(bot.received())
                .containsExactly(
                        new Inbound("/ask What is a CRD?", Locale.US, new Origin(Platform.DISCORD, "300", "42", true)));
        verify(hook, never()).sendMessage(any(MessageCreateData.class));
    }

    @Test
    void rendersEachCommandsOptionsAsCommandText() {
        record Case(String command, Map<String, String> options, String text) {}
        List<Case> cases = List.of(
                new Case("schedule", Map.of("conference", "2019", "day", "2"), "/schedule 2019 2"),
                new Case("schedule", Map.of("day", "3"), "/schedule 3"),
                new Case("schedule", Map.of(), "/schedule"),
                new Case("slides", Map.of("topic", "crd"), "/slides crd"),
                new Case("ask", Map.of("question", "  what\n is   a CRD? "), "/ask what is a CRD?"),
                new Case("help", Map.of(), "/help"),
                new Case("about", Map.of(), "/about"));
        for (Case c : cases) {
            FakeChatBot bot = FakeChatBot.answering(ANSWER);
            listener(bot, false).onSlashCommandInteraction(slash(c.command(), c.options()));
            assertThat(bot.received())
                    .extracting(Inbound::text)
                    .as(c.toString())
                    .containsExactly(c.text());
        }
    }

    @Test
    void passesChineseClientLocaleAndAnswersInChinese() {
        FakeChatBot bot = new FakeChatBot(inbound -> {
            throw new IllegalStateException("boom");
        });
        SlashCommandInteractionEvent event = slash("ask", Map.of("question", "什么是 CRD?"));
        when(event.getUserLocale()).thenReturn(DiscordLocale.CHINESE_CHINA);

        listener(bot, false).onSlashCommandInteraction(event);

        assertThat(bot.received()).extracting(Inbound::locale).containsExactly(Locale.SIMPLIFIED_CHINESE);
        verify(hook).sendMessage(Texts.CHINESE.failed());
    }

    @Test
    void helpAndAboutAreDeferredEphemerally() {
        for (String command : List.of("help", "about")) {
            SlashCommandInteractionEvent event = slash(command, Map.of());
            listener(FakeChatBot.answering(new Reply(Reply.Kind.LISTING, "Try /ask.", List.of())), false)
                    .onSlashCommandInteraction(event);
            verify(event).deferReply(true);
        }
    }

    @Test
    void reloadIsDeferredEphemerallyAndSentToTheCoreAsText() {
        FakeChatBot bot = FakeChatBot.answering(new Reply(Reply.Kind.LISTING, "Reloaded.", List.of()));
        SlashCommandInteractionEvent event = slash("reload", Map.of());

        listener(bot, false).onSlashCommandInteraction(event);

        verify(event).deferReply(true);
        assertThat(bot.received()).extracting(Inbound::text).containsExactly("/reload");
        verify(hook).editOriginal(any(MessageEditData.class));
    }

    @Test
    void silentReplyDeletesTheDeferralAndSendsNothing() {
        SlashCommandInteractionEvent event = slash("ask", Map.of("question", "What is a CRD?"));

        listener(FakeChatBot.answering(Reply.silent()), false).onSlashCommandInteraction(event);

        verify(delete).submit();
        verify(hook, never()).editOriginal(any(MessageEditData.class));
        verify(hook, never()).sendMessage(any(MessageCreateData.class));
        verify(hook, never()).sendMessage(anyString());
    }

    @Test
    void usageReplyReplacesThePublicDeferralWithAnEphemeralOne() {
        Reply usage = new Reply(Reply.Kind.USAGE, "Usage: /schedule [2018|2019] [day]", List.of());
        SlashCommandInteractionEvent event = slash("schedule", Map.of("day", "9"));

        listener(FakeChatBot.answering(usage), false).onSlashCommandInteraction(event);

        InOrder order = inOrder(event, delete, hook, followUp);
        order.verify(event).deferReply(false);
        order.verify(delete).submit();
        ArgumentCaptor<MessageCreateData> message = ArgumentCaptor.forClass(MessageCreateData.class);
        order.verify(hook).sendMessage(message.capture());
        order.verify(followUp).setEphemeral(true);
        order.verify(followUp).submit();
        assertThat(message.getValue().getEmbeds().get(0).getDescription())
                .isEqualTo("Usage: /schedule \\[2018|2019\\] \\[day\\]");
        verify(hook, never()).editOriginal(any(MessageEditData.class));
    }

    @Test
    void failingAnswerGetsAnEphemeralErrorAndTheNextInteractionIsStillAnswered() {
        FakeChatBot bot = new FakeChatBot(inbound -> {
            if (inbound.text().contains("boom")) {
                throw new IllegalStateException("index missing");
            }
            return ANSWER;
        });
        DiscordListener listener = listener(bot, false);

        listener.onSlashCommandInteraction(slash("ask", Map.of("question", "boom")));
        listener.onSlashCommandInteraction(slash("ask", Map.of("question", "What is a CRD?")));

        verify(delete).submit();
        verify(hook).sendMessage(Texts.ENGLISH.failed());
        verify(followUp).setEphemeral(true);
        verify(hook, times(1)).editOriginal(any(MessageEditData.class));
        assertThat(logs.events())
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Answering '/ask boom' failed");
    }

    @Test
    void splitsALongAnswerIntoTheOriginalAndFollowUps() {
        String paragraph = "KubeCon China notes paragraph. ".repeat(100).strip(); // ~3100 chars
        String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph);
        SlashCommandInteractionEvent event = slash("ask", Map.of("question", "everything?"));

        listener(FakeChatBot.answering(new Reply(Reply.Kind.ANSWER, text, ANSWER.sources())), false)
                .onSlashCommandInteraction(event);

        ArgumentCaptor<MessageEditData> first = ArgumentCaptor.forClass(MessageEditData.class);
        verify(hook).editOriginal(first.capture());
        ArgumentCaptor<MessageCreateData> rest = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(hook, times(3)).sendMessage(rest.capture());
        verify(followUp, times(3)).setEphemeral(false);
        List<List<MessageEmbed>> messages = new ArrayList<>();
        messages.add(first.getValue().getEmbeds());
        rest.getAllValues().forEach(m -> messages.add(m.getEmbeds()));
        assertThat(messages).allSatisfy(embeds -> assertThat(
                        embeds.stream().mapToInt(MessageEmbed::getLength).sum())
                .isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT));
        assertThat(messages.get(3).get(0).getFields()).isNotEmpty();
    }

    @Test
    void unknownCommandGetsAnEphemeralReplyWithoutAskingTheCore() {
        FakeChatBot bot = FakeChatBot.answering(ANSWER);
        SlashCommandInteractionEvent event = slash("ban", Map.of());
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class, RETURNS_SELF);
        when(event.reply(anyString())).thenReturn(reply);

        listener(bot, false).onSlashCommandInteraction(event);

        verify(reply).setEphemeral(true);
        verify(event, never()).deferReply(anyBoolean());
        assertThat(bot.received()).isEmpty();
    }

    // ---- autocomplete ----------------------------------------------------------------------------

    @Test
    void autocompleteOffersAtMost25DistinctChoicesWithinDiscordsLengths() {
        String longTitle = "A very long talk title about operators ".repeat(5);
        List<String> suggestions = new ArrayList<>();
        suggestions.add(longTitle);
        suggestions.add("CRD best practices");
        suggestions.add("CRD best practices");
        IntStream.range(0, 30).forEach(i -> suggestions.add("Talk " + i));
        List<Object> asked = new ArrayList<>();
        TopicSuggester topics = (prefix, limit) -> {
            asked.add(prefix);
            asked.add(limit);
            return suggestions;
        };
        CommandAutoCompleteInteractionEvent event = autocomplete("slides", "topic", "cr");

        listener(FakeChatBot.answering(ANSWER), false, topics).onCommandAutoCompleteInteraction(event);

        assertThat(asked).containsExactly("cr", 25);
        List<Command.Choice> choices = repliedChoices(event);
        assertThat(choices).hasSize(25);
        assertThat(choices).allSatisfy(c -> {
            assertThat(c.getName()).hasSizeLessThanOrEqualTo(100);
            assertThat(c.getAsString()).hasSizeLessThanOrEqualTo(100);
        });
        assertThat(choices.get(0).getName()).endsWith("…");
        assertThat(choices).extracting(Command.Choice::getAsString).doesNotHaveDuplicates();
    }

    @Test
    void autocompleteAnswersNoChoicesWhenTheSuggesterFails() {
        TopicSuggester broken = (prefix, limit) -> {
            throw new IllegalStateException("catalog not loaded");
        };
        CommandAutoCompleteInteractionEvent event = autocomplete("slides", "topic", "x");

        listener(FakeChatBot.answering(ANSWER), false, broken).onCommandAutoCompleteInteraction(event);

        assertThat(repliedChoices(event)).isEmpty();
    }

    // ---- mentions --------------------------------------------------------------------------------

    @Test
    void answersAMentionAsAReplyWhenMessageContentIsOn() {
        FakeChatBot bot = FakeChatBot.answering(ANSWER);
        Mention mention = new Mention("<@100> what is a  CRD? <@!100>", false, 42);

        listener(bot, true).onMessageReceived(mention.event);

        assertThat(bot.received())
                .containsExactly(
                        new Inbound("what is a CRD?", Locale.ROOT, new Origin(Platform.DISCORD, "300", "42", true)));
        ArgumentCaptor<MessageCreateData> reply = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(mention.message).reply(reply.capture());
        verify(mention.replyAction).submit();
        assertThat(reply.getValue().getEmbeds()).hasSize(1);
        assertThat(reply.getValue().getAllowedMentions()).isEmpty();
    }

    @Test
    void silentReplyToAMentionSendsNothing() {
        FakeChatBot bot = FakeChatBot.answering(Reply.silent());
        Mention mention = new Mention("<@100> what is a CRD?", false, 42);

        listener(bot, true).onMessageReceived(mention.event);

        assertThat(bot.received()).hasSize(1);
        verify(mention.message, never()).reply(any(MessageCreateData.class));
    }

    @Test
    void aBareMentionAsksForHelp() {
        FakeChatBot bot = FakeChatBot.answering(ANSWER);

        listener(bot, true).onMessageReceived(new Mention("<@100>", false, 42).event);

        assertThat(bot.received()).extracting(Inbound::text).containsExactly("/help");
    }

    @Test
    void ignoresMentionsWhenMessageContentIsOff() {
        FakeChatBot bot = FakeChatBot.answering(ANSWER);
        Mention mention = new Mention("<@100> what is a CRD?", false, 42);

        listener(bot, false).onMessageReceived(mention.event);

        assertThat(bot.received()).isEmpty();
        verifyNoInteractions(mention.message);
    }

    @Test
    void ignoresOtherBotsAndItself() {
        FakeChatBot bot = FakeChatBot.answering(ANSWER);
        DiscordListener listener = listener(bot, true);

        listener.onMessageReceived(new Mention("<@100> hello", true, 7).event);
        listener.onMessageReceived(new Mention("<@100> hello", false, SELF_ID).event);

        assertThat(bot.received()).isEmpty();
    }

    @Test
    void ignoresMessagesThatDoNotMentionTheBotByName() {
        FakeChatBot bot = FakeChatBot.answering(ANSWER);
        DiscordListener listener = listener(bot, true);

        for (String content : List.of("what is a CRD?", "@everyone what is a CRD?", "<@999> hi", "<@&100> hi")) {
            listener.onMessageReceived(new Mention(content, false, 42).event);
        }

        assertThat(bot.received()).isEmpty();
    }

    @Test
    void fallsBackToPlainTextWithoutTheEmbedLinksPermission() {
        Mention mention = new Mention("<@100> what is a CRD?", false, 42);
        when(mention.selfMember.hasPermission(mention.guildChannel, Permission.MESSAGE_EMBED_LINKS))
                .thenReturn(false);

        listener(FakeChatBot.answering(ANSWER), true).onMessageReceived(mention.event);

        ArgumentCaptor<MessageCreateData> reply = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(mention.message).reply(reply.capture());
        assertThat(reply.getValue().getEmbeds()).isEmpty();
        assertThat(reply.getValue().getContent())
                .startsWith("CRDs extend the Kubernetes API.")
                .contains("<https://example.org/crd>")
                .hasSizeLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH);
    }

    // ---- registration ----------------------------------------------------------------------------

    @Test
    void registersAllCommandsGloballyFromShardZero() {
        JDA jda = mock(JDA.class);
        CommandListUpdateAction update = mock(CommandListUpdateAction.class, RETURNS_SELF);
        when(jda.updateCommands()).thenReturn(update);
        when(jda.getShardInfo()).thenReturn(new JDA.ShardInfo(0, 2));
        ReadyEvent ready = mock(ReadyEvent.class);
        when(ready.getJDA()).thenReturn(jda);

        listener(FakeChatBot.answering(ANSWER), false).onReady(ready);

        verify(update).addCommands(registered());
        verify(update).queue(any(), any());

        JDA otherShard = mock(JDA.class);
        when(otherShard.getShardInfo()).thenReturn(new JDA.ShardInfo(1, 2));
        when(ready.getJDA()).thenReturn(otherShard);
        listener(FakeChatBot.answering(ANSWER), false).onReady(ready);
        verify(otherShard, never()).updateCommands();
    }

    @Test
    void registersInTheConfiguredServerOnlyWhenAGuildIsSet() {
        DiscordListener listener = new DiscordListener(
                FakeChatBot.answering(ANSWER),
                (p, l) -> List.of(),
                Runnable::run,
                new DiscordRenderer(),
                false,
                OptionalLong.of(555),
                delivery(),
                NO_VOTES);
        CommandListUpdateAction update = mock(CommandListUpdateAction.class, RETURNS_SELF);
        Guild ours = mock(Guild.class);
        when(ours.getIdLong()).thenReturn(555L);
        when(ours.updateCommands()).thenReturn(update);
        Guild other = mock(Guild.class);
        when(other.getIdLong()).thenReturn(666L);
        JDA jda = mock(JDA.class);
        ReadyEvent ready = mock(ReadyEvent.class);
        when(ready.getJDA()).thenReturn(jda);

        listener.onReady(ready);
        listener.onGuildReady(guildReady(other));
        listener.onGuildReady(guildReady(ours));

        verify(jda, never()).updateCommands();
        verify(other, never()).updateCommands();
        verify(update).addCommands(registered());
        verify(update).queue(any(), any());
    }

    @Test
    void inviteUrlAsksForTheBotAndCommandScopesAndTheFivePermissions() {
        assertThat(DiscordAdapter.inviteUrl("100"))
                .isEqualTo("https://discord.com/oauth2/authorize?client_id=100"
                        + "&scope=bot+applications.commands&permissions=274877991936");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static final confbot.core.chat.AnswerVotes NO_VOTES = vote -> {
        throw new AssertionError("no votes in these tests");
    };

    private static Collection<CommandData> registered() {
        return org.mockito.ArgumentMatchers.argThat(commands -> commands.stream()
                .map(CommandData::getName)
                .toList()
                .equals(List.of(
                        "ask",
                        "schedule",
                        "slides",
                        "help",
                        "about",
                        "reload",
                        "feedback",
                        "now",
                        "next",
                        "changes",
                        "subscribe",
                        "unsubscribe",
                        "remind")));
    }

    private static GuildReadyEvent guildReady(Guild guild) {
        GuildReadyEvent event = mock(GuildReadyEvent.class);
        when(event.getGuild()).thenReturn(guild);
        return event;
    }

    private DiscordListener listener(FakeChatBot bot, boolean mentions) {
        return listener(bot, mentions, (prefix, limit) -> List.of());
    }

    private DiscordListener listener(FakeChatBot bot, boolean mentions, TopicSuggester topics) {
        return new DiscordListener(
                bot,
                topics,
                Runnable::run,
                new DiscordRenderer(),
                mentions,
                OptionalLong.empty(),
                delivery(),
                NO_VOTES);
    }

    /** Sends at once (the mocked actions succeed); never waits, so the retry scheduler stays idle. */
    private static Delivery delivery() {
        return new Delivery(
                Executors.newSingleThreadScheduledExecutor(), Delivery.RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    private SlashCommandInteractionEvent slash(String name, Map<String, String> options) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        long id = interactionIds.incrementAndGet();
        when(event.getIdLong()).thenReturn(id);
        when(event.getId()).thenReturn(Long.toString(id));
        when(event.getName()).thenReturn(name);
        options.forEach((option, value) -> {
            OptionMapping mapping = mock(OptionMapping.class);
            when(mapping.getAsString()).thenReturn(value);
            when(event.getOption(option)).thenReturn(mapping);
        });
        User user = mock(User.class);
        when(user.getId()).thenReturn("42");
        when(event.getUser()).thenReturn(user);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.getChannelIdLong()).thenReturn(300L);
        when(event.isFromGuild()).thenReturn(true);
        when(event.getHook()).thenReturn(hook);
        when(event.deferReply(anyBoolean())).thenReturn(defer);
        return event;
    }

    private static CommandAutoCompleteInteractionEvent autocomplete(String command, String option, String value) {
        CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
        when(event.getName()).thenReturn(command);
        AutoCompleteQuery focused = mock(AutoCompleteQuery.class);
        when(focused.getName()).thenReturn(option);
        when(focused.getValue()).thenReturn(value);
        when(event.getFocusedOption()).thenReturn(focused);
        when(event.replyChoices(anyCollection())).thenReturn(mock(AutoCompleteCallbackAction.class));
        return event;
    }

    @SuppressWarnings("unchecked") // the captor of a generic collection
    private static List<Command.Choice> repliedChoices(CommandAutoCompleteInteractionEvent event) {
        ArgumentCaptor<Collection<Command.Choice>> choices = ArgumentCaptor.forClass(Collection.class);
        verify(event).replyChoices(choices.capture());
        return List.copyOf(choices.getValue());
    }

    /** A guild message and everything JDA hangs off it. */
    private static final class Mention {
        final MessageReceivedEvent event = mock(MessageReceivedEvent.class);
        final Message message = mock(Message.class);
        final MessageCreateAction replyAction = mock(MessageCreateAction.class, RETURNS_SELF);
        final SelfMember selfMember = mock(SelfMember.class);
        final GuildMessageChannelUnion guildChannel = mock(GuildMessageChannelUnion.class);

        Mention(String content, boolean fromBot, long authorId) {
            JDA jda = mock(JDA.class);
            SelfUser self = mock(SelfUser.class);
            when(self.getIdLong()).thenReturn(SELF_ID);
            when(jda.getSelfUser()).thenReturn(self);
            User author = mock(User.class);
            when(author.isBot()).thenReturn(fromBot);
            when(author.getIdLong()).thenReturn(authorId);
            when(author.getId()).thenReturn(Long.toString(authorId));
            Guild guild = mock(Guild.class);
            when(guild.getLocale()).thenReturn(DiscordLocale.ENGLISH_US);
            when(guild.getSelfMember()).thenReturn(selfMember);
            when(selfMember.hasPermission(guildChannel, Permission.MESSAGE_EMBED_LINKS))
                    .thenReturn(true);
            MessageChannelUnion channel = mock(MessageChannelUnion.class);
            when(channel.getId()).thenReturn("300");
            when(message.getContentRaw()).thenReturn(content);
            when(message.reply(any(MessageCreateData.class))).thenReturn(replyAction);
            when(replyAction.submit()).thenReturn(CompletableFuture.completedFuture(null));
            when(event.getJDA()).thenReturn(jda);
            when(event.isFromGuild()).thenReturn(true);
            when(event.getMessageIdLong())
                    .thenReturn(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
            when(event.getAuthor()).thenReturn(author);
            when(event.getMessage()).thenReturn(message);
            when(event.getGuild()).thenReturn(guild);
            when(event.getGuildChannel()).thenReturn(guildChannel);
            when(event.getChannel()).thenReturn(channel);
        }
    }
}
