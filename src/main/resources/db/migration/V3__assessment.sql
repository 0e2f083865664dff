-- WACKER assessments: frameworks of criteria, and per assessment the records of each assessor side by side.
-- Every assessor's notes, links and levels are rows keyed by that assessor: nothing is merged by overwriting.

CREATE TABLE assessment_framework (
    code           VARCHAR(100) PRIMARY KEY,
    title          VARCHAR(500) NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    scale_code     VARCHAR(100) NOT NULL,
    scale_name     VARCHAR(200) NOT NULL,
    pass_level     VARCHAR(100) NOT NULL,
    minimum_share  INT NOT NULL,
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE assessment_framework_level (
    framework_code VARCHAR(100) NOT NULL,
    position       INT NOT NULL,
    code           VARCHAR(100) NOT NULL,
    label          VARCHAR(200) NOT NULL,
    PRIMARY KEY (framework_code, position)
);

-- One row per criterion, with its work process and core task: frameworks are small and read whole.
CREATE TABLE assessment_framework_criterion (
    framework_code     VARCHAR(100) NOT NULL,
    position           INT NOT NULL,
    core_task_code     VARCHAR(100) NOT NULL,
    core_task_title    VARCHAR(500) NOT NULL,
    work_process_code  VARCHAR(100) NOT NULL,
    work_process_title VARCHAR(500) NOT NULL,
    criterion_code     VARCHAR(100) NOT NULL,
    criterion_text     VARCHAR(2000) NOT NULL,
    critical           BOOLEAN NOT NULL,
    PRIMARY KEY (framework_code, position)
);

CREATE TABLE assessment (
    id                     VARCHAR(100) PRIMARY KEY,
    framework_code         VARCHAR(100) NOT NULL,
    student_number         VARCHAR(100) NOT NULL,
    student_name           VARCHAR(300) NOT NULL,
    setting                VARCHAR(20)  NOT NULL,
    place                  VARCHAR(500) NOT NULL,
    task                   VARCHAR(1000) NOT NULL,
    mode                   VARCHAR(20)  NOT NULL,
    exam_starts_at         TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    observation_started_at TIMESTAMP WITH TIME ZONE,
    observation_ended_at   TIMESTAMP WITH TIME ZONE,
    locked_at              TIMESTAMP WITH TIME ZONE
);

CREATE TABLE assessment_scope (
    assessment_id     VARCHAR(100) NOT NULL,
    position          INT NOT NULL,
    work_process_code VARCHAR(100) NOT NULL,
    PRIMARY KEY (assessment_id, position)
);

CREATE TABLE assessment_assessor (
    assessment_id VARCHAR(100) NOT NULL,
    assessor_id   VARCHAR(100) NOT NULL,
    position      INT NOT NULL,
    name          VARCHAR(300) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    PRIMARY KEY (assessment_id, assessor_id)
);

CREATE TABLE assessment_note (
    id            VARCHAR(100) PRIMARY KEY,
    assessment_id VARCHAR(100) NOT NULL,
    assessor_id   VARCHAR(100) NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    text          VARCHAR(4000) NOT NULL
);
CREATE INDEX assessment_note_by_assessment ON assessment_note (assessment_id, at);

CREATE TABLE assessment_link (
    assessment_id  VARCHAR(100) NOT NULL,
    assessor_id    VARCHAR(100) NOT NULL,
    note_id        VARCHAR(100) NOT NULL,
    criterion_code VARCHAR(100) NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (assessment_id, assessor_id, note_id, criterion_code)
);

CREATE TABLE assessment_level (
    assessment_id  VARCHAR(100) NOT NULL,
    assessor_id    VARCHAR(100) NOT NULL,
    criterion_code VARCHAR(100) NOT NULL,
    level          VARCHAR(100) NOT NULL,
    justification  VARCHAR(4000) NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (assessment_id, assessor_id, criterion_code)
);

CREATE TABLE assessment_level_lock (
    assessment_id VARCHAR(100) NOT NULL,
    assessor_id   VARCHAR(100) NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (assessment_id, assessor_id)
);

-- The agreed level sits beside the assessors' own levels; theirs are never changed by it.
CREATE TABLE assessment_agreed (
    assessment_id  VARCHAR(100) NOT NULL,
    criterion_code VARCHAR(100) NOT NULL,
    level          VARCHAR(100) NOT NULL,
    rationale      VARCHAR(4000) NOT NULL,
    recorded_by    VARCHAR(100) NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (assessment_id, criterion_code)
);

CREATE TABLE assessment_report (
    assessment_id    VARCHAR(100) PRIMARY KEY,
    strengths        VARCHAR(8000) NOT NULL,
    next_steps       VARCHAR(8000) NOT NULL,
    debrief          VARCHAR(8000) NOT NULL,
    student_response VARCHAR(8000) NOT NULL,
    written_by       VARCHAR(100) NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE assessment_signature (
    assessment_id VARCHAR(100) NOT NULL,
    signer_id     VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    name          VARCHAR(300) NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (assessment_id, signer_id, role)
);

-- A course post as evidence for a criterion: the post's id and the quoted excerpt (the post may change later).
CREATE TABLE assessment_evidence (
    id             VARCHAR(100) PRIMARY KEY,
    assessment_id  VARCHAR(100) NOT NULL,
    assessor_id    VARCHAR(100) NOT NULL,
    criterion_code VARCHAR(100) NOT NULL,
    course_id      VARCHAR(100) NOT NULL,
    post_id        VARCHAR(100) NOT NULL,
    excerpt        VARCHAR(4000) NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX assessment_evidence_by_assessment ON assessment_evidence (assessment_id, at);

CREATE TABLE assessment_addendum (
    id            VARCHAR(100) PRIMARY KEY,
    assessment_id VARCHAR(100) NOT NULL,
    author        VARCHAR(100) NOT NULL,
    text          VARCHAR(8000) NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX assessment_addendum_by_assessment ON assessment_addendum (assessment_id, at);

-- Append-only: each entry's hash covers the previous entry's hash and its own content (SHA-256, hex), and
-- state_hash is the hash of the whole assessment after the change. Verification recomputes both.
CREATE TABLE assessment_audit (
    assessment_id VARCHAR(100) NOT NULL,
    seq           BIGINT NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    action        VARCHAR(50)  NOT NULL,
    content       VARCHAR(100000) NOT NULL,
    state_hash    CHAR(64) NOT NULL,
    previous_hash CHAR(64) NOT NULL,
    hash          CHAR(64) NOT NULL,
    PRIMARY KEY (assessment_id, seq)
);

-- Public keys of assessors whose exchange files were imported: a later file for the same assessor must be
-- signed with the same key.
CREATE TABLE assessment_assessor_key (
    assessor_id   VARCHAR(100) PRIMARY KEY,
    public_key    VARCHAR(1000) NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
