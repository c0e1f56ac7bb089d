//! Segmentation (SPEC §2): the settings, and deriving each customer's order history,
//! tier, LTV, churn risk and engagement from the orders table (SPEC §3.3, Resolution (f)):
//! values are always recomputed from the orders, never incremented, so an order synced
//! twice, or events arriving in any order, give the same result.

mod recompute;
mod rules;

pub(crate) use recompute::History;
use recompute::Locking;

use chrono::{DateTime, Duration, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

pub use rules::*;

use crate::customers::Segment;
use crate::error::{CoreError, Result};
use crate::money::Money;
use crate::staff::Actor;
use crate::time::{days_between, parse_instant};

pub(crate) const SETTINGS_KEY: &str = "segmentation.settings";

/// The statuses of a counted order (SPEC §3.1), as SQL.
pub(crate) const COUNTED: &str = "status IN ('confirmed', 'shipped', 'delivered')";

pub async fn settings(pool: &SqlitePool) -> Result<SegmentationSettings> {
    Ok(crate::settings::get(pool, SETTINGS_KEY).await?.unwrap_or_default())
}

pub(crate) async fn settings_on(conn: &mut SqliteConnection) -> Result<SegmentationSettings> {
    Ok(crate::settings::get_on(conn, SETTINGS_KEY).await?.unwrap_or_default())
}

/// Why a customer's values are being recomputed. The segment history records it, and only
/// a live order event may announce an upgrade (SPEC §3.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Order { order_id: String, live: bool },
    Settings,
    Import,
    Daily,
    Merge,
}

impl Reason {
    fn as_str(&self) -> &'static str {
        match self {
            Reason::Order { .. } => "order",
            Reason::Settings => "settings",
            Reason::Import => "import",
            Reason::Daily => "daily",
            Reason::Merge => "merge",
        }
    }

    fn live_order(&self) -> Option<&str> {
        match self {
            Reason::Order { order_id, live: true } => Some(order_id),
            _ => None,
        }
    }
}

/// A tier change one recompute made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SegmentChange {
    pub customer_id: String,
    pub previous: Segment,
    pub segment: Segment,
}

/// Everything derived for one customer: the history fields of SPEC §3.3 and the scores of §2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub total_orders: i64,
    pub total_spent: Money,
    pub average_order_value: Money,
    pub first_order_date: Option<String>,
    pub last_order_date: Option<String>,
    pub favorite_categories: Vec<String>,
    pub preferred_payment_method: String,
    pub preferred_shipping_method: String,
    pub lifetime_value: Money,
    pub segment: Segment,
    pub churn_risk: Decimal,
    pub churn_band: ChurnBand,
    pub engagement: i64,
}

/// What the rules need to know of one customer: the aggregates of their counted orders
/// and the activity fields of the record. One customer's come from [`compute`]'s queries,
/// everyone's from [`recompute`]'s single pass; both go through [`derive`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Inputs {
    pub total_orders: i64,
    pub spent: i64,
    pub first_order: Option<String>,
    pub last_order: Option<String>,
    pub favorite_categories: Vec<String>,
    pub payment_method: Option<String>,
    pub shipping_method: Option<String>,
    pub created_at: String,
    pub last_activity: String,
    pub total_logins: i64,
    pub total_page_views: i64,
    pub total_cart_additions: i64,
    pub total_wishlist_items: i64,
    pub newsletter: bool,
}

/// The rules of SPEC §2–§3.3 applied to one customer's inputs.
pub(crate) fn derive(inputs: Inputs, settings: &SegmentationSettings, now: DateTime<Utc>) -> Derived {
    let total_spent = Money::from_dirhams(inputs.spent);
    let created = parse_instant(&inputs.created_at).unwrap_or(now);
    // Resolution (b): with no counted order, inactivity counts from the customer's creation.
    let since = inputs.last_order.as_deref().and_then(parse_instant).unwrap_or(created);
    let last_activity = parse_instant(&inputs.last_activity).unwrap_or(created);
    let lifetime_value = lifetime_value(total_spent, settings.margin);
    let churn_risk = churn_risk(days_between(since, now).max(0), inputs.total_logins, inputs.newsletter, &settings.churn);
    Derived {
        total_orders: inputs.total_orders,
        total_spent,
        average_order_value: average(total_spent, inputs.total_orders),
        first_order_date: inputs.first_order,
        last_order_date: inputs.last_order,
        favorite_categories: inputs.favorite_categories,
        preferred_payment_method: inputs.payment_method.unwrap_or_default(),
        preferred_shipping_method: inputs.shipping_method.unwrap_or_default(),
        lifetime_value,
        segment: tier(lifetime_value, inputs.total_orders, settings),
        churn_risk,
        churn_band: ChurnBand::of(churn_risk, &settings.churn),
        engagement: engagement(
            Activity {
                days_since_activity: days_between(last_activity, now).max(0),
                total_logins: inputs.total_logins,
                total_page_views: inputs.total_page_views,
                total_cart_additions: inputs.total_cart_additions,
                total_wishlist_items: inputs.total_wishlist_items,
                total_orders: inputs.total_orders,
                newsletter: inputs.newsletter,
            },
            &settings.engagement,
        ),
    }
}

