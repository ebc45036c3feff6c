//! The `yusuan` binary: parses arguments and hands them to [`yusuan_cli::run`].

fn main() {
    // A panic inside a dependency is logged in the data folder, never printed: the user sees the
    // one-line error the import turns it into.
    yusuan_api::quiet_panics(&yusuan_api::default_data_dir());
    let code = yusuan_cli::run(std::env::args_os(), &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
