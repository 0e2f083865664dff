-- Who the workstation's user is on each course server (V1's identity held one, the primary server's, so on an
-- added server the moderator's own work was not recognised and actions carried the primary server's user id).
-- course_prefix is the prefix of that server's course ids: '' for the primary server (its ids are its own),
-- e.g. 'moodle-3:' for an added one (SavedServer.coursePrefix). A course's identity is its server's row.
CREATE TABLE server_identity (
    course_prefix VARCHAR(200) PRIMARY KEY,
    id            VARCHAR(100) NOT NULL,
    display_name  VARCHAR(300) NOT NULL
);

INSERT INTO server_identity (course_prefix, id, display_name) SELECT '', id, display_name FROM identity;

-- An added server's user id was saved when it was checked; its name comes with the next course list.
INSERT INTO server_identity (course_prefix, id, display_name)
    SELECT LOWER(kind) || '-' || id || ':', user_id, user_id FROM server WHERE user_id IS NOT NULL;

DROP TABLE identity;
