//! The installable package: `scripts/package.sh` assembles the `.deb` from the binaries this
//! test run built (no release build in CI), and the test checks what a desk's `apt install`
//! would get — its control fields, every dependency it names present on this Debian machine
//! (which `scripts/install-deps.sh` set up as a desk is), apt's own simulated install of it, the
//! files at their places — then unpacks it, starts the unpacked window on a fresh data folder and
//! sees 示例库 open with its documents, and runs the unpacked CLI.

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The `.deb` made from the binaries beside this test's `yusuan-app`, in `out`.
fn package(out: &Path) -> PathBuf {
    let app = Path::new(env!("CARGO_BIN_EXE_yusuan-app"));
    let bin_dir = app.parent().unwrap();
    assert!(
        bin_dir.join("yusuan").exists(),
        "the CLI is not built beside {}: cargo build -p yusuan-cli (the workspace's tests build it)",
        app.display()
    );
    let printed = run(Command::new("bash")
        .arg(common::root().join("scripts/package.sh"))
        .args(["--bin-dir", bin_dir.to_str().unwrap()])
        .args(["--out", out.to_str().unwrap(), "--fast"]));
    PathBuf::from(printed.trim())
}

fn control_field(deb: &Path, field: &str) -> String {
    run(Command::new("dpkg-deb").arg("-f").arg(deb).arg(field))
        .trim()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_package_installs_and_its_window_opens_the_example_library() {
    let work = tempfile::tempdir().unwrap();
    let deb = package(work.path());
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        deb.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(&format!("yusuan_{version}_")),
        "{}",
        deb.display()
    );
    assert_eq!(control_field(&deb, "Package"), "yusuan");
    assert_eq!(control_field(&deb, "Version"), version);

    // Every package it depends on is one this machine has installed: apt would install it here.
    let depends = control_field(&deb, "Depends");
    let names: Vec<&str> = depends.split(", ").collect();
    for needed in ["libwebkit2gtk-4.1-0", "libgtk-3-0", "libc6"] {
        assert!(
            names.contains(&needed),
            "{needed} missing from Depends: {depends}"
        );
    }
    for name in &names {
        let status = run(Command::new("dpkg-query")
            .args(["-W", "-f=${Status}"])
            .arg(name));
        assert!(status.contains("install ok installed"), "{name}: {status}");
    }

    // apt resolves it here as it would on a desk (simulated: the test installs nothing).
    let said = run(Command::new("apt-get").args(["-s", "install"]).arg(&deb));
    assert!(
        said.contains("Inst yusuan") && said.contains("Conf yusuan"),
        "{said}"
    );

    // Unpacked as dpkg would install it.
    let root = work.path().join("root");
    run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root));
    for file in [
        "usr/bin/yusuan-app",
        "usr/bin/yusuan",
        "usr/share/applications/yusuan.desktop",
        "usr/share/icons/hicolor/128x128/apps/yusuan.png",
        "usr/share/icons/hicolor/512x512/apps/yusuan.png",
    ] {
        assert!(root.join(file).is_file(), "{file} not in the package");
    }
    let desktop =
        std::fs::read_to_string(root.join("usr/share/applications/yusuan.desktop")).unwrap();
    assert!(
        desktop.contains("Exec=yusuan-app") && desktop.contains("Icon=yusuan"),
        "{desktop}"
    );

    // The unpacked CLI opens a library.
    let cli_db = work.path().join("cli.db");
    let listed = run(Command::new(root.join("usr/bin/yusuan"))
        .arg("--db")
        .arg(&cli_db)
        .arg("init"));
    assert!(cli_db.exists(), "{listed}");

    // The unpacked window, on a fresh data folder: 示例库 lists the bundled documents.
    let data = work.path().join("data");
    let (_driver, c) = window::open_window(&root.join("usr/bin/yusuan-app"), &data).await;
    let start = Instant::now();
    while window::count(&c, "[data-testid=doc-item]").await < 8 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the installed app's 示例库 did not list its documents"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let libraries = window::text_of(&c, "[data-testid=library-select]").await;
    assert!(libraries.contains("示例库（10"), "{libraries}");
    c.close().await.unwrap();
}
