//! Which 项目支出 lines fund which project. The tables print 项目支出 by function 项 and fund
//! with no project names, and a project description states its budget in words: a project's
//! shares of the 项目支出 lines are what tie the two. A project's budget is the sum of its
//! shares; R008 (错误) is a line whose shares come to more than the line, R009 (警告) a
//! project whose description states another total than its shares.

use crate::model::{parse_address, Draft, LeafKey, ProjectShare, SpendKind};
use rust_decimal::Decimal;
use yusuan_domain::{Amount, Unit};

/// Why a share cannot be set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// No project of that name.
    NoProject(String),
    /// The line is not a 项目支出 line of the draft.
    NotProjectSpending(String),
    /// A negative amount.
    Negative,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NoProject(p) => write!(f, "草稿中没有项目“{p}”"),
            ShareError::NotProjectSpending(l) => write!(f, "“{l}”不是草稿中的项目支出明细行；项目资金只能来自项目支出（支出|资金来源|科目|项目支出）"),
            ShareError::Negative => f.write_str("项目资金不能为负数"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Sets a project's share of a 项目支出 line (`line`: its address); zero takes the share away.
/// Returns the share before (none when there was none).
pub fn set_share(
    d: &mut Draft,
    project: &str,
    line: &str,
    amount: Decimal,
) -> Result<Option<Decimal>, ShareError> {
    let project = project.trim();
    if !d.projects.iter().any(|p| p.name == project) {
        return Err(ShareError::NoProject(project.to_string()));
    }
    let spending = parse_address(line).filter(|(k, u)| {
        matches!(
            k,
            LeafKey::Spend {
                kind: SpendKind::Project,
                ..
            }
        ) && d.leaf_at(k, u.as_deref()).is_some()
    });
    let Some((key, unit)) = spending else {
        return Err(ShareError::NotProjectSpending(line.trim().to_string()));
    };
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err(ShareError::Negative);
    }
    let address = crate::model::address(&key, unit.as_deref());
    let shares = d.project_funds.entry(project.to_string()).or_default();
    let old = shares
        .iter()
        .position(|s| s.line == address)
        .map(|i| shares.remove(i).amount);
    if !amount.is_zero() {
        shares.push(ProjectShare {
            line: address,
            amount,
        });
        shares.sort_by(|a, b| a.line.cmp(&b.line));
    }
    if shares.is_empty() {
        d.project_funds.remove(project);
    }
    Ok(old)
}

/// A project's budget from its shares, 元 (`None` while no line funds it).
pub fn project_money(d: &Draft, project: &str) -> Option<Decimal> {
    d.project_funds
        .get(project)
        .filter(|s| !s.is_empty())
        .map(|s| s.iter().map(|x| x.amount).sum())
}

/// The shares of projects the draft has (a removed project's shares wait for its undo).
fn live(d: &Draft) -> impl Iterator<Item = (&String, &Vec<ProjectShare>)> {
    d.project_funds
        .iter()
        .filter(|(p, _)| d.projects.iter().any(|x| &x.name == *p))
}

/// Each line's shares against the line (R008), each project's stated total against its shares
/// (R009), and a share of a line the draft no longer has (R008: moved or taken away).
pub(crate) fn findings(d: &Draft) -> Vec<yusuan_check::Finding> {
    use yusuan_check::Severity;
    let mut out = Vec::new();
    let mut by_line: std::collections::BTreeMap<&str, Decimal> = Default::default();
    for (project, shares) in live(d) {
        for s in shares {
            *by_line.entry(s.line.as_str()).or_default() += s.amount;
            let exists =
                parse_address(&s.line).is_some_and(|(k, u)| d.leaf_at(&k, u.as_deref()).is_some());
            if !exists {
                out.push(crate::finding::finding(
                    "R008",
                    Severity::Error,
                    format!("项目“{project}”的资金来自明细行“{}”，草稿中已没有这一行（已移到单位或删除）：请重新指定项目资金", s.line),
                    Some(s.line.clone()),
                    None,
                    Some(format!("{}元", s.amount)),
                ));
            }
        }
    }
    for (line, shared) in by_line {
        let Some((k, u)) = parse_address(line) else {
            continue;
        };
        let Some(l) = d.leaf_at(&k, u.as_deref()) else {
            continue;
        };
        if shared > l.value {
            out.push(crate::finding::finding(
                "R008",
                Severity::Error,
                format!("分配给各项目的资金合计超过明细行“{}”的金额", l.label),
                Some(line.to_string()),
                Some(format!("≤{}元", l.value)),
                Some(format!("{shared}元")),
            ));
        }
    }
    for p in &d.projects {
        let (Some(money), Some(total)) = (project_money(d, &p.name), p.total) else {
            continue;
        };
        let stated = total.to_yuan();
        // The description states its total in its own precision (`25万元`, `56.12万元`): shares
        // that round to what it prints agree.
        let printed_as = Amount::yuan(money)
            .in_unit(total.unit)
            .value
            .round_dp(total.value.scale());
        if printed_as != total.value {
            out.push(crate::finding::finding(
                "R009",
                Severity::Warning,
                format!("项目“{}”的说明所述预算总额与分配给它的项目支出不一致：改写年度预算安排，或调整项目资金", p.name),
                Some(format!("项目|{}", p.name)),
                Some(format!("项目支出分配 {}万元", Amount::yuan(money).in_unit(Unit::WanYuan).value.round_dp(2))),
                Some(format!("说明所述 {}", p.total_printed.as_ref().map(|(t, _)| t.clone()).unwrap_or_else(|| format!("{}元", stated)))),
            ));
        }
    }
    out
}

/// Renames the project at `index` (in printed order) in one step: its description, its
/// 绩效目标表 and its shares of the 项目支出 lines all follow; its seven parts are kept as
/// written. A project printed without a name has a form and shares under the empty name.
pub fn rename_project(d: &mut Draft, index: usize, to: &str) -> Result<(), ShareError> {
    let to = to.trim();
    let Some(p) = d.projects.get_mut(index) else {
        return Err(ShareError::NoProject(format!("#{}", index + 1)));
    };
    let from = std::mem::replace(&mut p.name, to.to_string());
    let from = from.trim();
    for f in d
        .performance_forms
        .iter_mut()
        .filter(|f| f.project.trim() == from)
    {
        f.project = to.to_string();
    }
    if let Some(shares) = d.project_funds.remove(from) {
        d.project_funds.insert(to.to_string(), shares);
    }
    Ok(())
}
