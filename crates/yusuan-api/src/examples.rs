//! The example library: real published documents loaded apart from the user's own.

use crate::import::{sha256_hex, store_parsed};
use crate::{ApiError, Library};

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

/// Imports every example the importers understand completely (no unrecognised text, no
/// warnings); the others are skipped with the reason, so the examples only show what the
/// importers really read. Already-present ones are left alone.
pub fn load_examples(
    lib: &mut Library,
    files: &[ExampleFile],
    now: &str,
) -> Result<ExamplesOutcome, ApiError> {
    let mut out = ExamplesOutcome::default();
    for f in files {
        // Already loaded (every start-up after the first): nothing to parse.
        let hash = sha256_hex(f.bytes);
        if lib.store().find_by_hash(&hash)?.is_some() {
            out.present += 1;
            continue;
        }
        let imported = match yusuan_import::import_any(f.name, f.bytes) {
            Ok(i) if i.report.unrecognised.is_empty() && i.report.warnings.is_empty() => i,
            Ok(i) => {
                out.skipped.push((
                    f.name.to_string(),
                    format!(
                        "本版本尚不能完整识别（未识别 {} 处，警告 {} 条）",
                        i.report.unrecognised.len(),
                        i.report.warnings.len()
                    ),
                ));
                continue;
            }
            // Tables published apart from their narrative (Jiangsu's pair; the narrative comes
            // first in the list): joined to it as an import joins them, once.
            Err(yusuan_import::ImportError::NoYear { departments, .. }) => {
                match crate::import::import_bytes(lib, f.name, f.bytes, now) {
                    Ok(o) if o.attached => out.imported += 1,
                    Ok(_) => out.present += 1,
                    Err(_) if already_joined(lib, &departments)? => out.present += 1,
                    Err(e) => out.skipped.push((f.name.to_string(), e.to_string())),
                }
                continue;
            }
            Err(e) => {
                out.skipped.push((f.name.to_string(), e.to_string()));
                continue;
            }
        };
        match store_parsed(lib, f.name, &hash, imported, now)? {
            o if o.duplicate => out.present += 1,
            _ => out.imported += 1,
        }
    }
    Ok(out)
}

/// Whether a department's narrative in the library already has its tables (the tables file of
/// a pair was joined at an earlier start).
fn already_joined(lib: &Library, departments: &[String]) -> Result<bool, ApiError> {
    Ok(crate::import::documents_of(lib, departments)?
        .iter()
        .any(|d| d.tables > 0))
}
