package confbot.core.answer;

import confbot.core.retrieve.WordTagger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an answer names a place: what a question asking "where" or "which city" is answered by.
 * Notes that say only that the author "walked around the venue" do not tell where the venue was,
 * and a "where" question answered from them is a guess.
 *
 * <p>A place is a link (where to find something online), a Chinese place name by the tagger (上海,
 * 浦东, 静安寺), a Chinese word ending in what venues and addresses end in (…大厦, …科学园, …路),
 * or, in a sentence mostly in Latin script, a capitalised word that does not open the sentence
 * (Vancouver, San Diego, Frankfurt). Words the question holds do not count: "QCon Shanghai" in the
 * answer to "where was QCon Shanghai held" says nothing new. The capitalised-word test is loose:
 * it keeps answers that name anything, so it abstains only on answers that name nothing at all.
 */
final class Places {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    /** Venues, buildings and addresses, after at least two characters of their own name. */
    private static final Pattern VENUE = Pattern.compile(
            "\\p{IsHan}{2,12}?(?:大厦|大楼|酒店|宾馆|饭店|广场|公园|园区|科学园|" + "软件园|产业园|大学|学院|机场|中心|会馆|展馆|场馆|体育馆|博物馆|号馆|号楼|大道|路|街)");

    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}\\d'’-]*");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");

    private final WordTagger tagger;

    Places(WordTagger tagger) {
        this.tagger = tagger;
    }

    /** Whether one of the answer's sentences names a place the question does not name. */
    boolean named(String answer, String question) {
        if (LINK.matcher(answer).find()) {
            return true;
        }
        String asked = question.toLowerCase(Locale.ROOT);
        for (String sentence : AnswerWriter.sentences(answer)) {
            if (chinese(sentence)) {
                if (tagger.tag(sentence).stream()
                        .anyMatch(w ->
                                w.kind() == WordTagger.Kind.PLACE && w.text().length() > 1 && fresh(w.text(), asked))) {
                    return true;
                }
                Matcher venue = VENUE.matcher(sentence);
                while (venue.find()) {
                    if (fresh(venue.group(), asked)) {
                        return true;
                    }
                }
            } else {
                Matcher word = CAPITALISED.matcher(sentence);
                while (word.find()) {
                    if (word.start() > firstLetter(sentence) && fresh(word.group(), asked)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean fresh(String place, String asked) {
        return !asked.contains(place.toLowerCase(Locale.ROOT));
    }

    private static boolean chinese(String sentence) {
        return HAN.matcher(sentence).results().count()
                >= LATIN.matcher(sentence).results().count();
    }

    private static int firstLetter(String sentence) {
        for (int i = 0; i < sentence.length(); i++) {
            if (Character.isLetter(sentence.charAt(i))) {
                return i;
            }
        }
        return sentence.length();
    }
}
