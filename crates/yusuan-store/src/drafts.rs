//! Drafts in the library: state as JSON, every edit an event written in the same transaction,
//! undo/redo by marking events, named versions with a content hash, lockable read-only.
//!
//! The store does not know what a draft means: it keeps the JSON the caller gives and applies
//! the caller's undo/redo states. A locked draft refuses every change.

use crate::review::{NewVersion, VersionStatus};
use crate::sql::{Record, Tx};
use crate::{Store, StoreError};

/// A draft row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    /// Its id (`draft:N`).
    pub id: i64,
    /// The department.
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// The format's id.
    pub format: String,
    /// The document it was rolled forward from.
    pub source_doc_id: Option<i64>,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
    /// The version it is locked at, when locked.
    pub locked_version: Option<String>,
    /// The state.
    pub state_json: String,
}

/// One edit of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftEvent {
    /// Row id.
    pub id: i64,
    /// 1, 2, 3 … per draft.
    pub seq: i64,
    /// What was done (`set`, `reason`, `import-xlsx` …).
    pub action: String,
    /// What it was done to (a leaf key, a reason key).
    pub target: String,
    /// The value before.
    pub old_value: Option<String>,
    /// The value after.
    pub new_value: Option<String>,
    /// When.
    pub at: String,
    /// The OS user who did it.
    pub os_user: String,
    /// Undone (on the redo stack).
    pub undone: bool,
    /// The edit applied (yusuan-draft `DraftEdit` as JSON); none for an event recorded before
    /// edits were typed.
    pub edit_json: Option<String>,
    /// The edit that undoes it, as JSON.
    pub inverse_json: Option<String>,
}

/// An event to record: what the history shows (action, target, values before and after) and
/// the typed edit with its inverse.
#[derive(Debug, Clone, Copy)]
pub struct NewDraftEvent<'a> {
    /// The edit's kind.
    pub action: &'a str,
    /// What it was done to, as the history shows it.
    pub target: &'a str,
    /// The value before, as shown.
    pub old_value: Option<&'a str>,
    /// The value after, as shown.
    pub new_value: Option<&'a str>,
    /// The edit applied, as JSON.
    pub edit_json: Option<&'a str>,
    /// The edit that undoes it, as JSON.
    pub inverse_json: Option<&'a str>,
}

/// A named version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftVersion {
    /// Its name (一上, 二上, 批复 …).
    pub name: String,
    /// SHA-256 of its state.
    pub content_hash: String,
    /// Locked read-only.
    pub locked: bool,
    /// When.
    pub created_at: String,
    /// The state then.
    pub state_json: String,
    /// Saved, submitted to the bureau, returned or accepted.
    pub status: VersionStatus,
    /// Who returned or accepted it.
    pub reviewed_by: Option<String>,
    /// When.
    pub reviewed_at: Option<String>,
    /// What the bureau's page shows of it (JSON), when it was saved with one.
    pub summary_json: Option<String>,
}

fn event(r: &Record) -> Result<DraftEvent, StoreError> {
    Ok(DraftEvent {
        id: r.int(0)?,
        seq: r.int(1)?,
        action: r.text(2)?,
        target: r.text(3)?,
        old_value: r.opt_text(4)?,
        new_value: r.opt_text(5)?,
        at: r.text(6)?,
        os_user: r.text(7)?,
        undone: r.flag(8)?,
        edit_json: r.opt_text(9)?,
        inverse_json: r.opt_text(10)?,
    })
}

const EVENT_COLUMNS: &str =
    "id, seq, action, target, old_value, new_value, at, os_user, undone, edit_json, inverse_json";

/// A draft state's fingerprint (to tell whether it changed; not a security hash).
fn state_hash(state_json: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    state_json.hash(&mut h);
    h.finish()
}

/// A draft listed: id, department, year, the version it is locked at.
pub type DraftListed = (i64, String, i32, Option<String>);

/// The columns of a draft's row, as [`draft_row_of`] reads them.
const DRAFT_ROW: &str = "SELECT id, department, year, format, source_doc_id, created_at, updated_at, locked_version, state_json FROM drafts";

/// A draft's row from a [`DRAFT_ROW`] query.
fn draft_row_of(r: &Record) -> Result<DraftRow, StoreError> {
    Ok(DraftRow {
        id: r.int(0)?,
        department: r.text(1)?,
        year: r.int32(2)?,
        format: r.text(3)?,
        source_doc_id: r.opt_int(4)?,
        created_at: r.text(5)?,
        updated_at: r.text(6)?,
        locked_version: r.opt_text(7)?,
        state_json: r.text(8)?,
    })
}

