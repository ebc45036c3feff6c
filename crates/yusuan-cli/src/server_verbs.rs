//! `yusuan server …`: a bureau's library on its PostgreSQL server — its rules of who may do what
//! set up, its users added and listed. Each verb one call into yusuan-api.

use crate::args::ServerCommand;
use crate::shared::{open, stdout_error};
use std::io::{BufRead, Write};
use yusuan_api::ApiError;

/// Runs one `server` verb on the library `db`.
pub(crate) fn server(
    db: &Option<std::path::PathBuf>,
    command: ServerCommand,
    out: &mut dyn Write,
) -> Result<i32, ApiError> {
    let mut lib = open(db)?;
    match command {
        ServerCommand::Init => {
            yusuan_api::server_init(&mut lib)?;
            writeln!(
                out,
                "已在 {} 设置用户权限：各部门只能查看和修改本部门的草稿，审核人员可查看全部草稿",
                lib.path().display()
            )
            .map_err(stdout_error)?;
        }
        ServerCommand::AddUser {
            name,
            department,
            reviewer,
        } => {
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .map_err(|e| ApiError::Usage(format!("无法从标准输入读口令：{e}")))?;
            let password = password.trim_end_matches(['\r', '\n']);
            let m = yusuan_api::server_add_member(
                &mut lib,
                &name,
                department.as_deref(),
                reviewer,
                password,
            )?;
            writeln!(out, "已添加用户 {}（{}）", m.name, role(&m)).map_err(stdout_error)?;
        }
        ServerCommand::Users => {
            for m in yusuan_api::server_members(&lib)? {
                writeln!(out, "{}\t{}", m.name, role(&m)).map_err(stdout_error)?;
            }
        }
    }
    Ok(crate::EXIT_OK)
}

/// What a member may do, in words.
fn role(m: &yusuan_api::Member) -> String {
    match (&m.department, m.reviewer) {
        (Some(d), true) => format!("{d}；审核人员"),
        (Some(d), false) => d.clone(),
        (None, _) => "审核人员".into(),
    }
}
