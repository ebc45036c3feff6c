//! The real desktop window driven over WebDriver, shared by the tests that open it (the e2e of
//! the built app, the installed package's): `tauri-driver` started in its own process group and
//! ended with the app, a session retried while WebKitWebDriver starts, and the waits the UI's
//! re-renders need. Needs what `scripts/test.sh` provides: Xvfb, `tauri-driver`, `WebKitWebDriver`.
#![allow(dead_code)]

use fantoccini::{Client, ClientBuilder, Locator};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// tauri-driver and what it started; ended when dropped.
pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        // tauri-driver runs in its own process group: end it with WebKitWebDriver and the app.
        let _ = Command::new("kill")
            .arg("--")
            .arg(format!("-{}", self.0.id()))
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for_port(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "tauri-driver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The text of the first element matching `css`, retried while the UI re-renders it.
pub async fn text_of(c: &Client, css: &str) -> String {
    let start = Instant::now();
    loop {
        let found = c
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await;
        match found {
            Ok(e) => match e.text().await {
                Ok(t) => return t,
                Err(err) if start.elapsed() < Duration::from_secs(20) => {
                    eprintln!("e2e: {err}; retrying")
                }
                Err(err) => panic!("{css}: {err}"),
            },
            Err(err) => panic!("{css} never appeared: {err}"),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Clicks the element matching `xpath`, retried while the UI re-renders it.
pub async fn click(c: &Client, xpath: &str) {
    let start = Instant::now();
    loop {
        let found = c
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::XPath(xpath))
            .await;
        match found {
            Ok(e) => match e.click().await {
                Ok(_) => break,
                Err(err) if start.elapsed() < Duration::from_secs(20) => {
                    eprintln!("e2e: {err}; retrying")
                }
                Err(err) => panic!("{xpath}: {err}"),
            },
            Err(err) => panic!("{xpath} never appeared: {err}"),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
}

pub async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

/// 编制: starts next year's draft from the document open in the window; the 收入预算 figure it
/// shows (this year's).
pub async fn start_draft(c: &Client) -> String {
    click(c, "//*[@data-testid='start-draft']").await;
    text_of(
        c,
        "[data-testid='figure-收入预算'] [data-testid=figure-current]",
    )
    .await
}

/// Starts the app `app` on the data folder `data` and opens a WebDriver session on its window.
pub async fn open_window(app: &Path, data: &Path) -> (Driver, Client) {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no X display: run the end-to-end tests through scripts/test.sh (it starts Xvfb)"
    );
    let (port, native) = (free_port(), free_port());
    let driver = Command::new("tauri-driver")
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("YUSUAN_DATA_DIR", data)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .process_group(0)
        .spawn()
        .expect("tauri-driver not found: scripts/install-deps.sh installs it");
    let driver = Driver(driver);
    wait_for_port(port);

    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": app.to_string_lossy() }),
    );
    // tauri-driver listens before WebKitWebDriver is ready: retry the session for a while.
    let url = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    let c = loop {
        match ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(c) => break c,
            Err(e) if start.elapsed() < Duration::from_secs(30) => {
                eprintln!("e2e: WebDriver session not ready yet ({e}); retrying");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(e) => panic!("no WebDriver session after 30 s: {e}"),
        }
    };

    (driver, c)
}
