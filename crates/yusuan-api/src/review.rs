//! The bureau's review round: a department submits a version — its summary (the 支出预算 total,
//! last year's, the 错误 and 警告 counts) computed once, as the bureau's page shows it, since a
//! version never changes —, the bureau returns it with comments (on the version, a line or a
//! finding) or accepts it, and the district's page lists every draft the user may read with its
//! latest version: one query, whatever the number of departments.

use crate::draft_state::os_user;
use crate::{ApiError, Library, Refusal, Severity};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use yusuan_store::Decision;

/// What the bureau's page shows of a version (decimal strings, 元).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VersionSummary {
    /// 支出预算 this year.
    pub total_yuan: String,
    /// 支出预算 last year.
    pub baseline_yuan: String,
    /// 错误 findings.
    pub errors: usize,
    /// 警告 findings.
    pub warnings: usize,
}

/// One line of the district's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DistrictRow {
    /// `draft:N`.
    pub draft: String,
    /// The department.
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// The latest version's name; none while the department has saved none.
    #[ts(optional)]
    pub version: Option<String>,
    /// 编制中, 已保存, 已报送, 已退回, 已批准.
    pub status: String,
    /// The latest version's summary, when it was saved with one (submitted versions are).
    #[ts(optional)]
    pub summary: Option<VersionSummary>,
    /// Its change against last year (元).
    #[ts(optional)]
    pub change_yuan: Option<String>,
}

/// A review comment as the department reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewCommentView {
    /// The version it was written on.
    pub version: String,
    /// What it is about: empty for the version as a whole, else a line's key or a finding.
    pub target: String,
    /// What it says.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// When.
    pub at: String,
}

/// The summary of a draft's state.
fn summary(d: &yusuan_draft::Draft) -> VersionSummary {
    let document = yusuan_draft::derive(d);
    let findings = yusuan_draft::findings_on(d, &document);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let total = yusuan_draft::narrative::figures(d)
        .into_iter()
        .find(|f| f.key == "说明|支出预算");
    VersionSummary {
        total_yuan: total
            .as_ref()
            .map(|f| f.current.to_string())
            .unwrap_or_default(),
        baseline_yuan: total.map(|f| f.baseline.to_string()).unwrap_or_default(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
    }
}

/// Submits the draft to the bureau as the version `name` (一上, 二上 …): saved locked, with its
/// summary; returns its content hash.
pub fn draft_submit(lib: &mut Library, id: i64, name: &str, now: &str) -> Result<String, ApiError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Refusal::EmptyVersionName.into());
    }
    // One read: the state hashed and summed up is the one stored (checked under the lock).
    let state = lib.store().draft(id)?.state_json;
    let summary = serde_json::to_string(&summary(&crate::draft_state::from_json(id, &state)?))?;
    let h = crate::drafts::hash(&state);
    lib.store_mut()
        .submit_version(id, name, &h, &summary, now)?;
    Ok(h)
}

/// The bureau returns (`accept` false: the draft open again for the next version) or accepts a
/// submitted version, with its comments (`(target, text)`; a target empty for the version as a
/// whole).
pub fn draft_review(
    lib: &mut Library,
    id: i64,
    name: &str,
    accept: bool,
    comments: &[(String, String)],
    now: &str,
) -> Result<(), ApiError> {
    if !accept && comments.iter().all(|(_, t)| t.trim().is_empty()) {
        return Err(ApiError::Usage(format!(
            "退回版本“{name}”须写明意见（--comment）"
        )));
    }
    let decision = if accept {
        Decision::Accept
    } else {
        Decision::Return
    };
    Ok(lib
        .store_mut()
        .review_version(id, name.trim(), decision, comments, &os_user(), now)?)
}

/// A draft's review comments, oldest first (refused for a draft that is not there).
pub fn review_comments(lib: &Library, id: i64) -> Result<Vec<ReviewCommentView>, ApiError> {
    lib.store().draft(id)?;
    comment_views(lib, id)
}

/// The comments of a draft the caller has read.
pub(crate) fn comment_views(lib: &Library, id: i64) -> Result<Vec<ReviewCommentView>, ApiError> {
    Ok(lib
        .store()
        .review_comments(id)?
        .into_iter()
        .map(|c| ReviewCommentView {
            version: c.version,
            target: c.target,
            text: c.text,
            author: c.author,
            at: c.at,
        })
        .collect())
}

/// The district's page: every draft the user may read (on a server, the bureau's reviewers read
/// every department's), its latest version's status, total, change and findings.
pub fn district_view(lib: &Library) -> Result<Vec<DistrictRow>, ApiError> {
    lib.store()
        .district()?
        .into_iter()
        .map(|d| {
            let (version, status, summary) = match d.latest {
                Some((name, status, json)) => {
                    let summary: Option<VersionSummary> =
                        json.as_deref().map(serde_json::from_str).transpose()?;
                    (Some(name), status.label().to_string(), summary)
                }
                None => (None, "编制中".to_string(), None),
            };
            let change_yuan = summary.as_ref().and_then(change_of);
            Ok(DistrictRow {
                draft: format!("draft:{}", d.id),
                department: d.department,
                year: d.year,
                version,
                status,
                summary,
                change_yuan,
            })
        })
        .collect()
}

fn change_of(s: &VersionSummary) -> Option<String> {
    let total: rust_decimal::Decimal = s.total_yuan.parse().ok()?;
    let baseline: rust_decimal::Decimal = s.baseline_yuan.parse().ok()?;
    Some((total - baseline).to_string())
}
