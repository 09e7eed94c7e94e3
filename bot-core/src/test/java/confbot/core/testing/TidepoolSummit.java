package confbot.core.testing;

import confbot.core.Setup;
import confbot.core.catalog.Talk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A small live conference for the reminder tests, given as files: a registry entry and a pretalx
 * {@code schedule.json} with four talks, timed from a start the test chooses (a fixed clock's, or
 * a few seconds from now for a child process). Invented: Tidepool Summit, on UTC.
 *
 * <ul>
 *   <li>{@link #KEYNOTE} at the start, Main hall, track Keynote;
 *   <li>{@link #KATA} and {@link #HARBOR} together an hour later, in Room 2 and the Main hall;
 *   <li>{@link #PANEL} seven hours after the start, Main hall.
 * </ul>
 */
public final class TidepoolSummit {

    public static final String ID = "tidepool-summit";
    public static final String NAME = "Tidepool Summit";
    public static final String KEYNOTE = "Opening keynote: reading the tides";
    public static final String KATA = "Kata Containers in practice";
    public static final String HARBOR = "Harbor at scale";
    public static final String PANEL = "Closing panel";
    public static final String MAIN_HALL = "Main hall";
    public static final String ROOM_2 = "Room 2";

    private TidepoolSummit() {}

    /**
     * Writes the registry and the catalog under {@code dir}, the keynote starting at {@code keynote}
     * (UTC), and returns the setup that loads them beside the built-in knowledge.
     */
    public static Setup write(Path dir, LocalDateTime keynote) {
        return write(dir, keynote, Duration.ofHours(1));
    }

    /** As {@link #write(Path, LocalDateTime)}, with Kata and Harbor {@code gap} after the keynote. */
    public static Setup write(Path dir, LocalDateTime keynote, Duration gap) {
        try {
            Path notes = Files.createDirectories(dir.resolve("notes"));
            LocalDate first = keynote.toLocalDate();
            Files.writeString(
                    notes.resolve("conferences.yaml"),
                    REGISTRY.replace("$START", first.toString())
                            .replace("$END", first.plusDays(1).toString()),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    notes.resolve("tidepool-en.md"),
                    "---\ntitle: Tidepool Summit notes\nconference: tidepool-summit\n---\n# Tidepool Summit\n\n"
                            + "Tidepool Summit is a one-day meeting about container runtimes.\n",
                    StandardCharsets.UTF_8);
            StringBuilder talks = new StringBuilder();
            talks.append(talk(1, KEYNOTE, keynote, MAIN_HALL, "Keynote", "Ana Sousa"))
                    .append(',');
            talks.append(talk(2, KATA, keynote.plus(gap), ROOM_2, "Runtime", "Li Wei"))
                    .append(',');
            talks.append(talk(3, HARBOR, keynote.plus(gap), MAIN_HALL, "Registry", "Chen Jie"))
                    .append(',');
            talks.append(talk(4, PANEL, keynote.plusHours(7), MAIN_HALL, "Keynote", "Ana Sousa"));
            Path json = Files.writeString(
                    dir.resolve("schedule.json"),
                    SCHEDULE.replace("$START", first.toString())
                            .replace("$END", first.plusDays(1).toString())
                            .replace("$TALKS", talks),
                    StandardCharsets.UTF_8);
            return new Setup(true, List.of(notes), List.of(json), true, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A talk of this conference as the catalog reads it, for building schedule changes. */
    public static Talk talk(String title, LocalDateTime start, String room, String track, String speaker) {
        return new Talk(
                title,
                List.of(speaker),
                List.of(),
                Optional.of(start.toLocalDate()),
                Optional.of(start.toLocalTime()),
                Optional.of(start.toLocalTime().plusMinutes(30)),
                Optional.of(room),
                Optional.of(track),
                List.of(),
                ID);
    }

    private static String talk(int id, String title, LocalDateTime start, String room, String track, String speaker) {
        return """
                {"id": %d, "guid": "tp-%d", "title": "%s", "date": "%s", "start": "%s", "duration": "00:30",
                 "room": "%s", "track": "%s", "persons": [{"public_name": "%s"}], "attachments": [],
                 "url": "https://tidepool.example.org/talk/%d"}"""
                .formatted(
                        id,
                        id,
                        title,
                        start.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        start.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")),
                        room,
                        track,
                        speaker,
                        id);
    }

    /** Every talk on day 1 of the file, whatever its date: pretalx files group by day, readers read each talk's date. */
    private static final String SCHEDULE =
            """
            {"schedule": {"version": "1", "base_url": "https://tidepool.example.org/",
              "conference": {"acronym": "tidepool", "title": "Tidepool Summit",
                "start": "$START", "end": "$END", "time_zone_name": "UTC",
                "days": [{"index": 1, "date": "$START", "rooms": {"All": [$TALKS]}}]}}}
            """;

    private static final String REGISTRY =
            """
            conferences:
              - id: tidepool-summit
                name: {en: "Tidepool Summit", zh: "潮池峰会"}
                short: {en: "Tidepool Summit", zh: "潮池峰会"}
                aliases: {en: ["Tidepool"], zh: ["潮池"]}
                city: {en: Faro, zh: 法鲁}
                venue: {en: "Harbour Hall", zh: "港口大厅"}
                timezone: UTC
                start: $START
                end: $END
            """;
}
