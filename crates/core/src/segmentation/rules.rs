//! The segmentation rules of SPEC §2 as pure functions of a customer's derived values and
//! the workspace's settings: tier (§2.1), LTV (§2.3), churn risk and its bands (§2.4),
//! engagement (§2.5). Storage and recomputation live in the parent module.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::customers::Segment;
use crate::error::FieldError;
use crate::money::Money;

/// One row of the tier table: both conditions must hold (SPEC §2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TierThreshold {
    pub segment: Segment,
    pub min_lifetime_value: Money,
    #[ts(type = "number")]
    pub min_orders: i64,
}

/// Every number of SPEC §2 that is a setting, with SPEC's values as defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SegmentationSettings {
    /// The average margin that turns total spent into LTV (0.25).
    #[ts(type = "string")]
    pub margin: Decimal,
    /// From the highest tier down; the first row whose conditions hold wins.
    pub tiers: Vec<TierThreshold>,
    pub churn: ChurnSettings,
    pub engagement: EngagementSettings,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ChurnSettings {
    /// (more than this many days without an order, add this much), first match wins,
    /// longest first: 90 → 0.3, 60 → 0.2, 30 → 0.1.
    pub inactivity: Vec<InactivityStep>,
    #[ts(type = "number")]
    pub active_logins_over: i64,
    #[ts(type = "string")]
    pub active_logins_adjustment: Decimal,
    #[ts(type = "string")]
    pub newsletter_adjustment: Decimal,
    /// Where medium and high start: [0, 0.10) low, [0.10, 0.20) medium, [0.20, 1] high.
    #[ts(type = "string")]
    pub medium_from: Decimal,
    #[ts(type = "string")]
    pub high_from: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InactivityStep {
    #[ts(type = "number")]
    pub days_over: i64,
    #[ts(type = "string")]
    pub adjustment: Decimal,
}

/// Weights and caps of the engagement score (SPEC §2.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EngagementSettings {
    /// (activity within this many days, points), first match wins, shortest first.
    pub recency: Vec<RecencyStep>,
    #[ts(type = "number")]
    pub logins_cap: i64,
    #[ts(type = "number")]
    pub page_views_per_point: i64,
    #[ts(type = "number")]
    pub page_views_cap: i64,
    #[ts(type = "number")]
    pub cart_additions_cap: i64,
    #[ts(type = "number")]
    pub wishlist_cap: i64,
    #[ts(type = "number")]
    pub orders_cap: i64,
    #[ts(type = "number")]
    pub newsletter_points: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecencyStep {
    #[ts(type = "number")]
    pub within_days: i64,
    #[ts(type = "number")]
    pub points: i64,
}

impl Default for SegmentationSettings {
    fn default() -> Self {
        let tier = |segment, dinars, min_orders| TierThreshold { segment, min_lifetime_value: Money::from_dinars(dinars), min_orders };
        SegmentationSettings {
            margin: Decimal::new(25, 2),
            tiers: vec![
                tier(Segment::Vip, 5000, 20),
                tier(Segment::Platinum, 2000, 10),
                tier(Segment::Gold, 1000, 5),
                tier(Segment::Silver, 500, 3),
                tier(Segment::Bronze, 100, 1),
            ],
            churn: ChurnSettings::default(),
            engagement: EngagementSettings::default(),
        }
    }
}

impl Default for ChurnSettings {
    fn default() -> Self {
        let step = |days_over, tenths| InactivityStep { days_over, adjustment: Decimal::new(tenths, 1) };
        ChurnSettings {
            inactivity: vec![step(90, 3), step(60, 2), step(30, 1)],
            active_logins_over: 10,
            active_logins_adjustment: Decimal::new(1, 1),
            newsletter_adjustment: Decimal::new(5, 2),
            medium_from: Decimal::new(10, 2),
            high_from: Decimal::new(20, 2),
        }
    }
}

impl Default for EngagementSettings {
    fn default() -> Self {
        let step = |within_days, points| RecencyStep { within_days, points };
        EngagementSettings {
            recency: vec![step(7, 30), step(30, 20), step(90, 10)],
            logins_cap: 20,
            page_views_per_point: 10,
            page_views_cap: 15,
            cart_additions_cap: 10,
            wishlist_cap: 5,
            orders_cap: 10,
            newsletter_points: 10,
        }
    }
}

impl SegmentationSettings {
    /// Settings staff may save: a margin in (0, 1], one row per paid tier with thresholds
    /// that do not fall as the tier rises, bands inside [0, 1] in order.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.margin <= Decimal::ZERO || self.margin > Decimal::ONE {
            errors.push(FieldError::new("margin", "segmentation-error-margin"));
        }
        let expected = [Segment::Vip, Segment::Platinum, Segment::Gold, Segment::Silver, Segment::Bronze];
        if self.tiers.iter().map(|t| t.segment).ne(expected) {
            errors.push(FieldError::new("tiers", "segmentation-error-tiers"));
        } else {
            for (n, pair) in self.tiers.windows(2).enumerate() {
                if pair[0].min_lifetime_value < pair[1].min_lifetime_value || pair[0].min_orders < pair[1].min_orders {
                    errors.push(FieldError::new(format!("tiers.{n}"), "segmentation-error-tier-order"));
                }
            }
            for (n, tier) in self.tiers.iter().enumerate() {
                if tier.min_lifetime_value < Money::ZERO || tier.min_orders < 0 {
                    errors.push(FieldError::new(format!("tiers.{n}"), "segmentation-error-negative"));
                }
            }
        }
        let churn = &self.churn;
        if !(Decimal::ZERO < churn.medium_from && churn.medium_from < churn.high_from && churn.high_from <= Decimal::ONE) {
            errors.push(FieldError::new("churn", "segmentation-error-bands"));
        }
        errors
    }

    /// The total spent that reaches a tier's LTV threshold at this margin, shown next to
    /// each tier on the settings screen (SPEC §2.1).
    pub fn total_spent_equivalent(&self, tier: &TierThreshold) -> Money {
        if self.margin.is_zero() {
            return tier.min_lifetime_value;
        }
        let dirhams = (Decimal::from(tier.min_lifetime_value.dirhams()) / self.margin).ceil();
        Money::from_dirhams(dirhams.to_i64().unwrap_or(i64::MAX))
    }
}

