-- Subscriptions and reminders: the chats that asked for a reminder before each talk of a
-- conference and for its schedule changes, the reminders already posted (so that a restart posts
-- none twice), and the reminders people asked for themselves before one talk. Self-contained: it
-- reads no table of another migration. Plain SQL that SQLite and PostgreSQL both run; times are
-- epoch milliseconds.

-- One row per chat and conference; subscribing again (another track or room) replaces it.
CREATE TABLE subscriptions (
    platform       VARCHAR(16)  NOT NULL,
    chat_id        VARCHAR(64)  NOT NULL,
    conference     VARCHAR(64)  NOT NULL,
    place          VARCHAR(200) NOT NULL, -- the track or room it is limited to; '' for every talk
    subscriber     VARCHAR(64)  NOT NULL, -- who subscribed: told if the bot loses the right to post
    language       VARCHAR(8)   NOT NULL, -- 'en' or 'zh', what the reminders are written in
    group_chat     SMALLINT     NOT NULL, -- 1 when others read the chat (a group, a channel)
    created_at     BIGINT       NOT NULL,
    last_change_id BIGINT       NOT NULL, -- the last schedule change posted to this chat
    PRIMARY KEY (platform, chat_id, conference)
);

-- A reminder before a talk, posted to a chat: written before it is handed to the platform, so
-- that of two replicas (or a run and its restart) exactly one posts it. The talk's key holds its
-- start, so a talk that moves is reminded of again at its new time.
CREATE TABLE sent_reminders (
    platform  VARCHAR(16) NOT NULL,
    chat_id   VARCHAR(64) NOT NULL,
    talk_key  VARCHAR(64) NOT NULL,
    starts_at BIGINT      NOT NULL,
    sent_at   BIGINT      NOT NULL,
    PRIMARY KEY (platform, chat_id, talk_key)
);

-- Pruning forgets the reminders of talks long over.
CREATE INDEX sent_reminders_by_start ON sent_reminders (starts_at);

-- /remind: one reminder to one person before one talk, found again by its conference and title
-- when it is due (the talk may have moved meanwhile).
CREATE TABLE personal_reminders (
    platform   VARCHAR(16)  NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    conference VARCHAR(64)  NOT NULL,
    title      VARCHAR(500) NOT NULL,
    starts_at  BIGINT       NOT NULL, -- the talk's start when it was asked for
    language   VARCHAR(8)   NOT NULL,
    created_at BIGINT       NOT NULL,
    sent_at    BIGINT,                -- set when it was posted (or missed): done
    PRIMARY KEY (platform, user_id, conference, title)
);

CREATE INDEX personal_reminders_pending ON personal_reminders (sent_at);

-- The highest schedule change id heard so far: a chat that subscribes later starts after it.
CREATE TABLE change_cursor (
    name    VARCHAR(32) NOT NULL PRIMARY KEY,
    last_id BIGINT      NOT NULL
);
