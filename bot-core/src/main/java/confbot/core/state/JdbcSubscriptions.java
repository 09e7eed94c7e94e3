package confbot.core.state;

import confbot.core.chat.Platform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions and reminders in the state store's database ({@code V4__subscriptions.sql}), in SQL
 * that SQLite and PostgreSQL both run. Each write is one transaction on the store's connection.
 *
 * <p>Why claims are conditional writes ({@code INSERT … ON CONFLICT DO NOTHING}, {@code UPDATE …
 * WHERE sent_at IS NULL}) and not a read first: the row count says who won, in one statement, on
 * both databases, even when replicas claim the same reminder at the same moment.
 */
final class JdbcSubscriptions implements Subscriptions {

    private static final String CURSOR = "schedule_changes";

    private final JdbcStateStore store;

    JdbcSubscriptions(JdbcStateStore store) {
        this.store = store;
    }

    @Override
    public boolean subscribe(Subscription s) {
        return store.inTransaction(c -> {
            long cursor = cursor(c);
            boolean existed;
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM subscriptions WHERE platform = ? AND chat_id = ? AND conference = ?")) {
                delete.setString(1, platform(s.platform()));
                delete.setString(2, s.chatId());
                delete.setString(3, s.conference());
                existed = delete.executeUpdate() > 0;
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO subscriptions (platform, chat_id, conference, place, subscriber, language, group_chat,"
                            + " created_at, last_change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, platform(s.platform()));
                insert.setString(2, s.chatId());
                insert.setString(3, s.conference());
                insert.setString(4, s.place().orElse(""));
                insert.setString(5, s.subscriber());
                insert.setString(6, s.language());
                insert.setInt(7, s.groupChat() ? 1 : 0);
                insert.setLong(8, s.createdAt().toEpochMilli());
                insert.setLong(9, cursor);
                insert.executeUpdate();
            }
            return existed;
        });
    }

    @Override
    public int unsubscribe(Platform platform, String chatId, Optional<String> conference) {
        return store.inTransaction(c -> {
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?"
                            + (conference.isPresent() ? " AND conference = ?" : ""))) {
                delete.setString(1, platform(platform));
                delete.setString(2, chatId);
                if (conference.isPresent()) {
                    delete.setString(3, conference.get());
                }
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<Subscription> subscriptions() {
        return select("", List.of());
    }

    @Override
    public List<Subscription> subscriptions(Platform platform, String chatId) {
        return select(" WHERE platform = ? AND chat_id = ?", List.of(platform(platform), chatId));
    }

    private List<Subscription> select(String where, List<String> arguments) {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT platform, chat_id, conference, place, subscriber, language, group_chat, created_at,"
                            + " last_change_id FROM subscriptions" + where
                            + " ORDER BY created_at, platform, chat_id, conference")) {
                for (int i = 0; i < arguments.size(); i++) {
                    select.setString(i + 1, arguments.get(i));
                }
                List<Subscription> out = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.add(new Subscription(
                                Platform.valueOf(rows.getString(1).toUpperCase(Locale.ROOT)),
                                rows.getString(2),
                                rows.getString(3),
                                Optional.of(rows.getString(4)).filter(p -> !p.isEmpty()),
                                rows.getString(5),
                                rows.getString(6),
                                rows.getInt(7) == 1,
                                Instant.ofEpochMilli(rows.getLong(8)),
                                rows.getLong(9)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean claimReminder(Platform platform, String chatId, String talkKey, Instant startsAt, Instant at) {
        return !claimReminders(platform, chatId, Map.of(talkKey, startsAt), at).isEmpty();
    }

    @Override
    public Set<String> claimReminders(Platform platform, String chatId, Map<String, Instant> startsByKey, Instant at) {
        if (startsByKey.isEmpty()) {
            return Set.of();
        }
        return store.inTransaction(c -> {
            Set<String> claimed = new LinkedHashSet<>();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sent_reminders (platform, chat_id, talk_key, starts_at, sent_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (platform, chat_id, talk_key) DO NOTHING")) {
                for (Map.Entry<String, Instant> talk : startsByKey.entrySet()) {
                    insert.setString(1, platform(platform));
                    insert.setString(2, chatId);
                    insert.setString(3, talk.getKey());
                    insert.setLong(4, talk.getValue().toEpochMilli());
                    insert.setLong(5, at.toEpochMilli());
                    if (insert.executeUpdate() == 1) {
                        claimed.add(talk.getKey());
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public int forgetRemindersBefore(Instant before) {
        return store.inTransaction(c -> {
            int removed;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sent_reminders WHERE starts_at < ?")) {
                delete.setLong(1, before.toEpochMilli());
                removed = delete.executeUpdate();
            }
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM personal_reminders WHERE sent_at IS NOT NULL AND starts_at < ?")) {
                delete.setLong(1, before.toEpochMilli());
                removed += delete.executeUpdate();
            }
            return removed;
        });
    }

    @Override
    public boolean remind(PersonalReminder r) {
        return store.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO personal_reminders (platform, user_id, conference, title, starts_at, language, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (platform, user_id, conference, title) DO NOTHING")) {
                insert.setString(1, platform(r.platform()));
                insert.setString(2, r.userId());
                insert.setString(3, r.conference());
                insert.setString(4, r.title());
                insert.setLong(5, r.startsAt().toEpochMilli());
                insert.setString(6, r.language());
                insert.setLong(7, r.createdAt().toEpochMilli());
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<PersonalReminder> pendingReminders() {
        return store.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                            "SELECT platform, user_id, conference, title, starts_at, language, created_at"
                                    + " FROM personal_reminders WHERE sent_at IS NULL ORDER BY starts_at, created_at");
                    ResultSet rows = select.executeQuery()) {
                List<PersonalReminder> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(new PersonalReminder(
                            Platform.valueOf(rows.getString(1).toUpperCase(Locale.ROOT)),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            Instant.ofEpochMilli(rows.getLong(5)),
                            rows.getString(6),
                            Instant.ofEpochMilli(rows.getLong(7))));
                }
                return out;
            }
        });
    }

    @Override
    public boolean claimPersonal(PersonalReminder r, Instant at) {
        return store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE personal_reminders SET sent_at = ?"
                    + " WHERE platform = ? AND user_id = ? AND conference = ? AND title = ? AND sent_at IS NULL")) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, platform(r.platform()));
                update.setString(3, r.userId());
                update.setString(4, r.conference());
                update.setString(5, r.title());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean claimChanges(Platform platform, String chatId, String conference, long upTo) {
        return store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE subscriptions SET last_change_id = ?"
                    + " WHERE platform = ? AND chat_id = ? AND conference = ? AND last_change_id < ?")) {
                update.setLong(1, upTo);
                update.setString(2, platform(platform));
                update.setString(3, chatId);
                update.setString(4, conference);
                update.setLong(5, upTo);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long changeCursor() {
        return store.withConnection(JdbcSubscriptions::cursor);
    }

    @Override
    public void advanceChangeCursor(long id) {
        store.inTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO change_cursor (name, last_id) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id"
                    + " WHERE change_cursor.last_id < excluded.last_id")) {
                upsert.setString(1, CURSOR);
                upsert.setLong(2, id);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private static long cursor(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_id FROM change_cursor WHERE name = ?")) {
            select.setString(1, CURSOR);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static String platform(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }
}
