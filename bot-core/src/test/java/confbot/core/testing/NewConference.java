package confbot.core.testing;

import confbot.core.Setup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A conference the code has never heard of, given only as files, the way a deployment would add
 * one: a registry entry ({@code conferences.yaml} in its notes folder), two notes (English with
 * front matter naming it, Chinese naming it only in its text), a pretalx {@code schedule.json}
 * and an iCalendar export. Everything in it is invented: Harbourlight DevDays 2024, in Porto, on
 * Lisbon time (UTC+1 in May), 14-16 May 2024.
 */
public final class NewConference {

    public static final String ID = "harbourlight-devdays-2024";
    public static final String NAME = "Harbourlight DevDays 2024";
    public static final String NAME_ZH = "2024 港灯开发者大会";
    public static final String ZONE = "Europe/Lisbon";
    /** Announced in the keynote, according to the notes; nowhere in the KubeCon China knowledge. */
    public static final String ANNOUNCED = "Driftwood";
    /** The talk /slides rust finds; "Trusting the build farm" it must not. */
    public static final String RUST_TALK = "Driftwood: tracing services in Rust";

    public static final String TRUST_TALK = "Trusting the build farm";
    /** A day-3 workshop from the calendar, at 13:00Z, which is 14:00 in Lisbon. */
    public static final String WORKSHOP = "Rust workshop: ownership by example";

    private NewConference() {}

    /** Writes the files under {@code dir} and returns the setup that loads them beside the built-in knowledge. */
    public static Setup write(Path dir) {
        try {
            Path notes = Files.createDirectories(dir.resolve("notes"));
            Files.writeString(notes.resolve("conferences.yaml"), REGISTRY, StandardCharsets.UTF_8);
            Files.writeString(notes.resolve("keynote-en.md"), NOTE_EN, StandardCharsets.UTF_8);
            Files.writeString(notes.resolve("keynote-zh.md"), NOTE_ZH, StandardCharsets.UTF_8);
            Path json = Files.writeString(dir.resolve("schedule.json"), SCHEDULE_JSON, StandardCharsets.UTF_8);
            Path ics = Files.writeString(dir.resolve("workshops.ics"), ICS, StandardCharsets.UTF_8);
            return new Setup(true, List.of(notes), List.of(json, ics), true, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String REGISTRY =
            """
            conferences:
              - id: harbourlight-devdays-2024
                name: {en: "Harbourlight DevDays 2024", zh: "2024 港灯开发者大会"}
                short: {en: "Harbourlight DevDays 2024", zh: "2024 港灯开发者大会"}
                aliases: {en: ["HLDD 2024"], zh: ["港灯大会 2024"]}
                city: {en: Porto, zh: 波尔图}
                venue: {en: "Riverside Forum", zh: "河畔论坛"}
                timezone: Europe/Lisbon
                start: 2024-05-14
                end: 2024-05-16
                links:
                  - {kind: schedule, title: {en: "Programme", zh: "日程"}, url: "https://devdays.example.org/2024/schedule/"}
            """;

    static final String NOTE_EN =
            """
            ---
            title: Harbourlight DevDays 2024, the keynote
            conference: harbourlight-devdays-2024
            ---
            # The keynote

            Ines Carvalho of Tidemark Labs opened the second day of Harbourlight DevDays 2024 in Porto.
            Tidemark Labs announced Driftwood, an open-source tracer for services written in Rust,
            and said the first release would follow in the autumn.

            # The hallway

            Most conversations in the hallway were about build farms and supply-chain checks.
            """;

    static final String NOTE_ZH =
            """
            # 主题演讲

            在 2024 港灯开发者大会的第二天，潮标实验室的 Ines Carvalho 做了开场主题演讲。
            潮标实验室发布了 Driftwood，一个用 Rust 写的开源服务追踪工具，首个版本预计秋天发布。
            """;

    static final String SCHEDULE_JSON =
            """
            {"schedule": {"version": "test-1", "base_url": "https://devdays.example.org/2024/",
              "conference": {"acronym": "hldd2024", "title": "Harbourlight DevDays 2024",
                "start": "2024-05-14", "end": "2024-05-16", "time_zone_name": "Europe/Lisbon",
                "days": [
                  {"index": 2, "date": "2024-05-15", "rooms": {"Main hall": [
                    {"id": 1, "title": "Driftwood: tracing services in Rust", "date": "2024-05-15T09:00:00+00:00",
                     "start": "10:00", "duration": "00:40", "room": "Main hall", "track": "Keynote",
                     "persons": [{"public_name": "Ines Carvalho"}],
                     "attachments": [{"url": "https://devdays.example.org/media/driftwood.pdf", "title": "Slides"}]},
                    {"id": 2, "title": "Trusting the build farm", "date": "2024-05-15T10:00:00+00:00",
                     "start": "11:00", "duration": "00:30", "room": "Main hall", "track": "Security",
                     "persons": [{"public_name": "Tomas Reis"}], "attachments": []}
                  ]}}
                ]}}}
            """;

    static final String ICS =
            """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//workshops//EN
            X-WR-CALNAME:Harbourlight DevDays 2024
            X-WR-TIMEZONE:Europe/Lisbon
            BEGIN:VEVENT
            UID:ws-1@devdays.example.org
            DTSTAMP:20240401T000000Z
            DTSTART:20240516T130000Z
            DTEND:20240516T143000Z
            SUMMARY:Rust workshop: ownership by example
            LOCATION:Lab 2
            ATTENDEE;CN=Marta Lobo:mailto:marta@example.org
            END:VEVENT
            END:VCALENDAR
            """;
}