/// Computes a customer's derived values from their orders and activity, without writing.
pub(crate) async fn compute(
    conn: &mut SqliteConnection,
    customer_id: &str,
    settings: &SegmentationSettings,
    now: DateTime<Utc>,
) -> Result<Derived> {
    let totals = sqlx::query(&format!(
        "SELECT count(*) AS orders, coalesce(sum(total - refunded_amount), 0) AS spent,
                min(created_at) AS first, max(created_at) AS last
         FROM orders WHERE customer_id = ? AND {COUNTED}"
    ))
    .bind(customer_id)
    .fetch_one(&mut *conn)
    .await?;
    // Categories by line spend on counted orders; a tie goes to the most recently bought.
    let favorite_categories: Vec<String> = sqlx::query_scalar(&format!(
        "SELECT i.category FROM order_items i JOIN orders o ON o.id = i.order_id
         WHERE o.customer_id = ? AND o.{COUNTED} AND i.category <> ''
         GROUP BY i.category ORDER BY sum(i.line_total) DESC, max(o.created_at) DESC, i.category LIMIT 3"
    ))
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?;
    let most_frequent = |column: &str| {
        format!(
            "SELECT {column} FROM orders WHERE customer_id = ? AND {COUNTED} AND {column} <> ''
             GROUP BY {column} ORDER BY count(*) DESC, max(created_at) DESC, {column} LIMIT 1"
        )
    };
    let payment_method: Option<String> = sqlx::query_scalar(&most_frequent("payment_method")).bind(customer_id).fetch_optional(&mut *conn).await?;
    let shipping_method: Option<String> = sqlx::query_scalar(&most_frequent("shipping_method")).bind(customer_id).fetch_optional(&mut *conn).await?;
    let customer = sqlx::query(
        "SELECT created_at, last_activity_date, total_logins, total_page_views, total_cart_additions,
                total_wishlist_items, newsletter_subscription FROM customers WHERE id = ?",
    )
    .bind(customer_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| CoreError::CustomerNotFound(customer_id.to_string()))?;
    let inputs = Inputs {
        total_orders: totals.get("orders"),
        spent: totals.get("spent"),
        first_order: totals.get("first"),
        last_order: totals.get("last"),
        favorite_categories,
        payment_method,
        shipping_method,
        created_at: customer.get("created_at"),
        last_activity: customer.get("last_activity_date"),
        total_logins: customer.get("total_logins"),
        total_page_views: customer.get("total_page_views"),
        total_cart_additions: customer.get("total_cart_additions"),
        total_wishlist_items: customer.get("total_wishlist_items"),
        newsletter: customer.get("newsletter_subscription"),
    };
    Ok(derive(inputs, settings, now))
}

/// The mean order value in dirhams, rounded half up; 0 without orders.
pub fn average(total: Money, orders: i64) -> Money {
    if orders <= 0 {
        return Money::ZERO;
    }
    Money::from_dirhams((2 * total.dirhams() + orders) / (2 * orders))
}

