//! Who may do what in a library on a server, as the server keeps it: `server/access.sql`, run by
//! `Store::init_access` and again after a migration of a library whose rules are set up.

/// The rules (grants, row-level security, the lock trigger), idempotent.
pub(crate) const ACCESS: &str = include_str!("../server/access.sql");
