package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.BotProfile;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;

final class SlashCommandsTest {

    /** Two conferences, as a core's registry would describe them. */
    static final BotProfile PROFILE = new BotProfile(List.of(
            new BotProfile.ConferenceEntry(
                    "kubecon-china-2018",
                    "2018",
                    "KubeCon China 2018",
                    "2018 KubeCon 中国",
                    List.of("2018-11-13", "2018-11-14", "2018-11-15")),
            new BotProfile.ConferenceEntry(
                    "kubecon-china-2019",
                    "2019",
                    "KubeCon China 2019",
                    "2019 KubeCon 中国",
                    List.of("2019-06-24", "2019-06-25", "2019-06-26"))));

    @Test
    void definesTheTenCommandsWithTheirOptions() {
        List<SlashCommandData> commands = SlashCommands.definitions(PROFILE);

        assertThat(commands)
                .extracting(SlashCommandData::getName)
                .containsExactly(
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
                        "remind");
        assertThat(commands.get(0).getOptions()).singleElement().satisfies(question -> {
            assertThat(question.getName()).isEqualTo("question");
            assertThat(question.isRequired()).isTrue();
        });
        assertThat(commands.get(1).getOptions().get(0).getChoices())
                .extracting(c -> c.getAsString())
                .containsExactly("2018", "2019");
        assertThat(commands.get(1).getOptions().get(1).getChoices())
                .extracting(c -> c.getAsLong())
                .containsExactly(1L, 2L, 3L);
        assertThat(commands.get(1).getOptions()).noneMatch(o -> o.isRequired());
        assertThat(commands.get(2).getOptions()).singleElement().satisfies(topic -> {
            assertThat(topic.isAutoComplete()).isTrue();
            assertThat(topic.isRequired()).isTrue();
        });
        assertThat(commands.get(7).getOptions()).isEmpty();
        assertThat(commands.get(8).getOptions()).singleElement().satisfies(place -> {
            assertThat(place.getName()).isEqualTo("place");
            assertThat(place.isAutoComplete()).isTrue();
            assertThat(place.isRequired()).isFalse();
        });
        assertThat(commands.get(9).getOptions().get(0).getChoices())
                .extracting(c -> c.getAsString())
                .containsExactly("2018", "2019");
    }

    @Test
    void reloadIsShownOnlyToServerAdministratorsAndOnlyInServers() {
        SlashCommandData reload = SlashCommands.definitions(PROFILE).get(5);

        assertThat(reload.getName()).isEqualTo("reload");
        assertThat(reload.getDefaultPermissions().getPermissionsRaw())
                .isEqualTo(Permission.getRaw(Permission.ADMINISTRATOR));
        assertThat(reload.getContexts()).containsExactly(InteractionContextType.GUILD);
        assertThat(reload.getOptions()).isEmpty();
        assertThat(SlashCommands.render("reload", name -> null)).isEqualTo("/reload");
    }

    @Test
    void feedbackLikeReloadIsShownOnlyToServerAdministratorsAndOnlyInServers() {
        SlashCommandData feedback = SlashCommands.definitions(PROFILE).get(6);

        assertThat(feedback.getName()).isEqualTo("feedback");
        assertThat(feedback.getDefaultPermissions().getPermissionsRaw())
                .isEqualTo(Permission.getRaw(Permission.ADMINISTRATOR));
        assertThat(feedback.getContexts()).containsExactly(InteractionContextType.GUILD);
        assertThat(SlashCommands.render("feedback", name -> null)).isEqualTo("/feedback");
    }

    @Test
    void everyNameDescriptionAndChoiceIsLocalisedForChinese() {
        List<String> missing = new ArrayList<>();
        for (SlashCommandData command : SlashCommands.definitions(PROFILE)) {
            collectMissing(command.toData(), command.getName(), missing);
        }

        assertThat(missing).isEmpty();
        DataObject ask = SlashCommands.definitions(PROFILE).get(0).toData();
        assertThat(ask.getObject("name_localizations").getString("zh-CN")).isEqualTo("提问");
    }

    private static void collectMissing(DataObject node, String path, List<String> missing) {
        for (String field : List.of("name", "description")) {
            if (node.hasKey(field)
                    && !node.optObject(field + "_localizations")
                            .map(l -> l.hasKey("zh-CN"))
                            .orElse(false)) {
                missing.add(path + "." + field);
            }
        }
        for (String children : List.of("options", "choices")) {
            DataArray array = node.optArray(children).orElseGet(DataArray::empty);
            for (int i = 0; i < array.length(); i++) {
                DataObject child = array.getObject(i);
                collectMissing(child, path + "." + child.getString("name"), missing);
            }
        }
    }
}