/// Re-derives one customer and writes the result; records a tier change in the segment
/// history and, for a live order event that moves the customer up into gold, platinum or
/// VIP, the upgrade notice (once per customer per tier). Runs on the caller's transaction.
pub(crate) async fn rederive(
    conn: &mut SqliteConnection,
    customer_id: &str,
    settings: &SegmentationSettings,
    now: DateTime<Utc>,
    reason: &Reason,
) -> Result<Option<SegmentChange>> {
    let derived = compute(conn, customer_id, settings, now).await?;
    let previous: String = sqlx::query_scalar("SELECT segment FROM customers WHERE id = ?").bind(customer_id).fetch_one(&mut *conn).await?;
    let previous = Segment::parse(&previous).unwrap_or(Segment::New);
    let changed = previous != derived.segment;
    sqlx::query(
        "UPDATE customers SET total_orders = ?, total_spent = ?, average_order_value = ?, first_order_date = ?,
             last_order_date = ?, favorite_categories = ?, preferred_payment_method = ?, preferred_shipping_method = ?,
             lifetime_value = ?, segment = ?, churn_risk = ?, churn_band = ?, engagement_score = ?,
             segment_updated_at = CASE WHEN ? THEN ? ELSE segment_updated_at END
         WHERE id = ?",
    )
    .bind(derived.total_orders)
    .bind(derived.total_spent.dirhams())
    .bind(derived.average_order_value.dirhams())
    .bind(&derived.first_order_date)
    .bind(&derived.last_order_date)
    .bind(serde_json::to_string(&derived.favorite_categories).unwrap_or_else(|_| "[]".into()))
    .bind(&derived.preferred_payment_method)
    .bind(&derived.preferred_shipping_method)
    .bind(derived.lifetime_value.dirhams())
    .bind(derived.segment.as_str())
    .bind(derived.churn_risk.to_string())
    .bind(derived.churn_band.as_str())
    .bind(derived.engagement.to_string())
    .bind(changed)
    .bind(now.to_rfc3339())
    .bind(customer_id)
    .execute(&mut *conn)
    .await?;
    if !changed {
        return Ok(None);
    }
    let order_id = match reason {
        Reason::Order { order_id, .. } => Some(order_id.as_str()),
        _ => None,
    };
    sqlx::query("INSERT INTO segment_history (id, customer_id, previous, segment, at, reason, order_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(customer_id)
        .bind(previous.as_str())
        .bind(derived.segment.as_str())
        .bind(now.to_rfc3339())
        .bind(reason.as_str())
        .bind(order_id)
        .execute(&mut *conn)
        .await?;
    let change = SegmentChange { customer_id: customer_id.to_string(), previous, segment: derived.segment };
    if let Some(order_id) = reason.live_order() {
        if derived.segment > previous && derived.segment >= Segment::Gold {
            record_notification(
                conn,
                &format!("segment_upgrade:{customer_id}:{}", derived.segment.as_str()),
                customer_id,
                "segment_upgrade",
                &json!({ "segment": derived.segment, "previous": previous, "orderId": order_id }),
                now,
            )
            .await?;
        }
        crate::tasks::on_segment_change(conn, &change, order_id, now).await?;
    }
    Ok(Some(change))
}

/// Records a notification for the messaging module, once per idempotency key.
pub(crate) async fn record_notification(
    conn: &mut SqliteConnection,
    key: &str,
    customer_id: &str,
    kind: &str,
    payload: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("INSERT OR IGNORE INTO pending_notifications (id, key, customer_id, kind, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(key)
        .bind(customer_id)
        .bind(kind)
        .bind(payload.to_string())
        .bind(now.to_rfc3339())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What a recompute of everyone did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecomputeSummary {
    #[ts(type = "number")]
    pub customers: u64,
    #[ts(type = "number")]
    pub changed: u64,
    /// Customer records rewritten because a derived value changed (tier, churn,
    /// engagement, RFM …).
    #[ts(type = "number")]
    pub updated: u64,
    /// Live customers per tier after the recompute, in tier order.
    pub tiers: Vec<(Segment, u64)>,
}

/// Recomputes every live customer's scores (tier, LTV, churn, engagement, RFM) from the
/// order history their record keeps: the daily job, `crm segments recompute`. Works in
/// short write transactions, so staff editing meanwhile are never locked out for long.
/// Tier changes are recorded silently: no upgrade notices.
pub async fn recompute_all(pool: &SqlitePool, now: DateTime<Utc>, reason: Reason, mut progress: impl FnMut(u64, u64)) -> Result<RecomputeSummary> {
    let mut conn = pool.acquire().await?;
    let settings = settings_on(&mut conn).await?;
    let outcome = crate::db::on_c_api(&mut conn, |db| {
        recompute::recompute(db, &settings, now, reason.as_str(), History::Stored, Locking::ShortTransactions, &mut progress)
    })
    .await?;
    summarise(&mut conn, outcome, progress).await
}

/// Rebuilds every live customer's order history from the orders, then recomputes their
/// scores, in one transaction: after a batch that stored orders without deriving (the
/// demo), or to repair a store (`crm segments recompute --from-orders`).
pub async fn rebuild_all(pool: &SqlitePool, now: DateTime<Utc>, reason: Reason, progress: impl FnMut(u64, u64)) -> Result<RecomputeSummary> {
    let mut tx = pool.begin().await?;
    let settings = settings_on(&mut tx).await?;
    let summary = recompute_all_on(&mut tx, &settings, now, reason, History::FromOrders, progress).await?;
    tx.commit().await?;
    Ok(summary)
}

/// Recomputes everyone on the caller's transaction.
pub(crate) async fn recompute_all_on(
    tx: &mut SqliteConnection,
    settings: &SegmentationSettings,
    now: DateTime<Utc>,
    reason: Reason,
    history: History,
    mut progress: impl FnMut(u64, u64),
) -> Result<RecomputeSummary> {
    let outcome = crate::db::on_c_api(tx, |db| {
        recompute::recompute(db, settings, now, reason.as_str(), history, Locking::CallersTransaction, &mut progress)
    })
    .await?;
    summarise(tx, outcome, progress).await
}

async fn summarise(conn: &mut SqliteConnection, outcome: recompute::Outcome, mut progress: impl FnMut(u64, u64)) -> Result<RecomputeSummary> {
    let total = outcome.customers;
    progress(total, total);
    Ok(RecomputeSummary { customers: total, changed: outcome.tier_changes, updated: outcome.updated, tiers: tier_counts(conn).await? })
}

async fn tier_counts(conn: &mut SqliteConnection) -> Result<Vec<(Segment, u64)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT segment, live FROM segment_counts").fetch_all(&mut *conn).await?;
    Ok(Segment::ALL
        .iter()
        .map(|s| (*s, rows.iter().find(|(name, _)| name == s.as_str()).map_or(0, |(_, n)| *n as u64)))
        .collect())
}

/// The total spent each tier's LTV threshold implies under `settings` (the settings
/// screen shows it while staff edit), or why those settings could not be saved.
pub fn tier_equivalents(settings: &SegmentationSettings) -> Result<Vec<Money>> {
    let errors = settings.check();
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    Ok(settings.tiers.iter().map(|tier| settings.total_spent_equivalent(tier)).collect())
}

/// Saves new settings and recomputes everyone under them, in one transaction: staff never
/// see tiers that disagree with the settings shown.
pub async fn save_settings(
    pool: &SqlitePool,
    actor: &Actor,
    new: SegmentationSettings,
    now: DateTime<Utc>,
    progress: impl FnMut(u64, u64),
) -> Result<RecomputeSummary> {
    let errors = new.check();
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let mut tx = pool.begin().await?;
    crate::settings::set_on(&mut tx, actor, SETTINGS_KEY, &new, now).await?;
    let summary = recompute_all_on(&mut tx, &new, now, Reason::Settings, History::Stored, progress).await?;
    tx.commit().await?;
    Ok(summary)
}

/// The staleness window (SPEC §3.3): events older than this when they arrive are
/// historical and fire no automation.
pub const STALENESS_WINDOW: Duration = Duration::hours(24);

/// The derived values in one flat record, as `crm customers show --json` prints them
/// beside the customer (issue #4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DerivedSummary {
    pub segment: Segment,
    pub lifetime_value: Money,
    #[ts(type = "number")]
    pub total_orders: i64,
    pub total_spent: Money,
    pub average_order_value: Money,
    #[ts(type = "string")]
    pub churn_risk: Decimal,
    pub churn_band: ChurnBand,
    #[ts(type = "string")]
    pub engagement_score: Decimal,
    /// Null until the customer has a counted order and the scores were computed.
    pub rfm: Option<Rfm>,
    /// "555", or null.
    pub rfm_code: Option<String>,
}

pub async fn derived_summary(pool: &SqlitePool, customer: &crate::customers::Customer) -> Result<DerivedSummary> {
    let row = sqlx::query("SELECT churn_band, rfm_recency, rfm_frequency, rfm_monetary FROM customers WHERE id = ?")
        .bind(&customer.id)
        .fetch_one(pool)
        .await?;
    let rfm = match (row.get::<Option<i64>, _>("rfm_recency"), row.get::<Option<i64>, _>("rfm_frequency"), row.get::<Option<i64>, _>("rfm_monetary")) {
        (Some(r), Some(f), Some(m)) => Some(Rfm::new(r as u8, f as u8, m as u8)),
        _ => None,
    };
    let band = ChurnBand::parse(row.get("churn_band")).unwrap_or(ChurnBand::Low);
    Ok(DerivedSummary {
        segment: customer.segmentation.segment,
        lifetime_value: customer.segmentation.lifetime_value,
        total_orders: customer.history.total_orders,
        total_spent: customer.history.total_spent,
        average_order_value: customer.history.average_order_value,
        churn_risk: customer.segmentation.churn_risk,
        churn_band: band,
        engagement_score: customer.segmentation.engagement_score,
        rfm_code: rfm.map(|r| r.code()),
        rfm,
    })
}

/// One tier's line in the segments overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TierLine {
    pub segment: Segment,
    #[ts(type = "number")]
    pub customers: u64,
    /// Net spend of the tier's customers (total spent), and their LTV.
    pub revenue: Money,
    pub lifetime_value: Money,
}

