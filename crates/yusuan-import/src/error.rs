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
    /// Tables that name no budget year: the tables of a disclosure published apart from its
    /// narrative (Jiangsu's 公开01表 … file). They join the narrative of the same department.
    #[error("{file}：文件中没有写明预算年度（只有公开表），文件名中也没有年份。请把同一部门同一年度的文字说明一起导入（表格会并入那份文档），或指定预算年度导入（窗口中填写年度；命令行加 --year 年份）。")]
    NoYear {
        /// The file.
        file: String,
        /// The departments its 部门/编制单位 lines name.
        departments: Vec<String>,
    },
    /// The file is larger than any disclosure, or unpacks to more than one holds (a zip bomb).
    #[error("{file}：{what}，超过导入上限 {limit_mb} MB（部门预算公开文件通常只有几 MB），未导入。请确认选择的文件是否正确。")]
    TooLarge {
        /// The file.
        file: String,
        /// How large it is, in words.
        what: String,
        /// The limit, in MB.
        limit_mb: u64,
    },
    /// Something in the file is beyond any disclosure (a limit, named in `what`).
    #[error("{file}：{what}，超过导入上限（部门预算公开文件远小于此），未导入。请确认选择的文件是否正确。")]
    Limit {
        /// The file.
        file: String,
        /// What is beyond the limit, in words.
        what: String,
    },
    /// Reading took longer than any disclosure does (a file built to hang the reader).
    #[error("{file}：读取超过 {seconds} 秒仍未完成（部门预算公开文件通常不到 1 秒即可读完），已停止，未导入。请确认选择的文件是否正确。")]
    TooSlow {
        /// The file.
        file: String,
        /// The limit, in seconds.
        seconds: u64,
    },
    /// The file is damaged or truncated.
    #[error("{file}：文件已损坏或不完整（{reason}）。请重新下载或导出该文件后再导入。")]
    Damaged {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
    /// A PDF that opens only with its password (one that restricts only printing or copying is
    /// read: its empty user password opens it).
    #[error("{file}：PDF 设有打开密码，无法读取。请在 PDF 阅读器中输入密码后另存为不加密的 PDF（或向发布单位索取公开版本），再导入。")]
    Encrypted {
        /// The file.
        file: String,
    },
    /// A PDF without text (a scan).
    #[error("{file}：PDF 共 {pages} 页，但没有文字层（可能是扫描件），无法读取数字。请使用带文字的 PDF，或先做文字识别（OCR）。")]
    NoTextLayer {
        /// The file.
        file: String,
        /// Its page count.
        pages: usize,
    },
    /// The importer met something it could not handle (a bug): nothing was stored.
    #[error("{file}：导入时遇到无法处理的内容，未导入任何数据。请把该文件反馈给开发者。")]
    Internal {
        /// The file.
        file: String,
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
