//! The repository's `fixtures/` folder: a fixture's path and bytes, and the five seed documents
//! (see fixtures/SOURCES.md).

use std::path::PathBuf;

/// The five seed disclosures (text files), in their order.
pub const SEEDS: [&str; 5] = [
    "000_e54fcd81d7b1024c.txt",
    "001_e395be5bb9699fb6.txt",
    "002_e0c4b3d6f0f45810.txt",
    "003_f631a08b6fb80526.txt",
    "004_dd8ce94d1496a6c0.txt",
];

/// The repository's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The path of `fixtures/{name}`.
pub fn fixture_path(name: &str) -> PathBuf {
    root().join("fixtures").join(name)
}

/// The bytes of `fixtures/{name}`.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = fixture_path(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
