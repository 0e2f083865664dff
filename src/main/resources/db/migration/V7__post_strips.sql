-- Each participant's post times in a course, packed into one value: the heatmap reads a course's thousand strips
-- instead of its hundred thousand posts. Kept by the sync beside thread_stats (store.PostStrips); a course's strips
-- are used only while they are current (not during a full pass, which rebuilds them when it ends).
CREATE TABLE post_strip (
    course_id      VARCHAR(100) NOT NULL,
    participant_id VARCHAR(100) NOT NULL,
    times          VARBINARY    NOT NULL,
    PRIMARY KEY (course_id, participant_id)
);

ALTER TABLE sync_state ADD COLUMN post_strips_current BOOLEAN NOT NULL DEFAULT FALSE;
