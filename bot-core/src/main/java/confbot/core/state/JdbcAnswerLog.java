package confbot.core.state;

import confbot.core.chat.Source;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The answer log in the state store's database ({@code V2__feedback.sql}), in SQL that SQLite and
 * PostgreSQL both run. Each write is one transaction on the store's connection.
 *
 * <p>Why read-then-write instead of one upsert with {@code RETURNING}: the two databases tell
 * "inserted" from "updated" differently, and the caller needs to know (a new answer gets its
 * sources; a vote says whether it replaced another). Another replica may insert the same answer
 * between the read and the write; the insert then does nothing and the count is taken again.
 */
final class JdbcAnswerLog implements AnswerLog {

    private final JdbcStateStore store;

    JdbcAnswerLog(JdbcStateStore store) {
        this.store = store;
    }

    @Override
    public void asked(Asked asked) {
        store.inTransaction(c -> {
            if (countAgain(c, asked) == 1) {
                return null;
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO answers (answer_id, kind, question, question_key, answer_text, knowledge_version,"
                            + " first_asked_at, last_asked_at, times_asked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
                            + " ON CONFLICT (answer_id) DO NOTHING")) {
                insert.setString(1, asked.answerId());
                insert.setString(2, kind(asked.kind()));
                insert.setString(3, asked.question());
                insert.setString(4, asked.questionKey());
                insert.setString(5, asked.text());
                insert.setString(6, asked.knowledgeVersion());
                insert.setLong(7, asked.at().toEpochMilli());
                insert.setLong(8, asked.at().toEpochMilli());
                if (insert.executeUpdate() == 0) {
                    countAgain(c, asked); // another replica stored it a moment ago
                    return null;
                }
            }
            try (PreparedStatement source = c.prepareStatement(
                    "INSERT INTO answer_sources (answer_id, position, title, url) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < asked.sources().size(); i++) {
                    source.setString(1, asked.answerId());
                    source.setInt(2, i);
                    source.setString(3, asked.sources().get(i).title());
                    source.setString(4, asked.sources().get(i).url().toString());
                    source.addBatch();
                }
                source.executeBatch();
            }
            return null;
        });
    }

