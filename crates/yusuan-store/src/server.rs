//! A bureau's library on its PostgreSQL server (`postgres://user:password@host/database`): the
//! same documents, drafts and history as a desk's file, every desk of the bureau on one database.
//! Opening connects, upgrades the schema with the same migrations as SQLite's
//! ([`crate::migrate`]) and then works through the same statements ([`crate::sql`]); concurrency
//! is the server's own transactions and row locks.

use crate::migrate::migrate_server;
use crate::sql::{Engine, Server};
use crate::{Store, StoreError, MIGRATIONS};

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
        let config: postgres::Config = url.parse().map_err(connect)?;
        let mut client = config.connect(postgres::NoTls).map_err(connect)?;
        migrate_server(&mut client, MIGRATIONS, &server_name(url))?;
        Ok(Store {
            engine: Engine::Postgres(Box::new(Server::new(client).into())),
            seen: Default::default(),
        })
    }

    /// Opens a library by where it is: a server's URL, else a file's path.
    pub fn open_at(location: &str) -> Result<Store, StoreError> {
        if is_server_url(location) {
            Store::open_server(location)
        } else {
            Store::open(std::path::Path::new(location))
        }
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
