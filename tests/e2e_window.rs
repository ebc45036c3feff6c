//! End to end: the real desktop window (Tauri + WebKitGTK) driven over WebDriver.
//!
//! Needs what `scripts/test.sh` provides: an X display (Xvfb), `tauri-driver` and Debian's
//! `WebKitWebDriver`. It starts the app on a fresh data directory, checks that the example
//! library holds the bundled real document and the user's library stays empty, reads numbers off
//! the rendered tables, switches tabs, and saves a screenshot to `target/e2e/`.

mod common;

use fantoccini::{ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_for_port(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "tauri-driver did not listen on {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

async fn text_of(c: &fantoccini::Client, css: &str) -> String {
    c.wait().at_most(Duration::from_secs(20)).for_element(Locator::Css(css)).await.unwrap().text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn window_shows_real_documents_from_the_store() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no X display: run the end-to-end tests through scripts/test.sh (it starts Xvfb)"
    );
    let data = tempfile::tempdir().unwrap();
    let app = env!("CARGO_BIN_EXE_yusuan-app");
    let (port, native) = (free_port(), free_port());
    let driver = Command::new("tauri-driver")
        .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
        .env("YUSUAN_DATA_DIR", data.path())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("tauri-driver not found: scripts/install-deps.sh installs it");
    let _driver = Driver(driver);
    wait_for_port(port);

    let mut caps = serde_json::Map::new();
    caps.insert("tauri:options".into(), serde_json::json!({ "application": app }));
    let c = ClientBuilder::native().capabilities(caps).connect(&format!("http://127.0.0.1:{port}")).await.unwrap();

    // The example library is chosen (the user's is empty) and lists the real documents: the
    // seed text and the four published PDFs.
    text_of(&c, "[data-testid=doc-item]").await;
    let select = c.find(Locator::Css("[data-testid=library-select]")).await.unwrap();
    let libraries = select.text().await.unwrap();
    assert!(libraries.contains("我的预算库（0") && libraries.contains("示例库（5"), "{libraries}");
    let items = c.find_all(Locator::Css("[data-testid=doc-item]")).await.unwrap();
    assert_eq!(items.len(), 5);
    let mut target = None;
    for it in items {
        if it.text().await.unwrap().contains("中共上海市委社会工作部") {
            target = Some(it);
        }
    }
    target.expect("seed 000 is in the example library").click().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;

    // The first table, with numbers exactly as published.
    let title = text_of(&c, "[data-testid=doc-title]").await;
    assert_eq!(title, "上海市2026年市级部门预算");
    // 财务收支预算总表 is two-sided: the pane shows the 收入 and the 支出 side.
    let pane = text_of(&c, "[data-testid=table-pane]").await;
    assert!(pane.contains("68,643,213") && pane.contains("一、一般公共服务支出") && pane.contains("5,363,528"), "{pane}");

    // Another table: 支出预算总表, row 201 39 01.
    let items = c.find_all(Locator::Css("[data-testid=table-item]")).await.unwrap();
    assert_eq!(items.len(), 11);
    items[2].click().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let table = text_of(&c, "[data-testid=budget-table]").await;
    assert!(table.contains("201 39 01") && table.contains("20,492,868") && table.contains("5,370,928"), "{table}");

    let shot = c.screenshot().await.unwrap();
    let dir = common::root().join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("window-tables.png"), &shot).unwrap();
    assert!(shot.starts_with(b"\x89PNG") && shot.len() > 20_000, "screenshot is {} bytes", shot.len());

    // The narrative tab.
    c.find(Locator::Css("[data-testid=tab-sections]")).await.unwrap().click().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sections = text_of(&c, "[data-testid=sections]").await;
    assert!(sections.contains("主要职能") && sections.contains("6,864万元"), "{}", &sections[..sections.len().min(300)]);
    std::fs::write(dir.join("window-sections.png"), c.screenshot().await.unwrap()).unwrap();

    c.close().await.unwrap();
}
