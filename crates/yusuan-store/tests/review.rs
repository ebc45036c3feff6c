//! The review round on either engine: a version submitted (locked, its summary kept), returned
//! with comments (the draft open again), the next one submitted and accepted; only a submitted
//! version is decided; the district's page shows each draft's latest version.

use yusuan_store::{Decision, StoreError, VersionStatus};

mod common;

use common::ev;

#[test]
fn a_version_is_submitted_returned_with_comments_and_the_next_accepted() {
    let place = common::Place::new();
    let mut store = place.open();
    let id = store
        .insert_draft("某局", 2027, "上海9张表", None, "t0", "{\"v\":0}")
        .unwrap();
    let other = store
        .insert_draft("另一局", 2027, "上海9张表", None, "t0", "{}")
        .unwrap();
    store
        .submit_version(id, "一上", "h1", "{\"total\":\"100\"}", "t1")
        .unwrap();
    // Submitted: locked until the bureau decides.
    assert!(matches!(
        store.record_draft_edit(id, "{\"v\":1}", &ev(Some("0"), Some("1")), "t2", "u"),
        Err(StoreError::DraftLocked { .. })
    ));
    let comments = vec![
        (String::new(), "请压减一般性支出".to_string()),
        (
            "支出|一般公共预算|2010101|基本支出".to_string(),
            "说明增长原因".to_string(),
        ),
    ];
    store
        .review_version(id, "一上", Decision::Return, &comments, "审核员", "t3")
        .unwrap();
    // Returned: the draft is open again, the comments kept with who and when.
    let v = &store.draft_versions(id).unwrap()[0];
    assert_eq!(v.status, VersionStatus::Returned);
    assert_eq!(v.summary_json.as_deref(), Some("{\"total\":\"100\"}"));
    let written = store.review_comments(id).unwrap();
    assert_eq!(written.len(), 2);
    assert_eq!(written[1].target, "支出|一般公共预算|2010101|基本支出");
    assert!(written.iter().all(|c| c.version == "一上" && c.at == "t3"));
    store.draft(id).unwrap();
    store
        .record_draft_edit(id, "{\"v\":1}", &ev(Some("0"), Some("1")), "t4", "u")
        .unwrap();
    // Decided once only.
    assert!(matches!(
        store.review_version(id, "一上", Decision::Accept, &[], "审核员", "t5"),
        Err(StoreError::NotSubmitted { .. })
    ));
    assert!(matches!(
        store.review_version(id, "三上", Decision::Accept, &[], "审核员", "t5"),
        Err(StoreError::NoVersion { .. })
    ));
    store
        .submit_version(id, "二上", "h2", "{\"total\":\"90\"}", "t6")
        .unwrap();
    store
        .review_version(id, "二上", Decision::Accept, &[], "审核员", "t7")
        .unwrap();
    let versions = store.draft_versions(id).unwrap();
    assert_eq!(versions[1].status, VersionStatus::Accepted);
    assert_eq!(versions[1].reviewed_at.as_deref(), Some("t7"));
    assert_eq!(
        store.draft(id).unwrap().locked_version.as_deref(),
        Some("二上")
    );

    // The district: each draft with its latest version.
    let district = store.district().unwrap();
    assert_eq!(district.len(), 2);
    let mine = district.iter().find(|d| d.id == id).unwrap();
    assert_eq!(
        mine.latest,
        Some((
            "二上".to_string(),
            VersionStatus::Accepted,
            Some("{\"total\":\"90\"}".to_string())
        ))
    );
    assert_eq!(
        district.iter().find(|d| d.id == other).unwrap().latest,
        None
    );
}
