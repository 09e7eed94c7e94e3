package confbot.discord;

import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import java.awt.Color;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * Turns the core's plain-text {@link Reply} into Discord messages: embeds with the escaped answer,
 * the sources as markdown links and a footer naming the conference.
 *
 * <p>Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * an embed description holds 4096 characters, a field value 1024, all embeds of one message 6000
 * together, and a message at most 10 embeds; plain content holds 2000. A long answer is split at
 * paragraph, line or sentence boundaries into several embeds and, when they exceed one message's
 * 6000, several messages. Past {@link #MAX_CHUNKS} pieces the answer is trimmed, with a link to its
 * first source so the rest is never lost.
 *
 * <p>All text from the core and the notes is escaped for Discord markdown, so a note cannot bold,
 * link, quote or mention anything ({@code @everyone} included).
 */
final class DiscordRenderer {

    static final int MAX_CHUNKS = 4;
    static final int MAX_SOURCES = 10;
    static final int MAX_SOURCE_TITLE = 200;
    /** Longer URLs are left out (the source's title stays): real ones are far shorter. */
    static final int MAX_LINK = 512;

    private static final Color ANSWER = new Color(0x326CE5); // the Kubernetes blue
    private static final Color NOT_COVERED = new Color(0x99AAB5);
    private static final Color USAGE = new Color(0xF0B232);

    /** Where to break a long text, best first; the separator stays with the text before it. */
    private static final List<String> BREAKS = List.of("\n\n", "\n", "。", "！", "？", ". ", "! ", "? ", "; ", " ");

    private static final Pattern HEADING = Pattern.compile("(?m)^(\\s*)(#{1,3}\\s|-#\\s)");
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)");
    /** A year in a source's title or address: the edition it is about, whichever the registry holds. */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");

    /**
     * The reply as messages, each a list of at most 10 embeds within 6000 characters together.
     *
     * @param title shown on the first embed (the question asked), if any
     */
    List<List<MessageEmbed>> render(Reply reply, Optional<String> title, Texts texts) {
        List<String> chunks = chunks(escape(reply.text()), MessageEmbed.DESCRIPTION_MAX_LENGTH, reply, texts);
        List<MessageEmbed.Field> fields = sourceFields(reply.sources(), texts);
        String footer = footer(reply, texts);
        Color color = color(reply.kind());

        List<MessageEmbed> embeds = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            EmbedBuilder embed = new EmbedBuilder().setColor(color).setDescription(chunks.get(i));
            if (i == 0) {
                title.map(DiscordRenderer::escape)
                        .map(t -> truncate(t, MessageEmbed.TITLE_MAX_LENGTH))
                        .filter(t -> !t.isBlank())
                        .ifPresent(embed::setTitle);
            }
            boolean last = i == chunks.size() - 1;
            if (last
                    && length(embed.build()) + fieldsLength(fields) + footer.length()
                            <= MessageEmbed.EMBED_MAX_LENGTH_BOT) {
                fields.forEach(embed::addField);
                embed.setFooter(footer);
                fields = List.of();
                footer = "";
            }
            embeds.add(embed.build());
        }
        if (!footer.isEmpty()) { // the sources did not fit beside the last piece of text
            embeds.addAll(sourceEmbeds(fields, footer, color));
        }
        return intoMessages(embeds);
    }

    /**
     * The reply as plain messages of at most 2000 characters, for channels where the bot may not
     * embed links; sources become bare links in angle brackets (no previews).
     */
    List<String> renderPlain(Reply reply, Texts texts) {
        StringBuilder text = new StringBuilder(escape(reply.text()));
        List<Source> sources = reply.sources().stream().limit(MAX_SOURCES).toList();
        if (!sources.isEmpty()) {
            text.append("\n\n").append(texts.sources()).append(':');
            for (Source source : sources) {
                text.append("\n• ").append(truncate(escape(source.title()), MAX_SOURCE_TITLE));
                if (isLinkable(source.url())) {
                    text.append(" <").append(linkTarget(source.url())).append('>');
                }
            }
        }
        return chunks(text.toString(), Message.MAX_CONTENT_LENGTH, reply, texts);
    }

    /** Escapes Discord markdown, masked links, mentions and headings in text from the core or notes. */
    static String escape(String text) {
        String escaped = MarkdownSanitizer.escape(text, true)
                .replace("[", "\\[")
                .replace("]", "\\]")
                .replace("<", "\\<");
        escaped = HEADING.matcher(escaped).replaceAll("$1\\\\$2");
        return MASS_MENTION.matcher(escaped).replaceAll("@\u200B$1");
    }

    /** Splits at the best break within {@code limit}; trims past {@link #MAX_CHUNKS} with a link to more. */
    static List<String> chunks(String text, int limit, Reply reply, Texts texts) {
        List<String> chunks = new ArrayList<>();
        String rest = text.strip();
        if (rest.isEmpty()) {
            return List.of(EmbedBuilder.ZERO_WIDTH_SPACE);
        }
        while (rest.length() > limit && chunks.size() < MAX_CHUNKS) {
            int cut = breakBefore(rest, limit);
            chunks.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (rest.length() <= limit && chunks.size() < MAX_CHUNKS) {
            chunks.add(rest);
            return chunks;
        }
        // Too long even for MAX_CHUNKS pieces: shorten the last one and say where the rest is.
        String more = "\n\n… " + texts.shortened()
                + reply.sources().stream()
                        .map(Source::url)
                        .filter(DiscordRenderer::isLinkable)
                        .findFirst()
                        .map(url -> " [" + texts.readMore() + "](" + linkTarget(url) + ")")
                        .orElse("");
        String last = chunks.remove(chunks.size() - 1);
        chunks.add(last.substring(0, breakBefore(last, limit - more.length())).stripTrailing() + more);
        return chunks;
    }

    /** The end of the longest prefix of at most {@code limit} chars that ends at a good break. */
    private static int breakBefore(String text, int limit) {
        if (text.length() <= limit) {
            return text.length();
        }
        for (String separator : BREAKS) {
            int at = text.lastIndexOf(separator, limit - separator.length());
            if (at >= limit / 2) {
                return at + separator.length();
            }
        }
        int cut = limit;
        // Never split a surrogate pair or an escape from the character it escapes.
        if (cut > 1 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        int backslashes = 0;
        while (backslashes < cut && text.charAt(cut - 1 - backslashes) == '\\') {
            backslashes++;
        }
        if (backslashes % 2 == 1 && cut > 1) { // an odd run ends in an escape without its character
            cut--;
        }
        return cut;
    }

    /**
     * The sources in embeds of their own, as many as their length needs (ten long links can pass one
     * embed's 6000), the footer on the last.
     */
    private static List<MessageEmbed> sourceEmbeds(List<MessageEmbed.Field> fields, String footer, Color color) {
        List<MessageEmbed> embeds = new ArrayList<>();
        EmbedBuilder embed = new EmbedBuilder().setColor(color);
        for (MessageEmbed.Field field : fields) {
            int length = field.getName().length() + field.getValue().length();
            if (!embed.getFields().isEmpty()
                    && (embed.getFields().size() == MessageEmbed.MAX_FIELD_AMOUNT
                            || length(embed.build()) + length + footer.length() > MessageEmbed.EMBED_MAX_LENGTH_BOT)) {
                embeds.add(embed.build());
                embed = new EmbedBuilder().setColor(color);
            }
            embed.addField(field);
        }
        embeds.add(embed.setFooter(footer).build());
        return embeds;
    }

    private static List<MessageEmbed.Field> sourceFields(List<Source> sources, Texts texts) {
        List<MessageEmbed.Field> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (Source source : sources.stream().limit(MAX_SOURCES).toList()) {
            String line = "• " + sourceLink(source);
            if (line.length() > MessageEmbed.VALUE_MAX_LENGTH) {
                continue; // an absurdly long URL: better left out than breaking the embed
            }
            if (value.length() + 1 + line.length() > MessageEmbed.VALUE_MAX_LENGTH) {
                fields.add(new MessageEmbed.Field(texts.sources(), value.toString(), false));
                value.setLength(0);
            }
            value.append(value.length() == 0 ? "" : "\n").append(line);
        }
        if (value.length() > 0) {
            fields.add(new MessageEmbed.Field(texts.sources(), value.toString(), false));
        }
        return fields;
    }

    private static String sourceLink(Source source) {
        String title = truncate(escape(source.title()), MAX_SOURCE_TITLE);
        return isLinkable(source.url()) ? "[" + title + "](" + linkTarget(source.url()) + ")" : title;
    }

    /** The footer names the conference(s) the sources are from, when they say. */
    private static String footer(Reply reply, Texts texts) {
        TreeSet<String> years = new TreeSet<>();
        for (Source source : reply.sources()) {
            Matcher matcher = YEAR.matcher(source.title() + " " + source.url());
            while (matcher.find()) {
                years.add(matcher.group(1));
            }
        }
        return years.isEmpty() ? texts.footer() : texts.footer() + " " + String.join(" & ", years);
    }

    private static Color color(Reply.Kind kind) {
        return switch (kind) {
            case ANSWER, LISTING -> ANSWER;
            case NOT_COVERED -> NOT_COVERED;
                // SILENT replies are never rendered (the listener sends nothing); the colour is moot.
            case USAGE, SILENT -> USAGE;
        };
    }

    private static List<List<MessageEmbed>> intoMessages(List<MessageEmbed> embeds) {
        List<List<MessageEmbed>> messages = new ArrayList<>();
        List<MessageEmbed> current = new ArrayList<>();
        int length = 0;
        for (MessageEmbed embed : embeds) {
            if (!current.isEmpty()
                    && (current.size() == Message.MAX_EMBED_COUNT
                            || length + length(embed) > MessageEmbed.EMBED_MAX_LENGTH_BOT)) {
                messages.add(List.copyOf(current));
                current.clear();
                length = 0;
            }
            current.add(embed);
            length += length(embed);
        }
        messages.add(List.copyOf(current));
        return List.copyOf(messages);
    }

    /**
     * An embed's length in UTF-16 units, as JDA's per-part checks and {@link String#length()}
     * count; never less than the code points {@link MessageEmbed#getLength()} and Discord count, so
     * an answer in emoji or rare CJK (two units each) stays within the limit either way.
     */
    static int length(MessageEmbed embed) {
        return lengthOf(embed.getTitle())
                + lengthOf(embed.getDescription())
                + (embed.getFooter() == null ? 0 : lengthOf(embed.getFooter().getText()))
                + (embed.getAuthor() == null ? 0 : lengthOf(embed.getAuthor().getName()))
                + fieldsLength(embed.getFields());
    }

    private static int lengthOf(String text) {
        return text == null ? 0 : text.length();
    }

    private static int fieldsLength(List<MessageEmbed.Field> fields) {
        return fields.stream()
                .mapToInt(f -> f.getName().length() + f.getValue().length())
                .sum();
    }

    /** A web link short enough to show: a longer one would crowd out the text it is a source of. */
    private static boolean isLinkable(URI url) {
        return isWebLink(url) && linkTarget(url).length() <= MAX_LINK;
    }

    static boolean isWebLink(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("https") || scheme.equals("http")) && url.getHost() != null;
    }

    /** A URL safe inside {@code (...)} and {@code <...>}: parentheses and angle brackets encoded. */
    private static String linkTarget(URI url) {
        return url.toASCIIString()
                .replace("(", "%28")
                .replace(")", "%29")
                .replace("<", "%3C")
                .replace(">", "%3E");
    }

    private static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        String cut = text.substring(0, breakBefore(text, limit - 1)).stripTrailing();
        return cut + "…";
    }
}
