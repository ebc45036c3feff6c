//! The `yusuan` command-line tool, a thin shell over `yusuan-api`.
//!
//! `yusuan [--db PATH] <command>` with `--format text|json` wherever the output is data. Exit
//! codes: 0 on success, 1 when an operation finds errors in the data, 2 on usage or input errors
//! (with a one-line message on stderr). [`run`] takes the arguments and the two output streams,
//! so tests drive the real CLI in-process.
#![deny(missing_docs)]

mod args;
mod compare_render;
mod draft_verbs;
mod render;
mod review_verbs;
mod server_verbs;
mod shared;
use shared::{json_line, load, open, stdout_error};

use args::{Cli, Command, CompareFormat, ExportArgs, ExportFormat, Format};
use clap::Parser;
use std::ffi::OsString;
use std::io::Write;
use yusuan_api::{compare, now_rfc3339, numbers_csv, ApiError};

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: the data has errors (e.g. `check` found 错误).
pub const EXIT_DATA: i32 = 1;
/// Exit code: usage or input error.
pub const EXIT_USAGE: i32 = 2;

/// Runs the CLI with `args` (the first is the program name); returns the exit code.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = write!(out, "{e}");
                return EXIT_OK;
            }
            let first = e
                .to_string()
                .lines()
                .next()
                .unwrap_or("参数错误")
                .trim_start_matches("error: ")
                .to_string();
            let _ = writeln!(
                err,
                "yusuan: 用法错误：{first}（用 yusuan --help 查看用法）"
            );
            return EXIT_USAGE;
        }
    };
    match execute(cli, out) {
        Ok(code) => code,
        Err(e) => {
            // One line: the message, and the command that does what it asks.
            let msg = match e.command_hint() {
                Some(hint) => format!("{e}；{hint}"),
                None => e.to_string(),
            };
            let _ = writeln!(err, "yusuan: {}", msg.replace('\n', " "));
            if e.in_the_data() {
                EXIT_DATA
            } else {
                EXIT_USAGE
            }
        }
    }
}

fn execute(cli: Cli, out: &mut dyn Write) -> Result<i32, ApiError> {
    match cli.command {
        Command::Init => {
            let lib = open(&cli.db)?;
            writeln!(
                out,
                "已就绪：预算库 {}（结构版本 {}）",
                lib.path().display(),
                lib.store().schema_version()?
            )
            .map_err(stdout_error)?;
        }
        Command::List { format } => {
            let lib = open(&cli.db)?;
            let docs = lib.list()?;
            match format {
                Format::Json => json_line(out, &docs).map_err(stdout_error)?,
                Format::Text => render::list(out, &docs).map_err(stdout_error)?,
            }
        }
        Command::Show { doc, format } => return show_command(&cli.db, doc, format, out),
        Command::Compare {
            docs,
            format,
            threshold_percent,
            threshold_wan,
            output,
        } => {
            return compare_command(
                &cli.db,
                docs,
                format,
                threshold_percent,
                threshold_wan,
                output,
                out,
            )
        }
        Command::Check { doc, format } => return check_command(&cli.db, doc, format, out),
        Command::Backup { output } => {
            let lib = open(&cli.db)?;
            let path = yusuan_api::backup_library(&lib, output.as_deref(), &now_rfc3339())?;
            writeln!(out, "已备份到 {}", path.display()).map_err(stdout_error)?;
        }
        Command::Restore { file } => {
            let mut lib = open(&cli.db)?;
            let kept = yusuan_api::restore_library(&mut lib, &file, &now_rfc3339())?;
            writeln!(
                out,
                "已用 {} 恢复预算库 {}（恢复前的状态另存为 {}）",
                file.display(),
                lib.path().display(),
                kept.display()
            )
            .map_err(stdout_error)?;
        }
        Command::Templates => {
            for t in yusuan_api::list_templates() {
                writeln!(
                    out,
                    "{}\t{}\t{}\t表格{}",
                    t.id, t.name, t.format, t.orientation
                )
                .map_err(stdout_error)?;
            }
        }
        Command::Export(export) if export.format == ExportFormat::Csv => {
            return numbers_command(&cli.db, export.doc, export.output, out)
        }
        Command::Export(export) => return export_command(&cli.db, export, out),
        Command::Draft { command } => return draft_verbs::draft(&cli.db, command, out),
        Command::Server { command } => return server_verbs::server(&cli.db, command, out),
        Command::District { format } => {
            return review_verbs::district(&open(&cli.db)?, format, out)
        }
        Command::Import {
            files,
            year,
            format,
        } => return import_command(&cli.db, files, year, format, out),
    }
    Ok(EXIT_OK)
}

