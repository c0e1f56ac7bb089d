//! Loyalty (SPEC §4; issue #6): the points an order earns, the append-only ledger with
//! lots that expire first-in first-out, rewards and vouchers, campaigns and referral.
//!
//! The rules are pure and apart from storage: [`points`] (the PointsSystem formula with
//! its breakdown, campaign stacking, category shares, reversals for refunds) and [`lots`]
//! (FIFO consumption, expiry, a balance that never goes below zero).

pub mod campaigns;
pub(crate) mod earning;
pub mod ledger;
pub mod lots;
pub mod rewards;
pub mod points;
pub mod report;

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

/// Saves the programme's settings after checking them (SPEC §4.1: multipliers ≥ 1).
pub async fn save_settings(pool: &sqlx::SqlitePool, actor: &crate::staff::Actor, new: LoyaltySettings, now: chrono::DateTime<chrono::Utc>) -> crate::Result<()> {
    use crate::error::FieldError;
    let mut errors = Vec::new();
    if new.points_per_dinar <= Decimal::ZERO {
        errors.push(FieldError::new("pointsPerDinar", "loyalty-error-rate"));
    }
    for (field, m) in [("newCustomer", new.multipliers.new_customer), ("loyalCustomer", new.multipliers.loyal_customer), ("specialCategory", new.multipliers.special_category)] {
        if m < Decimal::ONE {
            errors.push(FieldError::new(format!("multipliers.{field}"), "loyalty-error-multiplier"));
        }
    }
    if new.points_expiry_days <= 0 || new.minimum_redemption <= 0 || new.referral_bonus < 0 {
        errors.push(FieldError::new("pointsExpiryDays", "loyalty-error-positive"));
    }
    if new.point_value < Money::ZERO {
        errors.push(FieldError::new("pointValue", "loyalty-error-point-value"));
    }
    if !errors.is_empty() {
        return Err(crate::CoreError::Invalid(errors));
    }
    crate::settings::set(pool, actor, SETTINGS_KEY, &new, now).await
}

/// Adds or replaces a campaign, after checking its dates and multiplier.
pub async fn save_campaign(pool: &sqlx::SqlitePool, campaign: &campaigns::Campaign, now: chrono::DateTime<chrono::Utc>) -> crate::Result<()> {
    use crate::error::FieldError;
    let mut errors = Vec::new();
    if campaign.name.trim().is_empty() {
        errors.push(FieldError::new("name", "error-required"));
    }
    if campaign.end_date < campaign.start_date {
        errors.push(FieldError::new("endDate", "campaign-error-dates"));
    }
    if campaign.multiplier < Decimal::ONE {
        errors.push(FieldError::new("multiplier", "loyalty-error-multiplier"));
    }
    // A campaign that can never apply is a mistake, not a choice.
    if campaign.kind == campaigns::CampaignKind::Monthly && !campaign.monthly_days.iter().any(|d| (1..=31).contains(d)) {
        errors.push(FieldError::new("monthlyDays", "campaign-error-monthly-days"));
    }
    if matches!(&campaign.scope, points::Scope::Categories { categories } if categories.iter().all(|c| c.trim().is_empty())) {
        errors.push(FieldError::new("scope", "campaign-error-categories"));
    }
    if !errors.is_empty() {
        return Err(crate::CoreError::Invalid(errors));
    }
    sqlx::query(
        "INSERT INTO campaigns (id, name, kind, start_date, end_date, multiplier, scope, audience, monthly_days, benefits, active, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, start_date = excluded.start_date,
             end_date = excluded.end_date, multiplier = excluded.multiplier, scope = excluded.scope, audience = excluded.audience,
             monthly_days = excluded.monthly_days, benefits = excluded.benefits, active = excluded.active, updated_at = excluded.updated_at",
    )
    .bind(&campaign.id)
    .bind(campaign.name.trim())
    .bind(serde_json::to_value(campaign.kind).ok().and_then(|v| v.as_str().map(str::to_string)))
    .bind(campaign.start_date.to_string())
    .bind(campaign.end_date.to_string())
    .bind(campaign.multiplier.to_string())
    .bind(json(&campaign.scope))
    .bind(json(&campaign.audience))
    .bind(json(&campaign.monthly_days))
    .bind(json(&campaign.benefits))
    .bind(campaign.active)
    .bind(now.to_rfc3339())
    .execute(pool)
    .await?;
    Ok(())
}

/// JSON text of a campaign's structured columns.
fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Every campaign, the latest first.
pub async fn list_campaigns(pool: &sqlx::SqlitePool) -> crate::Result<Vec<campaigns::Campaign>> {
    crate::db::on_c_api(&mut *pool.acquire().await?, |db| read_campaigns(db, false)).await
}

