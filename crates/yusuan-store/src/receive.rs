//! A desk's offline versions received by the bureau's library, in one transaction: the draft of
//! the same department and year (made from the desk's when there is none — two desks pushing at
//! once make one, the department and year locked while it is looked for), each version the library
//! does not have by content copied as it was, a name taken by other content kept beside it as a
//! second version (`一上（本机2）`). A version never changes, so receiving it is copying it; nothing
//! is written over, and a push that fails leaves nothing.

use crate::review::VersionStatus;
use crate::sql::Tx;
use crate::{DraftRow, DraftVersion, Store, StoreError};

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The draft here.
    pub draft: i64,
    /// Made by this push.
    pub created: bool,
    /// Versions copied, by the name they have here.
    pub copied: Vec<String>,
    /// Versions already here, the same.
    pub already: Vec<String>,
    /// Versions whose name was taken here by other content: copied under another name.
    pub conflicts: Vec<String>,
}

impl Store {
    /// Receives the desk's draft `from` with its `versions`.
    pub fn receive(
        &mut self,
        from: &DraftRow,
        versions: &[DraftVersion],
        now: &str,
    ) -> Result<Received, StoreError> {
        let tx = self.engine.begin()?;
        if !tx.engine().is_sqlite() {
            // SQLite's write lock is the file's; a server locks the department's year.
            tx.query_one(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(CAST(?1 AS TEXT)))) AS l",
                &[format!("{}|{}", from.department, from.year).into()],
            )?;
        }
        let (draft, created) = target(&tx, from, now)?;
        let mut there: Vec<(String, String)> = tx
            .query(
                "SELECT name, content_hash FROM draft_versions WHERE draft_id = ?1",
                &[draft.into()],
            )?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect::<Result<_, StoreError>>()?;
        let mut out = Received {
            draft,
            created,
            copied: Vec::new(),
            already: Vec::new(),
            conflicts: Vec::new(),
        };
        for v in versions {
            if there.iter().any(|(_, hash)| *hash == v.content_hash) {
                out.already.push(v.name.clone());
                continue;
            }
            let name = free_name(&there, &v.name);
            if name != v.name {
                out.conflicts.push(name.clone());
            }
            copy(&tx, draft, &name, v)?;
            there.push((name.clone(), v.content_hash.clone()));
            out.copied.push(name);
        }
        tx.commit()?;
        Ok(out)
    }
}

/// The draft of `from`'s department and year here, made from it when there is none.
fn target(tx: &Tx<'_>, from: &DraftRow, now: &str) -> Result<(i64, bool), StoreError> {
    let found = tx.query_one(
        "SELECT id FROM drafts WHERE department = ?1 AND year = ?2 ORDER BY id LIMIT 1",
        &[from.department.as_str().into(), from.year.into()],
    )?;
    if let Some(r) = found {
        return Ok((r.int(0)?, false));
    }
    let made = tx
        .query_one(
            "INSERT INTO drafts (department, year, format, source_doc_id, created_at, updated_at, state_json) VALUES (?1, ?2, ?3, NULL, ?4, ?4, ?5) RETURNING id",
            &[
                from.department.as_str().into(),
                from.year.into(),
                from.format.as_str().into(),
                now.into(),
                from.state_json.as_str().into(),
            ],
        )?
        .ok_or_else(|| StoreError::Engine("新草稿没有编号".into()))?;
    Ok((made.int(0)?, true))
}

/// `name`, or — taken here — `name（本机2）`, `name（本机3）` …
fn free_name(there: &[(String, String)], name: &str) -> String {
    let taken = |n: &str| there.iter().any(|(t, _)| t == n);
    if !taken(name) {
        return name.to_string();
    }
    (2..)
        .map(|n| format!("{name}（本机{n}）"))
        .find(|n| !taken(n))
        .unwrap_or_default()
}

/// A version copied as it was (saved, not locked).
fn copy(tx: &Tx<'_>, draft: i64, name: &str, v: &DraftVersion) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO draft_versions (draft_id, name, content_hash, locked, created_at, state_json, status, summary_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &[
            draft.into(),
            name.into(),
            v.content_hash.as_str().into(),
            false.into(),
            v.created_at.as_str().into(),
            v.state_json.as_str().into(),
            VersionStatus::Saved.as_str().into(),
            v.summary_json.as_deref().into(),
        ],
    )?;
    Ok(())
}
