-- The local cache: server data filled by the sync engine, plus the user's own work (outbox, triage, notes).
-- Every server entity is keyed by (course_id, id): ids are only unique within a course.

-- Who the server says the workstation's user is (one row); actions made offline need it.
CREATE TABLE identity (
    id           VARCHAR(100) PRIMARY KEY,
    display_name VARCHAR(300) NOT NULL
);

CREATE TABLE course (
    id                VARCHAR(100) PRIMARY KEY,
    title             VARCHAR(500) NOT NULL,
    organisation      VARCHAR(500),
    audience          VARCHAR(20)  NOT NULL,
    starts_at         TIMESTAMP WITH TIME ZONE,
    ends_at           TIMESTAMP WITH TIME ZONE,
    time_zone         VARCHAR(60)  NOT NULL,
    participant_count INT          NOT NULL
);

-- One row per course: where the change feed stands. A page of changes and its cursor commit together.
-- generation counts full passes; a full pass (first sync or after an expired cursor) stamps every row it
-- writes, and at its end removes the rows of older generations: what the server no longer has.
CREATE TABLE sync_state (
    course_id     VARCHAR(100) PRIMARY KEY REFERENCES course (id) ON DELETE CASCADE,
    cursor        VARCHAR(1000),
    generation    BIGINT       NOT NULL DEFAULT 1,
    full_pass     BOOLEAN      NOT NULL DEFAULT TRUE,
    last_sync_at  TIMESTAMP WITH TIME ZONE,
    last_error    VARCHAR(2000)
);

CREATE TABLE participant (
    course_id    VARCHAR(100) NOT NULL,
    id           VARCHAR(100) NOT NULL,
    display_name VARCHAR(300) NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    group_name   VARCHAR(300),
    enrolled_at  TIMESTAMP WITH TIME ZONE,
    generation   BIGINT       NOT NULL,
    PRIMARY KEY (course_id, id)
);

CREATE TABLE thread (
    course_id        VARCHAR(100) NOT NULL,
    id               VARCHAR(100) NOT NULL,
    title            VARCHAR(1000) NOT NULL,
    module           VARCHAR(300),
    author_id        VARCHAR(100),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked           BOOLEAN NOT NULL,
    pinned           BOOLEAN NOT NULL,
    version          INT     NOT NULL,
    generation       BIGINT  NOT NULL,
    PRIMARY KEY (course_id, id)
);
CREATE INDEX thread_by_activity ON thread (course_id, last_activity_at DESC);

CREATE TABLE post (
    course_id  VARCHAR(100) NOT NULL,
    id         VARCHAR(100) NOT NULL,
    thread_id  VARCHAR(100) NOT NULL,
    parent_id  VARCHAR(100),
    author_id  VARCHAR(100),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at  TIMESTAMP WITH TIME ZONE,
    -- Bodies live inline (fast); the rare one over a million characters goes to body_overflow instead.
    body_html  VARCHAR(1000000) NOT NULL,
    body_overflow CLOB,
    hidden     BOOLEAN     NOT NULL,
    deleted    BOOLEAN     NOT NULL,
    approval   VARCHAR(20) NOT NULL,
    flag_count INT         NOT NULL,
    version    INT         NOT NULL,
    generation BIGINT      NOT NULL,
    PRIMARY KEY (course_id, id)
);
CREATE INDEX post_by_thread ON post (course_id, thread_id, created_at);
CREATE INDEX post_by_author ON post (course_id, author_id, created_at);

-- Earlier bodies of edited posts, kept when a newer version replaces them.
CREATE TABLE post_revision (
    course_id VARCHAR(100) NOT NULL,
    post_id   VARCHAR(100) NOT NULL,
    version   INT          NOT NULL,
    edited_at TIMESTAMP WITH TIME ZONE,
    body_html VARCHAR(1000000) NOT NULL,
    body_overflow CLOB,
    PRIMARY KEY (course_id, post_id, version)
);

CREATE TABLE activity (
    course_id      VARCHAR(100) NOT NULL,
    id             VARCHAR(100) NOT NULL,
    participant_id VARCHAR(100) NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    type           VARCHAR(20)  NOT NULL,
    thread_id      VARCHAR(100),
    generation     BIGINT       NOT NULL,
    PRIMARY KEY (course_id, id)
);
CREATE INDEX activity_by_participant ON activity (course_id, participant_id, at);

-- The user's actions on their way to the server, in the order they were made. An action and its local
-- effect on the cache commit in one transaction; the row stays after sending, as the action log.
CREATE TABLE outbox (
    seq          BIGINT AUTO_INCREMENT PRIMARY KEY,
    id           UUID         NOT NULL UNIQUE,
    course_id    VARCHAR(100) NOT NULL,
    actor_id     VARCHAR(100) NOT NULL,
    type         VARCHAR(30)  NOT NULL,
    target_id    VARCHAR(100) NOT NULL,
    base_version INT,
    payload      VARCHAR(1000000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    state        VARCHAR(20)  NOT NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    detail       VARCHAR(1000000),
    settled_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outbox_by_state ON outbox (state, seq);

CREATE TABLE triage (
    course_id     VARCHAR(100) NOT NULL,
    thread_id     VARCHAR(100) NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    assignee      VARCHAR(100),
    snoozed_until TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, thread_id)
);

CREATE TABLE moderator_note (
    id         UUID         PRIMARY KEY,
    course_id  VARCHAR(100) NOT NULL,
    target_id  VARCHAR(100) NOT NULL,
    text       VARCHAR(100000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX note_by_target ON moderator_note (course_id, target_id);
