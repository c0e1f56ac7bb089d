//! Points on the order flow (SPEC §4.3, §3.3 Resolution, §4.8): an order is credited once,
//! when it first reaches `pointsEarnStatus`, with the breakdown of [`super::points`];
//! cancellation and refunds reverse what they must, exactly once however often the order
//! re-syncs; the first counted order of a referred customer pays the referrer's bonus.
//!
//! Runs on SQLite's C API inside the ingest's transaction, for one live order or a whole
//! historical batch (customers in order, each customer's orders oldest first), so the bulk
//! import and sync share one implementation.

use chrono::{DateTime, Datelike, Utc};
use rusqlite::OptionalExtension;

use super::campaigns::{self, Campaign, CustomerFacts};
use super::ledger::{self, Credit, Debit, EntryType};
use super::points::{self, ItemValue, PointsInput};
use super::rewards::end_of_day_plus;
use super::{EarnStatus, LoyaltySettings};
use crate::error::Result;
use crate::money::Money;
use crate::orders::OrderInput;
use crate::segmentation::{self, SegmentationSettings};

/// What earning reads once per batch.
pub(crate) struct Context {
    pub settings: LoyaltySettings,
    pub segmentation: SegmentationSettings,
    pub campaigns: Vec<Campaign>,
}

fn setting<T: serde::de::DeserializeOwned + Default>(db: &rusqlite::Connection, key: &str) -> Result<T> {
    let value: Option<String> = db.prepare_cached("SELECT value FROM settings WHERE key = ?")?.query_row([key], |r| r.get(0)).optional()?;
    Ok(value.and_then(|v| serde_json::from_str(&v).ok()).unwrap_or_default())
}

pub(crate) fn context(db: &rusqlite::Connection) -> Result<Context> {
    let campaigns = super::read_campaigns(db, true)?;
    Ok(Context { settings: setting(db, super::SETTINGS_KEY)?, segmentation: setting(db, segmentation::SETTINGS_KEY)?, campaigns })
}

/// The rank of a counted status on the way to delivery.
fn progress(status: &str) -> u8 {
    match status {
        "confirmed" => 1,
        "shipped" => 2,
        "delivered" => 3,
        _ => 0,
    }
}

/// What an order's loyalty effects did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Effects {
    pub earned: i64,
    pub reversed: i64,
}

/// What earning needs of a customer, read once for all their orders in a batch.
struct CustomerCache {
    id: String,
    nationality: String,
    birth_month: Option<u32>,
    tags: Vec<String>,
    referred_by: Option<String>,
    /// Their counted orders as stored: (created, net amount), oldest first.
    counted: Vec<(String, i64)>,
}

