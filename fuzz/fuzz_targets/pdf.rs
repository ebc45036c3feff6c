//! Fuzzes the pdf importer: any input gives a document or an error, never a panic of ours,
//! a hang (libFuzzer's -timeout) or runaway memory (-rss_limit_mb).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(init: common::panics_in_our_code_only(), |data: &[u8]| {
    if let Err(yusuan_import::ImportError::Internal { .. }) = yusuan_import::import_pdf("fuzz.pdf", data) {
        panic!("an internal error reached the user");
    }
});