/// LTV = total spent × margin, in dirhams, rounded half up (SPEC §2.3).
pub fn lifetime_value(total_spent: Money, margin: Decimal) -> Money {
    let exact = Decimal::from(total_spent.dirhams()) * margin;
    Money::from_dirhams(exact.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).to_i64().unwrap_or(0))
}

/// The tier: the first row, from the top, whose LTV and order conditions both hold.
pub fn tier(lifetime_value: Money, total_orders: i64, settings: &SegmentationSettings) -> Segment {
    settings
        .tiers
        .iter()
        .find(|t| lifetime_value >= t.min_lifetime_value && total_orders >= t.min_orders)
        .map_or(Segment::New, |t| t.segment)
}

/// Churn risk from the days since the last counted order (or since the customer was
/// created, when there is none: Resolution (b)), clamped to [0, 1] (SPEC §2.4).
pub fn churn_risk(days_inactive: i64, total_logins: i64, newsletter: bool, settings: &ChurnSettings) -> Decimal {
    let mut risk = settings.inactivity.iter().find(|s| days_inactive > s.days_over).map_or(Decimal::ZERO, |s| s.adjustment);
    if total_logins > settings.active_logins_over {
        risk -= settings.active_logins_adjustment;
    }
    if newsletter {
        risk -= settings.newsletter_adjustment;
    }
    risk.clamp(Decimal::ZERO, Decimal::ONE).normalize()
}

/// The band a churn risk falls in; half-open intervals compared as decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ChurnBand {
    Low,
    Medium,
    High,
}

impl ChurnBand {
    pub fn of(risk: Decimal, settings: &ChurnSettings) -> ChurnBand {
        if risk >= settings.high_from {
            ChurnBand::High
        } else if risk >= settings.medium_from {
            ChurnBand::Medium
        } else {
            ChurnBand::Low
        }
    }

    pub fn parse(text: &str) -> Option<ChurnBand> {
        [ChurnBand::Low, ChurnBand::Medium, ChurnBand::High].into_iter().find(|b| b.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ChurnBand::Low => "low",
            ChurnBand::Medium => "medium",
            ChurnBand::High => "high",
        }
    }
}

/// What the engagement score is computed from (SPEC §2.5).
#[derive(Debug, Clone, Copy, Default)]
pub struct Activity {
    pub days_since_activity: i64,
    pub total_logins: i64,
    pub total_page_views: i64,
    pub total_cart_additions: i64,
    pub total_wishlist_items: i64,
    pub total_orders: i64,
    pub newsletter: bool,
}