impl CustomerCache {
    /// Reads what earning needs of a customer. `batch` is the customer's orders in a
    /// historical batch, all already stored: when the record says the customer had no
    /// counted order before (every ingest keeps that history), their counted orders are
    /// exactly the batch's, and the orders table is not read.
    fn load(db: &rusqlite::Connection, ctx: &Context, customer_id: &str, batch: Option<&[StoredOrder<'_>]>) -> Result<CustomerCache> {
        let (nationality, birth, referred_by, total_orders): (String, Option<String>, Option<String>, i64) = db
            .prepare_cached("SELECT nationality, date_of_birth, referred_by, total_orders FROM customers WHERE id = ?")?
            .query_row([customer_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        // Tags matter only to a campaign aimed at some.
        let tags = if ctx.campaigns.iter().any(|c| !c.audience.tags.is_empty()) {
            db.prepare_cached("SELECT tag FROM customer_tags WHERE customer_id = ?")?.query_map([customer_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
        } else {
            Vec::new()
        };
        let counted = match batch {
            Some(orders) if total_orders == 0 => {
                let mut counted: Vec<(String, i64)> = orders
                    .iter()
                    .filter(|o| o.input.status.is_counted())
                    .map(|o| (o.input.created_at.to_rfc3339(), o.input.total.dirhams() - o.input.refunded_amount.dirhams()))
                    .collect();
                counted.sort();
                counted
            }
            _ => db
                .prepare_cached(&format!(
                    "SELECT created_at, total - refunded_amount FROM orders WHERE customer_id = ? AND {} ORDER BY created_at",
                    segmentation::COUNTED
                ))?
                .query_map([customer_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?,
        };
        Ok(CustomerCache {
            id: customer_id.to_string(),
            nationality,
            birth_month: birth.and_then(|b| chrono::NaiveDate::parse_from_str(&b, "%Y-%m-%d").ok()).map(|d| d.month()),
            tags,
            referred_by,
            counted,
        })
    }

    /// Counted orders created before `created`, and what they were worth.
    fn before(&self, created: &str) -> (i64, i64) {
        let n = self.counted.partition_point(|(at, _)| at.as_str() < created);
        (n as i64, self.counted[..n].iter().map(|(_, net)| net).sum())
    }
}

/// An order as it was just stored, so earning reads nothing of it back.
#[derive(Clone, Copy)]
pub(crate) struct StoredOrder<'a> {
    pub input: &'a OrderInput,
    /// Just inserted: it cannot have earned or been reversed yet, so nothing is looked up.
    pub inserted: bool,
}

/// Applies one stored order's loyalty effects: credit, reversal, referral. Idempotent.
pub(crate) fn apply(db: &rusqlite::Connection, ctx: &Context, order: StoredOrder<'_>, now: DateTime<Utc>) -> Result<Effects> {
    let cache = CustomerCache::load(db, ctx, &order.input.customer_id, None)?;
    apply_with(db, ctx, &cache, order, now)
}

/// [`apply`] for a batch of stored orders, reading each customer once: `orders` are
/// sorted by customer, each customer's oldest first.
pub(crate) fn apply_batch(db: &rusqlite::Connection, ctx: &Context, orders: &[StoredOrder<'_>], now: DateTime<Utc>) -> Result<()> {
    for theirs in orders.chunk_by(|a, b| a.input.customer_id == b.input.customer_id) {
        let cache = CustomerCache::load(db, ctx, &theirs[0].input.customer_id, Some(theirs))?;
        for order in theirs {
            apply_with(db, ctx, &cache, *order, now)?;
        }
    }
    Ok(())
}

fn apply_with(db: &rusqlite::Connection, ctx: &Context, cache: &CustomerCache, order: StoredOrder<'_>, now: DateTime<Utc>) -> Result<Effects> {
    let input = order.input;
    let (order_id, total, refunded) = (input.id.as_str(), input.total.dirhams(), input.refunded_amount.dirhams());
    let earn: Option<(i64, i64)> = if order.inserted {
        None
    } else {
        db.prepare_cached("SELECT points, coalesce(refunded_at_earn, 0) FROM loyalty_entries WHERE order_id = ? AND type = 'earn'")?
            .query_row([order_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
    };
    let mut effects = Effects::default();
    match earn {
        Some((earned, refunded_at_earn)) => {
            effects.reversed = reverse(db, &input.customer_id, order_id, input.status.as_str(), earned, total, refunded_at_earn, refunded, now)?
        }
        None => {
            let needed = match ctx.settings.points_earn_status {
                EarnStatus::Confirmed => 1,
                EarnStatus::Delivered => 3,
            };
            let started = ctx.settings.program_start_date.is_none_or(|start| crate::time::store_date(input.created_at) >= start);
            if progress(input.status.as_str()) >= needed && started && input.customer_id == cache.id {
                effects.earned = earn_points(db, ctx, cache, input, needed, now)?;
            }
        }
    }
    Ok(effects)
}

fn earn_points(db: &rusqlite::Connection, ctx: &Context, cache: &CustomerCache, input: &OrderInput, needed: u8, now: DateTime<Utc>) -> Result<i64> {
    let order_id = input.id.as_str();
    let created = input.created_at;
    // SPEC §3.3: the earn date is when the order reached the earn status (the history is
    // kept in time order).
    let earned_at = input.status_history.iter().find(|s| progress(s.status.as_str()) >= needed).map_or(created, |s| s.at);
    let (refunded, item_value) = (input.refunded_amount.dirhams(), input.total.dirhams() - input.refunded_amount.dirhams() - input.shipping_fee.dirhams());
    let customer_id = cache.id.as_str();
    // The tier just before this order, from the counted orders created before it.
    let (orders_before, spent_before) = cache.before(&created.to_rfc3339());
    let ltv = segmentation::lifetime_value(Money::from_dirhams(spent_before), ctx.segmentation.margin);
    let segment_before = segmentation::tier(ltv, orders_before, &ctx.segmentation);
    let facts = CustomerFacts { segment: segment_before, tags: cache.tags.clone(), nationality: cache.nationality.clone(), birth_month: cache.birth_month };
    let applicable = campaigns::applicable(&ctx.campaigns, crate::time::store_date(created), &facts);
    // The lines matter only to a multiplier scoped to some of them.
    let scoped = !ctx.settings.bonus_categories.is_empty() || applicable.iter().any(|c| c.scope != super::points::Scope::Order);
    let items: Vec<ItemValue> = if scoped {
        input.items.iter().map(|i| ItemValue { line_total: i.line_total, category: i.category.clone(), is_local_product: i.is_local_product }).collect()
    } else {
        Vec::new()
    };
    let breakdown = points::calculate(&PointsInput {
        item_value: Money::from_dirhams(item_value.max(0)),
        items: &items,
        segment_before,
        points_per_dinar: ctx.settings.points_per_dinar,
        multipliers: &ctx.settings.multipliers,
        bonus_categories: &ctx.settings.bonus_categories,
        campaigns: &applicable,
    });
    // Earned points and a referral bonus paid on this order expire alike.
    let expires_at = end_of_day_plus(earned_at, ctx.settings.points_expiry_days);
    if breakdown.total_points > 0 {
        let campaign = breakdown.lines.iter().find_map(|l| l.line.strip_prefix("campaignBonus:")).map(str::to_string);
        ledger::credit(
            db,
            Credit {
                order_id: Some(order_id),
                campaign_id: campaign.as_deref(),
                breakdown: Some(&breakdown),
                refunded_at_earn: Some(Money::from_dirhams(refunded)),
                earned_at: Some(earned_at),
                ..Credit::new(customer_id, EntryType::Earn, breakdown.total_points, expires_at, "system")
            },
            now,
        )?;
    }
    // SPEC §4.8: the referrer's bonus on the referred customer's first counted order.
    if let (0, Some(referrer)) = (orders_before, cache.referred_by.as_deref()) {
        let paid: Option<String> =
            db.prepare_cached("SELECT id FROM loyalty_entries WHERE referred_customer_id = ? AND type = 'referral'")?.query_row([customer_id], |r| r.get(0)).optional()?;
        if paid.is_none() && ctx.settings.referral_bonus > 0 && referrer != customer_id {
            ledger::credit(
                db,
                Credit {
                    order_id: Some(order_id),
                    referred_customer_id: Some(customer_id),
                    earned_at: Some(earned_at),
                    ..Credit::new(referrer, EntryType::Referral, ctx.settings.referral_bonus, expires_at, "system")
                },
                now,
            )?;
        }
    }
    Ok(breakdown.total_points)
}

/// SPEC §4.3: a full cancellation or refund reverses everything earned; a partial refund
/// reverses in proportion to what was refunded after earning; each time only the
/// difference from what was already reversed. A fully undone first order also takes back
/// the referral bonus it paid.
#[allow(clippy::too_many_arguments)]
fn reverse(
    db: &rusqlite::Connection,
    customer_id: &str,
    order_id: &str,
    status: &str,
    earned: i64,
    total: i64,
    refunded_at_earn: i64,
    refunded: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    let undone = matches!(status, "cancelled") || (status == "refunded" && refunded >= total);
    let target = if undone {
        earned
    } else {
        points::reversed_by_refund(earned, Money::from_dirhams(total), Money::from_dirhams(refunded_at_earn), Money::from_dirhams(refunded))
    };
    let so_far: i64 = db
        .prepare_cached("SELECT coalesce(sum(unrecovered - points), 0) FROM loyalty_entries WHERE order_id = ? AND type = 'reversal' AND referred_customer_id IS NULL")?
        .query_row([order_id], |r| r.get(0))?;
    let mut reversed = 0;
    if target > so_far {
        let take = Debit { own_order: Some(order_id), shortfall_allowed: true, ..Debit::new(customer_id, EntryType::Reversal, target - so_far, "system") };
        reversed = ledger::debit(db, take, "loyalty-error-overdraw", now)?.1.points();
    }
    if undone {
        let referral: Option<(String, i64)> = db
            .prepare_cached("SELECT customer_id, points FROM loyalty_entries WHERE order_id = ? AND type = 'referral'")?
            .query_row([order_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let taken_back: i64 = db
            .prepare_cached("SELECT count(*) FROM loyalty_entries WHERE order_id = ? AND type = 'reversal' AND referred_customer_id IS NOT NULL")?
            .query_row([order_id], |r| r.get(0))?;
        if let (Some((referrer, bonus)), 0) = (referral, taken_back) {
            let take = Debit {
                own_order: Some(order_id),
                referred_customer_id: Some(customer_id),
                shortfall_allowed: true,
                ..Debit::new(&referrer, EntryType::Reversal, bonus, "system")
            };
            ledger::debit(db, take, "loyalty-error-overdraw", now)?;
        }
    }
    Ok(reversed)
}
