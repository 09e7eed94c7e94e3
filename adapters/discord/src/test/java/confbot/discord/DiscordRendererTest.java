package confbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

final class DiscordRendererTest {

    private final DiscordRenderer renderer = new DiscordRenderer();

    @Test
    void escapesMarkdownMaskedLinksMentionsAndHeadings() {
        record Case(String text, String escaped) {}
        List<Case> cases = List.of(
                new Case("**bold** and _it_", "\\*\\*bold\\*\\* and \\_it\\_"),
                new Case("[click](https://evil.example)", "\\[click\\](https://evil.example)"),
                new Case("ping @everyone and @here", "ping @\u200Beveryone and @\u200Bhere"),
                new Case("hi <@123> in <#456>", "hi \\<@123> in \\<#456>"),
                new Case("# Big heading\n## smaller", "\\# Big heading\n\\## smaller"),
                new Case("> quoted", "\\> quoted"),
                new Case("`code` ~~gone~~ ||secret||", "\\`code\\` \\~\\~gone\\~\\~ \\|\\|secret\\|\\|"),
                new Case("上海世博中心 KubeCon", "上海世博中心 KubeCon"));
        for (Case c : cases) {
            assertThat(DiscordRenderer.escape(c.text())).as(c.text()).isEqualTo(c.escaped());
        }
    }

