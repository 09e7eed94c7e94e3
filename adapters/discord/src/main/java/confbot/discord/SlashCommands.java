package confbot.discord;

import confbot.core.chat.BotProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.StringJoiner;
import java.util.function.Function;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import net.dv8tion.jda.api.interactions.commands.localization.ResourceBundleLocalizationFunction;

/**
 * The slash commands: their definitions for Discord, and how an invocation is rendered back into the
 * text the core parses ({@code /schedule conference:2019 day:2} becomes {@code /schedule 2019 2}).
 *
 * <p>Names and descriptions are English; {@code commands_zh_CN.properties} localises them for
 * Discord clients set to Chinese, keyed the way JDA's {@link ResourceBundleLocalizationFunction}
 * looks them up ({@code ask.options.question.description}). What names a conference (the choices,
 * the description of /ask) comes from the core's profile in both languages instead.
 */
final class SlashCommands {

    static final String ASK = "ask";
    static final String SCHEDULE = "schedule";
    static final String SLIDES = "slides";
    static final String HELP = "help";
    static final String ABOUT = "about";
    static final String RELOAD = "reload";
    static final String FEEDBACK = "feedback";
    static final String TOPIC = "topic";
    static final String NOW = "now";
    static final String NEXT = "next";
    static final String CHANGES = "changes";
    static final String SUBSCRIBE = "subscribe";
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String REMIND = "remind";
    /** The track or room of /next and /subscribe, suggested from the loaded talks. */
    static final String PLACE = "place";
    /** /remind's talk, suggested from the timed talks. */
    static final String TALK = "talk";

    static final int MAX_QUESTION_LENGTH = 1000;

    private static final String BUNDLE = "confbot.discord.commands";

    /** Option names of each command in the order the core expects its arguments. */
    private static final Map<String, List<String>> ARGUMENTS = Map.ofEntries(
            Map.entry(ASK, List.of("question")),
            Map.entry(SCHEDULE, List.of("conference", "day")),
            Map.entry(SLIDES, List.of(TOPIC)),
            Map.entry(HELP, List.of()),
            Map.entry(ABOUT, List.of()),
            Map.entry(NOW, List.of()),
            Map.entry(NEXT, List.of(PLACE)),
            Map.entry(CHANGES, List.of("conference")),
            Map.entry(RELOAD, List.of()),
            Map.entry(FEEDBACK, List.of()),
            Map.entry(SUBSCRIBE, List.of("conference", PLACE)),
            Map.entry(UNSUBSCRIBE, List.of("conference")),
            Map.entry(REMIND, List.of(TALK)));

    private SlashCommands() {}

    /** Discord's limit on a description, and on the choices of one option. */
    static final int MAX_DESCRIPTION = 100;