    private static int countAgain(Connection c, Asked asked) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE answers SET times_asked = times_asked + 1,"
                + " last_asked_at = CASE WHEN last_asked_at < ? THEN ? ELSE last_asked_at END"
                + " WHERE answer_id = ?")) {
            update.setLong(1, asked.at().toEpochMilli());
            update.setLong(2, asked.at().toEpochMilli());
            update.setString(3, asked.answerId());
            return update.executeUpdate();
        }
    }

    @Override
    public VoteResult vote(String answerId, String platform, String userId, int rating, Instant at) {
        if (rating != 1 && rating != -1) {
            throw new IllegalArgumentException("rating must be 1 or -1, was " + rating);
        }
        return store.inTransaction(c -> {
            try (PreparedStatement known = c.prepareStatement("SELECT 1 FROM answers WHERE answer_id = ?")) {
                known.setString(1, answerId);
                try (ResultSet rows = known.executeQuery()) {
                    if (!rows.next()) {
                        return VoteResult.UNKNOWN_ANSWER;
                    }
                }
            }
            OptionalInt before = OptionalInt.empty();
            try (PreparedStatement previous = c.prepareStatement(
                    "SELECT rating FROM votes WHERE answer_id = ? AND platform = ? AND user_id = ?")) {
                previous.setString(1, answerId);
                previous.setString(2, platform);
                previous.setString(3, userId);
                try (ResultSet rows = previous.executeQuery()) {
                    if (rows.next()) {
                        before = OptionalInt.of(rows.getInt(1));
                    }
                }
            }
            if (before.isPresent() && before.getAsInt() == rating) {
                return VoteResult.SAME;
            }
            try (PreparedStatement upsert = c.prepareStatement(
                    "INSERT INTO votes (answer_id, platform, user_id, rating, voted_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (answer_id, platform, user_id)"
                            + " DO UPDATE SET rating = excluded.rating, voted_at = excluded.voted_at")) {
                upsert.setString(1, answerId);
                upsert.setString(2, platform);
                upsert.setString(3, userId);
                upsert.setInt(4, rating);
                upsert.setLong(5, at.toEpochMilli());
                upsert.executeUpdate();
            }
            return before.isPresent() ? VoteResult.CHANGED : VoteResult.NEW;
        });
    }

    @Override
    public Totals totals() {
        return store.withConnection(c -> {
            long answers;
            long askedAnswered;
            long abstentions;
            long askedAbstained;
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(CASE WHEN kind = 'answer' THEN 1 END),"
                            + " COALESCE(SUM(CASE WHEN kind = 'answer' THEN times_asked END), 0),"
                            + " COUNT(DISTINCT CASE WHEN kind = 'abstained' THEN question_key END),"
                            + " COALESCE(SUM(CASE WHEN kind = 'abstained' THEN times_asked END), 0)"
                            + " FROM answers");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                answers = rows.getLong(1);
                askedAnswered = rows.getLong(2);
                abstentions = rows.getLong(3);
                askedAbstained = rows.getLong(4);
            }
            try (PreparedStatement select =
                            c.prepareStatement("SELECT COALESCE(SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END), 0),"
                                    + " COALESCE(SUM(CASE WHEN rating < 0 THEN 1 ELSE 0 END), 0) FROM votes");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Totals(
                        answers, askedAnswered, abstentions, askedAbstained, rows.getLong(1), rows.getLong(2));
            }
        });
    }

    @Override
    public List<Rated> worstRated(int limit) {
        return store.withConnection(c -> {
            List<Rated> rated = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT a.answer_id, a.question, a.answer_text, a.knowledge_version, a.times_asked,"
                            + " SUM(CASE WHEN v.rating > 0 THEN 1 ELSE 0 END) AS up,"
                            + " SUM(CASE WHEN v.rating < 0 THEN 1 ELSE 0 END) AS down"
                            + " FROM answers a JOIN votes v ON v.answer_id = a.answer_id"
                            + " GROUP BY a.answer_id, a.question, a.answer_text, a.knowledge_version, a.times_asked"
                            + " ORDER BY SUM(v.rating), down DESC, a.times_asked DESC, a.answer_id LIMIT ?")) {
                select.setInt(1, Math.max(0, limit));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rated.add(new Rated(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                List.of(),
                                rows.getString(4),
                                rows.getLong(5),
                                rows.getLong(6),
                                rows.getLong(7)));
                    }
                }
            }
            List<Rated> withSources = new ArrayList<>();
            for (Rated r : rated) {
                withSources.add(new Rated(
                        r.answerId(),
                        r.question(),
                        r.text(),
                        sources(c, r.answerId()),
                        r.knowledgeVersion(),
                        r.timesAsked(),
                        r.up(),
                        r.down()));
            }
            return withSources;
        });
    }

    @Override
    public List<Gap> mostAskedUnanswered(int limit) {
        return store.withConnection(c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT (SELECT b.question FROM answers b WHERE b.kind = 'abstained'"
                            + " AND b.question_key = a.question_key ORDER BY b.last_asked_at DESC LIMIT 1),"
                            + " SUM(a.times_asked) AS asked, MAX(a.last_asked_at) AS last_at"
                            + " FROM answers a WHERE a.kind = 'abstained' GROUP BY a.question_key"
                            + " ORDER BY asked DESC, last_at DESC, a.question_key LIMIT ?")) {
                select.setInt(1, Math.max(0, limit));
                List<Gap> gaps = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        gaps.add(new Gap(rows.getString(1), rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3))));
                    }
                }
                return gaps;
            }
        });
    }

    private static List<Source> sources(Connection c, String answerId) throws SQLException {
        try (PreparedStatement select =
                c.prepareStatement("SELECT title, url FROM answer_sources WHERE answer_id = ? ORDER BY position")) {
            select.setString(1, answerId);
            List<Source> sources = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    try {
                        sources.add(new Source(rows.getString(1), new URI(rows.getString(2))));
                    } catch (URISyntaxException e) {
                        // Stored from a URI, so it parses; a hand-edited row is left out rather than fail the report.
                    }
                }
            }
            return sources;
        }
    }

    private static String kind(Kind kind) {
        return kind == Kind.ANSWER ? "answer" : "abstained";
    }
}
