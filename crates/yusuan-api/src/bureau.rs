//! A bureau's library on its server: setting up who may do what (the server's own rules, run by
//! the library's owner), and its members — each department's users and the bureau's reviewers.

use crate::{ApiError, Library};
use yusuan_store::Member;

/// Sets up the server's rules of who may do what in `lib` (refused on a desk's file).
pub fn server_init(lib: &mut Library) -> Result<(), ApiError> {
    Ok(lib.store_mut().init_access()?)
}

/// Adds a member who logs in as `name` with `password`: a department's user (its drafts only) or
/// a reviewer of the bureau (reads every draft). One of the two must be given.
pub fn server_add_member(
    lib: &mut Library,
    name: &str,
    department: Option<&str>,
    reviewer: bool,
    password: &str,
) -> Result<Member, ApiError> {
    let department = department.map(str::trim).filter(|d| !d.is_empty());
    if department.is_none() && !reviewer {
        return Err(ApiError::Usage(format!(
            "用户“{name}”既没有所属部门也不是审核人员：请给出 --department 部门名称 或 --reviewer"
        )));
    }
    if password.trim().is_empty() {
        return Err(ApiError::Usage(format!("用户“{name}”的口令为空")));
    }
    let member = Member {
        name: name.trim().to_string(),
        department: department.map(str::to_string),
        reviewer,
    };
    lib.store_mut().add_member(&member, password)?;
    Ok(member)
}

/// The members of the library on its server.
pub fn server_members(lib: &Library) -> Result<Vec<Member>, ApiError> {
    Ok(lib.store().members()?)
}
