//! A desk that worked offline pushes its drafts' versions to the bureau's library when it is
//! connected. A version never changes, so pushing is copying: the draft of the same department
//! and year on the server (made there from the desk's draft when there is none), each version the
//! server does not have copied as it was; a version of the same name that differs is kept beside
//! it as a second version (`一上（本机2）`) — two versions, never one written over the other.

use crate::{ApiError, Library};
use serde::Serialize;
use ts_rs::TS;

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PushOutcome {
    /// The draft on the server (`draft:N`).
    pub draft: String,
    /// Whether it was made by this push.
    pub created: bool,
    /// Versions copied, by the name they have on the server.
    pub copied: Vec<String>,
    /// Versions the server already had, the same.
    pub already: Vec<String>,
    /// Versions whose name the server had for other content: copied under another name.
    pub conflicts: Vec<String>,
}

/// Pushes the draft `id` of the desk's library `from` to the library `to` (the bureau's server).
pub fn draft_push(
    from: &Library,
    id: i64,
    to: &mut Library,
    now: &str,
) -> Result<PushOutcome, ApiError> {
    let draft = from.store().draft(id)?;
    let existing = to
        .store()
        .drafts()?
        .into_iter()
        .find(|d| d.department == draft.department && d.year == draft.year);
    let (target, created) = match existing {
        Some(d) => (d.id, false),
        None => {
            let made = to.store_mut().insert_draft(
                &draft.department,
                draft.year,
                &draft.format,
                None,
                now,
                &draft.state_json,
            )?;
            (made, true)
        }
    };
    let mut there: Vec<(String, String)> = to
        .store()
        .draft_versions(target)?
        .into_iter()
        .map(|v| (v.name, v.content_hash))
        .collect();
    let mut out = PushOutcome {
        draft: format!("draft:{target}"),
        created,
        copied: Vec::new(),
        already: Vec::new(),
        conflicts: Vec::new(),
    };
    for v in from.store().draft_versions(id)? {
        if there.iter().any(|(_, hash)| *hash == v.content_hash) {
            out.already.push(v.name);
            continue;
        }
        let taken = |name: &str| there.iter().any(|(n, _)| n == name);
        let name = if taken(&v.name) {
            let free = (2..)
                .map(|n| format!("{}（本机{n}）", v.name))
                .find(|n| !taken(n))
                .unwrap_or_default();
            out.conflicts.push(free.clone());
            free
        } else {
            v.name.clone()
        };
        to.store_mut().copy_version(target, &name, &v)?;
        there.push((name.clone(), v.content_hash.clone()));
        out.copied.push(name);
    }
    Ok(out)
}
