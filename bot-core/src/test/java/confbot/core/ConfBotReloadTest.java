package confbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import confbot.core.chat.Inbound;
import confbot.core.chat.Origin;
import confbot.core.chat.Platform;
import confbot.core.chat.Reply;
import confbot.core.testing.Fixtures;
import confbot.core.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live knowledge: reloads on demand and on change, under load, and what a failed one leaves. */
final class ConfBotReloadTest {

    private static final String QUESTION = "What was the booth number of Quokka at KubeCon China 2019?";
    private static final String ADMIN = "telegram:42";

    @TempDir
    Path notes;

    private final LogCapture log = LogCapture.of(ConfBot.class);

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private Path writeNote(String booth) throws IOException {
        return Files.writeString(
                notes.resolve("quokka.md"),
                """
                # Quokka at KubeCon China 2019

                The Quokka project had its booth at KubeCon China 2019 in the sponsor hall. The Quokka booth number was %s.
                """
                        .formatted(booth));
    }

    private ConfBot bot(BotOptions options) {
        return ConfBot.create(Fixtures.knowledge(), new Setup(true, List.of(notes), List.of()), options);
    }

    private static Inbound from(Platform platform, String user, String text) {
        return new Inbound(text, Locale.ROOT, new Origin(platform, "chat-" + user, user, true));
    }

