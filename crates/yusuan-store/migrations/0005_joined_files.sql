-- A disclosure published as two files (its narrative, its tables) is one document with one
-- content hash, the first file's; the second file's hash is kept here, so importing either file
-- again is recognised as the document already there.
CREATE TABLE joined_files (
    content_hash TEXT PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
