//! The bureau's review round: a department submits a named version (一上, 二上 …) — saved locked,
//! with what the bureau's page shows of it —, the bureau returns it with comments (the draft open
//! again for the next version) or accepts it; every comment kept with who wrote it and when; and
//! the district's page: each draft with its latest version, one query.

use crate::sql::Record;
use crate::{Store, StoreError};

/// Where a version is in the round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionStatus {
    /// Saved by the department for itself.
    Saved,
    /// Submitted to the bureau (locked).
    Submitted,
    /// Returned by the bureau with comments.
    Returned,
    /// Accepted by the bureau.
    Accepted,
}

impl VersionStatus {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            VersionStatus::Saved => "saved",
            VersionStatus::Submitted => "submitted",
            VersionStatus::Returned => "returned",
            VersionStatus::Accepted => "accepted",
        }
    }

    /// In the documents' words.
    pub fn label(self) -> &'static str {
        match self {
            VersionStatus::Saved => "已保存",
            VersionStatus::Submitted => "已报送",
            VersionStatus::Returned => "已退回",
            VersionStatus::Accepted => "已批准",
        }
    }

    /// From what is stored.
    pub fn parse(s: &str) -> Result<VersionStatus, StoreError> {
        Ok(match s {
            "saved" => VersionStatus::Saved,
            "submitted" => VersionStatus::Submitted,
            "returned" => VersionStatus::Returned,
            "accepted" => VersionStatus::Accepted,
            other => return Err(StoreError::Engine(format!("版本状态“{other}”无法识别"))),
        })
    }
}

/// A version to save.
#[derive(Debug, Clone, Copy)]
pub struct NewVersion<'a> {
    /// Its name (一上 …).
    pub name: &'a str,
    /// SHA-256 of the state.
    pub content_hash: &'a str,
    /// The draft read-only at it.
    pub locked: bool,
    /// Saved or submitted.
    pub status: VersionStatus,
    /// What the bureau's page shows of it (JSON).
    pub summary_json: Option<&'a str>,
}

/// The bureau's decision on a submitted version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Returned with comments: the draft is open again.
    Return,
    /// Accepted.
    Accept,
}

/// A comment of the review: on the version as a whole (`target` empty), a line (its key) or a
/// finding (its rule and location).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewComment {
    /// The version it was written on.
    pub version: String,
    /// What it is about.
    pub target: String,
    /// What it says.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// When.
    pub at: String,
}

/// One draft on the district's page: its department and year, and its latest version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictDraft {
    /// The draft.
    pub id: i64,
    /// Its department.
    pub department: String,
    /// Its budget year.
    pub year: i32,
    /// Its latest version's name, status and summary (JSON); none before the first version.
    pub latest: Option<(String, VersionStatus, Option<String>)>,
}

impl Store {
    /// Submits a version to the bureau: saved locked, its summary with it.
    pub fn submit_version(
        &mut self,
        id: i64,
        name: &str,
        content_hash: &str,
        summary_json: &str,
        now: &str,
    ) -> Result<(), StoreError> {
        let version = NewVersion {
            name,
            content_hash,
            locked: true,
            status: VersionStatus::Submitted,
            summary_json: Some(summary_json),
        };
        self.insert_version(id, &version, now)
    }

    /// The bureau returns or accepts a submitted version, with its comments (`(target, text)`),
    /// in one transaction; a returned version's draft is open again. `by` names the reviewer on
    /// a desk's file (on a server, the server's user is).
    pub fn review_version(
        &mut self,
        id: i64,
        name: &str,
        decision: Decision,
        comments: &[(String, String)],
        by: &str,
        now: &str,
    ) -> Result<(), StoreError> {
        let by = self.attributed(by);
        let tx = self.engine.begin()?;
        let lock = tx.engine().for_update();
        let status = tx
            .query_one(
                &format!(
                    "SELECT status FROM draft_versions WHERE draft_id = ?1 AND name = ?2{lock}"
                ),
                &[id.into(), name.into()],
            )?
            .ok_or_else(|| StoreError::NoVersion {
                id,
                name: name.to_string(),
            })?
            .text(0)?;
        let status = VersionStatus::parse(&status)?;
        if status != VersionStatus::Submitted {
            return Err(StoreError::NotSubmitted {
                id,
                name: name.to_string(),
                status: status.label(),
            });
        }
        let to = match decision {
            Decision::Return => VersionStatus::Returned,
            Decision::Accept => VersionStatus::Accepted,
        };
        tx.execute(
            "UPDATE draft_versions SET status = ?3, reviewed_by = ?4, reviewed_at = ?5 WHERE draft_id = ?1 AND name = ?2",
            &[id.into(), name.into(), to.as_str().into(), by.as_str().into(), now.into()],
        )?;
        for (target, text) in comments {
            tx.execute(
                "INSERT INTO review_comments (draft_id, version, target, text, author, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                &[id.into(), name.into(), target.as_str().into(), text.as_str().into(), by.as_str().into(), now.into()],
            )?;
        }
        if decision == Decision::Return {
            tx.execute(
                "UPDATE drafts SET locked_version = NULL WHERE id = ?1 AND locked_version = ?2",
                &[id.into(), name.into()],
            )?;
        }
        tx.commit()
    }

    /// A draft's review comments, oldest first.
    pub fn review_comments(&self, id: i64) -> Result<Vec<ReviewComment>, StoreError> {
        let rows = self.engine.query(
            "SELECT version, target, text, author, at FROM review_comments WHERE draft_id = ?1 ORDER BY id",
            &[id.into()],
        )?;
        rows.iter()
            .map(|r| {
                Ok(ReviewComment {
                    version: r.text(0)?,
                    target: r.text(1)?,
                    text: r.text(2)?,
                    author: r.text(3)?,
                    at: r.text(4)?,
                })
            })
            .collect()
    }

    /// Every draft the user may read, with its latest version — the latest one sent to the bureau
    /// where there is one (a desk's own saves pushed after it do not hide it): the district's
    /// page, one query.
    pub fn district(&self) -> Result<Vec<DistrictDraft>, StoreError> {
        let rows = self.engine.query(
            "SELECT d.id, d.department, d.year, v.name, v.status, v.summary_json
             FROM drafts d
             LEFT JOIN draft_versions v
               ON v.id = (SELECT w.id FROM draft_versions w WHERE w.draft_id = d.id
                          ORDER BY CASE WHEN w.status = 'saved' THEN 0 ELSE 1 END DESC, w.id DESC
                          LIMIT 1)
             ORDER BY d.department, d.year, d.id",
            &[],
        )?;
        rows.iter().map(district_row).collect()
    }
}

fn district_row(r: &Record) -> Result<DistrictDraft, StoreError> {
    let latest = match r.opt_text(3)? {
        Some(name) => Some((name, VersionStatus::parse(&r.text(4)?)?, r.opt_text(5)?)),
        None => None,
    };
    Ok(DistrictDraft {
        id: r.int(0)?,
        department: r.text(1)?,
        year: r.int32(2)?,
        latest,
    })
}
