//! Backups of a library: a copy on demand (`yusuan backup`, 设置's 备份), one a day at the app's
//! first start (the last few kept), one before every schema upgrade (`yusuan-store`), and the
//! whole library restored from any of them — the library's state at the restore kept first, so a
//! restore can be undone by restoring that.

use crate::{ApiError, Desk, Library};
use std::path::{Path, PathBuf};

/// How many daily backups are kept.
pub const DAILY_BACKUPS_KEPT: usize = 7;

/// `20261201123456` from an RFC 3339 time.
fn stamp(now: &str) -> String {
    now.chars()
        .filter(|c| c.is_ascii_digit())
        .take(14)
        .collect()
}

/// A library on a server is backed up by the server's administrator, not copied to a desk.
fn on_the_desk(lib: &Library, what: &'static str) -> Result<(), ApiError> {
    if lib.on_server() {
        return Err(yusuan_store::StoreError::NotOnServer { what }.into());
    }
    Ok(())
}

/// Copies the library (consistent even while it is in use) to `to`, or to
/// `备份/预算库-YYYYMMDD-HHMMSS.db` beside it; refuses to overwrite a file.
pub fn backup_library(lib: &Library, to: Option<&Path>, now: &str) -> Result<PathBuf, ApiError> {
    on_the_desk(lib, "备份到文件")?;
    let path = match to {
        Some(p) => p.to_path_buf(),
        None => {
            let s = stamp(now);
            yusuan_store::backup_dir(lib.path()).join(format!(
                "预算库-{}-{}.db",
                &s[..s.len().min(8)],
                s.get(8..).unwrap_or("")
            ))
        }
    };
    if path.exists() {
        return Err(ApiError::Write {
            path: path.display().to_string(),
            reason: "文件已存在，未覆盖；请换一个文件名或稍后再试".into(),
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| ApiError::Write {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })?;
    }
    lib.store().backup_to(&path)?;
    Ok(path)
}

/// Replaces the whole library with `backup`, after keeping its present state as
/// `备份/预算库-恢复前-….db` (returned). Nothing changes when `backup` is not a library this
/// version can read.
pub fn restore_library(lib: &mut Library, backup: &Path, now: &str) -> Result<PathBuf, ApiError> {
    on_the_desk(lib, "从备份恢复")?;
    if !backup.is_file() {
        return Err(ApiError::Read {
            path: backup.display().to_string(),
            reason: "文件不存在".into(),
        });
    }
    let s = stamp(now);
    let dir = yusuan_store::backup_dir(lib.path());
    // Two restores in one second keep both states.
    let mut before = dir.join(format!("预算库-恢复前-{s}.db"));
    let mut n = 1;
    while before.exists() {
        n += 1;
        before = dir.join(format!("预算库-恢复前-{s}-{n}.db"));
    }
    let kept = backup_library(lib, Some(&before), now)?;
    if let Err(e) = lib.store_mut().restore_from(backup) {
        let _ = std::fs::remove_file(&kept);
        return Err(e.into());
    }
    Ok(kept)
}

impl Desk {
    /// The day's automatic backup of 我的预算库 (`备份/预算库-自动-YYYYMMDD.db`), made at the first
    /// start of a day when the library holds anything; the oldest beyond
    /// [`DAILY_BACKUPS_KEPT`] are removed. `None` when there was nothing to do.
    pub fn daily_backup(&mut self, now: &str) -> Result<Option<PathBuf>, ApiError> {
        if self.user.on_server() {
            return Ok(None); // the server's administrator backs it up
        }
        let day: String = stamp(now).chars().take(8).collect();
        let dir = yusuan_store::backup_dir(self.user.path());
        let today = dir.join(format!("预算库-自动-{day}.db"));
        let holds_anything =
            !self.user.store().list()?.is_empty() || !self.user.store().drafts()?.is_empty();
        if today.exists() || !holds_anything {
            return Ok(None);
        }
        backup_library(&self.user, Some(&today), now)?;
        let mut daily: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("预算库-自动-"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        daily.sort();
        let excess = daily.len().saturating_sub(DAILY_BACKUPS_KEPT);
        for old in &daily[..excess] {
            let _ = std::fs::remove_file(old);
        }
        Ok(Some(today))
    }

    /// Restores 我的预算库 from a backup (its present state kept first) and answers with 设置.
    pub fn restore(&mut self, backup: &Path, now: &str) -> Result<crate::SettingsView, ApiError> {
        restore_library(&mut self.user, backup, now)?;
        self.settings_view()
    }
}