/// The id a `… RETURNING id` statement gave.
fn returned_id(row: Option<Record>) -> Result<i64, StoreError> {
    row.ok_or_else(|| StoreError::Engine("新记录没有编号".into()))?
        .int(0)
}

impl Store {
    /// Stores a new draft; returns its id.
    pub fn insert_draft(
        &mut self,
        department: &str,
        year: i32,
        format: &str,
        source_doc_id: Option<i64>,
        now: &str,
        state_json: &str,
    ) -> Result<i64, StoreError> {
        returned_id(self.engine.query_one(
            "INSERT INTO drafts (department, year, format, source_doc_id, created_at, updated_at, state_json) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6) RETURNING id",
            &[department.into(), year.into(), format.into(), source_doc_id.into(), now.into(), state_json.into()],
        )?)
    }

    /// Every draft listed, its state left out (a library's drafts listed without reading them):
    /// id, department, year, the version it is locked at.
    pub fn draft_listing(&self) -> Result<Vec<DraftListed>, StoreError> {
        let rows = self.engine.query(
            "SELECT id, department, year, locked_version FROM drafts ORDER BY id",
            &[],
        )?;
        rows.iter()
            .map(|r| Ok((r.int(0)?, r.text(1)?, r.int32(2)?, r.opt_text(3)?)))
            .collect()
    }

    /// Every draft (state included).
    pub fn drafts(&self) -> Result<Vec<DraftRow>, StoreError> {
        let rows = self
            .engine
            .query(&format!("{DRAFT_ROW} ORDER BY id"), &[])?;
        rows.iter().map(draft_row_of).collect()
    }

    /// Who a change is attributed to: on a server, the user it knows this connection as; on a
    /// desk's file, `os_user` as the caller names it.
    pub(crate) fn attributed(&self, os_user: &str) -> String {
        self.who.clone().unwrap_or_else(|| os_user.to_string())
    }

    /// One draft.
    pub fn draft(&self, id: i64) -> Result<DraftRow, StoreError> {
        let row = self.draft_row(id)?;
        self.seen
            .borrow_mut()
            .insert(id, state_hash(&row.state_json));
        Ok(row)
    }

    fn draft_row(&self, id: i64) -> Result<DraftRow, StoreError> {
        // This draft's row alone (every draft's state was read and parsed once per edit).
        let row = self
            .engine
            .query_one(&format!("{DRAFT_ROW} WHERE id = ?1"), &[id.into()])?;
        draft_row_of(&row.ok_or(StoreError::NoDraft(id))?)
    }

    /// Within a write: the draft's state, its row locked until the write commits (PostgreSQL;
    /// SQLite's whole file is) — refused when the draft is locked at a version, or is not the
    /// state this connection last read.
    fn refuse_changed(
        seen: &std::cell::RefCell<std::collections::HashMap<i64, u64>>,
        tx: &Tx<'_>,
        id: i64,
    ) -> Result<String, StoreError> {
        let lock = tx.engine().for_update();
        let row = tx
            .query_one(
                &format!("SELECT state_json, locked_version FROM drafts WHERE id = ?1{lock}"),
                &[id.into()],
            )?
            .ok_or(StoreError::NoDraft(id))?;
        if let Some(version) = row.opt_text(1)? {
            return Err(StoreError::DraftLocked { id, version });
        }
        let now = row.text(0)?;
        match seen.borrow().get(&id).copied() {
            Some(seen) if state_hash(&now) != seen => Err(StoreError::DraftChanged(id)),
            _ => Ok(now),
        }
    }

    /// Records an edit: the new state and its event, in one transaction; clears the redo stack.
    pub fn record_draft_edit(
        &mut self,
        id: i64,
        state_json: &str,
        e: &NewDraftEvent<'_>,
        now: &str,
        os_user: &str,
    ) -> Result<i64, StoreError> {
        let os_user = self.attributed(os_user);
        self.write_draft_state(id, state_json, now, |tx| {
            tx.execute(
                "DELETE FROM draft_events WHERE draft_id = ?1 AND undone = 1",
                &[id.into()],
            )?;
            let seq = tx
                .query_one(
                    "SELECT COALESCE(MAX(seq), 0) + 1 FROM draft_events WHERE draft_id = ?1",
                    &[id.into()],
                )?
                .ok_or_else(|| StoreError::Engine("无法编号修改记录".into()))?
                .int(0)?;
            tx.execute(
                "INSERT INTO draft_events (draft_id, seq, action, target, old_value, new_value, at, os_user, edit_json, inverse_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                &[id.into(), seq.into(), e.action.into(), e.target.into(), e.old_value.into(), e.new_value.into(), now.into(), os_user.as_str().into(), e.edit_json.into(), e.inverse_json.into()],
            )?;
            Ok(seq)
        })
    }

