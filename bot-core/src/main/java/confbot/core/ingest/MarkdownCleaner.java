package confbot.core.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Turns Markdown as people write it into headings and blocks of plain text. commonmark-java does
 * the parsing, so emphasis, links and escapes come out right; what is left to us is what to keep:
 * text of HTML fragments ({@code <center>caption</center>} carries facts) but not their markup,
 * not image links, embedded players or gallery markup, and not garbled characters.
 */
public final class MarkdownCleaner {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(nbsp|amp|lt|gt|quot|#39);");

    /**
     * Markup of static-site generators, which commonmark reads as text: Hugo shortcodes ({@code {{< figure >}}},
     * {@code {{% note %}}}), Hexo, Jekyll and Liquid tags ({@code {% asset_img a.webp %}}) and
     * expressions ({@code {{ site.url }}}), HTML comments ({@code <!--more-->}) and table-of-contents
     * markers. A paired shortcode's own text stays.
     */
    private static final Pattern SITE_MARKUP = Pattern.compile(
            "\\{\\{[<%].*?[%>]\\}\\}|\\{%.*?%\\}|\\{\\{.*?\\}\\}|<!--.*?-->|(?im)^[ \\t]*\\[(toc|\\[toc\\])\\][ \\t]*$",
            Pattern.DOTALL);

    private final Parser parser = Parser.builder().build();

    /** A heading (level 1-6) or a block of text (level 0). */
    public record Block(int level, String text) {
        public boolean isHeading() {
            return level > 0;
        }
    }

    public List<Block> clean(String markdown) {
        Node document =
                parser.parse(SITE_MARKUP.matcher(Text.normalize(markdown)).replaceAll(""));
        Collector collector = new Collector();
        document.accept(collector);
        return collector.blocks;
    }

    static String stripHtml(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        return ENTITY.matcher(text).replaceAll(m -> switch (m.group(1)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "#39" -> "'";
            default -> " ";
        });
    }

    private static final class Collector extends AbstractVisitor {
        private final List<Block> blocks = new ArrayList<>();

        @Override
        public void visit(Heading heading) {
            add(heading.getLevel(), inline(heading));
        }

        @Override
        public void visit(Paragraph paragraph) {
            add(0, inline(paragraph));
        }

        @Override
        public void visit(BulletList list) {
            addList(items(list, 0));
        }

        @Override
        public void visit(OrderedList list) {
            addList(items(list, 0));
        }

        @Override
        public void visit(BlockQuote quote) {
            visitChildren(quote);
        }

        @Override
        public void visit(HtmlBlock html) {
            add(0, stripHtml(html.getLiteral()));
        }

        @Override
        public void visit(FencedCodeBlock code) {
            add(0, code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            add(0, code.getLiteral());
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            // a rule separates, it says nothing
        }

        private void add(int level, String raw) {
            String text = Text.tidyLines(raw);
            if (Text.hasWords(text)) {
                blocks.add(new Block(level, level > 0 ? text.replace('\n', ' ') : text));
            }
        }

        /** A list's lines are tidied one by one, so the indentation that marks a nested item stays. */
        private void addList(List<String> lines) {
            String text = String.join("\n", lines);
            if (Text.hasWords(text)) {
                blocks.add(new Block(0, text));
            }
        }

        /**
         * A list is one block, an item a line: the items of a list answer one question together. A
         * nested item's lines are indented by {@value Text#INDENT} per level: they say something
         * about the item above them ("- Alice ~ talk title" then "  - slides, recording, a remark"),
         * so an answer quoting one of them can bring that head along.
         */
        private static List<String> items(Node list, int depth) {
            List<String> out = new ArrayList<>();
            String indent = Text.INDENT.repeat(depth);
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                StringBuilder own = new StringBuilder();
                List<String> nested = new ArrayList<>();
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof BulletList || child instanceof OrderedList) {
                        nested.addAll(items(child, depth + 1));
                    } else {
                        own.append(inline(child)).append(' ');
                    }
                }
                // An item's own lines are one line: "Alice ~ title" then "slides / recording" on the
                // next is one talk, and its nested items hang under all of it.
                String line = Text.tidyLines(own.toString()).replace('\n', ' ');
                if (!line.isEmpty()) {
                    out.add(indent + line);
                }
                out.addAll(nested);
            }
            return out;
        }

        /**
         * Whether a soft line break only wraps a sentence: the line ends inside one (a letter, a
         * digit, a comma) and the next line goes on in Latin script. Hard-wrapped English then reads
         * as the sentences it holds; a line of Chinese, or one that ends a sentence, stays a line,
         * since people write one fact a line there.
         */
        private static boolean continues(StringBuilder before, Node next) {
            int end = before.length() - 1;
            while (end >= 0 && before.charAt(end) == ' ') {
                end--;
            }
            if (end < 0) {
                return false;
            }
            char last = before.charAt(end);
            boolean open = last < 0x2E80 && (Character.isLetterOrDigit(last) || ",;-–(\"'*_`".indexOf(last) >= 0);
            String following = next == null ? "" : firstText(next);
            return open && !following.isEmpty() && following.charAt(0) < 0x2E80 && !following.startsWith("-");
        }

        private static String firstText(Node node) {
            if (node instanceof org.commonmark.node.Text t) {
                return t.getLiteral().stripLeading();
            }
            if (node instanceof Code c) {
                return c.getLiteral();
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                String s = firstText(child);
                if (!s.isEmpty()) {
                    return s;
                }
            }
            return "";
        }

        /** A link's address when it is a deck (a document or a slide host's page), never a local path. */
        private static Optional<String> deck(String destination) {
            try {
                URI uri = new URI(destination.strip().replace(" ", "%20"));
                boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
                return web && Slides.isDeck(uri) ? Optional.of(uri.toString()) : Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }

        private static String inline(Node node) {
            StringBuilder out = new StringBuilder();
            appendInline(node, out);
            return out.toString();
        }

        private static void appendInline(Node node, StringBuilder out) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof org.commonmark.node.Text t) {
                    out.append(t.getLiteral());
                } else if (child instanceof Code c) {
                    out.append(c.getLiteral());
                } else if (child instanceof SoftLineBreak) {
                    out.append(continues(out, child.getNext()) ? " " : "\n");
                } else if (child instanceof HardLineBreak) {
                    out.append('\n');
                } else if (child instanceof HtmlInline h) {
                    // <br> breaks a line; other tags only wrap text, which arrives as Text nodes.
                    out.append(h.getLiteral().toLowerCase(java.util.Locale.ROOT).startsWith("<br") ? "\n" : " ");
                } else if (child instanceof Image) {
                    // image links carry file names, not facts
                } else if (child instanceof Link link
                        && deck(link.getDestination()).isPresent()) {
                    // "[slides](…/deck.pdf)": where the deck is, is the fact people ask for
                    appendInline(child, out);
                    out.append(' ').append(deck(link.getDestination()).get()).append(' ');
                } else {
                    appendInline(child, out);
                }
            }
        }
    }
}