/// The stored campaigns (only the active ones if asked), latest first: for the screen, and
/// for earning, which reads them once per batch inside the ingest's transaction.
pub(crate) fn read_campaigns(db: &rusqlite::Connection, only_active: bool) -> crate::Result<Vec<campaigns::Campaign>> {
    let mut select = db.prepare_cached(
        "SELECT id, name, kind, start_date, end_date, multiplier, scope, audience, monthly_days, benefits, active
         FROM campaigns WHERE active OR NOT ?1 ORDER BY start_date DESC, name",
    )?;
    let rows = select.query_map([only_active], |r| {
        let text = |i: usize| r.get::<_, String>(i);
        Ok(([text(0)?, text(1)?, text(2)?, text(3)?, text(4)?, text(5)?, text(6)?, text(7)?, text(8)?, text(9)?], r.get::<_, bool>(10)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let ([id, name, kind, start, end, multiplier, scope, audience, days, benefits], active) = row?;
        // A row this code did not write (a newer kind, say) is skipped rather than fatal.
        let parsed = (|| {
            Some(campaigns::Campaign {
                id,
                name,
                kind: serde_json::from_value(serde_json::Value::String(kind)).ok()?,
                start_date: start.parse().ok()?,
                end_date: end.parse().ok()?,
                multiplier: multiplier.parse().ok()?,
                scope: serde_json::from_str(&scope).ok()?,
                audience: serde_json::from_str(&audience).unwrap_or_default(),
                monthly_days: serde_json::from_str(&days).unwrap_or_default(),
                benefits: serde_json::from_str(&benefits).unwrap_or_default(),
                active,
            })
        })();
        out.extend(parsed);
    }
    Ok(out)
}

/// A new campaign of `kind` for `year` as the form starts it: the proposed dates (Umm
/// al-Qura for Ramadan and the Eids; today for kinds the merchant dates), the kind's
/// default multiplier and scope, everyone as the audience.
pub async fn campaign_template(pool: &sqlx::SqlitePool, kind: campaigns::CampaignKind, year: i32, today: NaiveDate) -> crate::Result<campaigns::Campaign> {
    let settings = settings(pool).await?;
    let (multiplier, scope) = kind.default_points(&settings.school_categories);
    let (start_date, end_date) = campaigns::proposed_dates(kind, year).unwrap_or((today, today));
    Ok(campaigns::Campaign {
        id: uuid::Uuid::now_v7().to_string(),
        name: String::new(),
        kind,
        start_date,
        end_date,
        multiplier,
        scope,
        audience: campaigns::Audience::default(),
        monthly_days: Vec::new(),
        benefits: Vec::new(),
        active: true,
    })
}

/// Adds or edits a reward (SPEC §4.5 Addition: staff add, edit, deactivate).
pub async fn save_reward(pool: &sqlx::SqlitePool, reward: &rewards::Reward, now: chrono::DateTime<chrono::Utc>) -> crate::Result<()> {
    let errors = rewards::check_reward(reward);
    if !errors.is_empty() {
        return Err(crate::CoreError::Invalid(errors));
    }
    sqlx::query(
        "INSERT INTO rewards (id, name, points_required, type, value, max_discount, product_id, valid_for_days, category, active, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, points_required = excluded.points_required, type = excluded.type,
             value = excluded.value, max_discount = excluded.max_discount, product_id = excluded.product_id,
             valid_for_days = excluded.valid_for_days, category = excluded.category, active = excluded.active, updated_at = excluded.updated_at",
    )
    .bind(&reward.id)
    .bind(reward.name.trim())
    .bind(reward.points_required)
    .bind(serde_json::to_value(reward.reward_type).ok().and_then(|v| v.as_str().map(str::to_string)))
    .bind(reward.value)
    .bind(reward.max_discount.map(|m| m.dirhams()))
    .bind(&reward.product_id)
    .bind(reward.valid_for_days)
    .bind(&reward.category)
    .bind(reward.active)
    .bind(now.to_rfc3339())
    .execute(pool)
    .await?;
    Ok(())
}

/// The effective rebate of the current settings and catalogue (SPEC §4.1 Addition), from
/// the store's own averages over counted orders.
pub async fn effective_rebate(pool: &sqlx::SqlitePool) -> crate::Result<Option<Decimal>> {
    let settings = settings(pool).await?;
    // Integer dirhams: sums and a count, the mean rounded half up.
    let (orders, spent, shipping): (i64, i64, i64) = sqlx::query_as(&format!(
        "SELECT count(*), coalesce(sum(total - refunded_amount), 0), coalesce(sum(shipping_fee), 0) FROM orders WHERE {}",
        crate::segmentation::COUNTED
    ))
    .fetch_one(pool)
    .await?;
    let store = rewards::StoreAverages {
        average_order_value: crate::segmentation::average(Money::from_dirhams(spent), orders),
        average_shipping_fee: crate::segmentation::average(Money::from_dirhams(shipping), orders),
        gift_price: None,
    };
    Ok(rewards::effective_rebate(&ledger::rewards(pool).await?, settings.points_per_dinar, store))
}
