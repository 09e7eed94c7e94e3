package confbot.discord;

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
 * looks them up ({@code ask.options.question.description}).
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

    static final int MAX_QUESTION_LENGTH = 1000;

    private static final String BUNDLE = "confbot.discord.commands";

    /** Option names of each command in the order the core expects its arguments. */
    private static final Map<String, List<String>> ARGUMENTS = Map.of(
            ASK, List.of("question"),
            SCHEDULE, List.of("conference", "day"),
            SLIDES, List.of(TOPIC),
            HELP, List.of(),
            ABOUT, List.of(),
            RELOAD, List.of(),
            FEEDBACK, List.of());

    private SlashCommands() {}

    /** Every command, localised; registered in one bulk overwrite, so re-registering is idempotent. */
    static List<SlashCommandData> definitions() {
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
        return List.of(
                common.apply(Commands.slash(ASK, "Ask a question about KubeCon China 2018/2019")
                        .addOptions(new OptionData(OptionType.STRING, "question", "What you want to know", true)
                                .setMaxLength(MAX_QUESTION_LENGTH))),
                common.apply(Commands.slash(SCHEDULE, "The conference schedule, by day")
                        .addOptions(
                                new OptionData(OptionType.STRING, "conference", "Which conference")
                                        .addChoice("KubeCon China 2018", "2018")
                                        .addChoice("KubeCon China 2019", "2019"),
                                new OptionData(OptionType.INTEGER, "day", "Which day of the conference")
                                        .addChoice("Day 1", 1)
                                        .addChoice("Day 2", 2)
                                        .addChoice("Day 3", 3))),
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
                        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR)));
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
