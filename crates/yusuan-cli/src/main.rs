//! The `yusuan` binary: parses arguments and hands them to [`yusuan_cli::run`].

use std::io::Write;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Standard output that ends quietly when its reader has gone (`yusuan list | head`): the rest
/// of the output is dropped, as other command-line tools do, instead of an error about a pipe.
struct Stdout<W: Write>(W);

impl<W: Write> Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(buf.len()),
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }
}

fn main() {
    // A panic inside a dependency is logged in the data folder, never printed: the user sees the
    // one-line error the import turns it into.
    yusuan_api::quiet_panics(&yusuan_api::default_data_dir());
    let code = yusuan_cli::run(
        std::env::args_os(),
        &mut Stdout(std::io::stdout().lock()),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}
