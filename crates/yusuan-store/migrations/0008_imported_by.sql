-- 0008: who imported each document. On a bureau's server a document is the district's to read,
-- and only its importer — or its own department's users — may change or remove it (the server's
-- rules, server/access.sql); on a desk's file it stays empty.
ALTER TABLE documents ADD COLUMN imported_by TEXT;
