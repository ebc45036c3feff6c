//! Two connections on one library (two windows, or the CLI beside the app): an edit based on a
//! read that another connection has since written over is refused, never written over it.

use yusuan_store::StoreError;

mod common;

use common::ev;

#[test]
fn an_edit_based_on_a_stale_read_is_refused_and_a_fresh_read_goes_through() {
    let place = common::Place::new();
    let mut a = place.open();
    let mut b = place.open();
    let id = a
        .insert_draft("某局", 2027, "上海9张表", None, "t0", "{\"v\":0}")
        .unwrap();
    // Both read the draft; B writes first.
    assert_eq!(a.draft(id).unwrap().state_json, "{\"v\":0}");
    assert_eq!(b.draft(id).unwrap().state_json, "{\"v\":0}");
    b.record_draft_edit(id, "{\"v\":\"b\"}", &ev(Some("0"), Some("b")), "t1", "u")
        .unwrap();
    // A's edit was made on what B has replaced: refused, B's state stands.
    let err = a
        .record_draft_edit(id, "{\"v\":\"a\"}", &ev(Some("0"), Some("a")), "t2", "u")
        .unwrap_err();
    assert!(
        matches!(err, StoreError::DraftChanged(d) if d == id),
        "{err}"
    );
    assert!(err.to_string().contains("另一个窗口或命令"), "{err}");
    assert_eq!(b.draft(id).unwrap().state_json, "{\"v\":\"b\"}");
    assert_eq!(a.draft_events(id).unwrap().len(), 1);
    // Read again, A's edit goes through; and its own next edit needs no new read.
    assert_eq!(a.draft(id).unwrap().state_json, "{\"v\":\"b\"}");
    a.record_draft_edit(id, "{\"v\":\"a\"}", &ev(Some("b"), Some("a")), "t3", "u")
        .unwrap();
    a.record_draft_edit(id, "{\"v\":\"a2\"}", &ev(Some("a"), Some("a2")), "t4", "u")
        .unwrap();
    // An undo on a stale read is refused the same way.
    let last = b.draft_undo_target(id).unwrap().unwrap();
    assert!(matches!(
        b.mark_draft_event(id, last.id, true, "{\"v\":\"a\"}", "t5", None),
        Err(StoreError::DraftChanged(_))
    ));
}
