-- Coordinator reports: what was exported, for what purpose, and how long activity data is kept per course.

-- One row per export, written when the file is in place: the purpose is part of the record, not an option.
CREATE TABLE export_log (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    exported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    course_id    VARCHAR(100)  NOT NULL,
    preset       VARCHAR(30)   NOT NULL,
    privacy_mode VARCHAR(20)   NOT NULL,
    format       VARCHAR(10)   NOT NULL,
    period_from  DATE          NOT NULL,
    period_to    DATE          NOT NULL,
    file         VARCHAR(4000) NOT NULL,
    purpose      VARCHAR(2000) NOT NULL,
    row_count    INT           NOT NULL
);
CREATE INDEX export_log_by_course ON export_log (course_id, exported_at);

-- How many days of activity (reads, logins) the cache keeps for a course; no row: kept as long as synced.
CREATE TABLE course_retention (
    course_id      VARCHAR(100) PRIMARY KEY,
    retention_days INT NOT NULL
);
