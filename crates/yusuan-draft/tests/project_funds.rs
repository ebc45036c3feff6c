//! Projects funded by 项目支出 lines, on seed 000 (two projects described: 办公用房修缮及装修项目,
//! 2829.55万元; 信息工作项目, 25万元): a project's budget is its shares; a line cannot fund more
//! than it holds (R008); a description that states another total is a 警告 (R009), read at the
//! precision it prints; shares follow their line into a unit and into the unit's own budget.

use rust_decimal::Decimal;
use yusuan_draft::project_funds::{project_money, set_share, ShareError};
use yusuan_draft::{draft_findings, place, roll_forward, unit_view, Draft};

mod common;

fn draft() -> Draft {
    roll_forward(&common::fixture("000_e54fcd81d7b1024c.txt"), 1, None)
        .unwrap()
        .0
}

fn rules(d: &Draft) -> Vec<&'static str> {
    draft_findings(d)
        .into_iter()
        .map(|f| f.rule)
        .filter(|r| r.starts_with("R00"))
        .collect()
}

const LINE: &str = "支出|一般公共预算|2013999|项目支出";
const INFO: &str = "信息工作项目";
const HOUSE: &str = "办公用房修缮及装修项目";

#[test]
fn a_projects_budget_is_its_shares_of_the_project_lines() {
    let mut d = draft();
    assert_eq!(
        d.leaf(&yusuan_draft::LeafKey::parse(LINE).unwrap())
            .unwrap()
            .value,
        Decimal::from(26_266_891)
    );
    let before = rules(&d);
    assert!(
        !before.contains(&"R008") && !before.contains(&"R009"),
        "no share yet, nothing to say: {before:?}"
    );
    // 25万元 as its description states: no finding; 25.04万元 still prints as 25万元.
    assert_eq!(
        set_share(&mut d, INFO, LINE, Decimal::from(250_000)),
        Ok(None)
    );
    assert_eq!(project_money(&d, INFO), Some(Decimal::from(250_000)));
    assert!(!rules(&d).contains(&"R009"));
    set_share(&mut d, INFO, LINE, Decimal::from(250_400)).unwrap();
    assert!(
        !rules(&d).contains(&"R009"),
        "25.04万元 is what 25万元 prints"
    );
    // 30万元 against a text that says 25万元: a 警告 naming both.
    assert_eq!(
        set_share(&mut d, INFO, LINE, Decimal::from(300_000)),
        Ok(Some(Decimal::from(250_400)))
    );
    let r009 = draft_findings(&d)
        .into_iter()
        .find(|f| f.rule == "R009")
        .expect("R009");
    assert_eq!(
        (r009.expected.as_deref(), r009.actual.as_deref()),
        (Some("项目支出分配 30.00万元"), Some("说明所述 25万元"))
    );
    // The two projects ask more of the line than it holds: an 错误.
    set_share(&mut d, HOUSE, LINE, Decimal::from(26_000_000)).unwrap();
    let r008 = draft_findings(&d)
        .into_iter()
        .find(|f| f.rule == "R008")
        .expect("R008");
    assert_eq!(
        (r008.expected.as_deref(), r008.actual.as_deref()),
        (Some("≤26266891元"), Some("26300000元"))
    );
    // Refused, nothing changes: no such project, not a 项目支出 line, a negative share.
    let kept = d.clone();
    assert!(matches!(
        set_share(&mut d, "别的项目", LINE, Decimal::ONE),
        Err(ShareError::NoProject(_))
    ));
    assert!(matches!(
        set_share(
            &mut d,
            INFO,
            "支出|一般公共预算|2013901|基本支出",
            Decimal::ONE
        ),
        Err(ShareError::NotProjectSpending(_))
    ));
    assert!(matches!(
        set_share(
            &mut d,
            INFO,
            "支出|一般公共预算|2019999|项目支出",
            Decimal::ONE
        ),
        Err(ShareError::NotProjectSpending(_))
    ));
    assert!(matches!(
        set_share(&mut d, INFO, LINE, Decimal::from(-1)),
        Err(ShareError::Negative)
    ));
    assert_eq!(d, kept);
    // Zero takes a share away.
    set_share(&mut d, HOUSE, LINE, Decimal::ZERO).unwrap();
    assert_eq!(project_money(&d, HOUSE), None);
    assert!(!rules(&d).contains(&"R008"));
}

#[test]
fn shares_follow_their_line_into_a_unit_and_its_own_budget() {
    let mut d = draft();
    set_share(&mut d, INFO, LINE, Decimal::from(250_000)).unwrap();
    let centre = "上海市社会工作发展服务中心";
    place(
        &mut d,
        &yusuan_draft::LeafKey::parse(LINE).unwrap(),
        None,
        Some(centre),
        None,
    )
    .unwrap();
    assert_eq!(d.project_funds[INFO][0].line, format!("{LINE}@{centre}"));
    assert!(!rules(&d).contains(&"R008"));
    // The centre's budget carries the project its line funds, the share by the line's own key.
    let v = unit_view(&d, centre).unwrap();
    assert_eq!(
        v.projects
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        [INFO]
    );
    assert_eq!(v.project_funds[INFO][0].line, LINE);
    assert!(!rules(&v).contains(&"R008") && !rules(&v).contains(&"R009"));
    // The 本部's budget has neither.
    let own = unit_view(&d, "中共上海市委社会工作部").unwrap();
    assert!(own.project_funds.is_empty() && !own.projects.iter().any(|p| p.name == INFO));
}
