//! The points of an order (SPEC §4.2, Resolution (a)): the PointsSystem formula applied
//! sequentially on a running total, so the breakdown's lines add up exactly to the total;
//! category-scoped multipliers applied to the share of the order's items in scope; and of
//! several campaigns only the one that yields the most. Pure: the order, the customer's
//! tier before it and the applicable campaigns come in, the breakdown goes out.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::customers::Segment;
use crate::money::Money;

/// The multipliers of SPEC §4.1 (all ≥ 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Multipliers {
    #[ts(type = "string")]
    pub new_customer: Decimal,
    #[ts(type = "string")]
    pub loyal_customer: Decimal,
    #[ts(type = "string")]
    pub special_category: Decimal,
}

impl Default for Multipliers {
    fn default() -> Self {
        let one_and_a_half = Decimal::new(15, 1);
        Multipliers { new_customer: one_and_a_half, loyal_customer: one_and_a_half, special_category: one_and_a_half }
    }
}

/// One line of an order's item value: what it cost and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemValue {
    pub line_total: Money,
    pub category: String,
    pub is_local_product: bool,
}

/// Which of an order's items a campaign's multiplier covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum Scope {
    /// The whole order (s = 1).
    Order,
    /// Items with `isLocalProduct` (the national day).
    LocalProducts,
    /// Items in these categories (the school season).
    Categories { categories: Vec<String> },
}

/// A campaign that applies to this order (active at its creation, audience includes the
/// customer), as the formula needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicableCampaign {
    pub id: String,
    pub multiplier: Decimal,
    pub scope: Scope,
}

/// What the formula needs of one order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsInput<'a> {
    /// The order's net amount less shipping, never below 0 (SPEC §4.2).
    pub item_value: Money,
    pub items: &'a [ItemValue],
    /// The customer's tier from their counted orders before this one.
    pub segment_before: Segment,
    pub points_per_dinar: Decimal,
    pub multipliers: &'a Multipliers,
    pub bonus_categories: &'a [String],
    pub campaigns: &'a [ApplicableCampaign],
}

/// One line of the breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BreakdownLine {
    /// `purchasePoints`, `newCustomerBonus`, `loyalCustomerBonus`, `categoryBonus` or
    /// `campaignBonus:<campaignId>`.
    pub line: String,
    #[ts(type = "number")]
    pub points: i64,
    /// The multiplier applied (none for purchase points).
    #[ts(type = "string | null")]
    pub multiplier: Option<Decimal>,
    /// The share of the items it applied to, when not the whole order.
    #[ts(type = "string | null")]
    pub share: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Breakdown {
    pub lines: Vec<BreakdownLine>,
    #[ts(type = "number")]
    pub purchase_points: i64,
    #[ts(type = "number")]
    pub bonus_points: i64,
    #[ts(type = "number")]
    pub total_points: i64,
}

/// The share s of the items' value for which `in_scope` holds; 0 when the items are worth
/// nothing (nothing is in scope). An order-wide multiplier does not ask: its s is 1.
fn share(items: &[ItemValue], in_scope: impl Fn(&ItemValue) -> bool) -> Decimal {
    let total: i64 = items.iter().map(|i| i.line_total.dirhams()).sum();
    if total <= 0 {
        return Decimal::ZERO;
    }
    let scoped: i64 = items.iter().filter(|i| in_scope(i)).map(|i| i.line_total.dirhams()).sum();
    Decimal::from(scoped) / Decimal::from(total)
}

fn floor(value: Decimal) -> i64 {
    value.floor().to_i64().unwrap_or(0)
}

/// floor(r × s × (m − 1)): a bonus line on the running total.
fn bonus(running: i64, share: Decimal, multiplier: Decimal) -> i64 {
    floor(Decimal::from(running) * share * (multiplier - Decimal::ONE)).max(0)
}

