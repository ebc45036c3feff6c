//! The user's settings (设置): the change threshold beyond which a change needs a reason (drafts)
//! or is 变动较大 (comparisons), the export fonts, where the libraries live, and backups of the
//! user's library. Kept in `settings.json` in the data folder; a missing file means the defaults.

use crate::{find_fonts, ApiError, Desk, LibraryKind, SettingsProblem};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What the user can set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// A change beyond this percent needs a reason (drafts) and is 变动较大 (comparisons).
    #[ts(type = "string")]
    pub threshold_percent: Decimal,
    /// A comparison also needs the change to exceed this many 元 to call it 变动较大.
    #[ts(type = "string")]
    pub threshold_yuan: Decimal,
    /// The export's body font file (宋体), when not the system's.
    #[serde(default)]
    pub body_font: Option<String>,
    /// The export's heading font file (黑体), when not the system's.
    #[serde(default)]
    pub heading_font: Option<String>,
    /// 单位服务器: the bureau's library on its PostgreSQL server
    /// (`postgres://用户:口令@服务器/数据库`), which 我的预算库 then is; none for the desk's own file.
    #[serde(default)]
    pub server: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        let o = yusuan_compare::Options::default();
        Settings {
            threshold_percent: o.threshold_percent,
            threshold_yuan: o.threshold_yuan,
            body_font: None,
            heading_font: None,
            server: None,
        }
    }
}

/// A file of the data folder, listed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FileInfo {
    /// Full path.
    pub path: String,
    /// Size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The 设置 view: the settings, where things are, the backups made.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SettingsView {
    /// The settings in force.
    pub settings: Settings,
    /// The data folder.
    pub data_dir: String,
    /// 我的预算库 and 示例库.
    pub libraries: Vec<FileInfo>,
    /// Backups of 我的预算库 in `备份/`, newest first.
    pub backups: Vec<FileInfo>,
    /// 我的预算库 on the bureau's server: which server and database, as whom (no password).
    #[ts(optional)]
    pub connected: Option<String>,
    /// Why the server in the settings could not be reached at start (我的预算库 is then the
    /// desk's own file).
    #[ts(optional)]
    pub server_error: Option<String>,
}

fn settings_path(dir: &Path) -> PathBuf {
    dir.join("settings.json")
}

/// A file and its size (a library's with its write-ahead log, where its newest pages are).
fn info(path: &Path) -> FileInfo {
    let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    FileInfo {
        path: path.display().to_string(),
        bytes: len(path) + len(&wal),
    }
}

/// The settings of a data folder (the defaults when none were saved).
pub fn load_settings(dir: &Path) -> Result<Settings, ApiError> {
    let path = settings_path(dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| {
            ApiError::Settings(SettingsProblem::Unreadable {
                path: path.display().to_string(),
                reason: e.to_string(),
            })
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(e) => Err(ApiError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        }),
    }
}

/// The settings may hold the server's password: readable by the user alone.
fn owner_only(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    let _ = path;
    Ok(())
}

/// Checks and saves the settings; nothing is written when any value is refused.
pub fn save_settings(dir: &Path, s: &Settings) -> Result<(), ApiError> {
    if s.threshold_percent <= Decimal::ZERO || s.threshold_percent > Decimal::from(1000) {
        let percent = s.threshold_percent;
        return Err(SettingsProblem::Threshold { percent }.into());
    }
    if s.threshold_yuan.is_sign_negative() {
        let yuan = s.threshold_yuan;
        return Err(SettingsProblem::NegativeAmount { yuan }.into());
    }
    let chosen = |f: &Option<String>| {
        f.as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    };
    let fonts = (chosen(&s.body_font), chosen(&s.heading_font));
    for p in [&fonts.0, &fonts.1].into_iter().flatten() {
        if !p.is_file() {
            let path = p.display().to_string();
            return Err(SettingsProblem::NoFontFile { path }.into());
        }
    }
    if fonts.0.is_some() || fonts.1.is_some() {
        find_fonts(&fonts)?;
    }
    let server = s.server.as_deref().map(str::trim).filter(|u| !u.is_empty());
    if let Some(url) = server.filter(|u| !yusuan_store::is_server_url(u)) {
        return Err(ApiError::Usage(format!(
            "单位服务器的地址“{url}”应以 postgres:// 开头，如 postgres://用户:口令@服务器/数据库"
        )));
    }
    let clean = Settings {
        body_font: fonts.0.map(|p| p.display().to_string()),
        heading_font: fonts.1.map(|p| p.display().to_string()),
        server: server.map(str::to_string),
        ..s.clone()
    };
    let json = serde_json::to_string_pretty(&clean)?;
    let tmp = settings_path(dir).with_extension("json.tmp");
    std::fs::write(&tmp, json)
        .and_then(|_| owner_only(&tmp))
        .and_then(|_| std::fs::rename(&tmp, settings_path(dir)))
        .map_err(|e| ApiError::Write {
            path: settings_path(dir).display().to_string(),
            reason: e.to_string(),
        })
}

impl Desk {
    /// The 设置 view.
    pub fn settings_view(&self) -> Result<SettingsView, ApiError> {
        let mut backups: Vec<FileInfo> = std::fs::read_dir(self.data_dir.join("备份"))
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "db"))
                    .map(|p| info(&p))
                    .collect()
            })
            .unwrap_or_default();
        backups.sort_by(|a, b| b.path.cmp(&a.path));
        let connected = self.user.on_server().then(|| {
            let user = self.user.store().server_user().unwrap_or_default();
            format!("{}（用户 {user}）", self.user.path().display())
        });
        Ok(SettingsView {
            connected,
            server_error: self.server_error.clone(),
            settings: load_settings(&self.data_dir)?,
            data_dir: self.data_dir.display().to_string(),
            libraries: [LibraryKind::User, LibraryKind::Examples]
                .iter()
                .map(|k| info(&k.path_in(&self.data_dir)))
                .collect(),
            backups,
        })
    }

    /// Saves the settings and answers with the 设置 view. A server named (or no longer named)
    /// is connected first: 我的预算库 becomes the bureau's library (or the desk's file again);
    /// one that cannot be reached is refused and nothing is saved.
    pub fn save_settings(&mut self, s: &Settings) -> Result<SettingsView, ApiError> {
        let wanted = s.server.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let now = load_settings(&self.data_dir).unwrap_or_default().server;
        let reopened = if wanted != now.as_deref() || self.server_error.is_some() {
            Some(crate::desk::user_library(&self.data_dir, wanted)?)
        } else {
            None
        };
        save_settings(&self.data_dir, s)?;
        if let Some(lib) = reopened {
            self.user = lib;
            self.server_error = None;
        }
        self.settings_view()
    }

    /// Copies 我的预算库 to `备份/预算库-YYYYMMDD-HHMMSS.db` in the data folder.
    pub fn backup(&mut self, now: &str) -> Result<SettingsView, ApiError> {
        crate::backups::backup_library(&self.user, None, now)?;
        self.settings_view()
    }

    /// The settings in force (the defaults when the file cannot be read).
    pub fn settings(&self) -> Settings {
        load_settings(&self.data_dir).unwrap_or_default()
    }
}
