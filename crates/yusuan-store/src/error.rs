//! Store errors, in Chinese for the user, with the path when there is one.

use std::path::PathBuf;

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database was written by a newer version of Yusuan.
    #[error("数据库 {path} 由更新版本的预算软件创建（结构版本 {found}，本程序支持到 {supported}），为保护数据未作任何修改。请升级本软件后再打开。")]
    NewerSchema {
        /// The database file.
        path: String,
        /// Its schema version.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// A migration failed; nothing was changed.
    #[error("数据库结构升级到第 {version} 版失败，数据库未作任何修改：{source}")]
    Migration {
        /// The migration that failed.
        version: i64,
        /// Why.
        source: Box<StoreError>,
    },
    /// The database file could not be opened.
    #[error("无法打开数据库 {path}：{source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// A file offered as a backup is not a library this version can read.
    #[error("{path} 不能用来恢复：{why}。预算库未作任何修改。")]
    NotALibrary {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// Another window or command changed the draft between this edit's read and its write.
    #[error("草稿 draft:{0} 刚被另一个窗口或命令修改过，本次修改未保存；请重新打开草稿后再改")]
    DraftChanged(i64),
    /// The same content was imported before.
    #[error("该文件已导入过（文档编号 {existing}），未重复导入。")]
    Duplicate {
        /// The id of the document already stored.
        existing: i64,
    },
    /// No draft with this id.
    #[error("库中没有编号为 draft:{0} 的预算草稿。用 yusuan draft list 查看草稿。")]
    NoDraft(i64),
    /// The draft is locked at a version.
    #[error("草稿 draft:{id} 已锁定在版本“{version}”，为只读；如需继续修改，请从它新建草稿。")]
    DraftLocked {
        /// The draft.
        id: i64,
        /// The version.
        version: String,
    },
    /// A version name used twice.
    #[error("草稿 draft:{id} 已有名为“{name}”的版本，请换一个名称。")]
    VersionExists {
        /// The draft.
        id: i64,
        /// The name.
        name: String,
    },
    /// No version of this name.
    #[error("草稿 draft:{id} 没有名为“{name}”的版本。")]
    NoVersion {
        /// The draft.
        id: i64,
        /// The name asked for.
        name: String,
    },
    /// Only a submitted version is returned or accepted.
    #[error("草稿 draft:{id} 的版本“{name}”{status}，只有已报送的版本才能退回或批准。")]
    NotSubmitted {
        /// The draft.
        id: i64,
        /// The version.
        name: String,
        /// Its status, in words.
        status: &'static str,
    },
    /// No document with this id.
    #[error("库中没有编号为 {0} 的文档。")]
    NotFound(i64),
    /// The stored model could not be read back (the file was edited by hand or is damaged).
    #[error("文档 {id} 的存储内容已损坏：{reason}")]
    Corrupt {
        /// The document.
        id: i64,
        /// Why.
        reason: String,
    },
    /// The library's server could not be reached or refused the connection.
    #[error(
        "无法连接预算库服务器 {server}：{source}。请检查地址、用户名和口令，以及服务器是否在运行。"
    )]
    Connect {
        /// The server and database, without the password.
        server: String,
        /// Why.
        source: postgres::Error,
    },
    /// What only a desk's own library file can do, asked of a library on a server.
    #[error("服务器上的预算库不能{what}：它由数据库服务器的管理员备份和恢复。")]
    NotOnServer {
        /// What was asked (`备份到文件`, `从备份恢复`).
        what: &'static str,
    },
    /// What only a library on a server has (its users and their rights), asked of a file.
    #[error(
        "{what}只用于单位服务器上的预算库（--db postgres://…）；本机文件中的预算库只有一个用户。"
    )]
    OnlyOnServer {
        /// What was asked.
        what: &'static str,
    },
    /// The server's rules of who may do what refused the change (row-level security, grants).
    #[error("没有权限：{0}。部门的用户只能修改本部门的预算草稿；审核人员只能查看。")]
    NotPermitted(String),
    /// Any other SQLite error.
    #[error("数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Any other error of the library's server.
    #[error("预算库服务器错误：{0}")]
    Postgres(#[from] postgres::Error),
    /// A result not of the shape the store asked for (a database changed by hand).
    #[error("数据库内容不符合预期：{0}")]
    Engine(String),
}
