//! Import errors: what went wrong, in which file, and what to do (in Chinese, for the user).

/// Why a file could not be imported. Nothing is stored when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file has no content.
    #[error("{file}：文件是空的，没有可导入的内容。请选择部门预算公开文件。")]
    Empty {
        /// The file.
        file: String,
    },
    /// The bytes are not text in a known encoding.
    #[error("{file}：不是文本文件（{reason}）。请导入部门预算公开的文本、PDF 或 XLSX 文件。")]
    NotText {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
    /// Text, but not a budget disclosure.
    #[error("{file}：{reason}，看起来不是部门预算公开文件，未导入。")]
    NotABudget {
        /// The file.
        file: String,
        /// What is missing.
        reason: String,
    },
    /// The file's format is not supported.
    #[error("{file}：不支持的文件格式（{reason}）。")]
    Unsupported {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
}
