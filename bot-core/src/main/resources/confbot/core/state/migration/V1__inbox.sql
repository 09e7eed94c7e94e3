-- The inbox: every update a chat adapter took from its platform, journaled before the platform is
-- told it was received, and marked done once its answer was sent (or none was needed).
-- Plain SQL that SQLite and PostgreSQL both run; times are epoch milliseconds.
CREATE TABLE inbox (
    platform    VARCHAR(16)  NOT NULL,
    update_id   BIGINT       NOT NULL,
    received_at BIGINT       NOT NULL,
    payload     TEXT         NOT NULL,
    done_at     BIGINT,
    outcome     VARCHAR(32),
    PRIMARY KEY (platform, update_id)
);

-- Start-up reads what is not done, oldest first; pruning reads what was done long ago.
CREATE INDEX inbox_by_done ON inbox (platform, done_at, received_at);
