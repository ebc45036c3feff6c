//! The note a table with no money prints (`注：本部门2027年无…，故本表为空表。`), as the documents
//! print it and K004 asks for it: the region's wording for the fund, 三公 and form tables, else
//! the table's own subject. Used by blank drafts (`template`) and by every derived table
//! (`derive`).

use crate::layout::TableLayout;
use crate::model::Draft;
use yusuan_domain::TableKind;

/// The note an empty fund or 三公 table prints, where the source printed none (its tables had
/// money): a blank draft's department may have none of that money.
pub(crate) fn empty_note(
    kind: TableKind,
    scope: yusuan_domain::Scope,
    year: i32,
) -> Option<String> {
    let who = if scope == yusuan_domain::Scope::Unit {
        "单位"
    } else {
        "部门"
    };
    let what = match kind {
        TableKind::GovernmentFundFunction => "无政府性基金预算财政拨款安排的预算",
        TableKind::StateCapitalFunction => "无国有资本经营预算财政拨款安排的预算",
        TableKind::ThreePublic => "无“三公”经费和机关运行经费预算",
        TableKind::PurchasedServices => "无政府购买服务预算",
        TableKind::AssetAllocation => "无资产配置预算",
        // The forms a blank draft does not carry: the draft rule R007 asks for them where
        // projects have money.
        TableKind::DepartmentPerformance => "未编报部门整体支出绩效目标",
        TableKind::ProjectPerformance => "未编报项目支出绩效目标",
        _ => return None,
    };
    Some(format!("注：本{who}{year}年{what}，故本表为空表。"))
}

/// The note of a table left with no money where the source printed none for it: the region's
/// wording for the fund and 三公 tables, else the table's own subject (`…机关运行经费支出预算表`
/// → `本部门2027年无一般公共预算机关运行经费支出预算`), as K004 asks.
pub(crate) fn note_for(draft: &Draft, t: &TableLayout) -> String {
    if let Some(n) = empty_note(t.kind, draft.scope, draft.year) {
        return n;
    }
    format!(
        "注：本{}{}年无{}，故本表为空表。",
        draft.who(),
        draft.year,
        subject_of(&t.title)
    )
}

/// What a table is of, from its title: without its number, its year and `部门`, and `表`.
fn subject_of(title: &str) -> String {
    let title: String = yusuan_domain::strip_numbering(title)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let after_year = title
        .find('年')
        .filter(|&i| i > 0 && title[..i].chars().all(|c| c.is_ascii_digit()))
        .map_or(title.as_str(), |i| {
            title[i + '年'.len_utf8()..].trim_start_matches('度')
        });
    let subject = after_year.strip_suffix('表').unwrap_or(after_year);
    subject.strip_prefix("部门").unwrap_or(subject).to_string()
}

#[cfg(test)]
mod tests {
    use super::subject_of;

    #[test]
    fn a_table_names_what_it_is_of() {
        // check(input, expect)
        for (title, subject) in [
            (
                "一般公共预算机关运行经费支出预算表",
                "一般公共预算机关运行经费支出预算",
            ),
            (
                "十、一般公共预算机关运行经费支出预算表",
                "一般公共预算机关运行经费支出预算",
            ),
            ("2027年部门政府采购预算表", "政府采购预算"),
            ("2019年度部门预算表", "预算"),
            ("年度计划表", "年度计划"),
        ] {
            assert_eq!(subject_of(title), subject, "{title}");
        }
    }
}
