-- The heatmap reads every post of a course as (author, time, thread, parent, id) and every read as
-- (reader, time, thread). Covering indexes let it read them without touching the rows, whose bodies would
-- otherwise push the indexes out of the page cache on each course switch.
DROP INDEX post_by_author;
CREATE INDEX post_by_author ON post (course_id, author_id, created_at, thread_id, parent_id, id);
CREATE INDEX activity_by_type ON activity (course_id, type, participant_id, at, thread_id);
