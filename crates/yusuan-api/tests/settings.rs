//! 设置: thresholds that drafts and comparisons use, export fonts checked before they are saved,
//! and backups of 我的预算库 that open as libraries.

use rust_decimal::Decimal;
use std::path::PathBuf;
use yusuan_api::{Desk, Library, Settings};

mod common;

use common::fixture;

#[test]
fn settings_are_checked_saved_and_used_and_a_backup_opens() {
    let dir = tempfile::tempdir().unwrap();
    let now = "2026-12-01T09:30:15Z";
    let mut desk = Desk::open(dir.path()).unwrap();
    let view = desk.settings_view().unwrap();
    assert_eq!(view.settings, Settings::default());
    assert_eq!(
        (
            view.settings.threshold_percent,
            view.settings.threshold_yuan
        ),
        (Decimal::from(10), Decimal::from(500_000))
    );
    assert_eq!(view.libraries.len(), 2);

    // Refused, and nothing written: a zero threshold, a font file that is not there, a font
    // without Chinese glyphs.
    let mut bad = |s: Settings| desk.save_settings(&s).unwrap_err().to_string();
    let zero = bad(Settings {
        threshold_percent: Decimal::ZERO,
        ..Settings::default()
    });
    assert!(zero.contains("变动幅度阈值"), "{zero}");
    let missing = bad(Settings {
        body_font: Some("/nowhere/simsun.ttc".into()),
        ..Settings::default()
    });
    assert!(
        missing.contains("字体文件 /nowhere/simsun.ttc 不存在"),
        "{missing}"
    );
    let not_a_font = fixture("000_e54fcd81d7b1024c.txt").display().to_string();
    assert!(desk
        .save_settings(&Settings {
            heading_font: Some(not_a_font),
            ..Settings::default()
        })
        .is_err());
    assert!(!dir.path().join("settings.json").exists());

    // 20 %: a new draft needs reasons only beyond ±20 %, the comparison flags by it.
    let saved = desk
        .save_settings(&Settings {
            threshold_percent: Decimal::from(20),
            ..Settings::default()
        })
        .unwrap();
    assert_eq!(saved.settings.threshold_percent, Decimal::from(20));
    assert_eq!(
        Desk::open(dir.path()).unwrap().settings().threshold_percent,
        Decimal::from(20),
        "kept across restarts"
    );
    let [a, b] = [
        "pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
    ]
    .map(|name| {
        let imported = desk.import_path(&fixture(name), yusuan_api::Yearless::FromFileName, now);
        imported.id.unwrap()
    });
    let draft = desk.start_draft("user", b, now).unwrap();
    let id = yusuan_api::parse_draft_ref(&draft.draft).unwrap().0;
    let lib = Library::open(&dir.path().join("library.db")).unwrap();
    assert_eq!(
        yusuan_api::load_draft(&lib, id, None)
            .unwrap()
            .threshold_percent,
        Decimal::from(20)
    );
    // 收入总计 grew 21.48 %: beyond 20 % still; lines between 10 and 20 % are no longer flagged.
    let beyond = |l: &yusuan_api::compare::AlignedLine| {
        l.flags
            .iter()
            .any(|f| matches!(f, yusuan_api::compare::Flag::BeyondThreshold))
    };
    let at20 = desk.compare("user", &[a, b]).unwrap().comparison.lines;
    let at10 = yusuan_api::compare_ids(&lib, &[a, b], &yusuan_api::compare::Options::default())
        .unwrap()
        .comparison
        .lines;
    let (n20, n10) = (
        at20.iter().filter(|l| beyond(l)).count(),
        at10.iter().filter(|l| beyond(l)).count(),
    );
    assert!(n20 > 0 && n20 < n10, "{n20} flagged at 20 %, {n10} at 10 %");
    assert!(at20.iter().filter(|l| beyond(l)).all(|l| l
        .change_percent
        .is_none_or(|p| p.abs() >= Decimal::from(20))));
    assert!(at20
        .iter()
        .any(|l| beyond(l) && l.row_label.contains("收入总计")));

    // A backup is a library with the same documents and drafts.
    let after = desk.backup(now).unwrap();
    assert_eq!(after.backups.len(), 1);
    let path = PathBuf::from(&after.backups[0].path);
    assert!(
        path.ends_with("备份/预算库-20261201-093015.db"),
        "{}",
        path.display()
    );
    let copy = Library::open(&path).unwrap();
    assert_eq!(copy.store().list().unwrap().len(), 2);
    assert_eq!(copy.store().drafts().unwrap().len(), 1);
    assert!(
        desk.backup(now).is_err(),
        "the same name is not overwritten"
    );
}

