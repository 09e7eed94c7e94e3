package confbot.telegram;

import confbot.core.chat.Reply;
import confbot.core.chat.Source;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the core's plain-text {@link Reply} into Telegram messages in HTML parse mode.
 *
 * <p>Every string from users or notes is escaped, so a note that mentions {@code <b>} or {@code AT&T}
 * shows as written instead of making Telegram refuse the whole message. Telegram caps a message at
 * 4096 characters; longer replies are split at paragraph boundaries (a paragraph longer than that at
 * whitespace), and since tags never span blocks, each part is valid HTML on its own. Lengths are
 * counted on the HTML source, which is never shorter than the visible text Telegram counts, so a part
 * can never be too long.
 */
final class HtmlRenderer {

    static final int MAX_MESSAGE_LENGTH = 4096;
    private static final int MAX_TITLE_CODE_POINTS = 200;
    private static final int MAX_URL_LENGTH = 2048;
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f]*\\n\\s*");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    // A source line is at most ~3100 characters (escaped URL plus escaped title), so it always fits a part.
    private final int maxLength = MAX_MESSAGE_LENGTH;

    /** The reply as one or more HTML messages, each at most the limit; empty if there is nothing to say. */
    List<String> render(Reply reply, Locale locale) {
        List<Block> blocks = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(sanitize(reply.text()))) {
            boolean first = true;
            for (String piece : splitPlain(paragraph.strip())) {
                // Pieces of one paragraph never share a part (each was cut because the next word did not fit).
                blocks.add(new Block(first ? "\n\n" : "\n", escape(piece)));
                first = false;
            }
        }
        List<String> sourceLines =
                reply.sources().stream().map(HtmlRenderer::sourceLine).toList();
        for (int i = 0; i < sourceLines.size(); i++) {
            // The heading travels with the first source, so it never ends a part alone.
            String html = i == 0 ? "<b>" + sourcesHeading(locale) + "</b>\n" + sourceLines.get(0) : sourceLines.get(i);
            blocks.add(new Block(i == 0 ? "\n\n" : "\n", html));
        }
        return pack(blocks);
    }

    /** Text with {@code <}, {@code >} and {@code &} replaced, safe between tags in HTML parse mode. */
    static String escape(String text) {
        // By char, not by code point: the three are ASCII, and a surrogate pair is copied as it is.
        // (A code point stream with a lambda per character was most of a worker's time, by JFR.)
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity =
                    switch (text.charAt(i)) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        default -> null;
                    };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, i).append(entity);
                copied = i + 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Escaped for a double-quoted attribute value. */
    static String escapeAttribute(String text) {
        return escape(text).replace("\"", "&quot;");
    }

    /**
     * Drops control characters other than newline and tab, and replaces unpaired surrogates:
     * Telegram rejects both, and either can come from a pasted note or a user's message.
     */
    static String sanitize(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < normalized.length()
                    && Character.isLowSurrogate(normalized.charAt(i + 1))) {
                out.append(c).append(normalized.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A string cut to at most {@code max} code points, with an ellipsis when cut. */
    static String truncate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String sourcesHeading(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "来源" : "Sources";
    }

    private static String sourceLine(Source source) {
        URI url = source.url();
        String title = truncate(
                WHITESPACE_RUN.matcher(sanitize(source.title()).strip()).replaceAll(" "), MAX_TITLE_CODE_POINTS);
        String href = url.toString();
        if (title.isEmpty()) {
            title = url.getHost() == null ? href : url.getHost();
            title = truncate(title, MAX_TITLE_CODE_POINTS);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean linkable = (scheme.equals("http") || scheme.equals("https"))
                && escapeAttribute(href).length() <= MAX_URL_LENGTH;
        // Telegram rejects links it cannot open; those sources are named without a link.
        return linkable
                ? "• <a href=\"" + escapeAttribute(href) + "\">" + escape(title) + "</a>"
                : "• " + escape(title);
    }

    /** Cuts plain text so that each piece, once escaped, fits the limit; prefers whitespace. */
    private List<String> splitPlain(String plain) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < plain.length()) {
            int length = 0;
            int i = start;
            int lastSpace = -1;
            while (i < plain.length()) {
                int cp = plain.codePointAt(i);
                int width = escapedWidth(cp);
                if (length + width > maxLength) {
                    break;
                }
                length += width;
                if (Character.isWhitespace(cp)) {
                    lastSpace = i;
                }
                i += Character.charCount(cp);
            }
            int end = i >= plain.length() || lastSpace <= start ? i : lastSpace;
            String piece = plain.substring(start, end).strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            start = end;
            while (start < plain.length() && Character.isWhitespace(plain.charAt(start))) {
                start++;
            }
        }
        return pieces;
    }

    private static int escapedWidth(int cp) {
        return switch (cp) {
            case '&' -> 5;
            case '<', '>' -> 4;
            default -> Character.charCount(cp);
        };
    }

    private List<String> pack(List<Block> blocks) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Block block : blocks) {
            if (current.length() == 0) {
                current.append(block.html());
            } else if (current.length()
                            + block.separator().length()
                            + block.html().length()
                    <= maxLength) {
                current.append(block.separator()).append(block.html());
            } else {
                parts.add(current.toString());
                current.setLength(0);
                current.append(block.html());
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** An indivisible piece of HTML and what joins it to the block before it. */
    private record Block(String separator, String html) {}
}
