//! The rewards catalogue and vouchers (SPEC §4.5, §4.6), as rules: the three rewards a
//! store starts with (names verbatim), what a redemption must satisfy before anything is
//! written, voucher codes and expiry, and the effective rebate the settings screen shows
//! (§4.1 Addition). Pure; the redemption use-case writes the ledger entry and the voucher
//! in one transaction after asking here.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use rand::Rng;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::FieldError;
use crate::money::Money;
use crate::time::TRIPOLI_OFFSET_HOURS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RewardType {
    /// `value` percent off the order, capped at `maxDiscount`.
    Discount,
    /// The shipping fee waived (`value` 0).
    Shipping,
    /// The gift `productId`.
    Product,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Reward {
    pub id: String,
    pub name: String,
    #[ts(type = "number")]
    pub points_required: i64,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub reward_type: RewardType,
    #[ts(type = "number")]
    pub value: i64,
    pub max_discount: Option<Money>,
    pub product_id: Option<String>,
    #[ts(type = "number")]
    pub valid_for_days: i64,
    pub category: String,
    pub active: bool,
}

/// SPEC §4.5's catalogue, seeded in a new store.
pub fn default_rewards() -> Vec<Reward> {
    vec![
        Reward {
            id: "reward_001".into(),
            name: "خصم 10% على الطلب التالي".into(),
            points_required: 100,
            reward_type: RewardType::Discount,
            value: 10,
            max_discount: Some(Money::from_dinars(50)),
            product_id: None,
            valid_for_days: 30,
            category: "next_order".into(),
            active: true,
        },
        Reward {
            id: "reward_002".into(),
            name: "شحن مجاني".into(),
            points_required: 150,
            reward_type: RewardType::Shipping,
            value: 0,
            max_discount: None,
            product_id: None,
            valid_for_days: 60,
            category: "shipping".into(),
            active: true,
        },
        Reward {
            id: "reward_003".into(),
            name: "منتج هدية".into(),
            points_required: 500,
            reward_type: RewardType::Product,
            value: 0,
            max_discount: None,
            product_id: Some("gift_product_001".into()),
            valid_for_days: 90,
            category: "gift".into(),
            active: true,
        },
    ]
}

/// A reward as staff edit it, checked before it is saved.
pub fn check_reward(reward: &Reward) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if reward.name.trim().is_empty() {
        errors.push(FieldError::new("name", "error-required"));
    }
    if reward.points_required <= 0 {
        errors.push(FieldError::new("pointsRequired", "reward-error-points"));
    }
    if reward.valid_for_days <= 0 {
        errors.push(FieldError::new("validForDays", "reward-error-valid-for"));
    }
    match reward.reward_type {
        RewardType::Discount if !(1..=100).contains(&reward.value) => errors.push(FieldError::new("value", "reward-error-percent")),
        RewardType::Product if reward.product_id.as_deref().is_none_or(|p| p.trim().is_empty()) => {
            errors.push(FieldError::new("productId", "error-required"))
        }
        _ => {}
    }
    errors
}

/// Why a redemption cannot happen, before anything is written (SPEC §4.6 preconditions).
/// The debit is always the reward's `pointsRequired` (Resolution: callers cannot choose).
pub fn redemption_problems(reward: &Reward, balance: i64, minimum_redemption: i64, in_stock: bool) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !reward.active {
        errors.push(FieldError::new("reward", "redeem-error-inactive"));
    } else if reward.reward_type == RewardType::Product && !in_stock {
        errors.push(FieldError::new("reward", "redeem-error-out-of-stock"));
    }
    if balance < reward.points_required {
        errors.push(FieldError::new("points", "redeem-error-balance").with_arg("balance", balance).with_arg("required", reward.points_required));
    }
    if reward.points_required < minimum_redemption {
        errors.push(FieldError::new("points", "redeem-error-minimum").with_arg("minimum", minimum_redemption));
    }
    errors
}

/// No 0/O or 1/I: customers read codes aloud and type them (SPEC §4.6, proposed).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A new voucher code: ten characters from [`CODE_ALPHABET`].
pub fn voucher_code(rng: &mut impl Rng) -> String {
    (0..10).map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char).collect()
}

/// When a voucher issued at `issued` expires: the end of its issue day plus `valid_for`
/// days, in store time (SPEC §4.6). Lots expire by the same rule with the expiry days.
pub fn end_of_day_plus(issued: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    let day = crate::time::store_date(issued) + Duration::days(days);
    let end = day.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid")).and_utc();
    end - Duration::hours(TRIPOLI_OFFSET_HOURS)
}

