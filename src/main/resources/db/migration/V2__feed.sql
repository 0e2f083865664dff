-- The feed: per-thread figures for lists and queues, what the moderator has read, replies being typed,
-- and what it takes to take back an action that has not been sent yet.

-- Kept current by the sync (for the threads a page touched) and by the user's own actions; rebuilt for
-- the whole course when a full pass ends. Times are of posts that are not deleted.
CREATE TABLE thread_stats (
    course_id                VARCHAR(100) NOT NULL,
    thread_id                VARCHAR(100) NOT NULL,
    post_count               INT NOT NULL,
    reply_count              INT NOT NULL,
    replies_by_others        INT NOT NULL,
    moderator_replies        INT NOT NULL,
    peer_replies             INT NOT NULL,
    first_reply_at           TIMESTAMP WITH TIME ZONE,
    first_moderator_reply_at TIMESTAMP WITH TIME ZONE,
    last_post_at             TIMESTAMP WITH TIME ZONE,
    last_participant_post_at TIMESTAMP WITH TIME ZONE,
    last_moderator_post_at   TIMESTAMP WITH TIME ZONE,
    flag_count               INT NOT NULL,
    pending_count            INT NOT NULL,
    hidden_count             INT NOT NULL,
    opener_question          BOOLEAN NOT NULL,
    author_first_post        BOOLEAN NOT NULL,
    PRIMARY KEY (course_id, thread_id)
);

-- Posts created after read_up_to count as unread for this workstation's user.
CREATE TABLE thread_read (
    course_id  VARCHAR(100) NOT NULL,
    thread_id  VARCHAR(100) NOT NULL,
    read_up_to TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, thread_id)
);

-- A reply as it is being typed, saved while typing so that a crash or a closed window loses nothing.
CREATE TABLE draft (
    course_id      VARCHAR(100) NOT NULL,
    parent_post_id VARCHAR(100) NOT NULL,
    thread_id      VARCHAR(100) NOT NULL,
    body           VARCHAR(1000000) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, parent_post_id)
);

-- What an action changed in the cache, as it was before (JSON), so that undoing an unsent action puts it back.
ALTER TABLE outbox ADD COLUMN previous_state VARCHAR(1000000);

-- Posts from before the first sync of a course count as read: the moderator knows them from the platform.
ALTER TABLE sync_state ADD COLUMN read_baseline TIMESTAMP WITH TIME ZONE;