/// How many customers moved from one tier to another in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TierMovement {
    pub from: Segment,
    pub to: Segment,
    #[ts(type = "number")]
    pub customers: u64,
}

/// The segments overview (issue #4): customers and revenue per tier now, and the moves
/// between tiers over the last `days` days (each customer counted once per move).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SegmentsOverview {
    pub tiers: Vec<TierLine>,
    #[ts(type = "number")]
    pub days: i64,
    pub movements: Vec<TierMovement>,
    #[ts(type = "number")]
    pub upgrades: u64,
    #[ts(type = "number")]
    pub downgrades: u64,
}

pub async fn overview(pool: &SqlitePool, now: DateTime<Utc>, days: i64) -> Result<SegmentsOverview> {
    let rows: Vec<(String, i64, i64, i64)> = sqlx::query_as(&format!(
        "SELECT segment, count(*), coalesce(sum(total_spent), 0), coalesce(sum(lifetime_value), 0)
         FROM customers WHERE {} GROUP BY segment",
        crate::customers::LIVE
    ))
    .fetch_all(pool)
    .await?;
    let tiers = Segment::ALL
        .iter()
        .rev()
        .map(|segment| {
            let row = rows.iter().find(|r| r.0 == segment.as_str());
            TierLine {
                segment: *segment,
                customers: row.map_or(0, |r| r.1 as u64),
                revenue: Money::from_dirhams(row.map_or(0, |r| r.2)),
                lifetime_value: Money::from_dirhams(row.map_or(0, |r| r.3)),
            }
        })
        .collect();
    let since = (now - Duration::days(days)).to_rfc3339();
    let moves: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT previous, segment, count(DISTINCT customer_id) FROM segment_history WHERE at >= ? GROUP BY previous, segment",
    )
    .bind(&since)
    .fetch_all(pool)
    .await?;
    let mut movements: Vec<TierMovement> = moves
        .into_iter()
        .filter_map(|(from, to, n)| Some(TierMovement { from: Segment::parse(&from)?, to: Segment::parse(&to)?, customers: n as u64 }))
        .collect();
    movements.sort_by(|a, b| b.customers.cmp(&a.customers).then(b.to.cmp(&a.to)));
    let upgrades = movements.iter().filter(|m| m.to > m.from).map(|m| m.customers).sum();
    let downgrades = movements.iter().filter(|m| m.to < m.from).map(|m| m.customers).sum();
    Ok(SegmentsOverview { tiers, days, movements, upgrades, downgrades })
}

const DAILY_KEY: &str = "segmentation.dailyRunOn";

/// The daily job (SPEC §2.7): churn risk and engagement depend on today's date, and RFM on
/// everyone's orders, so once a store day everything is recomputed. Runs when the app
/// starts and nothing has run yet today; returns whether it ran.
pub async fn run_daily_if_due(pool: &SqlitePool, now: DateTime<Utc>) -> Result<bool> {
    let today = crate::time::store_date(now).to_string();
    let last: Option<String> = crate::settings::get(pool, DAILY_KEY).await?;
    if last.as_deref() == Some(today.as_str()) {
        return Ok(false);
    }
    recompute_all(pool, now, Reason::Daily, |_, _| {}).await?;
    crate::settings::set(pool, &Actor::Sync, DAILY_KEY, &today, now).await?;
    Ok(true)
}
