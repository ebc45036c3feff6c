//! End to end: the window on a bureau's library (设置's 单位服务器): a data folder whose settings
//! name a library on the test PostgreSQL server (`scripts/test.sh` starts it), holding a real
//! document imported there. The window lists it under 单位预算库, and a draft started in the
//! window is written on the server, where another desk reads it.

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::Path;
use std::time::{Duration, Instant};
use window::{click, count, text_of};

#[tokio::test(flavor = "multi_thread")]
async fn the_window_works_on_a_library_on_the_bureaus_server() {
    // The synchronous PostgreSQL client runs a runtime of its own: off this test's runtime.
    let server = std::thread::spawn(|| {
        let server = yusuan_testkit::ServerLibrary::new();
        let mut lib = yusuan_api::Library::open(Path::new(&server.url)).unwrap();
        let pdf = common::fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
        yusuan_api::import_file(&mut lib, &pdf, "2026-12-06T00:00:00Z").unwrap();
        server
    })
    .join()
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let settings = yusuan_api::Settings {
        server: Some(server.url.clone()),
        ..Default::default()
    };
    yusuan_api::save_settings(data.path(), &settings).unwrap();

    let app = Path::new(env!("CARGO_BIN_EXE_yusuan-app"));
    let (_driver, c) = window::open_window(app, data.path()).await;
    let start = Instant::now();
    loop {
        let libraries = text_of(&c, "[data-testid=library-select]").await;
        if libraries.contains("单位预算库（1份）") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "{libraries}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // 单位预算库 is chosen (it holds a document) and lists the server's document.
    while count(&c, "[data-testid=doc-item]").await < 1 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no document listed"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    click(&c, "//*[@data-testid='doc-item'][contains(., '万里街道')]").await;
    assert_eq!(window::start_draft(&c).await, "18,976.76");
    // The draft is on the server: another desk reads it there.
    let url = server.url.clone();
    let drafts = std::thread::spawn(move || {
        let other = yusuan_api::Library::open(Path::new(&url)).unwrap();
        other.store().drafts().unwrap()
    })
    .join()
    .unwrap();
    assert_eq!(drafts.len(), 1);
    assert!(
        drafts[0].department.contains("万里街道"),
        "{}",
        drafts[0].department
    );
    // 全区审核 lists the district's drafts: this one, not yet submitted.
    click(&c, "//*[@data-testid='open-district']").await;
    let page = text_of(&c, "[data-testid=district-table]").await;
    assert!(
        page.contains("万里街道") && page.contains("编制中"),
        "{page}"
    );
    let dir = common::root().join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("district.png"), c.screenshot().await.unwrap()).unwrap();
    // 设置 says where 我的预算库 is, as whom.
    click(&c, "//*[@data-testid='open-settings']").await;
    let status = text_of(&c, "[data-testid=server-status]").await;
    assert!(
        status.contains("单位服务器上的预算库") && status.contains("用户 yusuan_test"),
        "{status}"
    );
    std::fs::write(
        dir.join("settings-server.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();
    c.close().await.unwrap();
    std::thread::spawn(move || drop(server)).join().unwrap();
}
