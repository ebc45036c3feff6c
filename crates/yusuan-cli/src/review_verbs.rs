//! The review round on the command line: `draft submit`, `draft return`, `draft accept`,
//! `draft comments`, and `district` — the bureau's page of every department's draft. Each verb
//! one call into yusuan-api.

use crate::args::{DraftCommand, Format};
use crate::shared::{draft_id, json_line, stdout_error};
use crate::EXIT_OK;
use std::io::Write;
use yusuan_api::{ApiError, Library};

/// A verb of the review round on the library `lib`.
pub(crate) fn round(
    lib: &mut Library,
    command: DraftCommand,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    match command {
        DraftCommand::Submit { draft, name } => submit(lib, &draft, &name, now, out),
        DraftCommand::Return {
            draft,
            name,
            comments,
            target,
        } => decide(lib, &draft, &name, false, &on(&target, comments), now, out),
        DraftCommand::Accept {
            draft,
            name,
            comments,
        } => decide(lib, &draft, &name, true, &on("", comments), now, out),
        DraftCommand::Push { draft, to } => push(lib, &draft, &to, now, out),
        DraftCommand::Comments { draft, format } => self::comments(lib, &draft, format, out),
        _ => Err(ApiError::Usage("不是审核的命令".into())),
    }
}

/// `draft submit`: the draft submitted as version `name`.
fn submit(
    lib: &mut Library,
    draft: &str,
    name: &str,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let h = yusuan_api::draft_submit(lib, draft_id(draft)?, name, now)?;
    writeln!(
        out,
        "已报送版本“{name}”（内容摘要 {}），审核前草稿为只读",
        &h[..16]
    )
    .map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// Comments all on `target` (a line's key, a finding; empty: the version as a whole).
fn on(target: &str, comments: Vec<String>) -> Vec<(String, String)> {
    comments
        .into_iter()
        .map(|c| (target.to_string(), c))
        .collect()
}

/// `draft return` / `draft accept`: the bureau's decision, with its comments.
fn decide(
    lib: &mut Library,
    draft: &str,
    name: &str,
    accept: bool,
    comments: &[(String, String)],
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    yusuan_api::draft_review(lib, draft_id(draft)?, name, accept, comments, now)?;
    let said = if accept {
        format!("已批准版本“{name}”")
    } else {
        format!(
            "已退回版本“{name}”（{} 条意见），草稿可继续修改",
            comments.len()
        )
    };
    writeln!(out, "{said}").map_err(stdout_error)?;
    Ok(EXIT_OK)
}

/// `draft push`: the desk's versions of a draft copied to the bureau's library `to`.
fn push(
    lib: &Library,
    draft: &str,
    to: &std::path::Path,
    now: &str,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let mut server = Library::open(to)?;
    let r = yusuan_api::draft_push(lib, draft_id(draft)?, &mut server, now)?;
    let made = if r.created { "（新建）" } else { "" };
    writeln!(
        out,
        "已推送到 {} 的 {}{made}：复制 {} 个版本，已有 {} 个",
        server.path().display(),
        r.draft,
        r.copied.len(),
        r.already.len()
    )
    .map_err(stdout_error)?;
    if !r.conflicts.is_empty() {
        writeln!(
            out,
            "服务器上已有同名而内容不同的版本，本机的版本另存为：{}",
            r.conflicts.join("、")
        )
        .map_err(stdout_error)?;
    }
    Ok(EXIT_OK)
}

/// `draft comments`: what the bureau wrote.
fn comments(
    lib: &Library,
    draft: &str,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let list = yusuan_api::review_comments(lib, draft_id(draft)?)?;
    if format == Format::Json {
        json_line(out, &list).map_err(stdout_error)?;
        return Ok(EXIT_OK);
    }
    for c in &list {
        let on = if c.target.is_empty() {
            "整个版本"
        } else {
            &c.target
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}（{}）",
            c.version, on, c.text, c.author, c.at
        )
        .map_err(stdout_error)?;
    }
    Ok(EXIT_OK)
}

/// `district`: every department's draft, its latest version and what it shows.
pub(crate) fn district(
    lib: &Library,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let rows = yusuan_api::district_view(lib)?;
    if format == Format::Json {
        json_line(out, &rows).map_err(stdout_error)?;
        return Ok(EXIT_OK);
    }
    writeln!(
        out,
        "草稿\t部门\t年度\t版本\t状态\t支出预算（元）\t比上年增减（元）\t错误\t警告"
    )
    .map_err(stdout_error)?;
    for r in &rows {
        let s = r.summary.as_ref();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.draft,
            r.department,
            r.year,
            r.version.as_deref().unwrap_or("—"),
            r.status,
            s.map_or("—", |s| s.total_yuan.as_str()),
            r.change_yuan.as_deref().unwrap_or("—"),
            s.map_or("—".to_string(), |s| s.errors.to_string()),
            s.map_or("—".to_string(), |s| s.warnings.to_string()),
        )
        .map_err(stdout_error)?;
    }
    Ok(EXIT_OK)
}