    @Test
    void theAnswerFollowsTheNotesAfterAReload() throws IOException {
        writeNote("S17");
        ConfBot bot = bot(BotOptions.defaults());
        assertThat(bot.reply(Fixtures.inbound(QUESTION)).text()).contains("S17");

        writeNote("S42");
        bot.reload();

        Reply after = bot.reply(Fixtures.inbound(QUESTION));
        assertThat(after.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(after.text()).contains("S42").doesNotContain("S17");
        assertThat(bot.knowledgeVersion()).isEqualTo(1);
        assertThat(bot.reloadCount()).isEqualTo(1);
    }

    @Test
    void everyReplyIsCompleteWhileReloadsSwapTheLibrary() throws Exception {
        writeNote("S17");
        ConfBot bot = bot(BotOptions.defaults());
        ExecutorService askers = Executors.newFixedThreadPool(8);
        AtomicBoolean reloading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                running.add(askers.submit(() -> {
                    started.countDown();
                    while (reloading.get()) {
                        // Half ask the same question (cached per version), half a new wording each
                        // time (extra question marks: another cache key, the same analysis).
                        String text = n % 2 == 0 ? QUESTION : QUESTION + "?".repeat(replies.size() % 64);
                        replies.add(bot.reply(Fixtures.inbound(text)));
                    }
                    return null;
                }));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            for (int r = 0; r < 6; r++) {
                writeNote(r % 2 == 0 ? "S42" : "S17");
                bot.reload();
            }
            writeNote("S99");
            bot.reload();
            reloading.set(false);
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS); // rethrows anything an asker threw
            }
        } finally {
            askers.shutdownNow();
        }

        assertThat(replies).isNotEmpty().allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
            assertThat(r.text()).containsAnyOf("S17", "S42", "S99");
            assertThat(r.sources()).isNotEmpty();
        });
        assertThat(log.errors()).isEmpty();
        assertThat(bot.reply(Fixtures.inbound(QUESTION)).text()).contains("S99");
        assertThat(bot.knowledgeVersion()).isEqualTo(7);
    }

    @Test
    void aChangedNoteIsPickedUpByTheWatcherWithoutAsking() throws IOException {
        writeNote("S17");
        ConfBot bot = bot(BotOptions.defaults());
        assertThat(bot.reply(Fixtures.inbound(QUESTION)).text()).contains("S17");

        KnowledgeWatcher watcher = bot.watchKnowledge();
        try {
            writeNote("S42");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                            bot.reply(Fixtures.inbound(QUESTION)).text())
                    .contains("S42"));
        } finally {
            watcher.close();
        }
        assertThat(bot.knowledgeVersion()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBadCatalogKeepsTheOldLibraryWithOneWarningNamingTheFile() throws IOException {
        writeNote("S17");
        Path catalog = Files.writeString(
                notes.resolveSibling(notes.getFileName() + "-talks.tsv"),
                "title\tspeakers\nTidal Scheduling\tMei Lin\n");
        ConfBot bot = ConfBot.create(
                Fixtures.knowledge(), new Setup(true, List.of(notes), List.of(catalog)), BotOptions.defaults());
        Library before = bot.library();
        try {
            Files.writeString(catalog, "no title column here\n");

            assertThat(bot.tryReload()).isEmpty();

            assertThat(bot.library()).isSameAs(before);
            assertThat(bot.knowledgeVersion()).isZero();
            assertThat(bot.reloadCount()).isEqualTo(1);
            assertThat(bot.failedReloadCount()).isEqualTo(1);
            assertThat(log.events())
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains(catalog.getFileName().toString()));
            assertThat(bot.reply(Fixtures.inbound(QUESTION)).text()).contains("S17");
        } finally {
            Files.deleteIfExists(catalog);
        }
    }

    @Test
    void aReloadToACalendarWithoutEventsKeepsEveryTalkWithOneWarning() throws IOException {
        writeNote("S17");
        Path catalog = Files.writeString(
                notes.resolveSibling(notes.getFileName() + "-talks.ics"),
                """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                DTSTART:20190625T010000Z
                SUMMARY:Tidal Scheduling with Tidewater
                END:VEVENT
                END:VCALENDAR
                """);
        ConfBot bot = ConfBot.create(
                Fixtures.knowledge(), new Setup(true, List.of(notes), List.of(catalog)), BotOptions.defaults());
        Library before = bot.library();
        try {
            Files.writeString(catalog, "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n");

            assertThat(bot.tryReload()).isEmpty();

            assertThat(bot.library()).isSameAs(before);
            assertThat(bot.library().catalog().talks()).hasSize(1);
            assertThat(log.events())
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("keeping the previous knowledge", catalog + ": no talks in this iCalendar file"));
        } finally {
            Files.deleteIfExists(catalog);
        }
    }

    @Test
    void aCatalogWithoutTalksIsAnErrorAtStart() throws IOException {
        Path catalog = Files.writeString(
                notes.resolveSibling(notes.getFileName() + "-empty.ics"),
                "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfBot.create(
                            Fixtures.knowledge(), new Setup(true, List.of(), List.of(catalog)), BotOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(catalog + ": no talks in this iCalendar file (expected VEVENTs with a SUMMARY)");
        } finally {
            Files.deleteIfExists(catalog);
        }
    }

    @Test
    void reloadIsForAdminsOnly() throws IOException {
        writeNote("S17");
        ConfBot bot = bot(BotOptions.defaults().withAdmins(Set.of(ADMIN, "discord:7")));

        Reply admin = bot.reply(from(Platform.TELEGRAM, "42", "/reload"));
        Reply discordAdmin = bot.reply(from(Platform.DISCORD, "7", "/reload@confbot_bot"));
        List<Reply> refused = List.of(
                bot.reply(from(Platform.TELEGRAM, "43", "/reload")),
                bot.reply(from(Platform.DISCORD, "42", "/reload")), // the same id on another platform
                bot.reply(Fixtures.inbound("/reload")));

        assertThat(admin.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(admin.text()).contains("Reloaded").contains("version 1");
        assertThat(discordAdmin.kind()).isEqualTo(Reply.Kind.LISTING);
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Reply.Kind.USAGE);
            assertThat(r.text()).contains("only the bot's admins");
        });
        assertThat(bot.knowledgeVersion()).isEqualTo(2);
        assertThat(bot.reloadCount()).isEqualTo(2);
    }

    @Test
    void refusesReloadInChineseToAChineseClient() {
        ConfBot bot = bot(BotOptions.defaults());

        Reply r = bot.reply(
                new Inbound("/reload", Locale.SIMPLIFIED_CHINESE, new Origin(Platform.TELEGRAM, "1", "1", false)));

        assertThat(r.kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(r.text()).contains("管理员");
    }

    @Test
    void aFailedReloadTellsTheAdminWhy() throws IOException {
        writeNote("S17");
        ConfBot bot = bot(BotOptions.defaults().withAdmins(Set.of(ADMIN)));
        Files.delete(notes.resolve("quokka.md"));
        Files.delete(notes);

        Reply r = bot.reply(from(Platform.TELEGRAM, "42", "/reload"));

        assertThat(r.kind()).isEqualTo(Reply.Kind.USAGE);
        assertThat(r.text()).contains("previous knowledge is still in use").contains(notes.toString());
        assertThat(bot.knowledgeVersion()).isZero();
    }
}
