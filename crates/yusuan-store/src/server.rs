//! A bureau's library on its PostgreSQL server (`postgres://user:password@host/database`): the
//! same documents, drafts and history as a desk's file, every desk of the bureau on one database.
//! Opening connects, upgrades the schema with the same migrations as SQLite's
//! ([`crate::migrate`]) and then works through the same statements ([`crate::sql`]); concurrency
//! is the server's own transactions and row locks.

use crate::access::ACCESS;
use crate::migrate::migrate_server;
use crate::sql::{Engine, Server};
use crate::{Store, StoreError, MIGRATIONS};

/// A member of a bureau's library: a database role that logs in, and what it may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The role's name (lower-case letters, digits, `_`; a letter first).
    pub name: String,
    /// The department whose drafts it reads and writes (exactly as the drafts name it).
    pub department: Option<String>,
    /// A reviewer of the bureau: reads every draft, writes none.
    pub reviewer: bool,
}

/// Whether `location` names a library on a server rather than a file.
pub fn is_server_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// The server and database of a URL, for messages: its password never printed.
pub fn server_name(url: &str) -> String {
    match url.parse::<postgres::Config>() {
        Ok(c) => {
            let host = c
                .get_hosts()
                .first()
                .map(|h| match h {
                    postgres::config::Host::Tcp(name) => name.clone(),
                    postgres::config::Host::Unix(path) => path.display().to_string(),
                })
                .unwrap_or_else(|| "localhost".into());
            format!("{host}/{}", c.get_dbname().unwrap_or_default())
        }
        Err(_) => "（地址无法识别）".into(),
    }
}

impl Store {
    /// Opens the library on the PostgreSQL server `url`, creating its tables on first use and
    /// bringing them up to date.
    pub fn open_server(url: &str) -> Result<Store, StoreError> {
        let connect = |source| StoreError::Connect {
            server: server_name(url),
            source,
        };
        let mut config: postgres::Config = url.parse().map_err(connect)?;
        if config.get_connect_timeout().is_none() {
            // A server that does not answer is said within seconds (the window waits on it).
            config.connect_timeout(std::time::Duration::from_secs(5));
        }
        let mut client = config.connect(postgres::NoTls).map_err(connect)?;
        migrate_server(&mut client, MIGRATIONS, &server_name(url))?;
        let who: String = client.query_one("SELECT current_user::text", &[])?.get(0);
        Ok(Store {
            engine: Engine::Postgres(Box::new(Server::new(client).into())),
            seen: Default::default(),
            who: Some(who),
        })
    }

    /// Sets up who may do what in this server's library (run by its owner; again, it changes
    /// nothing): members' roles, and the server's own rules that keep each department to its own
    /// drafts and the reviewers to reading.
    pub fn init_access(&mut self) -> Result<(), StoreError> {
        let tx = self.server("设置用户权限")?.begin()?;
        tx.engine().batch(ACCESS)?;
        tx.commit()
    }

    /// Adds (or updates) a member: a role that logs in with `password`, in the group — a
    /// department's desks, or the bureau's reviewers, never both — the rules of
    /// [`Store::init_access`] apply to.
    pub fn add_member(&mut self, member: &Member, password: &str) -> Result<(), StoreError> {
        let name = &member.name;
        let valid = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid || name.len() > 63 {
            return Err(StoreError::Engine(format!(
                "用户名“{name}”不可用：只能用小写字母、数字和下划线，以字母开头，至多 63 个字符"
            )));
        }
        let (group, other) = match (&member.department, member.reviewer) {
            (Some(_), true) | (None, false) => {
                return Err(StoreError::Engine(format!(
                    "用户“{name}”须是一个部门的用户（--department）或审核人员（--reviewer），二者选一：审核人员不能审核自己部门的版本"
                )))
            }
            (None, true) => ("yusuan_review", "yusuan_desk"),
            (Some(_), false) => ("yusuan_desk", "yusuan_review"),
        };
        let tx = self.server("添加用户")?.begin()?;
        let role = tx.query_one(
            "SELECT EXISTS (SELECT 1 FROM yusuan_members WHERE role_name = ?1) FROM pg_roles WHERE rolname = ?1",
            &[name.as_str().into()],
        )?;
        // A role of the server that is not a member (its owner, another application's) keeps
        // its password: it is not ours to change.
        if role.as_ref().map(|r| r.flag(0)).transpose()? == Some(false) {
            return Err(StoreError::Engine(format!(
                "服务器上已有不属于预算库的用户“{name}”，未作修改；请换一个用户名"
            )));
        }
        // The password goes as a SCRAM verifier made here: the server (and its log) never sees
        // it. The statement is quoted by the server itself (format's %I and %L).
        let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
        let ddl = if role.is_some() {
            "SELECT format('ALTER ROLE %I LOGIN PASSWORD %L; GRANT ' || CAST(?3 AS TEXT) || ' TO %I; REVOKE ' || CAST(?4 AS TEXT) || ' FROM %I', CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?1 AS TEXT), CAST(?1 AS TEXT))"
        } else {
            "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE ' || CAST(?3 AS TEXT), CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?4 AS TEXT))"
        };
        let ddl = tx
            .query_one(
                ddl,
                &[
                    name.as_str().into(),
                    verifier.into(),
                    group.into(),
                    other.into(),
                ],
            )?
            .ok_or_else(|| StoreError::Engine("无法生成用户语句".into()))?
            .text(0)?;
        tx.engine().batch(&ddl)?;
        tx.execute(
            "INSERT INTO yusuan_members (role_name, department, reviewer) VALUES (?1, ?2, ?3)
             ON CONFLICT (role_name) DO UPDATE SET department = excluded.department, reviewer = excluded.reviewer",
            &[name.as_str().into(), member.department.as_deref().into(), member.reviewer.into()],
        )?;
        tx.commit()
    }

    /// The members of this server's library.
    pub fn members(&self) -> Result<Vec<Member>, StoreError> {
        let rows = self.server("列出用户")?.query(
            "SELECT role_name, department, reviewer FROM yusuan_members ORDER BY role_name",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Member {
                    name: r.text(0)?,
                    department: r.opt_text(1)?,
                    reviewer: r.flag(2)?,
                })
            })
            .collect()
    }

    /// The engine, when it is a server's; `what` is refused on a file.
    fn server(&self, what: &'static str) -> Result<&Engine, StoreError> {
        match &self.engine {
            Engine::Postgres(_) => Ok(&self.engine),
            Engine::Sqlite(_) => Err(StoreError::OnlyOnServer { what }),
        }
    }

    /// Opens a library by where it is: a server's URL, else a file's path.
    pub fn open_at(location: &str) -> Result<Store, StoreError> {
        if is_server_url(location) {
            Store::open_server(location)
        } else {
            Store::open(std::path::Path::new(location))
        }
    }

    /// On a server, the user it knows this connection as (every change is attributed to it).
    pub fn server_user(&self) -> Option<&str> {
        self.who.as_deref()
    }

    /// Whether this library is on a server (backups are then the server's).
    pub fn on_server(&self) -> bool {
        !self.engine.is_sqlite()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_is_named_without_its_password() {
        let url = "postgres://bureau:s3cret@10.1.2.3:5432/yusuan";
        assert!(is_server_url(url) && !is_server_url("/home/a/预算库.db"));
        assert_eq!(server_name(url), "10.1.2.3/yusuan");
        assert!(!server_name(url).contains("s3cret"));
    }
}