    /// A change of an unlocked draft, in one transaction: `change` (its events), then the new
    /// state stored — refused when the draft is not the state this connection last read.
    fn write_draft_state<T>(
        &mut self,
        id: i64,
        state_json: &str,
        now: &str,
        change: impl FnOnce(&Tx<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // The write lock is taken before the check (SQLite: the file; PostgreSQL: the draft's
        // row), so no one writes or locks it in between.
        let tx = self.engine.begin()?;
        Self::refuse_changed(&self.seen, &tx, id)?;
        let done = change(&tx)?;
        tx.execute(
            "UPDATE drafts SET state_json = ?2, updated_at = ?3 WHERE id = ?1",
            &[id.into(), state_json.into(), now.into()],
        )?;
        tx.commit()?;
        self.seen.borrow_mut().insert(id, state_hash(state_json));
        Ok(done)
    }

    /// The edit an undo would revert (the last one not undone).
    pub fn draft_undo_target(&self, id: i64) -> Result<Option<DraftEvent>, StoreError> {
        self.first_event(id, "undone = 0 ORDER BY seq DESC")
    }

    /// The edit a redo would re-apply (the first one undone).
    pub fn draft_redo_target(&self, id: i64) -> Result<Option<DraftEvent>, StoreError> {
        self.first_event(id, "undone = 1 ORDER BY seq ASC")
    }

    /// The first of a draft's events that `filter` (a condition and an order) selects.
    fn first_event(&self, id: i64, filter: &str) -> Result<Option<DraftEvent>, StoreError> {
        self.engine
            .query_one(
                &format!(
                    "SELECT {EVENT_COLUMNS} FROM draft_events WHERE draft_id = ?1 AND {filter} LIMIT 1"
                ),
                &[id.into()],
            )?
            .as_ref()
            .map(event)
            .transpose()
    }

    /// Marks an event undone (or redone) and stores the resulting state, in one transaction.
    /// `refreshed`: the edit that now goes the other way (undone: the edit a redo applies;
    /// redone: its inverse), as applying this side answered it; none keeps what is stored.
    pub fn mark_draft_event(
        &mut self,
        id: i64,
        event_id: i64,
        undone: bool,
        state_json: &str,
        now: &str,
        refreshed: Option<&str>,
    ) -> Result<(), StoreError> {
        self.write_draft_state(id, state_json, now, |tx| {
            tx.execute(
                "UPDATE draft_events SET undone = ?3 WHERE draft_id = ?1 AND id = ?2",
                &[id.into(), event_id.into(), undone.into()],
            )?;
            if let Some(json) = refreshed {
                let column = if undone { "edit_json" } else { "inverse_json" };
                tx.execute(
                    &format!(
                        "UPDATE draft_events SET {column} = ?3 WHERE draft_id = ?1 AND id = ?2"
                    ),
                    &[id.into(), event_id.into(), json.into()],
                )?;
            }
            Ok(())
        })
    }

    /// Every edit, oldest first.
    pub fn draft_events(&self, id: i64) -> Result<Vec<DraftEvent>, StoreError> {
        let rows = self.engine.query(
            &format!("SELECT {EVENT_COLUMNS} FROM draft_events WHERE draft_id = ?1 ORDER BY seq"),
            &[id.into()],
        )?;
        rows.iter().map(event).collect()
    }

    /// Saves a named version; with `locked`, the draft becomes read-only at it.
    pub fn add_draft_version(
        &mut self,
        id: i64,
        name: &str,
        content_hash: &str,
        locked: bool,
        now: &str,
    ) -> Result<(), StoreError> {
        let version = NewVersion {
            name,
            content_hash,
            locked,
            status: VersionStatus::Saved,
            summary_json: None,
        };
        self.insert_version(id, &version, now)
    }

    /// Saves a version (its status and summary with it) in one transaction.
    pub(crate) fn insert_version(
        &mut self,
        id: i64,
        v: &NewVersion<'_>,
        now: &str,
    ) -> Result<(), StoreError> {
        // The state saved is the one this connection read (`draft`), checked under the lock.
        let tx = self.engine.begin()?;
        let state = Self::refuse_changed(&self.seen, &tx, id)?;
        let exists = tx
            .query_one(
                "SELECT 1 FROM draft_versions WHERE draft_id = ?1 AND name = ?2",
                &[id.into(), v.name.into()],
            )?
            .is_some();
        if exists {
            return Err(StoreError::VersionExists {
                id,
                name: v.name.to_string(),
            });
        }
        tx.execute(
            "INSERT INTO draft_versions (draft_id, name, content_hash, locked, created_at, state_json, status, summary_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            &[
                id.into(),
                v.name.into(),
                v.content_hash.into(),
                v.locked.into(),
                now.into(),
                state.into(),
                v.status.as_str().into(),
                v.summary_json.into(),
            ],
        )?;
        if v.locked {
            tx.execute(
                "UPDATE drafts SET locked_version = ?2 WHERE id = ?1",
                &[id.into(), v.name.into()],
            )?;
        }
        tx.commit()
    }

