//! A draft's print style, a property of the draft shown and chosen in 导出: how an amount cell of
//! zero prints — as last year's tables printed each column (the region's practice, the default),
//! always blank, or always 0. One undoable edit.

use crate::drafts::{bad, load_draft, os_user, retrying, to_json, Edit};
use crate::{ApiError, Library};
use yusuan_draft::{Draft, Zeros};

/// The choices, as 导出 offers them.
pub fn zero_choices() -> Vec<String> {
    Zeros::ALL.iter().map(|z| z.label().to_string()).collect()
}

/// Sets how the draft's zero cells print (`按上年原表`, `留空`, `填0`).
pub fn draft_print_zeros(
    lib: &mut Library,
    id: i64,
    choice: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let zeros = Zeros::parse(choice).ok_or_else(|| {
        bad(format!(
            "“{choice}”不是零值单元格的印法；可选：{}",
            zero_choices().join("、")
        ))
    })?;
    retrying(lib, |lib| {
        let mut d = load_draft(lib, id, None)?;
        let old = d.print.zeros.label().to_string();
        let new = zeros.label().to_string();
        let seq = if old == new {
            0
        } else {
            d.print.zeros = zeros;
            lib.store_mut().record_draft_edit(
                id,
                &to_json(&d)?,
                "print",
                "零值单元格",
                Some(&old),
                Some(&new),
                now,
                &os_user(),
            )?
        };
        Ok(Edit {
            seq,
            target: "零值单元格".to_string(),
            old: Some(old),
            new: Some(new),
        })
    })
}

/// Puts one side of a print edit into the draft (undo and redo).
pub(crate) fn apply(d: &mut Draft, side: Option<&str>) -> Result<(), ApiError> {
    let label = side.unwrap_or_default();
    d.print.zeros =
        Zeros::parse(label).ok_or_else(|| bad(format!("历史记录中的印法无法识别：{label}")))?;
    Ok(())
}
