//! The example library: real published documents loaded apart from the user's own.

use crate::{import_bytes, ApiError, Library};

/// A bundled example file.
pub struct ExampleFile {
    /// Its file name.
    pub name: &'static str,
    /// Its bytes.
    pub bytes: &'static [u8],
}

/// What loading the examples did.
#[derive(Debug, Default)]
pub struct ExamplesOutcome {
    /// Newly imported.
    pub imported: usize,
    /// Already there.
    pub present: usize,
    /// Not importable by this version (file and reason); they are skipped, not fatal.
    pub skipped: Vec<(String, String)>,
}

/// Imports every example the importers can read; already-present ones are left alone.
pub fn load_examples(lib: &mut Library, files: &[ExampleFile], now: &str) -> Result<ExamplesOutcome, ApiError> {
    let mut out = ExamplesOutcome::default();
    for f in files {
        match import_bytes(lib, f.name, f.bytes, now) {
            Ok(o) if o.duplicate => out.present += 1,
            Ok(_) => out.imported += 1,
            Err(ApiError::Import(e)) => out.skipped.push((f.name.to_string(), e.to_string())),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}
