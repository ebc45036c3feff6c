//! Fuzzes the checker: every document the text importer makes of an input is checked by every
//! rule without a rule failing (the registry reports a failed rule as a finding; here it aborts).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(init: common::panics_in_our_code_only(), |data: &[u8]| {
    if let Ok(imported) = yusuan_import::import_text("fuzz.txt", data) {
        for f in yusuan_check::check(&imported.document) {
            assert!(!f.message.contains("内部错误"), "{}", f.message);
        }
    }
});