/// The engagement score, an integer from 0 to 100.
pub fn engagement(activity: Activity, settings: &EngagementSettings) -> i64 {
    let cap = |value: i64, cap: i64| value.clamp(0, cap);
    let recency = settings.recency.iter().find(|s| activity.days_since_activity <= s.within_days).map_or(0, |s| s.points);
    let page_views = if settings.page_views_per_point > 0 { activity.total_page_views / settings.page_views_per_point } else { 0 };
    let score = recency
        + cap(activity.total_logins, settings.logins_cap)
        + cap(page_views, settings.page_views_cap)
        + cap(activity.total_cart_additions, settings.cart_additions_cap)
        + cap(activity.total_wishlist_items, settings.wishlist_cap)
        + cap(activity.total_orders, settings.orders_cap)
        + if activity.newsletter { settings.newsletter_points } else { 0 };
    score.clamp(0, 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dinars(d: i64) -> Money {
        Money::from_dinars(d)
    }

    #[test]
    fn section_2_1_tiers_at_each_threshold() {
        let s = SegmentationSettings::default();
        let cases = [
            // (LTV, orders, tier)
            (dinars(5000), 20, Segment::Vip),
            (dinars(5000) - Money::from_dirhams(1), 20, Segment::Platinum),
            (dinars(5000), 19, Segment::Platinum),
            (dinars(2000), 10, Segment::Platinum),
            (dinars(2000), 9, Segment::Gold),
            (dinars(1000), 5, Segment::Gold),
            (dinars(999), 5, Segment::Silver),
            (dinars(500), 3, Segment::Silver),
            (dinars(500), 2, Segment::Bronze),
            (dinars(100), 1, Segment::Bronze),
            (dinars(100) - Money::from_dirhams(1), 1, Segment::New),
            (dinars(100), 0, Segment::New),
            (Money::ZERO, 0, Segment::New),
            // Resolution (d): many orders, low LTV → the tier both conditions allow.
            (dinars(600), 25, Segment::Silver),
        ];
        for (ltv, orders, expected) in cases {
            assert_eq!(tier(ltv, orders, &s), expected, "LTV {ltv}, {orders} orders");
        }
    }

    #[test]
    fn section_2_3_ltv_is_a_quarter_of_spend_rounded_half_up_to_the_dirham() {
        let m = Decimal::new(25, 2);
        assert_eq!(lifetime_value(dinars(20000), m), dinars(5000));
        assert_eq!(lifetime_value(Money::from_dirhams(2), m), Money::from_dirhams(1), "0.5 rounds up");
        assert_eq!(lifetime_value(Money::from_dirhams(1), m), Money::ZERO, "0.25 rounds down");
        assert_eq!(lifetime_value(Money::from_dirhams(6), m), Money::from_dirhams(2), "1.5 rounds up");
        let s = SegmentationSettings::default();
        let equivalents: Vec<Money> = s.tiers.iter().map(|t| s.total_spent_equivalent(t)).collect();
        assert_eq!(equivalents, vec![dinars(20000), dinars(8000), dinars(4000), dinars(2000), dinars(400)]);
    }

    #[test]
    fn section_2_4_churn_at_30_31_60_61_90_91_days() {
        let c = ChurnSettings::default();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let cases = [(0, "0"), (30, "0"), (31, "0.1"), (60, "0.1"), (61, "0.2"), (90, "0.2"), (91, "0.3"), (4000, "0.3")];
        for (days, risk) in cases {
            assert_eq!(churn_risk(days, 0, false, &c), d(risk), "{days} days");
        }
        assert_eq!(churn_risk(91, 11, false, &c), d("0.2"), "more than 10 logins lowers it");
        assert_eq!(churn_risk(91, 10, false, &c), d("0.3"), "10 logins is not more than 10");
        assert_eq!(churn_risk(91, 11, true, &c), d("0.15"));
        assert_eq!(churn_risk(5, 50, true, &c), Decimal::ZERO, "clamped at 0");
        // Bands are half-open, in decimals.
        assert_eq!(ChurnBand::of(d("0.0999"), &c), ChurnBand::Low);
        assert_eq!(ChurnBand::of(d("0.1"), &c), ChurnBand::Medium);
        assert_eq!(ChurnBand::of(d("0.15"), &c), ChurnBand::Medium);
        assert_eq!(ChurnBand::of(d("0.2"), &c), ChurnBand::High);
        assert_eq!(ChurnBand::of(d("0.3"), &c), ChurnBand::High);
    }

    #[test]
    fn section_2_5_engagement_caps() {
        let e = EngagementSettings::default();
        let full = Activity {
            days_since_activity: 7,
            total_logins: 500,
            total_page_views: 10_000,
            total_cart_additions: 99,
            total_wishlist_items: 99,
            total_orders: 99,
            newsletter: true,
        };
        assert_eq!(engagement(full, &e), 100);
        let cases = [(8, 20), (30, 20), (31, 10), (90, 10), (91, 0)];
        for (days, points) in cases {
            assert_eq!(engagement(Activity { days_since_activity: days, ..Default::default() }, &e), points, "{days} days");
        }
        let some = Activity { days_since_activity: 400, total_logins: 3, total_page_views: 59, total_cart_additions: 2, total_wishlist_items: 1, total_orders: 4, newsletter: false };
        assert_eq!(engagement(some, &e), 3 + 5 + 2 + 1 + 4);
    }

    #[test]
    fn settings_are_checked() {
        let mut s = SegmentationSettings::default();
        assert!(s.check().is_empty());
        s.margin = Decimal::ZERO;
        s.tiers[1].min_orders = 25;
        s.churn.high_from = Decimal::new(5, 2);
        let ids: Vec<String> = s.check().into_iter().map(|e| e.message_id).collect();
        assert_eq!(ids, vec!["segmentation-error-margin", "segmentation-error-tier-order", "segmentation-error-bands"]);
    }
}

/// A customer's scored RFM (SPEC §8.1): each 1–5 by quintile among the store's customers
/// with a counted order, and the named group the recency and frequency scores put them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Rfm {
    pub recency: u8,
    pub frequency: u8,
    pub monetary: u8,
    pub group: RfmGroup,
}

