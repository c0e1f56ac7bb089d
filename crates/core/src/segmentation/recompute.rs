//! Recomputing every customer at once (a settings change, the daily job, `crm segments
//! recompute`): one aggregate pass over all orders into temporary tables, the rules of
//! [`super::derive`] applied while streaming the customers, and only the customers whose
//! values changed written back with one statement. Per customer this is a few microseconds
//! instead of a dozen queries; the rules themselves are the same function the per-order
//! path uses, so both give the same values.

use chrono::{DateTime, Utc};

use super::{derive, Derived, Inputs, SegmentationSettings, COUNTED};
use crate::error::Result;

/// The stored form of a customer's derived values, as their columns hold them; compared
/// to see what changed and written as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    pub total_orders: i64,
    pub total_spent: i64,
    pub average_order_value: i64,
    pub first_order_date: Option<String>,
    pub last_order_date: Option<String>,
    pub favorite_categories: String,
    pub preferred_payment_method: String,
    pub preferred_shipping_method: String,
    pub lifetime_value: i64,
    pub segment: String,
    pub churn_risk: String,
    pub churn_band: String,
    pub engagement_score: String,
}

impl Columns {
    pub(crate) fn of(d: &Derived) -> Columns {
        Columns {
            total_orders: d.total_orders,
            total_spent: d.total_spent.dirhams(),
            average_order_value: d.average_order_value.dirhams(),
            first_order_date: d.first_order_date.clone(),
            last_order_date: d.last_order_date.clone(),
            favorite_categories: serde_json::to_string(&d.favorite_categories).unwrap_or_else(|_| "[]".into()),
            preferred_payment_method: d.preferred_payment_method.clone(),
            preferred_shipping_method: d.preferred_shipping_method.clone(),
            lifetime_value: d.lifetime_value.dirhams(),
            segment: d.segment.as_str().to_string(),
            churn_risk: d.churn_risk.to_string(),
            churn_band: d.churn_band.as_str().to_string(),
            engagement_score: d.engagement.to_string(),
        }
    }
}

/// The aggregates of every customer's counted orders, as temporary tables keyed by
/// customer: totals and dates; the top three categories by line spend (a tie to the most
/// recently bought); the most frequent payment and shipping methods (a tie to the most
/// recent).
fn aggregates_sql() -> String {
    let most_frequent = |table: &str, column: &str| {
        format!(
            "CREATE TEMP TABLE {table} AS SELECT customer_id, method FROM (
                 SELECT customer_id, {column} AS method,
                     row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, max(created_at) DESC, {column}) AS n
                 FROM orders NOT INDEXED WHERE {COUNTED} AND {column} <> '' GROUP BY customer_id, {column})
             WHERE n = 1;
             CREATE INDEX temp.{table}_customer ON {table} (customer_id);"
        )
    };
    format!(
        "DROP TABLE IF EXISTS temp.seg_totals; DROP TABLE IF EXISTS temp.seg_categories;
         DROP TABLE IF EXISTS temp.seg_payment; DROP TABLE IF EXISTS temp.seg_shipping;
         DROP TABLE IF EXISTS temp.seg_changed;
         CREATE TEMP TABLE seg_totals AS
             SELECT customer_id, count(*) AS orders, sum(total - refunded_amount) AS spent,
                    min(created_at) AS first, max(created_at) AS last
             FROM orders NOT INDEXED WHERE {COUNTED} GROUP BY customer_id;
         CREATE INDEX temp.seg_totals_customer ON seg_totals (customer_id);
         CREATE TEMP TABLE seg_categories AS
             SELECT customer_id, json_group_array(category ORDER BY n) AS categories FROM (
                 SELECT customer_id, category,
                     row_number() OVER (PARTITION BY customer_id ORDER BY spend DESC, last DESC, category) AS n
                 FROM (SELECT o.customer_id, i.category, sum(i.line_total) AS spend, max(o.created_at) AS last
                       FROM order_items i JOIN orders o ON o.id = i.order_id
                       WHERE o.{COUNTED} AND i.category <> '' GROUP BY o.customer_id, i.category))
             WHERE n <= 3 GROUP BY customer_id;
         CREATE INDEX temp.seg_categories_customer ON seg_categories (customer_id);
         {}
         {}
         CREATE TEMP TABLE seg_changed (
             id TEXT PRIMARY KEY, previous TEXT NOT NULL, total_orders INTEGER, total_spent INTEGER,
             average_order_value INTEGER, first_order_date TEXT, last_order_date TEXT, favorite_categories TEXT,
             preferred_payment_method TEXT, preferred_shipping_method TEXT, lifetime_value INTEGER, segment TEXT,
             churn_risk TEXT, churn_band TEXT, engagement_score TEXT
         ) WITHOUT ROWID;",
        most_frequent("seg_payment", "payment_method"),
        most_frequent("seg_shipping", "shipping_method"),
    )
}

