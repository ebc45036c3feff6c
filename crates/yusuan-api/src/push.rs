//! A desk that worked offline pushes its drafts' versions to the bureau's library when it is
//! connected: read from the desk's library, received by the server's in one transaction
//! (`yusuan_store::Store::receive`: the same department's and year's draft, each version copied
//! as it was, a name taken by other content kept as a second version — never one written over
//! the other).

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
    let versions = from.store().draft_versions(id)?;
    let r = to.store_mut().receive(&draft, &versions, now)?;
    Ok(PushOutcome {
        draft: format!("draft:{}", r.draft),
        created: r.created,
        copied: r.copied,
        already: r.already,
        conflicts: r.conflicts,
    })
}
