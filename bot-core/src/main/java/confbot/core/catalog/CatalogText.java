package confbot.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of a catalog file: checked to be UTF-8 before any parser sees it, and the HTML entities
 * exporters leave in titles decoded.
 *
 * <p>Why a check of its own: a parser that meets a Latin-1 byte says only {@code Input length = 1}
 * (the JDK's {@code MalformedInputException}), which names neither the file nor the problem. The
 * check streams the file in 64 KB chunks, so it costs no memory whatever the file's size.
 */
final class CatalogText {

    private static final Logger log = LoggerFactory.getLogger(CatalogText.class);

    private static final int CHUNK = 64 * 1024;
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    /** The named entities exporters write into plain-text fields; others stay as they are. */
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "ndash", "–", "mdash", "—");

    private CatalogText() {}

    /**
     * @throws IllegalArgumentException naming the file and the first byte that is not UTF-8 (its
     *     offset and value), as a Latin-1 export or a binary file has
     */
    static void requireUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(CHUNK);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        long consumed = 0; // bytes before in's position 0
        try (InputStream stream = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, eof);
                if (result.isError()) {
                    long offset = consumed + in.position();
                    int bad = in.get(in.position()) & 0xff;
                    throw new IllegalArgumentException(file + ": not UTF-8 text (byte 0x"
                            + HexFormat.of().toHexDigits((byte) bad) + " at offset " + offset
                            + "); save it as UTF-8");
                }
                out.clear();
                consumed += in.position();
                in.compact();
            }
        }
    }

    /** A reader of the file as UTF-8, its byte-order mark left out. Call {@link #requireUtf8} first. */
    static BufferedReader reader(Path file) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    /** {@code &amp;}, {@code &#39;}, {@code &#x2019;} and the like decoded; an unknown name is kept as written. */
    static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return ENTITY.matcher(text).replaceAll(m -> {
            String name = m.group(1);
            Optional<String> decoded;
            if (name.startsWith("#")) {
                boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                int code = Integer.parseInt(hex ? name.substring(2) : name.substring(1), hex ? 16 : 10);
                decoded = Character.isValidCodePoint(code) && code != 0
                        ? Optional.of(Character.toString(code))
                        : Optional.empty();
            } else {
                decoded = Optional.ofNullable(NAMED.get(name.toLowerCase(Locale.ROOT)));
            }
            return java.util.regex.Matcher.quoteReplacement(decoded.orElse(m.group()));
        });
    }

    /**
     * An http(s) address, relative ones (pretalx's {@code /media/…}, frab's {@code /system/…})
     * resolved against {@code base}; anything else is left out with a WARN.
     */
    static Optional<URI> uri(String value, Optional<URI> base) {
        try {
            URI uri = new URI(value.strip());
            if (!uri.isAbsolute() && base.isPresent()) {
                uri = base.get().resolve(uri);
            }
            if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // reported below
        }
        log.warn("Ignoring link that is not an http(s) address: {}", value);
        return Optional.empty();
    }

    /** A schedule's {@code hh:mm} or {@code hh:mm:ss} duration; a bad one is left out with a WARN. */
    static Optional<Duration> duration(String where, String value) {
        String[] parts = value.split(":");
        try {
            if (parts.length == 2 || parts.length == 3) {
                Duration d = Duration.ofHours(Integer.parseInt(parts[0])).plusMinutes(Integer.parseInt(parts[1]));
                return Optional.of(parts.length == 3 ? d.plusSeconds(Integer.parseInt(parts[2])) : d);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("{}: ignoring bad duration '{}'", where, value);
        return Optional.empty();
    }

    /** {@code value} read by {@code parser}; a bad date or time is left out with a WARN. */
    static <T> Optional<T> parse(Path file, String field, String value, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(value.strip()));
        } catch (DateTimeException e) {
            log.warn("{}: ignoring bad {} '{}'", file.getFileName(), field, value);
            return Optional.empty();
        }
    }
}