/// `compare`: documents or drafts side by side, as text, CSV, JSON or XLSX.
fn compare_command(
    db: &Option<std::path::PathBuf>,
    docs: Vec<String>,
    format: CompareFormat,
    threshold_percent: rust_decimal::Decimal,
    threshold_wan: rust_decimal::Decimal,
    output: Option<std::path::PathBuf>,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let options = compare::Options {
        threshold_percent,
        threshold_yuan: threshold_wan * yusuan_domain::Unit::WanYuan.in_yuan(),
    };
    let view = if docs.len() == 1 && yusuan_api::parse_draft_ref(&docs[0]).is_some() {
        // One draft: beside the document it was rolled forward from.
        yusuan_api::compare_references(&open(db)?, &docs, &options)?
    } else if docs.len() == 1 {
        // One document: every year of its department in the library, and each year's
        // 预算 beside its 决算.
        let lib = open(db)?;
        yusuan_api::department_view(&lib, lib.resolve(&docs[0])?, &options)?
    } else {
        let mut loaded = Vec::new();
        for d in &docs {
            loaded.push((load(db, d)?, d.clone()));
        }
        yusuan_api::compare_loaded(&loaded, &options)
    };
    let write_err = |path: &std::path::Path, reason: String| ApiError::Write {
        path: path.display().to_string(),
        reason,
    };
    let mut buf: Vec<u8> = Vec::new();
    match format {
        CompareFormat::Json => json_line(&mut buf, &view).map_err(stdout_error)?,
        CompareFormat::Csv => {
            compare_render::csv(&mut buf, &view.comparison).map_err(stdout_error)?
        }
        CompareFormat::Text => {
            compare_render::text(&mut buf, &view.comparison).map_err(stdout_error)?;
            for e in &view.execution {
                compare_render::execution(&mut buf, e).map_err(stdout_error)?;
            }
        }
        CompareFormat::Xlsx => {
            let Some(path) = &output else {
                return Err(ApiError::Write {
                    path: "标准输出".into(),
                    reason: "XLSX 需要用 -o 指定输出文件".into(),
                });
            };
            return compare_render::xlsx(path, &view.comparison)
                .map(|_| EXIT_OK)
                .map_err(|e| write_err(path, e));
        }
    }
    match &output {
        Some(path) => std::fs::write(path, &buf).map_err(|e| write_err(path, e.to_string()))?,
        None => out.write_all(&buf).map_err(stdout_error)?,
    }
    Ok(EXIT_OK)
}

