-- 0003: every export, with what it was made from and the explanations of its 警告.
CREATE TABLE exports (
    id              INTEGER PRIMARY KEY,
    doc_id          INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    draft_id        INTEGER REFERENCES drafts (id) ON DELETE SET NULL,
    draft_hash      TEXT,
    format          TEXT    NOT NULL CHECK (format IN ('pdf', 'xlsx')),
    template        TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    sha256          TEXT    NOT NULL,
    bytes           INTEGER NOT NULL,
    pages           INTEGER,
    explanations    TEXT    NOT NULL,
    exported_at     TEXT    NOT NULL,
    os_user         TEXT    NOT NULL
);
