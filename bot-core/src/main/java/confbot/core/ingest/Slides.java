package confbot.core.ingest;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as a talk's slides among the files and links a schedule attaches to it: a document
 * (PDF, PowerPoint, Keynote, OpenDocument) or a page on a slide host, whether a schedule attaches
 * it or a note links to it. Speakers also attach photos,
 * posters, archives and papers' data ({@code .jpg}, {@code .zip}), and frab lists a placeholder
 * ({@code missing.png}) for an upload that never came; offered as "the slides" they are wrong.
 */
public final class Slides {

    private static final Set<String> DOCUMENTS = Set.of("pdf", "ppt", "pptx", "pps", "ppsx", "key", "odp");
    /** Hosts whose pages are decks; Google's only under {@code /presentation/}, not its documents or sheets. */
    private static final Pattern HOSTS = Pattern.compile(
            "(?:.+\\.)?(?:speakerdeck\\.com|slideshare\\.net|slides\\.com|slid\\.es|beamer\\.io)"
                    + "|docs\\.google\\.com/presentation/.*",
            Pattern.CASE_INSENSITIVE);

    private Slides() {}

    /** Whether {@code link} is a deck: its path ends in a document's extension, or it is on a slide host. */
    public static boolean isDeck(URI link) {
        String path = Optional.ofNullable(link.getPath()).orElse("").toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        if (dot >= 0 && path.indexOf('/', dot) < 0 && DOCUMENTS.contains(path.substring(dot + 1))) {
            return true;
        }
        String host = Optional.ofNullable(link.getHost()).orElse("");
        return HOSTS.matcher(host).matches() || HOSTS.matcher(host + path).matches();
    }
}