/// Every live customer with their aggregates and their stored derived values.
fn customers_sql() -> String {
    format!(
        "SELECT c.id, c.created_at, c.last_activity_date, c.total_logins, c.total_page_views, c.total_cart_additions,
                c.total_wishlist_items, c.newsletter_subscription,
                coalesce(t.orders, 0), coalesce(t.spent, 0), t.first, t.last, k.categories, p.method, s.method,
                c.total_orders, c.total_spent, c.average_order_value, c.first_order_date, c.last_order_date,
                c.favorite_categories, c.preferred_payment_method, c.preferred_shipping_method, c.lifetime_value,
                c.segment, c.churn_risk, c.churn_band, c.engagement_score
         -- NOT INDEXED: read the table in order; through the partial index on live customers
         -- every row was a random read, which at a million customers went to disk.
         FROM customers c NOT INDEXED
         LEFT JOIN temp.seg_totals t ON t.customer_id = c.id
         LEFT JOIN temp.seg_categories k ON k.customer_id = c.id
         LEFT JOIN temp.seg_payment p ON p.customer_id = c.id
         LEFT JOIN temp.seg_shipping s ON s.customer_id = c.id
         WHERE {}",
        crate::customers::LIVE_C
    )
}

/// What one recompute of everyone did: customers seen, and those whose tier changed.
pub(crate) struct Outcome {
    pub customers: u64,
    pub tier_changes: u64,
}

