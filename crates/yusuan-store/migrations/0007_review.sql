-- 0007: the bureau's review round. A department submits a named version (一上, 二上 …), locked;
-- the bureau returns it with comments (the draft is open again for the next version) or accepts
-- it. Each version keeps its status and who reviewed it when; every comment — on the version as a
-- whole, a line or a finding — who wrote it and when.
ALTER TABLE draft_versions ADD COLUMN status TEXT NOT NULL DEFAULT 'saved'
    CHECK (status IN ('saved', 'submitted', 'returned', 'accepted'));
ALTER TABLE draft_versions ADD COLUMN reviewed_by TEXT;
ALTER TABLE draft_versions ADD COLUMN reviewed_at TEXT;
-- What the bureau's page shows of a version, computed once when it is saved (a version never
-- changes): its total and last year's, its 错误 and 警告 counts (JSON, amounts as decimal text).
ALTER TABLE draft_versions ADD COLUMN summary_json TEXT;

CREATE TABLE review_comments (
    id        INTEGER PRIMARY KEY,
    draft_id  INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    version   TEXT    NOT NULL,
    target    TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    author    TEXT    NOT NULL,
    at        TEXT    NOT NULL
);

CREATE INDEX review_comments_draft ON review_comments (draft_id, version);
