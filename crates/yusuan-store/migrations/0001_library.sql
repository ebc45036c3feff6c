-- 0001: the library of imported documents.
-- Amounts are TEXT holding exact decimals (never REAL); the whole model is kept as JSON whose
-- decimals are strings, and every number is also kept in long form in `amounts` for queries.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    content_hash  TEXT    NOT NULL UNIQUE,
    source_name   TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    department    TEXT    NOT NULL,
    year          INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('预算', '决算')),
    scope         TEXT    NOT NULL CHECK (scope IN ('部门', '单位')),
    format        TEXT    NOT NULL,
    imported_at   TEXT    NOT NULL,
    model_json    TEXT    NOT NULL,
    report_json   TEXT    NOT NULL
);

CREATE INDEX documents_department_year ON documents (department, year);

CREATE TABLE doc_tables (
    doc_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    title     TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    unit      TEXT    NOT NULL CHECK (unit IN ('元', '万元')),
    row_count INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE amounts (
    doc_id      INTEGER NOT NULL,
    table_idx   INTEGER NOT NULL,
    row_idx     INTEGER NOT NULL,
    col_idx     INTEGER NOT NULL,
    row_code    TEXT,
    row_label   TEXT    NOT NULL,
    column_name TEXT    NOT NULL,
    unit        TEXT    NOT NULL CHECK (unit IN ('元', '万元')),
    value       TEXT    NOT NULL,
    value_yuan  TEXT    NOT NULL,
    printed     TEXT    NOT NULL,
    page        INTEGER,
    line        INTEGER,
    PRIMARY KEY (doc_id, table_idx, row_idx, col_idx),
    FOREIGN KEY (doc_id, table_idx) REFERENCES doc_tables (doc_id, idx) ON DELETE CASCADE
);

CREATE INDEX amounts_code ON amounts (row_code);
