package confbot.core.index;

import confbot.core.chat.Source;
import confbot.core.ingest.Passage;
import confbot.knowledge.Language;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.apache.lucene.util.Version;

/**
 * A built {@link PassageIndex} as bytes: its passages, its Lucene files and the key of what it was
 * built from. Reading one back gives the same passages and the same index files, so the same
 * searches and answers, without cutting or analysing a single passage (the build of the built-in
 * knowledge is most of a cold start, BENCHMARKS.md).
 *
 * <p>A stream whose format, Lucene version or key differs from the one expected is refused, never half-read: the
 * caller then builds the index as if there were no snapshot.
 */
public final class IndexSnapshot {

    /** Raised when the passage record, the layout or the codec of Lucene's files changes. */
    static final int FORMAT = 1;

    private static final String MAGIC = "confbot-index-snapshot";

    /** What a snapshot holds once read. */
    public record Read(PassageIndex index, int notes) {}

    private IndexSnapshot() {}

    /**
     * Writes {@code index}, the count of {@code notes} behind it and the {@code key} of its inputs.
     * The caller closes {@code out}.
     */
    public static void write(PassageIndex index, int notes, String key, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT);
        data.writeUTF(Version.LATEST.toString());
        writeString(data, key);
        data.writeInt(notes);
        List<Passage> passages = index.passages();
        data.writeInt(passages.size());
        for (Passage p : passages) {
            writePassage(data, p);
        }
        Map<String, byte[]> files = index.files();
        data.writeInt(files.size());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            data.writeUTF(file.getKey());
            data.writeInt(file.getValue().length);
            data.write(file.getValue());
        }
        data.flush();
    }

    /**
     * The index in {@code in}, if it was written by this format and Lucene version for a key that
     * {@code key} accepts; empty otherwise.
     * The caller closes {@code in}.
     *
     * @throws IOException when the stream is cut short or not a snapshot at all
     */
    public static Optional<Read> read(InputStream in, Predicate<String> key) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (!MAGIC.equals(data.readUTF())
                || data.readInt() != FORMAT
                || !Version.LATEST.toString().equals(data.readUTF())
                || !key.test(readString(data))) {
            return Optional.empty();
        }
        int notes = data.readInt();
        int count = data.readInt();
        List<Passage> passages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            passages.add(readPassage(data));
        }
        int fileCount = data.readInt();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < fileCount; i++) {
            String name = data.readUTF();
            byte[] bytes = new byte[data.readInt()];
            data.readFully(bytes);
            files.put(name, bytes);
        }
        return Optional.of(new Read(PassageIndex.open(passages, files), notes));
    }

    private static void writePassage(DataOutputStream out, Passage p) throws IOException {
        writeString(out, p.id());
        writeString(out, p.noteId());
        out.writeInt(p.ordinal());
        writeString(out, p.noteTitle());
        writeString(out, p.heading());
        writeString(out, p.text());
        writeOptional(out, p.conference());
        writeOptional(out, p.date().map(LocalDate::toString));
        out.writeBoolean(p.day().isPresent());
        out.writeInt(p.day().orElse(0));
        writeString(out, p.language().name());
        out.writeInt(p.sources().size());
        for (Source s : p.sources()) {
            writeString(out, s.title());
            writeString(out, s.url().toString());
        }
        writeString(out, p.origin().name());
        writeString(out, p.context());
    }

    private static Passage readPassage(DataInputStream in) throws IOException {
        String id = readString(in);
        String noteId = readString(in);
        int ordinal = in.readInt();
        String noteTitle = readString(in);
        String heading = readString(in);
        String text = readString(in);
        Optional<String> conference = readOptional(in);
        Optional<LocalDate> date = readOptional(in).map(LocalDate::parse);
        boolean hasDay = in.readBoolean();
        int day = in.readInt();
        Language language = Language.valueOf(readString(in));
        int sourceCount = in.readInt();
        List<Source> sources = new ArrayList<>(sourceCount);
        for (int i = 0; i < sourceCount; i++) {
            sources.add(new Source(readString(in), URI.create(readString(in))));
        }
        Passage.Origin origin = Passage.Origin.valueOf(readString(in));
        String context = readString(in);
        return new Passage(
                id,
                noteId,
                ordinal,
                noteTitle,
                heading,
                text,
                conference,
                date,
                hasDay ? OptionalInt.of(day) : OptionalInt.empty(),
                language,
                sources,
                origin,
                context);
    }

    /** UTF-8 with an int length: {@code writeUTF} stops at 64 KB, and a section may be longer. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeOptional(DataOutputStream out, Optional<String> s) throws IOException {
        out.writeBoolean(s.isPresent());
        if (s.isPresent()) {
            writeString(out, s.get());
        }
    }

    private static Optional<String> readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
    }
}