    @Test
    void shortAnswerIsOneEmbedWithTitleSourcesAndFooter() {
        Reply reply = new Reply(
                Reply.Kind.ANSWER,
                "Held at the Shanghai Expo Centre.",
                List.of(
                        new Source("Day 1 (keynotes)", URI.create("https://example.org/2019/day-1_(keynotes)")),
                        new Source("Printed programme", URI.create("urn:isbn:0451450523"))));

        List<List<MessageEmbed>> messages = renderer.render(reply, Optional.of("Where *was* it?"), Texts.ENGLISH);

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).hasSize(1);
        MessageEmbed embed = messages.get(0).get(0);
        assertThat(embed.getTitle()).isEqualTo("Where \\*was\\* it?");
        assertThat(embed.getDescription()).isEqualTo("Held at the Shanghai Expo Centre.");
        assertThat(embed.getFields()).singleElement().satisfies(field -> {
            assertThat(field.getName()).isEqualTo("Sources");
            assertThat(field.getValue())
                    .isEqualTo("• [Day 1 (keynotes)](https://example.org/2019/day-1_%28keynotes%29)\n"
                            + "• Printed programme");
        });
        assertThat(embed.getFooter().getText()).isEqualTo("confbot · KubeCon + CloudNativeCon China 2019");
    }

    @Test
    void footerNamesEveryConferenceTheSourcesCite() {
        Reply reply = new Reply(
                Reply.Kind.ANSWER,
                "Both years had a CRD talk.",
                List.of(
                        new Source("KubeCon China 2019", URI.create("https://example.org/a")),
                        new Source("Notes", URI.create("https://example.org/2018/b"))));

        MessageEmbed embed =
                renderer.render(reply, Optional.empty(), Texts.CHINESE).get(0).get(0);

        assertThat(embed.getFooter().getText()).isEqualTo("confbot · KubeCon + CloudNativeCon 中国 2018 & 2019");
        assertThat(embed.getFields().get(0).getName()).isEqualTo("来源");
    }

    @Test
    void splitsALongAnswerAtParagraphsWithinEveryEmbedLimit() {
        String paragraph = "Service mesh notes. ".repeat(150).strip(); // 2999 chars
        String text = String.join("\n\n", paragraph, paragraph, paragraph);
        List<Source> sources = List.of(new Source("Notes", URI.create("https://example.org/mesh")));

        List<List<MessageEmbed>> messages =
                renderer.render(new Reply(Reply.Kind.ANSWER, text, sources), Optional.empty(), Texts.ENGLISH);

        List<MessageEmbed> embeds = messages.stream().flatMap(List::stream).toList();
        assertThat(embeds).extracting(MessageEmbed::getDescription).containsExactly(paragraph, paragraph, paragraph);
        assertWithinLimits(messages);
        assertThat(embeds.get(2).getFields()).isNotEmpty();
        assertThat(embeds.get(0).getFields()).isEmpty();
    }

    @Test
    void splitsChineseTextWithoutSpacesAfterAFullStop() {
        String sentence = "KubeCon 中国 2019 在上海世博中心举办，共有三千多名参会者。";
        String text = sentence.repeat(200); // no paragraph breaks, no spaces between sentences
        List<String> chunks =
                DiscordRenderer.chunks(text, 4096, new Reply(Reply.Kind.ANSWER, text, List.of()), Texts.CHINESE);

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> assertThat(chunk)
                .hasSizeLessThanOrEqualTo(4096));
        assertThat(chunks.get(0)).endsWith("。");
        assertThat(String.join("", chunks)).as("nothing lost").isEqualTo(text);
    }

    @Test
    void trimsAnAnswerTooLongForFourEmbedsWithALinkToTheRest() {
        String text = "word ".repeat(10_000).strip(); // ~50,000 chars
        List<Source> sources = List.of(new Source("Full notes", URI.create("https://example.org/full")));

        List<List<MessageEmbed>> messages =
                renderer.render(new Reply(Reply.Kind.ANSWER, text, sources), Optional.empty(), Texts.ENGLISH);

        List<MessageEmbed> embeds = messages.stream().flatMap(List::stream).toList();
        assertThat(embeds.stream().filter(e -> e.getDescription() != null)).hasSize(DiscordRenderer.MAX_CHUNKS);
        assertThat(embeds.get(DiscordRenderer.MAX_CHUNKS - 1).getDescription())
                .endsWith("… (answer shortened) [Read more](https://example.org/full)");
        assertWithinLimits(messages);
    }

    @Test
    void manySourcesAreCappedAndPackedIntoFieldsOfAtMost1024Chars() {
        List<Source> sources = IntStream.range(0, 30)
                .mapToObj(i -> new Source(
                        "Talk number " + i + " " + "x".repeat(150), URI.create("https://example.org/talk/" + i)))
                .toList();

        List<List<MessageEmbed>> messages = renderer.render(
                new Reply(Reply.Kind.LISTING, "Slides found.", sources), Optional.empty(), Texts.ENGLISH);

        List<MessageEmbed.Field> fields = messages.get(0).get(0).getFields();
        assertThat(String.join(
                                "\n",
                                fields.stream()
                                        .map(MessageEmbed.Field::getValue)
                                        .toList())
                        .lines())
                .hasSize(DiscordRenderer.MAX_SOURCES);
        assertThat(fields).allSatisfy(f -> assertThat(f.getValue()).hasSizeLessThanOrEqualTo(1024));
        assertWithinLimits(messages);
    }

    @Test
    void plainRenderingKeepsEveryMessageUnder2000Chars() {
        String text = "Line of the schedule.\n".repeat(300);
        Reply reply = new Reply(
                Reply.Kind.LISTING, text, List.of(new Source("Schedule", URI.create("https://example.org/s"))));

        List<String> messages = renderer.renderPlain(reply, Texts.ENGLISH);

        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(m -> assertThat(m)
                .hasSizeLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH));
        assertThat(messages.get(messages.size() - 1)).endsWith("Sources:\n• Schedule <https://example.org/s>");
    }

    @Test
    void everyMessageOfEveryLongReplyIsWithinDiscordsLimitsAsEmbedsAndAsPlainText() {
        LongReplies.all().forEach((name, reply) -> {
            for (Texts texts : List.of(Texts.ENGLISH, Texts.CHINESE)) {
                for (List<MessageEmbed> embeds :
                        renderer.render(reply, Optional.of(LongReplies.longQuestion()), texts)) {
                    String body =
                            new String(DiscordListener.create(embeds).toData().toJson(), StandardCharsets.UTF_8);
                    assertThat(DiscordLimits.breaches(body)).as(name).isEmpty();
                }
                List<String> plain = renderer.renderPlain(reply, texts);
                assertThat(plain).as(name).isNotEmpty().allSatisfy(message -> {
                    String body =
                            new String(DiscordListener.create(message).toData().toJson(), StandardCharsets.UTF_8);
                    assertThat(DiscordLimits.breaches(body)).as(name).isEmpty();
                    assertThat(message.codePoints()
                                    .filter(cp -> Character.getType(cp) == Character.SURROGATE)
                                    .count())
                            .as(name + ": no lone surrogate")
                            .isZero();
                });
            }
        });
    }

    @Test
    void longSourcesThatDoNotFitOneEmbedAreSpreadOverSeveral() {
        Reply reply = LongReplies.all().get("sources with long links only");

        List<MessageEmbed> embeds = renderer.render(reply, Optional.empty(), Texts.ENGLISH).stream()
                .flatMap(List::stream)
                .toList();

        assertThat(embeds.stream().mapToLong(e -> e.getFields().size()).sum()).isGreaterThanOrEqualTo(5);
        assertThat(embeds.stream().flatMap(e -> e.getFields().stream()).map(MessageEmbed.Field::getValue))
                .as("every source kept")
                .allSatisfy(v -> assertThat(v).contains("https://example.org/"));
        assertThat(String.join(
                        "\n",
                        embeds.stream()
                                .flatMap(e -> e.getFields().stream())
                                .map(MessageEmbed.Field::getValue)
                                .toList()))
                .contains("[S0 t", "[S9 t");
        assertWithinLimits(renderer.render(reply, Optional.empty(), Texts.ENGLISH));
    }

    private static void assertWithinLimits(List<List<MessageEmbed>> messages) {
        assertThat(messages).allSatisfy(embeds -> {
            assertThat(embeds).hasSizeBetween(1, Message.MAX_EMBED_COUNT);
            assertThat(embeds.stream().mapToInt(MessageEmbed::getLength).sum())
                    .isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
            assertThat(embeds).allSatisfy(e -> {
                assertThat(e.isSendable()).isTrue();
                if (e.getDescription() != null) {
                    assertThat(e.getDescription()).hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
                }
            });
        });
    }
}
