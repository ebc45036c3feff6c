//! A draft's state in the store: read (the draft as it is, or a named version), written as JSON,
//! and a write tried again when the draft changed under it — what every drafting module and the
//! one edit path ([`crate::draft_edit`]) share, so that none of them imports another for it.

use crate::{ApiError, Library, Refusal};
use serde::Serialize;
use ts_rs::TS;
use yusuan_draft::Draft;

/// The OS user recorded with every edit.
pub fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "未知用户".into())
}

pub(crate) fn to_json(d: &Draft) -> Result<String, ApiError> {
    Ok(serde_json::to_string(d)?)
}

pub(crate) fn from_json(id: i64, s: &str) -> Result<Draft, ApiError> {
    serde_json::from_str(s).map_err(|e| ApiError::CorruptDraft {
        id,
        reason: e.to_string(),
    })
}

/// A draft (its current state, or a named version's).
pub fn load_draft(lib: &Library, id: i64, version: Option<&str>) -> Result<Draft, ApiError> {
    match version {
        None => from_json(id, &lib.store().draft(id)?.state_json),
        Some(v) => {
            let versions = lib.store().draft_versions(id)?;
            let found =
                versions
                    .iter()
                    .find(|x| x.name == v)
                    .ok_or_else(|| Refusal::NoSuchVersion {
                        id,
                        name: v.to_string(),
                    })?;
            from_json(id, &found.state_json)
        }
    }
}

/// What an edit changed.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct Edit {
    /// The event's sequence number.
    #[ts(type = "number")]
    pub seq: i64,
    /// The target.
    pub target: String,
    /// Before.
    pub old: Option<String>,
    /// After.
    pub new: Option<String>,
}

/// How often an edit is tried again when the draft changed under it (several processes writing
/// the same draft at once each get through within a few rounds).
const EDIT_TRIES: u32 = 40; // concurrency

/// Runs an edit again when another window or command changed the draft between the edit's read
/// and its write: each run reads the draft anew, so neither edit is lost. Between tries it waits
/// a little, longer each time and not in step with the other writers.
pub(crate) fn retrying<T>(
    lib: &mut Library,
    mut edit: impl FnMut(&mut Library) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let mut tries = 0;
    loop {
        match edit(lib) {
            Err(ApiError::Store(yusuan_store::StoreError::DraftChanged(_)))
                if tries < EDIT_TRIES =>
            {
                tries += 1;
                let spread = u64::from(std::process::id() % 7 + 1);
                std::thread::sleep(std::time::Duration::from_millis(
                    spread * u64::from(tries.min(10)),
                ));
            }
            other => return other,
        }
    }
}
