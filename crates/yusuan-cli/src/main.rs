//! The `yusuan` binary: parses arguments and hands them to [`yusuan_cli::run`].

fn main() {
    let code = yusuan_cli::run(std::env::args_os(), &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
