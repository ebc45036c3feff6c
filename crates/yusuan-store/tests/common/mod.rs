//! What the store's tests share: a draft event as the history records one.

/// An event of a line set from `old` to `new` (what the history shows; no typed edit).
pub fn ev<'a>(old: Option<&'a str>, new: Option<&'a str>) -> yusuan_store::NewDraftEvent<'a> {
    yusuan_store::NewDraftEvent {
        action: "lines",
        target: "k",
        old_value: old,
        new_value: new,
        edit_json: None,
        inverse_json: None,
    }
}
