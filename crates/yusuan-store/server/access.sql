-- Who may do what in a bureau's library, kept by the database itself (grants and row-level
-- security), not only checked by the app. A department's users (group `yusuan_desk`) read the
-- district's documents, import, and read and write their own department's drafts — edits,
-- versions saved or submitted — and no other's. The bureau's reviewers (group `yusuan_review`)
-- read every draft, return or accept a submitted version (opening its draft again), and comment;
-- they change no draft's content. Run by `yusuan server init` as the library's owner (the owner
-- of the tables is not bound by these rules); run again, it changes nothing.

CREATE TABLE IF NOT EXISTS yusuan_members (
    role_name   TEXT PRIMARY KEY,
    department  TEXT,
    reviewer    BOOLEAN NOT NULL DEFAULT FALSE
);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yusuan_desk') THEN
        CREATE ROLE yusuan_desk NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yusuan_review') THEN
        CREATE ROLE yusuan_review NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO yusuan_desk, yusuan_review', current_schema());
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO yusuan_desk, yusuan_review', current_schema());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO yusuan_desk, yusuan_review', current_schema());
END
$$;

-- A department's desks: import, draft, edit, save and submit versions. A version is never
-- changed or removed after (no UPDATE, no DELETE), nor is a draft removed (its versions and the
-- bureau's comments with it), nor an export's record; of an edit's row only what undo and redo
-- change.
REVOKE UPDATE, DELETE ON drafts, draft_versions, draft_events, exports, review_comments FROM yusuan_desk;
GRANT INSERT, UPDATE, DELETE ON documents, doc_tables, amounts, joined_files TO yusuan_desk;
GRANT INSERT ON drafts, draft_events, draft_versions, exports TO yusuan_desk;
GRANT UPDATE (state_json, updated_at, locked_version) ON drafts TO yusuan_desk;
GRANT UPDATE (undone, edit_json, inverse_json), DELETE ON draft_events TO yusuan_desk;
-- The bureau's reviewers: a version's decision, a returned draft opened again, comments.
GRANT UPDATE (status, reviewed_by, reviewed_at) ON draft_versions TO yusuan_review;
GRANT UPDATE (locked_version) ON drafts TO yusuan_review;
GRANT INSERT ON review_comments TO yusuan_review;

-- Who the connected user is, asked once by every rule below: a member of the department, and a
-- reviewer. Run as the user (SECURITY INVOKER), read from `yusuan_members`.
CREATE OR REPLACE FUNCTION yusuan_of_department(department TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM yusuan_members m
                   WHERE m.role_name = current_user AND m.department = $1)
$$;
CREATE OR REPLACE FUNCTION yusuan_reviewer() RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM yusuan_members m WHERE m.role_name = current_user AND m.reviewer)
$$;
-- Whether the draft `id` is the connected user's own department's (false when not visible).
CREATE OR REPLACE FUNCTION yusuan_own_draft(id BIGINT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM drafts d WHERE d.id = $1 AND yusuan_of_department(d.department))
$$;
-- Whether the draft `id` may be read by the connected user.
CREATE OR REPLACE FUNCTION yusuan_readable_draft(id BIGINT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM drafts d WHERE d.id = $1)
$$;

-- A document: the district's, read by all, imported by any desk in its own name; changed (joined
-- with its second file) or removed only by its importer or its own department's users — and its
-- tables and amounts likewise.
CREATE OR REPLACE FUNCTION yusuan_own_document(id BIGINT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM documents d WHERE d.id = $1
                   AND (d.imported_by = current_user OR yusuan_of_department(d.department)))
$$;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON documents;
CREATE POLICY read_all ON documents FOR SELECT USING (true);
DROP POLICY IF EXISTS import_own ON documents;
CREATE POLICY import_own ON documents FOR INSERT WITH CHECK (imported_by = current_user);
DROP POLICY IF EXISTS change_own ON documents;
CREATE POLICY change_own ON documents FOR UPDATE
    USING (imported_by = current_user OR yusuan_of_department(department))
    WITH CHECK (imported_by = current_user OR yusuan_of_department(department));