/// The points an order earns, with the breakdown SPEC §4.2 stores on the ledger entry.
pub fn calculate(input: &PointsInput<'_>) -> Breakdown {
    // floor(dirhams × pointsPerDinar / 1000), in exact decimals.
    let purchase = floor(Decimal::from(input.item_value.dirhams().max(0)) * input.points_per_dinar / Decimal::from(1000)).max(0);
    let mut running = purchase;
    let mut lines = vec![BreakdownLine { line: "purchasePoints".into(), points: purchase, multiplier: None, share: None }];
    let push = |lines: &mut Vec<BreakdownLine>, running: &mut i64, line: String, multiplier: Decimal, s: Decimal| {
        let points = bonus(*running, s, multiplier);
        *running += points;
        lines.push(BreakdownLine { line, points, multiplier: Some(multiplier), share: (s != Decimal::ONE).then_some(s) });
    };
    if input.segment_before == Segment::New {
        push(&mut lines, &mut running, "newCustomerBonus".into(), input.multipliers.new_customer, Decimal::ONE);
    }
    if input.segment_before >= Segment::Gold {
        push(&mut lines, &mut running, "loyalCustomerBonus".into(), input.multipliers.loyal_customer, Decimal::ONE);
    }
    let category_share = share(input.items, |i| input.bonus_categories.iter().any(|c| c == &i.category));
    if category_share > Decimal::ZERO {
        push(&mut lines, &mut running, "categoryBonus".into(), input.multipliers.special_category, category_share);
    }
    // Campaign stacking: only the campaign that yields the most points applies.
    let best = input
        .campaigns
        .iter()
        .map(|campaign| {
            let s = match &campaign.scope {
                Scope::Order => Decimal::ONE,
                Scope::LocalProducts => share(input.items, |i| i.is_local_product),
                Scope::Categories { categories } => share(input.items, |i| categories.iter().any(|c| c == &i.category)),
            };
            (bonus(running, s, campaign.multiplier), s, campaign)
        })
        .filter(|(points, ..)| *points > 0)
        // The most points; a tie to the campaign listed first.
        .fold(None::<(i64, Decimal, &ApplicableCampaign)>, |best, candidate| match best {
            Some(b) if b.0 >= candidate.0 => Some(b),
            _ => Some(candidate),
        });
    if let Some((_, s, campaign)) = best {
        push(&mut lines, &mut running, format!("campaignBonus:{}", campaign.id), campaign.multiplier, s);
    }
    Breakdown { lines, purchase_points: purchase, bonus_points: running - purchase, total_points: running }
}

