//! The `yusuan` command-line tool, a thin shell over `yusuan-api`.
//!
//! `yusuan [--db PATH] <command>` with `--format text|json` wherever the output is data. Exit
//! codes: 0 on success, 1 when an operation finds errors in the data, 2 on usage or input errors
//! (with a one-line message on stderr). [`run`] takes the arguments and the two output streams,
//! so tests drive the real CLI in-process.
#![deny(missing_docs)]

mod args;
mod compare_render;
mod render;

use args::{Cli, Command, CompareFormat, ExportFormat, Format};
use clap::Parser;
use std::ffi::OsString;
use std::io::Write;
use yusuan_api::{compare, default_data_dir, import_file, now_rfc3339, numbers_csv, ApiError, Library, LibraryKind};

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
            let first = e.to_string().lines().next().unwrap_or("参数错误").trim_start_matches("error: ").to_string();
            let _ = writeln!(err, "yusuan: 用法错误：{first}（用 yusuan --help 查看用法）");
            return EXIT_USAGE;
        }
    };
    match execute(cli, out) {
        Ok(code) => code,
        Err(e) => {
            let msg = e.to_string().replace('\n', " ");
            let _ = writeln!(err, "yusuan: {msg}");
            EXIT_USAGE
        }
    }
}

fn open(cli_db: &Option<std::path::PathBuf>) -> Result<Library, ApiError> {
    let path = cli_db.clone().unwrap_or_else(|| LibraryKind::User.path_in(&default_data_dir()));
    Library::open(&path)
}

/// A document from a file path (imported in memory, not stored) or from the library.
fn load(db: &Option<std::path::PathBuf>, doc: &str) -> Result<yusuan_domain::Document, ApiError> {
    let path = std::path::Path::new(doc);
    if path.is_file() {
        let bytes = std::fs::read(path).map_err(|e| ApiError::Read { path: doc.to_string(), reason: e.to_string() })?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| doc.to_string());
        Ok(yusuan_import::import_any(&name, &bytes)?.document)
    } else {
        let lib = open(db)?;
        let id = lib.resolve(doc)?;
        lib.document(id)
    }
}

fn json_line(out: &mut dyn Write, v: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, v).map_err(std::io::Error::other)?;
    writeln!(out)
}

fn execute(cli: Cli, out: &mut dyn Write) -> Result<i32, ApiError> {
    let io = |e: std::io::Error| ApiError::Read { path: "标准输出".into(), reason: e.to_string() };
    match cli.command {
        Command::Init => {
            let lib = open(&cli.db)?;
            writeln!(out, "已就绪：预算库 {}（结构版本 {}）", lib.path().display(), lib.store().schema_version()?).map_err(io)?;
        }
        Command::List { format } => {
            let lib = open(&cli.db)?;
            let docs = lib.list()?;
            match format {
                Format::Json => json_line(out, &docs).map_err(io)?,
                Format::Text => render::list(out, &docs).map_err(io)?,
            }
        }
        Command::Show { doc, format } => {
            let lib = open(&cli.db)?;
            let id = lib.resolve(&doc)?;
            let document = lib.document(id)?;
            match format {
                Format::Json => json_line(out, &document).map_err(io)?,
                Format::Text => render::document(out, id, &document).map_err(io)?,
            }
        }
        Command::Compare { docs, format, threshold_percent, threshold_wan, output } => {
            let options = compare::Options { threshold_percent, threshold_yuan: threshold_wan * rust_decimal::Decimal::from(10_000) };
            let view = if docs.len() == 1 {
                // One document: every year of its department in the library.
                let lib = open(&cli.db)?;
                let ids = yusuan_api::same_department(&lib, lib.resolve(&docs[0])?)?;
                yusuan_api::compare_ids(&lib, &ids, &options)?
            } else {
                let mut loaded = Vec::new();
                for d in &docs {
                    loaded.push((load(&cli.db, d)?, d.clone()));
                }
                let pairs: Vec<(&yusuan_domain::Document, String)> = loaded.iter().map(|(d, l)| (d, l.clone())).collect();
                let comparison = compare::compare(&pairs, &compare::Mapping::shipped(), &options);
                let series = compare::series(&comparison, 10);
                yusuan_api::CompareView { comparison, series }
            };
            let write_err = |path: &std::path::Path, reason: String| ApiError::Write { path: path.display().to_string(), reason };
            let mut buf: Vec<u8> = Vec::new();
            match format {
                CompareFormat::Json => json_line(&mut buf, &view).map_err(io)?,
                CompareFormat::Csv => compare_render::csv(&mut buf, &view.comparison).map_err(io)?,
                CompareFormat::Text => compare_render::text(&mut buf, &view.comparison).map_err(io)?,
                CompareFormat::Xlsx => {
                    let Some(path) = &output else {
                        return Err(ApiError::Write { path: "标准输出".into(), reason: "XLSX 需要用 -o 指定输出文件".into() });
                    };
                    return compare_render::xlsx(path, &view.comparison).map(|_| EXIT_OK).map_err(|e| write_err(path, e));
                }
            }
            match &output {
                Some(path) => std::fs::write(path, &buf).map_err(|e| write_err(path, e.to_string()))?,
                None => out.write_all(&buf).map_err(io)?,
            }
        }
        Command::Check { doc, format } => {
            let document = load(&cli.db, &doc)?;
            let findings = yusuan_api::check(&document);
            match format {
                Format::Json => json_line(out, &serde_json::json!({ "findings": findings })).map_err(io)?,
                Format::Text => render::findings(out, &findings).map_err(io)?,
            }
            if findings.iter().any(|f| f.severity == yusuan_api::Severity::Error) {
                return Ok(EXIT_DATA);
            }
        }
        Command::Export { doc, format: ExportFormat::Csv, output } => {
            let lib = open(&cli.db)?;
            let id = lib.resolve(&doc)?;
            let csv = numbers_csv(id, &lib.document(id)?);
            match output {
                Some(path) => std::fs::write(&path, csv)
                    .map_err(|e| ApiError::Write { path: path.display().to_string(), reason: e.to_string() })?,
                None => out.write_all(csv.as_bytes()).map_err(io)?,
            }
        }
        Command::Import { files, format } => {
            let mut lib = open(&cli.db)?;
            let now = now_rfc3339();
            let mut outcomes = Vec::new();
            for f in &files {
                outcomes.push(import_file(&mut lib, f, &now)?);
            }
            match format {
                Format::Json => json_line(out, &outcomes).map_err(io)?,
                Format::Text => {
                    for o in &outcomes {
                        render::import_outcome(out, o).map_err(io)?;
                    }
                }
            }
        }
    }
    Ok(EXIT_OK)
}
