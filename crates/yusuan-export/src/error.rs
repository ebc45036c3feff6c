//! Export errors: what went wrong, in Chinese, with what to do.

/// Why an export failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// No usable font.
    Font(String),
    /// A template that does not exist.
    NoTemplate(String),
    /// The document cannot be laid out (nothing to print).
    Empty(String),
    /// The written file failed its check.
    Preflight(Vec<String>),
    /// Writing the workbook failed.
    Xlsx(String),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Font(s) => write!(
                f,
                "字体不可用：{s}。请安装 fonts-noto-cjk，或用 --font 指定宋体/黑体字体文件"
            ),
            ExportError::NoTemplate(s) => {
                write!(f, "没有名为“{s}”的模板；用 yusuan templates 查看可用模板")
            }
            ExportError::Empty(s) => write!(f, "无法导出：{s}"),
            ExportError::Preflight(problems) => {
                write!(
                    f,
                    "导出的文件未通过复核（{} 处问题），未保存：{}",
                    problems.len(),
                    problems
                        .iter()
                        .take(3)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("；")
                )
            }
            ExportError::Xlsx(s) => write!(f, "工作簿无法生成：{s}"),
        }
    }
}

impl std::error::Error for ExportError {}
