-- The document list's counts, kept with each document: the list of a library of 10,000 documents
-- counted its 8 million amounts every time it was shown (176 ms; see docs/benchmarks.md).
ALTER TABLE documents ADD COLUMN table_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN amount_count INTEGER NOT NULL DEFAULT 0;
UPDATE documents
   SET table_count = (SELECT COUNT(*) FROM doc_tables t WHERE t.doc_id = documents.id),
       amount_count = (SELECT COUNT(*) FROM amounts a WHERE a.doc_id = documents.id);
-- The list reads only this index: the columns after model_json (a document's whole model, often
-- 100 KB of overflow pages) would otherwise cost a walk through every model to reach its counts.
CREATE INDEX documents_list ON documents (department, year, id, title, kind, scope, format, source_name, imported_at, table_count, amount_count);