/// `export` as PDF or XLSX: the standard-format file, read back before it is kept.
fn export_command(
    db: &Option<std::path::PathBuf>,
    export: ExportArgs,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let Some(path) = export.output else {
        return Err(ApiError::Write {
            path: "标准输出".into(),
            reason: "PDF 和 XLSX 需要用 -o 指定输出文件".into(),
        });
    };
    let mut explanations = std::collections::BTreeMap::new();
    for e in &export.explain {
        let Some((rule, text)) = e.split_once('=') else {
            return Err(ApiError::Usage(format!(
                "--explain “{e}”应写作 规则=说明，如 R001=新增项目已在编制说明中说明"
            )));
        };
        explanations.insert(rule.trim().to_string(), text.trim().to_string());
    }
    let req = yusuan_api::ExportRequest {
        template: export.template,
        date: export.date,
        explanations,
        page_numbers: export.page_numbers,
        fonts: (export.font, export.heading_font),
    };
    let fmt = if export.format == ExportFormat::Pdf {
        yusuan_api::OutFormat::Pdf
    } else {
        yusuan_api::OutFormat::Xlsx
    };
    let mut lib = open(db)?;
    match yusuan_api::export_file(&mut lib, &export.doc, fmt, &path, &req, &now_rfc3339()) {
        Ok(o) => {
            writeln!(
                out,
                "已导出 {}（{} 字节，模板 {}，SHA-256 {}）",
                o.path,
                o.bytes,
                o.template,
                &o.sha256[..16]
            )
            .map_err(stdout_error)?;
            if let Some(p) = &o.preflight {
                writeln!(
                    out,
                    "复核通过：{} 页，{} 张表，{} 个数字与原文一致，说明中 {} 个数字一致",
                    p.pages, p.tables, p.numbers, p.narrative_figures
                )
                .map_err(stdout_error)?;
            }
        }
        Err(ApiError::ExportRefused { reason, findings }) => {
            writeln!(out, "不能导出：{reason}").map_err(stdout_error)?;
            render::findings(out, &findings).map_err(stdout_error)?;
            return Ok(EXIT_DATA);
        }
        Err(e) => return Err(e),
    }
    Ok(EXIT_OK)
}

/// `check`: the findings on a document, a file or a draft; 1 when any is a 错误.
fn check_command(
    db: &Option<std::path::PathBuf>,
    doc: String,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let findings = match yusuan_api::parse_draft_ref(&doc) {
        Some((_, None)) => yusuan_api::reference_check(&open(db)?, &doc)?,
        _ => yusuan_api::check(&load(db, &doc)?),
    };
    match format {
        Format::Json => {
            json_line(out, &serde_json::json!({ "findings": findings })).map_err(stdout_error)?
        }
        Format::Text => render::findings(out, &findings).map_err(stdout_error)?,
    }
    if findings
        .iter()
        .any(|f| f.severity == yusuan_api::Severity::Error)
    {
        return Ok(EXIT_DATA);
    }
    Ok(EXIT_OK)
}

/// `show`: a document or a draft, whole, as text or JSON.
fn show_command(
    db: &Option<std::path::PathBuf>,
    doc: String,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let (label, document) = match yusuan_api::parse_draft_ref(&doc) {
        Some(_) => (doc.clone(), load(db, &doc)?),
        None => {
            let lib = open(db)?;
            let id = lib.resolve(&doc)?;
            (id.to_string(), lib.document(id)?)
        }
    };
    match format {
        Format::Json => json_line(out, &document).map_err(stdout_error)?,
        Format::Text => render::document(out, &label, &document).map_err(stdout_error)?,
    }
    Ok(EXIT_OK)
}

/// `import`: files into the library, each file's report.
fn import_command(
    db: &Option<std::path::PathBuf>,
    files: Vec<std::path::PathBuf>,
    year: Option<i32>,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let mut lib = open(db)?;
    let outcomes = yusuan_api::import_files(&mut lib, &files, year, &now_rfc3339())?;
    match format {
        Format::Json => json_line(out, &outcomes).map_err(stdout_error)?,
        Format::Text => {
            for o in &outcomes {
                render::import_outcome(out, o).map_err(stdout_error)?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// `export --format csv`: every number of a document or a draft, one a line.
fn numbers_command(
    db: &Option<std::path::PathBuf>,
    doc: String,
    output: Option<std::path::PathBuf>,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let csv = match yusuan_api::parse_draft_ref(&doc) {
        Some(_) => yusuan_api::numbers_csv_for(&doc, &load(db, &doc)?),
        None => {
            let lib = open(db)?;
            let id = lib.resolve(&doc)?;
            numbers_csv(id, &lib.document(id)?)
        }
    };
    match output {
        Some(path) => std::fs::write(&path, csv).map_err(|e| ApiError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?,
        None => out.write_all(csv.as_bytes()).map_err(stdout_error)?,
    }
    Ok(EXIT_OK)
}
