//! Sums over a draft's leaf lines — this year's or the baselines — and the narrative's stated
//! figures from theirs: what the tables (`derive`) and the generated sentences (`narrative`)
//! both read, so neither reads the other for it.

use crate::layout::Query;
use crate::model::{Draft, Fund, LeafKey, SpendKind};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Which amounts of the leaves to evaluate: this year's or last year's (the baseline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Year {
    /// The draft's values.
    Current,
    /// The baselines (0 where a leaf has none).
    Baseline,
}

/// Sums over the leaves of a draft, in 元.
pub(crate) struct Eval<'a> {
    pub(crate) draft: &'a Draft,
    year: Year,
    /// The lines of each key: one per unit it is placed in (and the unplaced one).
    by_key: HashMap<&'a LeafKey, Vec<usize>>,
}

impl<'a> Eval<'a> {
    pub(crate) fn new(draft: &'a Draft, year: Year) -> Eval<'a> {
        let mut by_key: HashMap<&LeafKey, Vec<usize>> = HashMap::new();
        for (i, l) in draft.leaves.iter().enumerate() {
            by_key.entry(&l.key).or_default().push(i);
        }
        Eval {
            draft,
            year,
            by_key,
        }
    }

    fn value(&self, i: usize) -> Decimal {
        self.of(&self.draft.leaves[i])
    }

    /// A leaf's amount in the year evaluated.
    pub(crate) fn of(&self, l: &crate::model::Leaf) -> Decimal {
        match self.year {
            Year::Current => l.value,
            Year::Baseline => l.baseline.unwrap_or_default(),
        }
    }

    /// Spending lines of these funds, under this function code prefix, of these kinds (all when
    /// `None`), placed in `unit` when one is given; their sum in 元.
    fn spending(
        &self,
        unit: Option<&String>,
        funds: &Option<Vec<Fund>>,
        prefix: Option<&str>,
        kinds: &Option<Vec<SpendKind>>,
    ) -> Decimal {
        self.draft
            .leaves
            .iter()
            .enumerate()
            .filter(|(_, l)| match &l.key {
                LeafKey::Spend {
                    fund,
                    function,
                    kind,
                } => {
                    unit.is_none_or(|u| l.unit.as_ref() == Some(u))
                        && funds.as_ref().is_none_or(|f| f.contains(fund))
                        && prefix.is_none_or(|p| function.as_str().starts_with(p))
                        && kinds.as_ref().is_none_or(|k| k.contains(kind))
                }
                _ => false,
            })
            .map(|(i, _)| self.value(i))
            .sum()
    }

    /// The sum of a query, in 元.
    pub(crate) fn sum(&self, q: &Query) -> Decimal {
        match q {
            Query::Leaves { keys } => keys
                .iter()
                .filter_map(|k| self.by_key.get(k))
                .flatten()
                .map(|&i| self.value(i))
                .sum(),
            Query::Spend {
                funds,
                prefix,
                kinds,
            } => self.spending(None, funds, prefix.as_deref(), kinds),
            Query::Placed { unit, funds, kinds } => self.spending(Some(unit), funds, None, kinds),
            Query::Parts { parts } => parts.iter().map(|q| self.sum(q)).sum(),
            Query::Economic { prefix, kinds } => self
                .draft
                .leaves
                .iter()
                .enumerate()
                .filter(|(_, l)| match &l.key {
                    LeafKey::Economic { code, kind } => {
                        prefix
                            .as_ref()
                            .is_none_or(|p| code.as_str().starts_with(p.as_str()))
                            && kinds.as_ref().is_none_or(|k| k.contains(kind))
                    }
                    _ => false,
                })
                .map(|(i, _)| self.value(i))
                .sum(),
        }
    }

    /// Spending of these funds (all when `None`) and kinds, in 元.
    pub(crate) fn spend(&self, funds: Option<&[Fund]>, kinds: Option<&[SpendKind]>) -> Decimal {
        self.sum(&Query::Spend {
            funds: funds.map(<[Fund]>::to_vec),
            prefix: None,
            kinds: kinds.map(<[SpendKind]>::to_vec),
        })
    }

    /// The leaves' values of a table-local leaf, by key (0 when absent).
    pub(crate) fn leaf(&self, key: &LeafKey) -> Option<Decimal> {
        self.by_key
            .get(key)
            .map(|lines| lines.iter().map(|&i| self.value(i)).sum())
    }
}

/// The figures the narrative states outside the tables: 政府采购 from its leaves (the total is
/// the sum of 货物/工程/服务 where the draft has them), the 国有资产 counts and the 绩效目标
/// summary from theirs, the rest carried.
pub fn stated(draft: &Draft) -> yusuan_domain::StatedFigures {
    use crate::model::ProcurementPart as P;
    let leaf = |part: P| draft.total_of(&crate::LeafKey::Procurement { part });
    let yuan = |v: Decimal| yusuan_domain::Amount {
        value: v,
        unit: yusuan_domain::Unit::Yuan,
    };
    let mut s = draft.stated.clone();
    let (goods, works, services) = (leaf(P::Goods), leaf(P::Works), leaf(P::Services));
    let total = match (goods, works, services) {
        (None, None, None) => leaf(P::Total),
        _ => Some(
            goods.unwrap_or_default() + works.unwrap_or_default() + services.unwrap_or_default(),
        ),
    };
    use crate::model::StatedItem as I;
    let stated = |item: I| draft.total_of(&crate::LeafKey::Stated { item });
    let count = |item: I| {
        stated(item)
            .filter(|v| v.fract().is_zero())
            .and_then(|v| u32::try_from(v).ok())
    };
    if [I::Vehicles, I::CostlyEquipment, I::VehiclesToBuy]
        .into_iter()
        .any(|i| stated(i).is_some())
    {
        s.assets = Some(yusuan_domain::AssetSummary {
            vehicles: count(I::Vehicles),
            costly_equipment: count(I::CostlyEquipment),
            vehicles_to_buy: count(I::VehiclesToBuy),
            location: Default::default(),
        });
    }
    if [I::TargetProjects, I::TargetAmount]
        .into_iter()
        .any(|i| stated(i).is_some())
    {
        s.performance = Some(yusuan_domain::PerformanceSummary {
            units: draft.stated.performance.as_ref().and_then(|p| p.units),
            projects: count(I::TargetProjects),
            amount: stated(I::TargetAmount).map(yuan),
            location: Default::default(),
        });
    }
    if let Some(total) = total {
        s.procurement = Some(yusuan_domain::Procurement {
            total: yuan(total),
            goods: goods.map(yuan),
            works: works.map(yuan),
            services: services.map(yuan),
            reserved_for_small_firms: leaf(P::SmallFirms).map(yuan),
            reserved_for_micro_firms: leaf(P::MicroFirms).map(yuan),
            location: Default::default(),
        });
    }
    s
}