/// Points to reverse for an order, added up over all its reversals (SPEC §4.3):
/// round_half_up(earned × (refunded − r0) / (total − r0)), where r0 was refunded when the
/// points were earned. A full cancellation reverses everything.
pub fn reversed_by_refund(earned: i64, total: Money, refunded_at_earn: Money, refunded_now: Money) -> i64 {
    let base = total.dirhams() - refunded_at_earn.dirhams();
    let refunded = (refunded_now.dirhams() - refunded_at_earn.dirhams()).clamp(0, base.max(0));
    if base <= 0 {
        return 0;
    }
    // Half up in integers: (2·e·r + b) / (2·b).
    let numerator = 2 * i128::from(earned) * i128::from(refunded) + i128::from(base);
    (numerator / (2 * i128::from(base))) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(dinars: i64, category: &str, local: bool) -> ItemValue {
        ItemValue { line_total: Money::from_dinars(dinars), category: category.into(), is_local_product: local }
    }

    fn ramadan() -> ApplicableCampaign {
        ApplicableCampaign { id: "ramadan".into(), multiplier: Decimal::from(2), scope: Scope::Order }
    }

    /// SPEC §4.2's worked example: a new customer, 100 LYD of items all in bonus
    /// categories, during Ramadan, 1 point per dinar → 100 + 50 + 75 + 225 = 450.
    #[test]
    fn section_4_2_worked_example() {
        let items = [item(60, "عطور", false), item(40, "تجميل", false)];
        let bonus_categories = ["عطور".to_string(), "تجميل".to_string()];
        let multipliers = Multipliers::default();
        let campaigns = [ramadan()];
        let breakdown = calculate(&PointsInput {
            item_value: Money::from_dinars(100),
            items: &items,
            segment_before: Segment::New,
            points_per_dinar: Decimal::ONE,
            multipliers: &multipliers,
            bonus_categories: &bonus_categories,
            campaigns: &campaigns,
        });
        let lines: Vec<(&str, i64)> = breakdown.lines.iter().map(|l| (l.line.as_str(), l.points)).collect();
        assert_eq!(lines, [("purchasePoints", 100), ("newCustomerBonus", 50), ("categoryBonus", 75), ("campaignBonus:ramadan", 225)]);
        assert_eq!((breakdown.purchase_points, breakdown.bonus_points, breakdown.total_points), (100, 350, 450));
    }

    #[test]
    fn purchase_points_floor_in_dirhams_and_loyal_tiers_get_their_bonus() {
        let multipliers = Multipliers::default();
        let input = |dirhams: i64, segment: Segment, per_dinar: Decimal| PointsInput {
            item_value: Money::from_dirhams(dirhams),
            items: &[],
            segment_before: segment,
            points_per_dinar: per_dinar,
            multipliers: &multipliers,
            bonus_categories: &[],
            campaigns: &[],
        };
        assert_eq!(calculate(&input(99_999, Segment::Silver, Decimal::ONE)).total_points, 99);
        assert_eq!(calculate(&input(10_500, Segment::Silver, Decimal::new(15, 1))).total_points, 15, "10.5 LYD × 1.5 = 15.75");
        let gold = calculate(&input(100_000, Segment::Gold, Decimal::ONE));
        assert_eq!((gold.lines[1].line.as_str(), gold.total_points), ("loyalCustomerBonus", 150));
        assert_eq!(calculate(&input(100_000, Segment::Bronze, Decimal::ONE)).total_points, 100);
        assert_eq!(calculate(&input(-5, Segment::New, Decimal::ONE)).total_points, 0);
    }

    /// Category and national-day multipliers apply to the share of the items in scope.
    #[test]
    fn scoped_multipliers_use_the_share_of_items() {
        let multipliers = Multipliers::default();
        let items = [item(30, "منتجات غذائية", true), item(70, "إلكترونيات", false)];
        let bonus_categories = ["منتجات غذائية".to_string()];
        let national = [ApplicableCampaign { id: "national".into(), multiplier: Decimal::from(2), scope: Scope::LocalProducts }];
        let breakdown = calculate(&PointsInput {
            item_value: Money::from_dinars(100),
            items: &items,
            segment_before: Segment::Silver,
            points_per_dinar: Decimal::ONE,
            multipliers: &multipliers,
            bonus_categories: &bonus_categories,
            campaigns: &national,
        });
        // 100; category: floor(100 × 0.3 × 0.5) = 15 → 115; national: floor(115 × 0.3 × 1) = 34 → 149.
        let lines: Vec<i64> = breakdown.lines.iter().map(|l| l.points).collect();
        assert_eq!(lines, [100, 15, 34]);
        assert_eq!(breakdown.lines[1].share, Some(Decimal::new(3, 1)));
        assert_eq!(breakdown.total_points, 149);
    }

    /// SPEC §4.2 stacking: of several campaigns only the one yielding the most applies.
    #[test]
    fn only_the_best_campaign_applies() {
        let multipliers = Multipliers::default();
        let items = [item(50, "ملابس", true), item(50, "كتب", false)];
        let campaigns = [
            ApplicableCampaign { id: "eid".into(), multiplier: Decimal::new(15, 1), scope: Scope::Order },
            ApplicableCampaign { id: "national".into(), multiplier: Decimal::from(2), scope: Scope::LocalProducts },
            ApplicableCampaign { id: "school".into(), multiplier: Decimal::new(15, 1), scope: Scope::Categories { categories: vec!["كتب".into()] } },
        ];
        let breakdown = calculate(&PointsInput {
            item_value: Money::from_dinars(100),
            items: &items,
            segment_before: Segment::Silver,
            points_per_dinar: Decimal::ONE,
            multipliers: &multipliers,
            bonus_categories: &[],
            campaigns: &campaigns,
        });
        // eid: 50; national: floor(100 × 0.5 × 1) = 50 (a tie: the first listed wins); school: 25.
        assert_eq!(breakdown.lines.len(), 2);
        assert_eq!((breakdown.lines[1].line.as_str(), breakdown.total_points), ("campaignBonus:eid", 150));
    }

    /// SPEC §4.3: the reversal for a partial refund counts only what was refunded after
    /// the points were earned, rounded half up.
    #[test]
    fn partial_refunds_reverse_in_proportion() {
        let d = Money::from_dinars;
        assert_eq!(reversed_by_refund(450, d(100), d(0), d(100)), 450);
        assert_eq!(reversed_by_refund(450, d(100), d(0), d(50)), 225);
        assert_eq!(reversed_by_refund(100, d(300), d(0), d(1)), 0, "100 × 1/300 = 0.33");
        assert_eq!(reversed_by_refund(100, d(200), d(0), d(1)), 1, "100 × 1/200 = 0.5, half up");
        // Refunded 20 before earning: earned on 80; a further 40 reverses half.
        assert_eq!(reversed_by_refund(80, d(100), d(20), d(60)), 40);
        assert_eq!(reversed_by_refund(80, d(100), d(20), d(20)), 0);
        assert_eq!(reversed_by_refund(80, d(100), d(100), d(100)), 0, "nothing was earned on");
    }
}
