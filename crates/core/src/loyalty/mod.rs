//! Loyalty (SPEC §4; issue #6): the points an order earns, the append-only ledger with
//! lots that expire first-in first-out, rewards and vouchers, campaigns and referral.
//!
//! The rules are pure and apart from storage: [`points`] (the PointsSystem formula with
//! its breakdown, campaign stacking, category shares, reversals for refunds) and [`lots`]
//! (FIFO consumption, expiry, a balance that never goes below zero).

pub mod campaigns;
pub mod ledger;
pub mod lots;
pub mod rewards;
pub mod points;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::Money;

/// When an order's points are credited (SPEC §4.1 Addition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EarnStatus {
    Confirmed,
    Delivered,
}

/// The programme's settings (SPEC §4.1, the two original blocks merged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct LoyaltySettings {
    #[ts(type = "string")]
    pub points_per_dinar: Decimal,
    #[ts(type = "number")]
    pub minimum_redemption: i64,
    #[ts(type = "number")]
    pub points_expiry_days: i64,
    pub bonus_categories: Vec<String>,
    pub multipliers: points::Multipliers,
    #[ts(type = "number")]
    pub referral_bonus: i64,
    pub points_earn_status: EarnStatus,
    #[ts(type = "string | null")]
    pub program_start_date: Option<NaiveDate>,
    /// What one point is worth, for the outstanding liability in the loyalty report.
    pub point_value: Money,
    /// The school season's categories (SPEC §4.7: "educational orders").
    pub school_categories: Vec<String>,
}

impl Default for LoyaltySettings {
    fn default() -> Self {
        LoyaltySettings {
            points_per_dinar: Decimal::ONE,
            minimum_redemption: 100,
            points_expiry_days: 365,
            bonus_categories: Vec::new(),
            multipliers: points::Multipliers::default(),
            referral_bonus: 100,
            points_earn_status: EarnStatus::Delivered,
            program_start_date: None,
            // The default catalogue's cheapest reward, 100 points for about 15 LYD at a
            // 150 LYD average order: 0.150 LYD a point.
            point_value: Money::from_dirhams(150),
            school_categories: vec!["قرطاسية".into(), "كتب".into(), "ملابس مدرسية".into()],
        }
    }
}

const SETTINGS_KEY: &str = "loyalty.settings";

pub async fn settings(pool: &sqlx::SqlitePool) -> crate::Result<LoyaltySettings> {
    Ok(crate::settings::get(pool, SETTINGS_KEY).await?.unwrap_or_default())
}

pub(crate) async fn settings_on(conn: &mut sqlx::SqliteConnection) -> crate::Result<LoyaltySettings> {
    Ok(crate::settings::get_on(conn, SETTINGS_KEY).await?.unwrap_or_default())
}
