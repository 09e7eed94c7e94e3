-- Schedule changes: each talk that differs between two versions of a conference's published
-- schedule (moved in time or room, cancelled, new, speakers changed), as /changes lists them and
-- the subscribed chats are told. Plain SQL that SQLite and PostgreSQL both run, but for the id's
-- type: a Flyway placeholder that JdbcStateStore sets to each database's own increasing key, so
-- whoever posts changes can keep the last id it posted. Times are epoch milliseconds.
CREATE TABLE schedule_changes (
    id          ${increasing_id},
    conference  VARCHAR(128) NOT NULL, -- the registry id
    talk_key    TEXT         NOT NULL, -- the talk's catalog id, else its title and speakers
    kinds       VARCHAR(128) NOT NULL, -- comma-separated: new, cancelled, moved_time, moved_room, speakers_changed
    before_talk TEXT,                  -- the talk as it was (JSON); null for a new talk
    after_talk  TEXT,                  -- the talk as it is now (JSON); null for a cancelled one
    fingerprint VARCHAR(64)  NOT NULL, -- a digest of the above: replicas that find the same change store it once
    found_at    BIGINT       NOT NULL,
    UNIQUE (conference, fingerprint)
);

-- /changes [conference] reads the newest first; a poster reads what came after its last id.
CREATE INDEX schedule_changes_by_conference ON schedule_changes (conference, id);
