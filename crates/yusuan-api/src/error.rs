//! API errors: Chinese messages for the user, sorted into input errors and data errors.

use yusuan_import::ImportError;
use yusuan_store::StoreError;

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A file could not be read.
    #[error("无法读取文件 {path}：{reason}。请检查路径和权限。")]
    Read {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
    /// A file could not be written.
    #[error("无法写入文件 {path}：{reason}。请检查路径和权限。")]
    Write {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
    /// The file is not an importable disclosure.
    #[error("{0}")]
    Import(#[from] ImportError),
    /// The library refused or failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// A document reference that names nothing.
    #[error("找不到文档“{0}”。用 yusuan list 查看库中文档的编号。")]
    NoSuchDocument(String),
    /// A setting was refused (what, and what to enter instead).
    #[error("{0}")]
    Settings(#[from] crate::refusal::SettingsProblem),
    /// Not enough documents to compare: how many there are (documents, or references).
    #[error("无法比较：需要至少两个文档，只有 {0} 个。可以指定多个文档编号，或先导入同一部门其他年度的文档。")]
    NothingToCompare(usize),
    /// A draft operation refused (bad key, bad value, a document that cannot be rolled forward …).
    #[error("{0}")]
    Draft(#[from] crate::refusal::Refusal),
    /// A command line's arguments that do not say what to do (the shell's own wording).
    #[error("{0}")]
    Usage(String),
    /// A draft's history that cannot be read or replayed (the library's content): what, and why.
    #[error("历史记录中{what}：{reason}")]
    History {
        /// What could not be read or replayed (`的修改无法重放`).
        what: String,
        /// Why.
        reason: String,
    },
    /// A draft or an edit that could not be written as JSON.
    #[error("草稿无法保存：{0}")]
    Json(#[from] serde_json::Error),
    /// An export that cannot be made (no template, no font, a failed preflight).
    #[error("{0}")]
    Export(#[from] crate::refusal::ExportProblem),
    /// An export refused because of findings (错误, or 警告 without explanation).
    #[error("不能导出：{reason}")]
    ExportRefused {
        /// Why.
        reason: String,
        /// The findings.
        findings: Vec<yusuan_check::Finding>,
    },
    /// A library id that names nothing.
    #[error("没有名为“{0}”的预算库（可用：user 我的预算库，examples 示例库）。")]
    NoSuchLibrary(String),
    /// A draft whose stored state cannot be read (the library's content, not what was asked).
    #[error("草稿 draft:{id} 的存储内容已损坏：{reason}")]
    CorruptDraft {
        /// The draft.
        id: i64,
        /// Why.
        reason: String,
    },
}

impl ApiError {
    /// The `yusuan` command that does what the message asks, for the command line only
    /// ([`crate::Refusal::command_hint`]).
    pub fn command_hint(&self) -> Option<String> {
        match self {
            ApiError::Draft(r) => r.command_hint(),
            ApiError::Export(p) => p.command_hint(),
            _ => None,
        }
    }

    /// Whether the error is in the data — the library's content (a stored document or draft
    /// that cannot be read, a database that cannot be brought up to date), or findings that
    /// refuse an export — rather than in what was asked (a path, a reference, a value, a file
    /// that is no disclosure): the command line's exit code 1, else 2.
    pub fn in_the_data(&self) -> bool {
        matches!(
            self,
            ApiError::ExportRefused { .. }
                | ApiError::CorruptDraft { .. }
                | ApiError::History { .. }
                | ApiError::Store(
                    StoreError::Corrupt { .. }
                        | StoreError::Migration { .. }
                        | StoreError::Sqlite(_)
                        | StoreError::Postgres(_)
                        | StoreError::Engine(_)
                )
        )
    }
}