    /// The named versions, oldest first.
    pub fn draft_versions(&self, id: i64) -> Result<Vec<DraftVersion>, StoreError> {
        let rows = self.engine.query("SELECT name, content_hash, locked, created_at, state_json, status, reviewed_by, reviewed_at, summary_json FROM draft_versions WHERE draft_id = ?1 ORDER BY id", &[id.into()])?;
        rows.iter()
            .map(|r| {
                Ok(DraftVersion {
                    name: r.text(0)?,
                    content_hash: r.text(1)?,
                    locked: r.flag(2)?,
                    created_at: r.text(3)?,
                    state_json: r.text(4)?,
                    status: VersionStatus::parse(&r.text(5)?)?,
                    reviewed_by: r.opt_text(6)?,
                    reviewed_at: r.opt_text(7)?,
                    summary_json: r.opt_text(8)?,
                })
            })
            .collect()
    }
}

/// One export, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRecord {
    /// The stored document exported, when not a draft.
    pub doc_id: Option<i64>,
    /// The draft exported.
    pub draft_id: Option<i64>,
    /// The draft's content hash at export.
    pub draft_hash: Option<String>,
    /// `pdf` or `xlsx`.
    pub format: String,
    /// The template's id.
    pub template: String,
    /// Where it was written.
    pub path: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Its size.
    pub bytes: i64,
    /// Pages (PDF).
    pub pages: Option<i64>,
    /// The 警告 explanations, as JSON.
    pub explanations: String,
    /// When.
    pub exported_at: String,
    /// Who.
    pub os_user: String,
}

impl Store {
    /// Records an export.
    pub fn record_export(&mut self, r: &ExportRecord) -> Result<i64, StoreError> {
        let os_user = self.attributed(&r.os_user);
        returned_id(self.engine.query_one(
            "INSERT INTO exports (doc_id, draft_id, draft_hash, format, template, path, sha256, bytes, pages, explanations, exported_at, os_user)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
            &[r.doc_id.into(), r.draft_id.into(), r.draft_hash.as_deref().into(), r.format.as_str().into(), r.template.as_str().into(), r.path.as_str().into(), r.sha256.as_str().into(), r.bytes.into(), r.pages.into(), r.explanations.as_str().into(), r.exported_at.as_str().into(), os_user.as_str().into()],
        )?)
    }

    /// Every export, oldest first.
    pub fn exports(&self) -> Result<Vec<ExportRecord>, StoreError> {
        let rows = self.engine.query(
            "SELECT doc_id, draft_id, draft_hash, format, template, path, sha256, bytes, pages, explanations, exported_at, os_user FROM exports ORDER BY id",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(ExportRecord {
                    doc_id: r.opt_int(0)?,
                    draft_id: r.opt_int(1)?,
                    draft_hash: r.opt_text(2)?,
                    format: r.text(3)?,
                    template: r.text(4)?,
                    path: r.text(5)?,
                    sha256: r.text(6)?,
                    bytes: r.int(7)?,
                    pages: r.opt_int(8)?,
                    explanations: r.text(9)?,
                    exported_at: r.text(10)?,
                    os_user: r.text(11)?,
                })
            })
            .collect()
    }
}
