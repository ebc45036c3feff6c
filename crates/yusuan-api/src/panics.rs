//! No panic reaches a user: a panic inside a dependency (a PDF library meeting a font it does
//! not know) is caught where it happens and becomes a one-line Chinese error; this hook makes
//! sure its message and backtrace go to a log file in the data directory, not to the terminal
//! or the window.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The log file panics are written to.
pub fn panic_log(data_dir: &Path) -> PathBuf {
    data_dir.join("logs").join("panics.log")
}

/// Installs the hook: every panic's message, place and backtrace are appended to
/// [`panic_log`] (or dropped when the folder cannot be written), nothing is printed.
pub fn quiet_panics(data_dir: &Path) {
    let log = panic_log(data_dir);
    std::panic::set_hook(Box::new(move |info| {
        let backtrace = std::backtrace::Backtrace::force_capture();
        if let Some(dir) = log.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
        {
            let _ = writeln!(f, "== {}\n{info}\n{backtrace}\n", crate::now_rfc3339());
        }
    }));
}
