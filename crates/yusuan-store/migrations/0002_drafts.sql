-- 0002: drafts of next year's budget, their edit history and named versions.
-- A draft's state (leaf lines with decimal strings, layout, texts) is JSON; every edit is an
-- event row written in the same transaction as the new state, so the draft is always at its last
-- committed edit. Undone events stay until a new edit clears them (the redo stack).
CREATE TABLE drafts (
    id              INTEGER PRIMARY KEY,
    department      TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    format          TEXT    NOT NULL,
    source_doc_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    locked_version  TEXT,
    state_json      TEXT    NOT NULL
);

CREATE TABLE draft_events (
    id          INTEGER PRIMARY KEY,
    draft_id    INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    action      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    at          TEXT    NOT NULL,
    os_user     TEXT    NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    UNIQUE (draft_id, seq)
);

CREATE TABLE draft_versions (
    id            INTEGER PRIMARY KEY,
    draft_id      INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL,
    locked        INTEGER NOT NULL CHECK (locked IN (0, 1)),
    created_at    TEXT    NOT NULL,
    state_json    TEXT    NOT NULL,
    UNIQUE (draft_id, name)
);