/// What the store's numbers say a reward is worth, for the effective rebate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreAverages {
    pub average_order_value: Money,
    pub average_shipping_fee: Money,
    /// The gift product's price, when the catalogue knows it.
    pub gift_price: Option<Money>,
}

/// SPEC §4.1 Addition: the LYD value of the cheapest active reward over the spend needed to
/// earn it at the base rate, as a fraction (0.15 = 15%). `None` without an active reward,
/// a zero rate, or a reward whose worth is unknown.
pub fn effective_rebate(rewards: &[Reward], points_per_dinar: Decimal, store: StoreAverages) -> Option<Decimal> {
    let cheapest = rewards.iter().filter(|r| r.active).min_by_key(|r| r.points_required)?;
    if points_per_dinar <= Decimal::ZERO {
        return None;
    }
    let worth = match cheapest.reward_type {
        RewardType::Discount => {
            let percent = Money::from_dirhams(store.average_order_value.dirhams() * cheapest.value / 100);
            cheapest.max_discount.map_or(percent, |cap| if percent > cap { cap } else { percent })
        }
        RewardType::Shipping => store.average_shipping_fee,
        RewardType::Product => store.gift_price?,
    };
    let spend_dinars = Decimal::from(cheapest.points_required) / points_per_dinar;
    (spend_dinars > Decimal::ZERO).then(|| (Decimal::from(worth.dirhams()) / Decimal::from(1000) / spend_dinars).round_dp(4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rand::SeedableRng;

    #[test]
    fn the_catalogue_starts_with_spec_rewards() {
        let rewards = default_rewards();
        let summary: Vec<(&str, i64, i64)> = rewards.iter().map(|r| (r.name.as_str(), r.points_required, r.valid_for_days)).collect();
        assert_eq!(summary, [("خصم 10% على الطلب التالي", 100, 30), ("شحن مجاني", 150, 60), ("منتج هدية", 500, 90)]);
        assert!(rewards.iter().all(|r| check_reward(r).is_empty()));
    }

    #[test]
    fn redemption_preconditions() {
        let rewards = default_rewards();
        let ids = |errors: Vec<FieldError>| errors.into_iter().map(|e| e.message_id).collect::<Vec<_>>();
        assert!(redemption_problems(&rewards[1], 150, 100, true).is_empty());
        assert_eq!(ids(redemption_problems(&rewards[1], 149, 100, true)), ["redeem-error-balance"]);
        assert_eq!(ids(redemption_problems(&rewards[2], 900, 100, false)), ["redeem-error-out-of-stock"]);
        let inactive = Reward { active: false, ..rewards[0].clone() };
        assert_eq!(ids(redemption_problems(&inactive, 900, 100, true)), ["redeem-error-inactive"]);
        assert_eq!(ids(redemption_problems(&rewards[0], 900, 120, true)), ["redeem-error-minimum"]);
    }

    #[test]
    fn voucher_codes_and_expiry() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let code = voucher_code(&mut rng);
        assert_eq!(code.len(), 10);
        assert!(code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
        assert!(!code.contains(['0', 'O', '1', 'I']));
        // Issued at 23:30 in Tripoli on 24 November: the issue day ends that night, plus 60 days.
        let issued = Utc.with_ymd_and_hms(2026, 11, 24, 21, 30, 0).unwrap();
        assert_eq!(end_of_day_plus(issued, 60), Utc.with_ymd_and_hms(2027, 1, 23, 21, 59, 59).unwrap());
    }

    /// SPEC §4.1's example: reward_001 (100 points) needs 100 LYD of items; with an average
    /// order of 150 LYD it is worth 15 LYD, an effective rebate of 15%.
    #[test]
    fn effective_rebate_of_the_defaults() {
        let store = StoreAverages { average_order_value: Money::from_dinars(150), average_shipping_fee: Money::from_dinars(10), gift_price: None };
        assert_eq!(effective_rebate(&default_rewards(), Decimal::ONE, store), Some(Decimal::new(15, 2)));
        // The 50 LYD cap: an average order of 900 LYD gives 50, not 90.
        let big = StoreAverages { average_order_value: Money::from_dinars(900), ..store };
        assert_eq!(effective_rebate(&default_rewards(), Decimal::ONE, big), Some(Decimal::new(5, 1)));
        assert_eq!(effective_rebate(&[], Decimal::ONE, store), None);
    }
}
