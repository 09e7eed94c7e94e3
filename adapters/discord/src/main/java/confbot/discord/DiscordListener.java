package confbot.discord;

import confbot.core.chat.AnswerVotes;
import confbot.core.chat.ChatBot;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.chat.TopicSuggester;
import confbot.core.chat.Vote;
import confbot.core.chat.VoteButton;
import confbot.core.chat.VoteReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the bot does on Discord, as JDA events: registers the slash commands once connected,
 * answers slash commands and {@code @confbot} mentions, and fills in {@code /slides topic:}
 * suggestions.
 *
 * <p>An interaction is acknowledged at once ({@code deferReply}) on JDA's event thread, so
 * Discord's 3-second deadline is met however long the core takes; the answer is then computed on
 * the adapter's own executor and completed through the interaction hook by {@link Delivery}, which
 * sends the messages of a split answer in order and retries Discord's server errors. Usage replies
 * and failures are ephemeral: a public deferral is deleted and replaced by an ephemeral follow-up.
 * Each task catches its own failures, so one bad interaction never stops the others. An interaction
 * delivered twice (a resumed gateway session replays what it thinks was missed) is answered once.
 */
final class DiscordListener extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);

    /**
     * Interactions and mentions remembered to drop a redelivery: far more than arrive within the minutes a
     * replay can span, and a few hundred kilobytes at most.
     */
    private static final int RECENT_INTERACTIONS = 10_000;

    private final ChatBot bot;
    private final TopicSuggester topics;
    private final Executor answering;
    private final DiscordRenderer renderer;
    private final boolean answerMentions;
    private final OptionalLong guildId;
    private final Delivery delivery;
    private final AnswerVotes votes;
    private final RecentIds seen = new RecentIds(RECENT_INTERACTIONS);

    DiscordListener(
            ChatBot bot,
            TopicSuggester topics,
            Executor answering,
            DiscordRenderer renderer,
            boolean answerMentions,
            OptionalLong guildId,
            Delivery delivery,
            AnswerVotes votes) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.answering = Objects.requireNonNull(answering, "answering");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.answerMentions = answerMentions;
        this.guildId = Objects.requireNonNull(guildId, "guildId");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.votes = Objects.requireNonNull(votes, "votes");
    }

    // ---- command registration ------------------------------------------------------------------

    /** Global commands, once per bot: from shard 0 (the process that runs it). */
    @Override
    public void onReady(ReadyEvent event) {
        if (guildId.isEmpty() && event.getJDA().getShardInfo().getShardId() == 0) {
            register(event.getJDA().updateCommands(), "globally");
        }
    }

    /** Guild commands appear at once, unlike global ones: for trying the bot out in one server. */
    @Override
    public void onGuildReady(GuildReadyEvent event) {
        if (guildId.isPresent() && event.getGuild().getIdLong() == guildId.getAsLong()) {
            register(event.getGuild().updateCommands(), "in server " + guildId.getAsLong());
        }
    }

    /**
     * The commands again, after a reload changed the conferences they offer: globally from shard 0,
     * or in the one test server.
     */
    void registerAgain(JDA jda) {
        if (guildId.isPresent()) {
            Guild guild = jda.getGuildById(guildId.getAsLong());
            if (guild != null) {
                register(guild.updateCommands(), "in server " + guildId.getAsLong());
            }
        } else if (jda.getShardInfo().getShardId() == 0) {
            register(jda.updateCommands(), "globally");
        }
    }

    /** A bulk overwrite: the same list while the conferences stay, so restarts change nothing. */
    private void register(CommandListUpdateAction update, String where) {
        update.addCommands(SlashCommands.definitions(bot.profile()))
                .queue(
                        commands -> log.info("Registered the slash commands {}", where),
                        failure -> log.error("Could not register the slash commands {}", where, failure));
    }

    // ---- slash commands --------------------------------------------------------------------------

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        String interaction = "interaction " + event.getId() + " (/" + event.getName() + ")";
        if (!seen.firstTime(event.getIdLong())) {
            // Discord redelivered an event already answered (a resumed session can replay one).
            log.info("Ignoring {}, delivered again", interaction);
            return;
        }
        Texts texts = Texts.of(event.getUserLocale().toLocale());
        if (!SlashCommands.isKnown(event.getName())) {
            log.warn("Got unknown slash command /{}; are old commands still registered?", event.getName());
            event.reply(texts.failed()).setEphemeral(true).queue();
            return;
        }
        // /help and /about are for the asker alone; answers are for everyone in the channel;
        // /reload's outcome and /feedback's report concern the admin who asked, not the channel.
        boolean ephemeral = event.getName().equals(SlashCommands.HELP)
                || event.getName().equals(SlashCommands.ABOUT)
                || event.getName().equals(SlashCommands.RELOAD)
                || event.getName().equals(SlashCommands.FEEDBACK)
                || event.getName().equals(SlashCommands.REMIND);
        event.deferReply(ephemeral)
                .queue(null, failure -> log.warn("Could not acknowledge /{}", event.getName(), failure));

        InteractionHook hook = event.getHook();
        Inbound inbound = new Inbound(
                SlashCommands.render(event.getName(), event::getOption),
                event.getUserLocale().toLocale(),
                new Origin(
                        Platform.DISCORD,
                        Long.toUnsignedString(event.getChannelIdLong()),
                        event.getUser().getId(),
                        event.isFromGuild(),
                        mayManageChannel(event)));
        Optional<String> title = event.getName().equals(SlashCommands.ASK)
                ? Optional.ofNullable(event.getOption("question")).map(OptionMapping::getAsString)
                : Optional.empty();
        try {
            answering.execute(() -> answerInteraction(hook, interaction, inbound, title, texts, ephemeral));
        } catch (RejectedExecutionException e) { // shutting down
            hook.editOriginal(texts.failed()).queue(null, failure -> log.debug("Not delivered", failure));
        }
    }

    /**
     * Whether the member may manage the channel (Manage Channel), for /subscribe and /unsubscribe:
     * Discord sends the member's permissions in the channel with each interaction.
     */
    private static boolean mayManageChannel(SlashCommandInteractionEvent event) {
        if (!event.isFromGuild()
                || !(event.getName().equals(SlashCommands.SUBSCRIBE)
                        || event.getName().equals(SlashCommands.UNSUBSCRIBE))) {
            return false;
        }
        try {
            return event.getMember() != null
                    && event.getMember().hasPermission(event.getGuildChannel(), Permission.MANAGE_CHANNEL);
        } catch (RuntimeException e) {
            log.debug("Could not tell the member's permissions in the channel: {}", e.toString());
            return false;
        }
    }

    private void answerInteraction(
            InteractionHook hook,
            String interaction,
            Inbound inbound,
            Optional<String> title,
            Texts texts,
            boolean ephemeral) {
        Instant expires = Instant.ofEpochMilli(hook.getExpirationTimestamp());
        List<Supplier<? extends RestAction<?>>> steps = new ArrayList<>();
        try {
            Reply reply = bot.reply(inbound);
            if (reply.kind() == Reply.Kind.SILENT) {
                // Rate limited and already warned: take back the "thinking…" and say nothing.
                steps.add(hook::deleteOriginal);
            } else {
                List<List<MessageEmbed>> messages = renderer.render(reply, title, texts);
                if (reply.kind() == Reply.Kind.USAGE && !ephemeral) {
                    // Deletes the public "thinking…" reply so the ephemeral follow-up is the only answer.
                    steps.add(hook::deleteOriginal);
                    for (List<MessageEmbed> message : messages) {
                        steps.add(() -> hook.sendMessage(create(message)).setEphemeral(true));
                    }
                } else {
                    // 👍 / 👎 under the last message of an answer that can be voted on.
                    List<ActionRow> buttons = voteButtons(reply);
                    int last = messages.size() - 1;
                    steps.add(() -> hook.editOriginal(edit(messages.get(0), last == 0 ? buttons : List.of())));
                    for (int i = 1; i <= last; i++) {
                        MessageCreateData more = create(messages.get(i), i == last ? buttons : List.of());
                        steps.add(() -> hook.sendMessage(more).setEphemeral(ephemeral));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Answering '{}' failed", inbound.text(), e);
            failInteraction(hook, interaction, expires, texts, ephemeral);
            return;
        }
        delivery.send(interaction, expires, steps).whenComplete((ignored, failure) -> {
            if (failure != null && !(failure instanceof Delivery.GaveUp)) {
                log.warn("Answering '{}' failed", inbound.text(), failure);
                failInteraction(hook, interaction, expires, texts, ephemeral);
            }
        });
    }

    private void failInteraction(
            InteractionHook hook, String interaction, Instant expires, Texts texts, boolean ephemeral) {
        List<Supplier<? extends RestAction<?>>> steps = ephemeral
                ? List.of(() -> hook.editOriginal(texts.failed()))
                : List.of(hook::deleteOriginal, () -> hook.sendMessage(texts.failed())
                        .setEphemeral(true));
        delivery.send("the failure notice of " + interaction, expires, steps).whenComplete((ignored, failure) -> {
            if (failure != null && !(failure instanceof Delivery.GaveUp)) {
                log.warn("Could not report the failure either (interaction expired?)", failure);
            }
        });
    }

    // ---- autocomplete ----------------------------------------------------------------------------

    /**
     * Suggests talk titles for {@code /slides topic:} and {@code /remind talk:}, tracks and rooms
     * for {@code /subscribe place:}. Answered on the event thread: Discord allows no deferral
     * here, and the suggesters are in-memory lookups.
     */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        List<Command.Choice> choices = List.of();
        String focused = event.getFocusedOption().getName();
        Optional<java.util.function.BiFunction<String, Integer, List<String>>> suggester = Optional.empty();
        if (event.getName().equals(SlashCommands.SLIDES) && focused.equals(SlashCommands.TOPIC)) {
            suggester = Optional.of(topics::suggest);
        } else if (event.getName().equals(SlashCommands.SUBSCRIBE) && focused.equals(SlashCommands.PLACE)) {
            suggester = Optional.of(topics::suggestPlaces);
        } else if (event.getName().equals(SlashCommands.REMIND) && focused.equals(SlashCommands.TALK)) {
            suggester = Optional.of(topics::suggestTalks);
        }
        if (suggester.isPresent()) {
            try {
                choices = suggester.get().apply(event.getFocusedOption().getValue(), OptionData.MAX_CHOICES).stream()
                        .map(String::strip)
                        .filter(topic -> !topic.isEmpty())
                        .map(topic -> new Command.Choice(
                                clip(topic, OptionData.MAX_CHOICE_NAME_LENGTH, "…"),
                                clip(topic, OptionData.MAX_CHOICE_VALUE_LENGTH, "")))
                        .filter(distinctBy(Command.Choice::getAsString))
                        .limit(OptionData.MAX_CHOICES)
                        .toList();
            } catch (RuntimeException e) {
                log.warn(
                        "Suggesting topics for '{}' failed",
                        event.getFocusedOption().getValue(),
                        e);
            }
        }
        if (event.getName().equals(SlashCommands.NEXT)
                && event.getFocusedOption().getName().equals(SlashCommands.PLACE)) {
            choices = places(event.getFocusedOption().getValue());
        }
        event.replyChoices(choices).queue(null, failure -> log.debug("Autocomplete answer not delivered", failure));
    }

    /** The rooms and tracks of the loaded talks that start with, then contain, what was typed. */
    private List<Command.Choice> places(String typed) {
        String prefix = typed.strip().toLowerCase(java.util.Locale.ROOT);
        List<String> places = bot.profile().places();
        return java.util.stream.Stream.concat(
                        places.stream().filter(p -> p.toLowerCase(java.util.Locale.ROOT)
                                .startsWith(prefix)),
                        places.stream().filter(p -> p.toLowerCase(java.util.Locale.ROOT)
                                .contains(prefix)))
                .distinct()
                .map(p -> new Command.Choice(
                        clip(p, OptionData.MAX_CHOICE_NAME_LENGTH, "…"),
                        clip(p, OptionData.MAX_CHOICE_VALUE_LENGTH, "")))
                .filter(distinctBy(Command.Choice::getAsString))
                .limit(OptionData.MAX_CHOICES)
                .toList();
    }

    // ---- mentions --------------------------------------------------------------------------------

    /**
     * Answers {@code @confbot question} in server text channels and threads, as a reply, when the
     * Message Content intent is on; ignores bots (itself included), webhooks and system messages.
     */
    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!answerMentions || !event.isFromGuild() || event.isWebhookMessage()) {
            return;
        }
        User author = event.getAuthor();
        long self = event.getJDA().getSelfUser().getIdLong();
        if (author.isBot() || author.isSystem() || author.getIdLong() == self) {
            return;
        }
        Optional<String> addressed = withoutMention(event.getMessage().getContentRaw(), self);
        if (addressed.isEmpty()) {
            return;
        }
        if (!seen.firstTime(event.getMessageIdLong())) { // ids are unique across messages and interactions
            log.info("Ignoring message {}, delivered again", event.getMessageId());
            return;
        }
        Message message = event.getMessage();
        Texts texts = Texts.of(event.getGuild().getLocale().toLocale());
        boolean embeds =
                event.getGuild().getSelfMember().hasPermission(event.getGuildChannel(), Permission.MESSAGE_EMBED_LINKS);
        Inbound inbound = new Inbound(
                addressed.get().isEmpty() ? "/help" : addressed.get(),
                Locale.ROOT,
                new Origin(Platform.DISCORD, event.getChannel().getId(), author.getId(), true));
        try {
            answering.execute(() -> answerMention(message, inbound, texts, embeds));
        } catch (RejectedExecutionException e) {
            log.info("Not answering a mention while shutting down");
        }
    }

    private void answerMention(Message message, Inbound inbound, Texts texts, boolean embeds) {
        String what = "the answer to message " + message.getId();
        List<Supplier<? extends RestAction<?>>> steps = new ArrayList<>();
        try {
            Reply reply = bot.reply(inbound);
            if (reply.kind() == Reply.Kind.SILENT) {
                return; // rate limited and already warned
            }
            List<MessageCreateData> messages = new ArrayList<>(
                    embeds
                            ? renderer.render(reply, Optional.empty(), texts).stream()
                                    .map(DiscordListener::create)
                                    .toList()
                            : renderer.renderPlain(reply, texts).stream()
                                    .map(DiscordListener::create)
                                    .toList());
            List<ActionRow> buttons = voteButtons(reply);
            if (!buttons.isEmpty()) {
                int last = messages.size() - 1;
                messages.set(
                        last,
                        MessageCreateBuilder.from(messages.get(last))
                                .setComponents(buttons)
                                .build());
            }
            steps.add(() -> message.reply(messages.get(0)));
            for (MessageCreateData more : messages.subList(1, messages.size())) {
                steps.add(() -> message.getChannel().sendMessage(more));
            }
        } catch (RuntimeException e) {
            log.warn("Answering mention '{}' failed", inbound.text(), e);
            failMention(message, what, texts);
            return;
        }
        delivery.send(what, Instant.MAX, steps).whenComplete((ignored, failure) -> {
            if (failure != null && !(failure instanceof Delivery.GaveUp)) {
                log.warn("Answering mention '{}' failed", inbound.text(), failure);
                failMention(message, what, texts);
            }
        });
    }

    private void failMention(Message message, String what, Texts texts) {
        delivery.send(
                        "the failure notice of " + what,
                        Instant.MAX,
                        List.of(() -> message.reply(create(texts.failed()))))
                .whenComplete((ignored, failure) -> {
                    if (failure != null && !(failure instanceof Delivery.GaveUp)) {
                        log.warn("Could not report the failure either", failure);
                    }
                });
    }

    /**
     * The text with the bot's mention removed, or empty when the message does not mention the bot
     * by user ({@code @everyone} and role mentions do not count).
     */
    static Optional<String> withoutMention(String content, long self) {
        Pattern mention = Pattern.compile("<@!?" + Long.toUnsignedString(self) + ">");
        if (!mention.matcher(content).find()) {
            return Optional.empty();
        }
        return Optional.of(
                mention.matcher(content).replaceAll(" ").replaceAll("\\s+", " ").strip());
    }

    // ---- votes -----------------------------------------------------------------------------------

    /**
     * A press of 👍 or 👎 under an answer. Acknowledged at once (an ephemeral deferral, within
     * Discord's 3 seconds however slow the store is); the vote is then stored on the adapter's
     * executor, committed, and only then does the voter see the receipt, visible to them alone.
     */
    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String interaction = "interaction " + event.getId() + " (button)";
        if (!seen.firstTime(event.getIdLong())) {
            log.info("Ignoring {}, delivered again", interaction);
            return;
        }
        Locale locale = event.getUserLocale().toLocale();
        Texts texts = Texts.of(locale);
        Optional<VoteButton> button = VoteButton.parse(event.getComponentId());
        if (button.isEmpty()) {
            log.debug("Got a button that is not a vote: {}", interaction);
            event.reply(texts.failed()).setEphemeral(true).queue(null, failure -> log.debug("Not delivered", failure));
            return;
        }
        event.deferReply(true).queue(null, failure -> log.warn("Could not acknowledge {}", interaction, failure));
        InteractionHook hook = event.getHook();
        Vote vote = Vote.of(
                button.get(),
                new Origin(
                        Platform.DISCORD,
                        Long.toUnsignedString(event.getChannelIdLong()),
                        event.getUser().getId(),
                        event.isFromGuild()),
                locale);
        Instant expires = Instant.ofEpochMilli(hook.getExpirationTimestamp());
        try {
            answering.execute(() -> {
                VoteReceipt receipt = votes.vote(vote);
                String text = receipt.text().isBlank() ? texts.failed() : DiscordRenderer.escape(receipt.text());
                delivery.send(interaction, expires, List.of(() -> hook.editOriginal(text)))
                        .whenComplete((ignored, failure) -> {
                            if (failure != null && !(failure instanceof Delivery.GaveUp)) {
                                log.warn("Could not tell the voter of {}", interaction, failure);
                            }
                        });
            });
        } catch (RejectedExecutionException e) { // shutting down
            hook.editOriginal(texts.failed()).queue(null, failure -> log.debug("Not delivered", failure));
        }
    }

    /** The 👍 / 👎 row under an answer that can be voted on; none under anything else. */
    static List<ActionRow> voteButtons(Reply reply) {
        if (reply.kind() != Reply.Kind.ANSWER || reply.answerId().isEmpty()) {
            return List.of();
        }
        return List.of(ActionRow.of(VoteButton.both(reply.answerId().get()).stream()
                .map(b -> Button.secondary(b.data(), Emoji.fromUnicode(b.label())))
                .toList()));
    }

    // ---- message data ----------------------------------------------------------------------------

    /** No message of the bot may ping anyone: allowed mentions are none. */
    static MessageCreateData create(List<MessageEmbed> embeds) {
        return new MessageCreateBuilder()
                .setEmbeds(embeds)
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false)
                .build();
    }

    static MessageCreateData create(String content) {
        return new MessageCreateBuilder()
                .setContent(content)
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false)
                .build();
    }

    static MessageEditData edit(List<MessageEmbed> embeds) {
        return edit(embeds, List.of());
    }

    static MessageEditData edit(List<MessageEmbed> embeds, List<ActionRow> components) {
        return new MessageEditBuilder()
                .setEmbeds(embeds)
                .setComponents(components)
                .setAllowedMentions(List.of())
                .build();
    }

    static MessageCreateData create(List<MessageEmbed> embeds, List<ActionRow> components) {
        return MessageCreateBuilder.from(create(embeds))
                .setComponents(components)
                .build();
    }

    private static String clip(String text, int limit, String ellipsis) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = limit - ellipsis.length();
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + ellipsis;
    }

    /** The ids seen last, at most {@code capacity} of them; the oldest is forgotten first. */
    private static final class RecentIds {
        private final Map<Long, Boolean> ids;

        RecentIds(int capacity) {
            this.ids = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized boolean firstTime(long id) {
            return ids.putIfAbsent(id, Boolean.TRUE) == null;
        }
    }

    private static <T> Predicate<T> distinctBy(Function<T, ?> key) {
        Set<Object> seen = new HashSet<>();
        return item -> seen.add(key.apply(item));
    }
}
