-- Feedback on answers: every answer given and every question the notes did not cover, with how
-- often each was asked, and the votes people gave the answers (one per person per answer; a
-- second press replaces the first). Plain SQL that SQLite and PostgreSQL both run; times are
-- epoch milliseconds.

-- One row per (knowledge version, question as asked, what the bot said). The id is a digest of
-- those, so replicas answering the same question from the same notes share one row.
CREATE TABLE answers (
    answer_id         VARCHAR(32)  NOT NULL PRIMARY KEY,
    kind              VARCHAR(16)  NOT NULL, -- 'answer', or 'abstained' when the notes don't say
    question          TEXT         NOT NULL, -- as first asked, white space collapsed
    question_key      TEXT         NOT NULL, -- lower-cased, punctuation-trimmed: groups the gaps
    answer_text       TEXT         NOT NULL, -- empty for an abstention
    knowledge_version VARCHAR(64)  NOT NULL, -- a digest of the indexed passages
    first_asked_at    BIGINT       NOT NULL,
    last_asked_at     BIGINT       NOT NULL,
    times_asked       BIGINT       NOT NULL
);

-- The gap report sums abstentions by question.
CREATE INDEX answers_by_kind ON answers (kind, question_key);

CREATE TABLE answer_sources (
    answer_id VARCHAR(32) NOT NULL REFERENCES answers (answer_id),
    position  INTEGER     NOT NULL,
    title     TEXT        NOT NULL,
    url       TEXT        NOT NULL,
    PRIMARY KEY (answer_id, position)
);

CREATE TABLE votes (
    answer_id VARCHAR(32) NOT NULL REFERENCES answers (answer_id),
    platform  VARCHAR(16) NOT NULL,
    user_id   VARCHAR(64) NOT NULL,
    rating    SMALLINT    NOT NULL, -- 1 for a thumbs up, -1 for a thumbs down
    voted_at  BIGINT      NOT NULL,
    PRIMARY KEY (answer_id, platform, user_id)
);