impl Rfm {
    pub fn new(recency: u8, frequency: u8, monetary: u8) -> Rfm {
        Rfm { recency, frequency, monetary, group: RfmGroup::of(recency, frequency) }
    }

    /// As staff read it: "555".
    pub fn code(&self) -> String {
        format!("{}{}{}", self.recency, self.frequency, self.monetary)
    }
}

/// The usual RFM map over recency (R) and frequency (F), first match wins:
/// champions R≥4 F≥4 · loyal R≥3 F≥3 · new R5 F1 · potential loyalists R≥4 F≤3 ·
/// needs attention R3 F≤2 · cannot lose R≤2 F5 · at risk R≤2 F3–4 · about to sleep R2 F≤2 ·
/// hibernating R1 F≤2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RfmGroup {
    Champions,
    Loyal,
    NewCustomers,
    PotentialLoyalists,
    NeedsAttention,
    CannotLose,
    AtRisk,
    AboutToSleep,
    Hibernating,
}

impl RfmGroup {
    pub fn of(r: u8, f: u8) -> RfmGroup {
        match (r, f) {
            (4.., 4..) => RfmGroup::Champions,
            (3.., 3..) => RfmGroup::Loyal,
            (5, 1) => RfmGroup::NewCustomers,
            (4.., _) => RfmGroup::PotentialLoyalists,
            (3, _) => RfmGroup::NeedsAttention,
            (_, 5) => RfmGroup::CannotLose,
            (_, 3..) => RfmGroup::AtRisk,
            (2, _) => RfmGroup::AboutToSleep,
            _ => RfmGroup::Hibernating,
        }
    }
}

#[cfg(test)]
mod rfm_tests {
    use super::*;

    #[test]
    fn every_recency_and_frequency_pair_has_one_group() {
        assert_eq!(RfmGroup::of(5, 5), RfmGroup::Champions);
        assert_eq!(RfmGroup::of(3, 4), RfmGroup::Loyal);
        assert_eq!(RfmGroup::of(5, 1), RfmGroup::NewCustomers);
        assert_eq!(RfmGroup::of(4, 2), RfmGroup::PotentialLoyalists);
        assert_eq!(RfmGroup::of(3, 1), RfmGroup::NeedsAttention);
        assert_eq!(RfmGroup::of(1, 5), RfmGroup::CannotLose);
        assert_eq!(RfmGroup::of(2, 3), RfmGroup::AtRisk);
        assert_eq!(RfmGroup::of(2, 2), RfmGroup::AboutToSleep);
        assert_eq!(RfmGroup::of(1, 1), RfmGroup::Hibernating);
        assert_eq!(Rfm::new(5, 5, 4).code(), "554");
    }
}