/// The app's daily backup: once a day, only when 我的预算库 holds something, the last seven kept;
/// and a restore from one brings that day's library back (the state before the restore kept).
#[test]
fn a_backup_a_day_the_last_seven_kept_and_any_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path()).unwrap();
    assert_eq!(
        desk.daily_backup("2026-12-01T08:00:00Z").unwrap(),
        None,
        "an empty library is not backed up"
    );
    let mut lib = Library::open(&dir.path().join("library.db")).unwrap();
    yusuan_api::import_file(
        &mut lib,
        &fixture("000_e54fcd81d7b1024c.txt"),
        "2026-12-01T08:00:00Z",
    )
    .unwrap();
    let first = desk
        .daily_backup("2026-12-01T08:05:00Z")
        .unwrap()
        .expect("the day's backup");
    assert!(
        first.ends_with("备份/预算库-自动-20261201.db"),
        "{}",
        first.display()
    );
    assert_eq!(
        desk.daily_backup("2026-12-01T17:00:00Z").unwrap(),
        None,
        "once a day"
    );
    for day in 2..=9 {
        assert!(desk
            .daily_backup(&format!("2026-12-{day:02}T08:00:00Z"))
            .unwrap()
            .is_some());
    }
    let mut daily: Vec<String> = std::fs::read_dir(dir.path().join("备份"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    daily.sort();
    assert_eq!(daily.len(), yusuan_api::DAILY_BACKUPS_KEPT);
    assert_eq!(daily[0], "预算库-自动-20261203.db");
    // A second document, then the 3 December backup restored: one document again.
    yusuan_api::import_file(
        &mut lib,
        &fixture("001_e395be5bb9699fb6.txt"),
        "2026-12-10T08:00:00Z",
    )
    .unwrap();
    drop(lib);
    let view = desk
        .restore(
            &dir.path().join("备份").join("预算库-自动-20261203.db"),
            "2026-12-10T09:00:00Z",
        )
        .unwrap();
    assert_eq!(
        desk.libraries()
            .unwrap()
            .iter()
            .find(|l| l.id == "user")
            .unwrap()
            .documents,
        1
    );
    assert!(
        view.backups
            .iter()
            .any(|b| b.path.ends_with("预算库-恢复前-20261210090000.db")),
        "{:?}",
        view.backups
    );
}

/// 单位服务器: a server that cannot be reached, or an address that is not one, is refused and
/// nothing is saved; the settings file (which may hold the server's password) is the user's alone.
#[test]
fn a_server_that_cannot_be_reached_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = yusuan_api::Desk::open(dir.path()).unwrap();
    let unreachable = yusuan_api::Settings {
        server: Some("postgres://nobody:secret@127.0.0.1:1/none".into()),
        ..Default::default()
    };
    let err = desk.save_settings(&unreachable).unwrap_err().to_string();
    assert!(err.contains("无法连接预算库服务器 127.0.0.1/none"), "{err}");
    assert!(!err.contains("secret"), "{err}");
    assert!(!dir.path().join("settings.json").exists());
    let not_a_server = yusuan_api::Settings {
        server: Some("mysql://x/y".into()),
        ..Default::default()
    };
    let err = desk.save_settings(&not_a_server).unwrap_err().to_string();
    assert!(err.contains("postgres://"), "{err}");
    desk.save_settings(&yusuan_api::Settings::default())
        .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("settings.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(desk.settings_view().unwrap().connected.is_none());
}
