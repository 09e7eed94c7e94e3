package confbot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's HTML parse mode, as strictly as the Bot API documents it: only the supported tags,
 * balanced; {@code <a>} only with a double-quoted href; {@code <} and {@code &} only as part of a tag
 * or one of the entities {@code &lt; &gt; &amp; &quot;} and numeric ones. Used by the fake Bot API to
 * refuse what Telegram would refuse.
 */
final class TelegramHtml {

    private static final Set<String> TAGS = Set.of(
            "b",
            "strong",
            "i",
            "em",
            "u",
            "ins",
            "s",
            "strike",
            "del",
            "span",
            "tg-spoiler",
            "a",
            "code",
            "pre",
            "blockquote",
            "tg-emoji");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
    private static final Pattern TAG_NAME = Pattern.compile("^([a-z-]+)(\\s.*)?$", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("^\\s+href=\"([^\"<]*)\"\\s*$");

    /** The text a reader sees, or why Telegram would refuse the message. */
    record Parsed(String visibleText, Optional<String> error) {}

    private TelegramHtml() {}

    static Parsed parse(String html) {
        StringBuilder visible = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    return failed("unclosed start tag at byte offset " + i);
                }
                String tag = html.substring(i + 1, end);
                if (tag.startsWith("/")) {
                    String name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        return failed("unexpected end tag \"" + name + "\" at byte offset " + i);
                    }
                    open.pop();
                } else {
                    Matcher m = TAG_NAME.matcher(tag);
                    if (!m.matches() || !TAGS.contains(m.group(1))) {
                        return failed("unsupported start tag \"" + tag + "\" at byte offset " + i);
                    }
                    String attributes = m.group(2) == null ? "" : m.group(2);
                    if (m.group(1).equals("a")) {
                        Matcher href = HREF.matcher(attributes);
                        if (!href.matches() || !entitiesValid(href.group(1))) {
                            return failed("bad <a> attributes at byte offset " + i);
                        }
                    }
                    open.push(m.group(1));
                }
                i = end + 1;
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    return failed("character '&' is reserved and must be escaped at byte offset " + i);
                }
                visible.append(decode(m.group(1)));
                i = m.end();
            } else {
                visible.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            return failed("can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return new Parsed(visible.toString(), Optional.empty());
    }

    private static boolean entitiesValid(String value) {
        for (int i = value.indexOf('&'); i >= 0; i = value.indexOf('&', i + 1)) {
            if (!ENTITY.matcher(value).region(i, value.length()).lookingAt()) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> Character.toString(
                    entity.startsWith("#x")
                            ? Integer.parseInt(entity.substring(2), 16)
                            : Integer.parseInt(entity.substring(1)));
        };
    }

    private static Parsed failed(String why) {
        return new Parsed("", Optional.of(why));
    }
}