/// Recomputes every live customer on `db`, the caller's transaction's connection. Tier
/// changes go to the segment history with `reason`, silently (no upgrade notices).
pub(crate) fn recompute(
    db: &rusqlite::Connection,
    settings: &SegmentationSettings,
    now: DateTime<Utc>,
    reason: &str,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Outcome> {
    db.execute_batch(&aggregates_sql())?;
    let total: i64 = db.query_row(&format!("SELECT count(*) FROM customers WHERE {}", crate::customers::LIVE), [], |r| r.get(0))?;
    let mut outcome = Outcome { customers: 0, tier_changes: 0 };
    {
        let mut select = db.prepare(&customers_sql())?;
        let mut insert = db.prepare(
            "INSERT INTO temp.seg_changed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let categories: Option<String> = row.get(12)?;
            let inputs = Inputs {
                created_at: row.get(1)?,
                last_activity: row.get(2)?,
                total_logins: row.get(3)?,
                total_page_views: row.get(4)?,
                total_cart_additions: row.get(5)?,
                total_wishlist_items: row.get(6)?,
                newsletter: row.get(7)?,
                total_orders: row.get(8)?,
                spent: row.get(9)?,
                first_order: row.get(10)?,
                last_order: row.get(11)?,
                favorite_categories: categories.and_then(|c| serde_json::from_str(&c).ok()).unwrap_or_default(),
                payment_method: row.get(13)?,
                shipping_method: row.get(14)?,
            };
            let stored = Columns {
                total_orders: row.get(15)?,
                total_spent: row.get(16)?,
                average_order_value: row.get(17)?,
                first_order_date: row.get(18)?,
                last_order_date: row.get(19)?,
                favorite_categories: row.get(20)?,
                preferred_payment_method: row.get(21)?,
                preferred_shipping_method: row.get(22)?,
                lifetime_value: row.get(23)?,
                segment: row.get(24)?,
                churn_risk: row.get(25)?,
                churn_band: row.get(26)?,
                engagement_score: row.get(27)?,
            };
            let new = Columns::of(&derive(inputs, settings, now));
            if new != stored {
                let id: String = row.get(0)?;
                insert.execute(rusqlite::params![
                    id,
                    stored.segment,
                    new.total_orders,
                    new.total_spent,
                    new.average_order_value,
                    new.first_order_date,
                    new.last_order_date,
                    new.favorite_categories,
                    new.preferred_payment_method,
                    new.preferred_shipping_method,
                    new.lifetime_value,
                    new.segment,
                    new.churn_risk,
                    new.churn_band,
                    new.engagement_score,
                ])?;
                if new.segment != stored.segment {
                    outcome.tier_changes += 1;
                }
            }
            outcome.customers += 1;
            if outcome.customers % 10_000 == 0 {
                progress(outcome.customers, total as u64);
            }
        }
    }
    let at = now.to_rfc3339();
    db.execute(
        "INSERT INTO segment_history (id, customer_id, previous, segment, at, reason)
         SELECT lower(hex(randomblob(16))), id, previous, segment, ?1, ?2 FROM temp.seg_changed WHERE previous <> segment",
        rusqlite::params![at, reason],
    )?;
    db.execute(
        "UPDATE customers SET total_orders = d.total_orders, total_spent = d.total_spent,
             average_order_value = d.average_order_value, first_order_date = d.first_order_date,
             last_order_date = d.last_order_date, favorite_categories = d.favorite_categories,
             preferred_payment_method = d.preferred_payment_method, preferred_shipping_method = d.preferred_shipping_method,
             lifetime_value = d.lifetime_value, segment = d.segment, churn_risk = d.churn_risk, churn_band = d.churn_band,
             engagement_score = d.engagement_score,
             segment_updated_at = CASE WHEN d.previous <> d.segment THEN ?1 ELSE customers.segment_updated_at END
         FROM temp.seg_changed d WHERE d.id = customers.id",
        rusqlite::params![at],
    )?;
    db.execute_batch(
        "DROP TABLE temp.seg_totals; DROP TABLE temp.seg_categories; DROP TABLE temp.seg_payment;
         DROP TABLE temp.seg_shipping; DROP TABLE temp.seg_changed;",
    )?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segmentation::{compute, recompute_all, Reason};
    use chrono::TimeZone;
    use sqlx::Row;

    /// The set-based pass and the per-customer path apply the same rules to the same
    /// orders, so after a recompute every stored value is what `compute` derives alone.
    #[tokio::test]
    async fn everyone_at_once_equals_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::open(&dir.path().join("crm.db")).await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0).unwrap();
        crate::demo::fill(&pool, crate::demo::DemoOptions { customers: 400, seed: 9, now }, |_, _| {}).await.unwrap();
        // A later day and another margin: churn, engagement and tiers all move.
        let later = now + chrono::Duration::days(45);
        let mut conn = pool.acquire().await.unwrap();
        let mut settings = crate::segmentation::settings_on(&mut conn).await.unwrap();
        settings.margin = "0.4".parse().unwrap();
        crate::settings::set_on(&mut conn, &crate::staff::Actor::Sync, super::super::SETTINGS_KEY, &settings, later).await.unwrap();
        drop(conn);
        let summary = recompute_all(&pool, later, Reason::Daily, |_, _| {}).await.unwrap();
        assert!(summary.changed > 10, "a higher margin lifts tiers: {}", summary.changed);
        let mut conn = pool.acquire().await.unwrap();
        let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM customers").fetch_all(&mut *conn).await.unwrap();
        for id in ids {
            let expected = Columns::of(&compute(&mut conn, &id, &settings, later).await.unwrap());
            let row = sqlx::query(
                "SELECT total_orders, total_spent, average_order_value, first_order_date, last_order_date, favorite_categories,
                        preferred_payment_method, preferred_shipping_method, lifetime_value, segment, churn_risk, churn_band,
                        engagement_score FROM customers WHERE id = ?",
            )
            .bind(&id)
            .fetch_one(&mut *conn)
            .await
            .unwrap();
            let stored = Columns {
                total_orders: row.get(0),
                total_spent: row.get(1),
                average_order_value: row.get(2),
                first_order_date: row.get(3),
                last_order_date: row.get(4),
                favorite_categories: row.get(5),
                preferred_payment_method: row.get(6),
                preferred_shipping_method: row.get(7),
                lifetime_value: row.get(8),
                segment: row.get(9),
                churn_risk: row.get(10),
                churn_band: row.get(11),
                engagement_score: row.get(12),
            };
            assert_eq!(stored, expected, "customer {id}");
        }
        let changes: i64 = sqlx::query_scalar("SELECT count(*) FROM segment_history WHERE reason = 'daily'").fetch_one(&mut *conn).await.unwrap();
        assert_eq!(changes as u64, summary.changed);
    }
}
