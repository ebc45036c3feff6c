//! What every target shares: a panic in our own code is a finding (the process aborts, so
//! libFuzzer saves the input), while a panic inside a dependency — which the importer catches
//! and reports as a damaged file, by design — is silenced and the run goes on.

pub fn panics_in_our_code_only() {
    std::panic::set_hook(Box::new(|info| {
        let ours = info.location().is_some_and(|l| l.file().contains("yusuan-"));
        if ours {
            eprintln!("panic in our code: {info}");
            std::process::abort();
        }
    }));
}