    /**
     * Every command, localised; registered in one bulk overwrite, so re-registering is idempotent.
     * The conference and day choices, and the conferences named in descriptions, come from the
     * core's profile: its registry, not this adapter, knows the editions.
     */
    static List<SlashCommandData> definitions(BotProfile profile) {
        LocalizationFunction zh = ResourceBundleLocalizationFunction.fromBundle(
                        ResourceBundle.getBundle(
                                BUNDLE,
                                Locale.SIMPLIFIED_CHINESE,
                                SlashCommands.class.getClassLoader(),
                                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
                        DiscordLocale.CHINESE_CHINA)
                .build();
        Function<SlashCommandData, SlashCommandData> common = command -> command.setLocalizationFunction(zh)
                // In servers and in the bot's DMs; the bot answers the same everywhere.
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
        boolean none = profile.conferences().isEmpty();
        SlashCommandData ask = Commands.slash(
                        ASK,
                        clip(none ? "Ask a question about the notes" : "Ask a question about " + profile.names(false)))
                .setDescriptionLocalization(
                        DiscordLocale.CHINESE_CHINA, clip(none ? "提问关于笔记的问题" : "提问关于 " + profile.names(true) + " 的问题"))
                .addOptions(new OptionData(OptionType.STRING, "question", "What you want to know", true)
                        .setMaxLength(MAX_QUESTION_LENGTH));
        return List.of(
                common.apply(ask),
                common.apply(Commands.slash(SCHEDULE, "The conference schedule, by day")
                        .addOptions(conferenceOption(profile), dayOption(profile))),
                common.apply(Commands.slash(SLIDES, "Find the slides of a talk")
                        .addOptions(new OptionData(OptionType.STRING, TOPIC, "A talk title or topic", true, true))),
                common.apply(Commands.slash(HELP, "What the bot can do and how to ask")),
                common.apply(Commands.slash(ABOUT, "Where the answers come from")),
                // Shown only to server administrators, and only in servers, where that permission
                // means something; the core still checks the admin list, as Discord lets server
                // owners grant the command to anyone.
                Commands.slash(RELOAD, "Reload the notes and catalogs now (bot admins)")
                        .setLocalizationFunction(zh)
                        .setContexts(InteractionContextType.GUILD)
                        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR)),
                // Like /reload: what people thought of the answers is for the bot's admins.
                Commands.slash(FEEDBACK, "Votes on the answers and the questions the notes miss (bot admins)")
                        .setLocalizationFunction(zh)
                        .setContexts(InteractionContextType.GUILD)
                        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR)),
                // The live schedule, after the others so their places in the list stay.
                common.apply(Commands.slash(NOW, "The talks on now and next, on the conference's clock")),
                common.apply(Commands.slash(NEXT, "The talks starting next")
                        .addOptions(new OptionData(OptionType.STRING, PLACE, "A room or track", false, true))),
                common.apply(
                        Commands.slash(CHANGES, "The latest schedule changes").addOptions(conferenceOption(profile))),
                // Who may subscribe a channel: members who may manage it (Discord hides the command
                // from the others by default); the core checks again, as server owners may grant it.
                Commands.slash(SUBSCRIBE, "Post a reminder before each talk, and schedule changes, in this channel")
                        .addOptions(
                                conferenceOption(profile),
                                new OptionData(OptionType.STRING, PLACE, "Only this track or room", false, true))
                        .setLocalizationFunction(zh)
                        .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_CHANNEL)),
                Commands.slash(UNSUBSCRIBE, "Stop the reminders and schedule changes in this channel")
                        .addOptions(conferenceOption(profile))
                        .setLocalizationFunction(zh)
                        .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_CHANNEL)),
                // A reminder for one person: offered in the bot's DMs, where it is sent.
                Commands.slash(REMIND, "Remind me before one talk")
                        .addOptions(new OptionData(OptionType.STRING, TALK, "Words of the talk's title", true, true))
                        .setLocalizationFunction(zh)
                        .setContexts(InteractionContextType.BOT_DM));
    }

    /**
     * Which conference: a choice per conference of the profile (its command word as the value, its
     * names in both languages), or free text when there are more than Discord shows.
     */
    private static OptionData conferenceOption(BotProfile profile) {
        OptionData option = new OptionData(OptionType.STRING, "conference", "Which conference");
        if (profile.conferences().size() <= OptionData.MAX_CHOICES) {
            for (BotProfile.ConferenceEntry c : profile.conferences()) {
                option.addChoices(new Command.Choice(clip(c.nameEn(), OptionData.MAX_CHOICE_NAME_LENGTH), c.command())
                        .setNameLocalization(
                                DiscordLocale.CHINESE_CHINA, clip(c.nameZh(), OptionData.MAX_CHOICE_NAME_LENGTH)));
            }
        }
        return option;
    }

    /** Which day: 1 to the longest conference's day count, as choices while Discord allows them. */
    private static OptionData dayOption(BotProfile profile) {
        int days = profile.conferences().stream()
                .mapToInt(c -> c.days().size())
                .max()
                .orElse(1);
        OptionData option = new OptionData(OptionType.INTEGER, "day", "Which day of the conference");
        if (days <= OptionData.MAX_CHOICES) {
            for (int d = 1; d <= days; d++) {
                option.addChoices(new Command.Choice("Day " + d, d)
                        .setNameLocalization(DiscordLocale.CHINESE_CHINA, "第 " + d + " 天"));
            }
        } else {
            option.setRequiredRange(1, days);
        }
        return option;
    }

    private static String clip(String text) {
        return clip(text, MAX_DESCRIPTION);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Whether {@code name} is one of ours (a stale registration may still send others). */
    static boolean isKnown(String name) {
        return ARGUMENTS.containsKey(name);
    }

    /**
     * The invocation as the core's command text: {@code /name arg…}, missing options left out.
     *
     * @param option looks up an option by name, as {@code event::getOption} does
     */
    static String render(String name, Function<String, OptionMapping> option) {
        StringJoiner text = new StringJoiner(" ");
        text.add("/" + name);
        for (String argument : ARGUMENTS.getOrDefault(name, List.of())) {
            Optional.ofNullable(option.apply(argument))
                    .map(OptionMapping::getAsString)
                    .map(value -> value.replaceAll("\\s+", " ").strip())
                    .filter(value -> !value.isEmpty())
                    .ifPresent(text::add);
        }
        return Objects.requireNonNull(text.toString());
    }
}