DROP POLICY IF EXISTS remove_own ON documents;
CREATE POLICY remove_own ON documents FOR DELETE
    USING (imported_by = current_user OR yusuan_of_department(department));
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['doc_tables', 'amounts', 'joined_files'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('DROP POLICY IF EXISTS read_all ON %I', t);
        EXECUTE format('CREATE POLICY read_all ON %I FOR SELECT USING (true)', t);
        EXECUTE format('DROP POLICY IF EXISTS write_own ON %I', t);
        EXECUTE format('CREATE POLICY write_own ON %I USING (yusuan_own_document(doc_id)) WITH CHECK (yusuan_own_document(doc_id))', t);
    END LOOP;
END
$$;

-- A draft: its department's members, for everything; a reviewer, to read and to open again.
ALTER TABLE drafts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_department ON drafts;
CREATE POLICY own_department ON drafts
    USING (yusuan_of_department(department)) WITH CHECK (yusuan_of_department(department));
DROP POLICY IF EXISTS reviewers_read ON drafts;
CREATE POLICY reviewers_read ON drafts FOR SELECT USING (yusuan_reviewer());
DROP POLICY IF EXISTS reviewers_reopen ON drafts;
CREATE POLICY reviewers_reopen ON drafts FOR UPDATE
    USING (yusuan_reviewer()) WITH CHECK (yusuan_reviewer());

-- A locked draft (a version submitted or locked) changes only when the bureau opens it again:
-- its department cannot unlock it or write its state by SQL of its own. The library's owner,
-- who is no member, is not bound.
CREATE OR REPLACE FUNCTION yusuan_keep_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.locked_version IS NOT NULL
       AND (NEW.locked_version IS DISTINCT FROM OLD.locked_version
            OR NEW.state_json IS DISTINCT FROM OLD.state_json)
       AND NOT (yusuan_reviewer() AND NEW.state_json IS NOT DISTINCT FROM OLD.state_json)
       AND EXISTS (SELECT 1 FROM yusuan_members m WHERE m.role_name = current_user) THEN
        RAISE EXCEPTION '草稿已锁定在版本“%”，只有审核人员退回后才能修改', OLD.locked_version
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS keep_lock ON drafts;
CREATE TRIGGER keep_lock BEFORE UPDATE ON drafts FOR EACH ROW EXECUTE FUNCTION yusuan_keep_lock();

-- A draft's edits follow it: read where it is read, written where it is the member's own
-- department's — a new edit in the member's own name.
ALTER TABLE draft_events ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_with_draft ON draft_events;
CREATE POLICY read_with_draft ON draft_events FOR SELECT USING (yusuan_readable_draft(draft_id));
DROP POLICY IF EXISTS write_own ON draft_events;
CREATE POLICY write_own ON draft_events FOR INSERT
    WITH CHECK (yusuan_own_draft(draft_id) AND os_user = current_user);
DROP POLICY IF EXISTS change_own ON draft_events;
CREATE POLICY change_own ON draft_events FOR UPDATE
    USING (yusuan_own_draft(draft_id)) WITH CHECK (yusuan_own_draft(draft_id));
DROP POLICY IF EXISTS remove_own ON draft_events;
CREATE POLICY remove_own ON draft_events FOR DELETE USING (yusuan_own_draft(draft_id));

-- Versions: saved or submitted by the department, never decided by it; decided by a reviewer.
ALTER TABLE draft_versions ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_with_draft ON draft_versions;
CREATE POLICY read_with_draft ON draft_versions FOR SELECT USING (yusuan_readable_draft(draft_id));
DROP POLICY IF EXISTS write_own ON draft_versions;
CREATE POLICY write_own ON draft_versions FOR INSERT
    WITH CHECK (status IN ('saved', 'submitted') AND reviewed_by IS NULL
                AND yusuan_own_draft(draft_id));
DROP POLICY IF EXISTS reviewers_decide ON draft_versions;
CREATE POLICY reviewers_decide ON draft_versions FOR UPDATE
    USING (yusuan_reviewer() AND status = 'submitted')
    WITH CHECK (status IN ('returned', 'accepted') AND reviewed_by = current_user
                AND yusuan_reviewer());

-- Comments: read with their draft, written by a reviewer in their own name.
ALTER TABLE review_comments ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_with_draft ON review_comments;
CREATE POLICY read_with_draft ON review_comments FOR SELECT USING (yusuan_readable_draft(draft_id));
DROP POLICY IF EXISTS reviewers_write ON review_comments;
CREATE POLICY reviewers_write ON review_comments FOR INSERT
    WITH CHECK (author = current_user AND yusuan_reviewer());

-- The rules' functions read this schema's tables and nothing a session could put before them (a
-- temporary table of the same name would otherwise be found first): their search path is pinned.
DO $$
DECLARE f TEXT;
BEGIN
    FOREACH f IN ARRAY ARRAY['yusuan_of_department(TEXT)', 'yusuan_reviewer()',
                             'yusuan_own_draft(BIGINT)', 'yusuan_readable_draft(BIGINT)',
                             'yusuan_own_document(BIGINT)', 'yusuan_keep_lock()'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END
$$;
