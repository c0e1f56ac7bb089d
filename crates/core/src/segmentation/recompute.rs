//! Recomputing every customer at once: the daily job, a settings change, `crm segments
//! recompute`, a large order import.
//!
//! A customer's order history (counts, net spend, dates, favourites, preferred methods) is
//! kept on their record by every ingest, so recomputing everyone reads a million customer
//! rows, not five million orders: the date-dependent scores (tier via LTV, churn, engagement)
//! come from the stored history by the same [`derive`] the per-order path uses, and RFM is
//! ranked in memory. Only customers whose values changed are written. The orders are
//! aggregated again only when the history itself must be rebuilt ([`History::FromOrders`]:
//! a large historical batch, the demo, a repair).
//!
//! The daily job must not lock staff out: it works through the customers in rowid ranges,
//! each range read, derived and written in its own short write transaction
//! ([`Locking::ShortTransactions`]), so an edit waits a few milliseconds at most. A settings
//! change or an import runs inside the caller's transaction instead, all or nothing.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

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
         {}",
        most_frequent("seg_payment", "payment_method"),
        most_frequent("seg_shipping", "shipping_method"),
    )
}

/// Where a recompute takes each customer's order history from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum History {
    /// As the record keeps it (every ingest re-derives it): the daily job, settings.
    Stored,
    /// Aggregated again from the orders, for batches that stored orders without deriving.
    FromOrders,
}

/// How a recompute holds the write lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Locking {
    /// Inside the caller's transaction, which already holds it.
    CallersTransaction,
    /// One short write transaction per range of customers; the connection must not be in
    /// a transaction. Each range is read inside its own transaction, so a concurrent edit
    /// or order is never overwritten with values derived from before it.
    ShortTransactions,
}

/// Customers per range, and per write transaction under [`Locking::ShortTransactions`]:
/// a few milliseconds of lock each.
const RANGE: i64 = 2_000;

/// What one recompute of everyone did: customers seen, and those whose tier changed.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub customers: u64,
    pub tier_changes: u64,
    /// Customer records rewritten because something of theirs changed (a rebuild may
    /// rewrite one twice: its history, then its RFM).
    pub updated: u64,
}

/// Recomputes every live customer on `db`. Tier changes go to the segment history with
/// `reason`, silently (no upgrade notices: those are for live orders).
pub(crate) fn recompute(
    db: &rusqlite::Connection,
    settings: &SegmentationSettings,
    now: DateTime<Utc>,
    reason: &str,
    history: History,
    locking: Locking,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Outcome> {
    let total: i64 = db.query_row("SELECT coalesce(sum(live), 0) FROM segment_counts", [], |r| r.get(0))?;
    let total = total as u64;
    let mut outcome = Outcome::default();
    if history == History::FromOrders {
        debug_assert_eq!(locking, Locking::CallersTransaction, "the aggregates are one snapshot of the orders");
        db.execute_batch(&aggregates_sql())?;
        // RFM ranks everyone by their new history, which the aggregates already hold: one
        // pass writes history and scores together, instead of a second pass rewriting a
        // million records for their scores.
        let ranks = rfm_ranks(db, now, history)?;
        let rebuilt = sweep(db, settings, now, reason, history, Some(&ranks), locking, &mut |done| progress(done, total));
        db.execute_batch(
            "DROP TABLE temp.seg_totals; DROP TABLE temp.seg_categories; DROP TABLE temp.seg_payment; DROP TABLE temp.seg_shipping;",
        )?;
        let rebuilt = rebuilt?;
        outcome.customers = rebuilt.customers;
        outcome.tier_changes = rebuilt.tier_changes;
        outcome.updated = rebuilt.updated;
        return Ok(outcome);
    }
    let ranks = rfm_ranks(db, now, History::Stored)?;
    let scored = sweep(db, settings, now, reason, History::Stored, Some(&ranks), locking, &mut |done| progress(done, total))?;
    outcome.customers = scored.customers;
    outcome.tier_changes += scored.tier_changes;
    outcome.updated += scored.updated;
    Ok(outcome)
}

/// The stored history of a customer, in the column order of [`aggregates_sql`]'s join.
const STORED_HISTORY: &str = "c.total_orders, c.total_spent, c.first_order_date, c.last_order_date, c.favorite_categories,
     c.preferred_payment_method, c.preferred_shipping_method";
const FROM_ORDERS_HISTORY: &str =
    "coalesce(t.orders, 0), coalesce(t.spent, 0), t.first, t.last, coalesce(k.categories, '[]'), p.method, s.method";
const FROM_ORDERS_JOINS: &str = "LEFT JOIN temp.seg_totals t ON t.customer_id = c.id
     LEFT JOIN temp.seg_categories k ON k.customer_id = c.id
     LEFT JOIN temp.seg_payment p ON p.customer_id = c.id
     LEFT JOIN temp.seg_shipping s ON s.customer_id = c.id";

/// One range of live customers after a rowid: their activity, their order history (stored
/// or aggregated) and their stored derived values.
fn range_sql(history: History) -> String {
    let (inputs, joins) = match history {
        History::Stored => (STORED_HISTORY, ""),
        History::FromOrders => (FROM_ORDERS_HISTORY, FROM_ORDERS_JOINS),
    };
    format!(
        "SELECT c.rowid, c.id, c.created_at, c.last_activity_date, c.total_logins, c.total_page_views, c.total_cart_additions,
                c.total_wishlist_items, c.newsletter_subscription,
                {inputs},
                c.total_orders, c.total_spent, c.average_order_value, c.first_order_date, c.last_order_date,
                c.favorite_categories, c.preferred_payment_method, c.preferred_shipping_method, c.lifetime_value,
                c.segment, c.churn_risk, c.churn_band, c.engagement_score, c.rfm_recency, c.rfm_frequency, c.rfm_monetary
         -- NOT INDEXED: walk the table itself in rowid order; through the partial index on
         -- live customers every row was a random read, which at a million went to disk.
         FROM customers c NOT INDEXED
         {joins}
         WHERE c.rowid > ?1 AND {}
         ORDER BY c.rowid LIMIT ?2",
        crate::customers::LIVE_C
    )
}

/// RFM scores as the record holds them: three columns, all null without a counted order.
type RfmScores = Option<[i64; 3]>;

#[derive(Default)]
struct Swept {
    customers: u64,
    tier_changes: u64,
    updated: u64,
}

/// Derives every live customer range by range, writing those whose values changed. With
/// `ranks`, RFM scores are set from them (by rowid); without, they stay as stored.
#[allow(clippy::too_many_arguments)]
fn sweep(
    db: &rusqlite::Connection,
    settings: &SegmentationSettings,
    now: DateTime<Utc>,
    reason: &str,
    history: History,
    ranks: Option<&RfmRanks>,
    locking: Locking,
    progress: &mut dyn FnMut(u64),
) -> Result<Swept> {
    let at = now.to_rfc3339();
    let mut swept = Swept::default();
    let mut after = i64::MIN;
    loop {
        if locking == Locking::ShortTransactions {
            db.execute_batch("BEGIN IMMEDIATE")?;
        }
        let range = sweep_range(db, settings, now, &at, reason, history, ranks, after, &mut swept);
        if locking == Locking::ShortTransactions {
            match &range {
                Ok(_) => db.execute_batch("COMMIT")?,
                Err(_) => {
                    // The error is what the caller needs to see, not the rollback's.
                    let _ = db.execute_batch("ROLLBACK");
                }
            }
        }
        match range? {
            Some(last) => after = last,
            None => break,
        }
        progress(swept.customers);
    }
    Ok(swept)
}

/// One range: returns the last rowid read, or `None` past the end.
#[allow(clippy::too_many_arguments)]
fn sweep_range(
    db: &rusqlite::Connection,
    settings: &SegmentationSettings,
    now: DateTime<Utc>,
    at: &str,
    reason: &str,
    history: History,
    ranks: Option<&RfmRanks>,
    after: i64,
    swept: &mut Swept,
) -> Result<Option<i64>> {
    let mut select = db.prepare_cached(&range_sql(history))?;
    let mut rows = select.query(rusqlite::params![after, RANGE])?;
    let mut last = None;
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        last = Some(rowid);
        swept.customers += 1;
        let categories: String = row.get(13)?;
        let inputs = Inputs {
            created_at: row.get(2)?,
            last_activity: row.get(3)?,
            total_logins: row.get(4)?,
            total_page_views: row.get(5)?,
            total_cart_additions: row.get(6)?,
            total_wishlist_items: row.get(7)?,
            newsletter: row.get(8)?,
            total_orders: row.get(9)?,
            spent: row.get(10)?,
            first_order: row.get(11)?,
            last_order: row.get(12)?,
            // The stored list is carried over as written; only aggregated ones are read.
            favorite_categories: match history {
                History::FromOrders => serde_json::from_str(&categories).unwrap_or_default(),
                History::Stored => Vec::new(),
            },
            payment_method: row.get(14)?,
            shipping_method: row.get(15)?,
        };
        let stored = Columns {
            total_orders: row.get(16)?,
            total_spent: row.get(17)?,
            average_order_value: row.get(18)?,
            first_order_date: row.get(19)?,
            last_order_date: row.get(20)?,
            favorite_categories: row.get(21)?,
            preferred_payment_method: row.get(22)?,
            preferred_shipping_method: row.get(23)?,
            lifetime_value: row.get(24)?,
            segment: row.get(25)?,
            churn_risk: row.get(26)?,
            churn_band: row.get(27)?,
            engagement_score: row.get(28)?,
        };
        let stored_rfm: RfmScores = match (row.get::<_, Option<i64>>(29)?, row.get::<_, Option<i64>>(30)?, row.get::<_, Option<i64>>(31)?) {
            (Some(r), Some(f), Some(m)) => Some([r, f, m]),
            _ => None,
        };
        let mut new = Columns::of(&derive(inputs, settings, now));
        if history == History::Stored {
            new.favorite_categories = categories;
        }
        let new_rfm = match ranks {
            None => stored_rfm,
            Some(_) if new.total_orders == 0 => None,
            // Someone whose first order arrived after the ranking keeps what they had until
            // the next run ranks them.
            Some(ranks) => ranks.get(rowid).or(stored_rfm),
        };
        if new == stored && new_rfm == stored_rfm {
            continue;
        }
        swept.updated += 1;
        let rfm: [Option<i64>; 3] = match new_rfm {
            Some(scores) => scores.map(Some),
            None => [None; 3],
        };
        let tier_changed = new.segment != stored.segment;
        let scores_only = new.total_orders == stored.total_orders
            && new.total_spent == stored.total_spent
            && new.average_order_value == stored.average_order_value
            && new.first_order_date == stored.first_order_date
            && new.last_order_date == stored.last_order_date
            && new.favorite_categories == stored.favorite_categories
            && new.preferred_payment_method == stored.preferred_payment_method
            && new.preferred_shipping_method == stored.preferred_shipping_method
            && new.lifetime_value == stored.lifetime_value
            && !tier_changed;
        if scores_only {
            // Leaves the tier, spend and LTV indexes and the tier counter alone.
            db.prepare_cached(
                "UPDATE customers SET churn_risk = ?, churn_band = ?, engagement_score = ?,
                     rfm_recency = ?, rfm_frequency = ?, rfm_monetary = ? WHERE rowid = ?",
            )?
            .execute(rusqlite::params![new.churn_risk, new.churn_band, new.engagement_score, rfm[0], rfm[1], rfm[2], rowid])?;
        } else {
            db.prepare_cached(
                "UPDATE customers SET total_orders = ?, total_spent = ?, average_order_value = ?, first_order_date = ?,
                     last_order_date = ?, favorite_categories = ?, preferred_payment_method = ?, preferred_shipping_method = ?,
                     lifetime_value = ?, segment = ?, churn_risk = ?, churn_band = ?, engagement_score = ?,
                     rfm_recency = ?, rfm_frequency = ?, rfm_monetary = ?,
                     segment_updated_at = CASE WHEN ? THEN ? ELSE segment_updated_at END
                 WHERE rowid = ?",
            )?
            .execute(rusqlite::params![
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
                rfm[0],
                rfm[1],
                rfm[2],
                tier_changed,
                at,
                rowid,
            ])?;
        }
        if tier_changed {
            let id: String = row.get(1)?;
            db.prepare_cached("INSERT INTO segment_history (id, customer_id, previous, segment, at, reason) VALUES (?, ?, ?, ?, ?, ?)")?
                .execute(rusqlite::params![uuid::Uuid::now_v7().to_string(), id, stored.segment, new.segment, at, reason])?;
            swept.tier_changes += 1;
        }
    }
    Ok(last)
}

/// Every ranked customer's RFM scores, by rowid (ascending).
struct RfmRanks {
    rowids: Vec<i64>,
    scores: Vec<[i64; 3]>,
}

impl RfmRanks {
    fn get(&self, rowid: i64) -> Option<[i64; 3]> {
        self.rowids.binary_search(&rowid).ok().map(|i| self.scores[i])
    }
}

/// Scores every live customer with a counted order against the others (SPEC §8.1):
/// score = 1 + floor(5 × p), p the share of those customers whose raw value is strictly
/// worse (more store days since the last order; fewer orders a month since the first, in
/// whole calendar months, at least one; less spent). Equal values score equally.
fn rfm_ranks(db: &rusqlite::Connection, now: DateTime<Utc>, history: History) -> Result<RfmRanks> {
    let today = crate::time::store_date(now);
    let mut rowids = Vec::new();
    let mut recency = Vec::new();
    let mut frequency = Vec::new();
    let mut monetary = Vec::new();
    // The same four values, as stored or as just aggregated from the orders.
    let sql = match history {
        History::Stored => format!(
            "SELECT rowid, total_orders, first_order_date, last_order_date, total_spent
             FROM customers NOT INDEXED WHERE {} AND total_orders > 0 ORDER BY rowid",
            crate::customers::LIVE
        ),
        History::FromOrders => format!(
            "SELECT c.rowid, t.orders, t.first, t.last, t.spent
             FROM customers c NOT INDEXED JOIN temp.seg_totals t ON t.customer_id = c.id
             WHERE {} AND t.orders > 0 ORDER BY c.rowid",
            crate::customers::LIVE_C
        ),
    };
    let mut select = db.prepare(&sql)?;
    let mut rows = select.query([])?;
    while let Some(row) = rows.next()? {
        let store_date = |i: usize| -> rusqlite::Result<NaiveDate> {
            let text: Option<String> = row.get(i)?;
            Ok(text.as_deref().and_then(crate::time::parse_instant).map_or(today, crate::time::store_date))
        };
        let (first, last) = (store_date(2)?, store_date(3)?);
        let months = (today.year() * 12 + today.month() as i32) - (first.year() * 12 + first.month() as i32)
            - i32::from(today.day() < first.day());
        let orders: i64 = row.get(1)?;
        rowids.push(row.get::<_, i64>(0)?);
        // Fewer days since the last order is better: negated, so that greater is better
        // for all three.
        recency.push(-(today - last).num_days());
        frequency.push(orders as f64 / f64::from(months.max(1)));
        monetary.push(row.get::<_, i64>(4)?);
    }
    let (r, f, m) = (quintiles(&recency), quintiles(&frequency), quintiles(&monetary));
    let scores = (0..rowids.len()).map(|i| [r[i], f[i], m[i]]).collect();
    Ok(RfmRanks { rowids, scores })
}

/// 1 + floor(5 × share of values strictly below each one), in the values' order.
fn quintiles<T: PartialOrd + Copy>(values: &[T]) -> Vec<i64> {
    let n = values.len() as i64;
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_unstable_by(|&a, &b| values[a].partial_cmp(&values[b]).unwrap_or(std::cmp::Ordering::Equal));
    let mut scores = vec![0; values.len()];
    let mut below = 0;
    for (position, &i) in order.iter().enumerate() {
        if position > 0 && values[order[position - 1]] < values[i] {
            below = position as i64;
        }
        scores[i] = 1 + 5 * below / n;
    }
    scores
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

    /// A rebuild from the orders writes history and RFM in one pass; what it writes is
    /// exactly what the stored-history pass derives, so running that next changes nothing.
    #[tokio::test]
    async fn a_rebuild_leaves_nothing_for_the_daily_pass_to_change() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::open(&dir.path().join("crm.db")).await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0).unwrap();
        crate::demo::fill(&pool, crate::demo::DemoOptions { customers: 300, seed: 5, now }, |_, _| {}).await.unwrap();
        let later = now + chrono::Duration::days(3);
        let rebuilt = crate::segmentation::rebuild_all(&pool, later, Reason::Daily, |_, _| {}).await.unwrap();
        assert!(rebuilt.updated > 0, "three days on, scores move: {rebuilt:?}");
        let again = recompute_all(&pool, later, Reason::Daily, |_, _| {}).await.unwrap();
        assert_eq!((again.updated, again.changed), (0, 0), "{again:?}");
        let scored: i64 = sqlx::query_scalar("SELECT count(*) FROM customers WHERE total_orders > 0 AND rfm_recency IS NULL").fetch_one(&pool).await.unwrap();
        assert_eq!(scored, 0, "everyone with an order is ranked");
    }

    #[test]
    fn quintiles_give_equal_values_equal_scores() {
        // Ten values: a share p strictly below gives 1 + floor(5p).
        assert_eq!(quintiles(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        assert_eq!(quintiles(&[7, 7, 7]), vec![1, 1, 1]);
        assert_eq!(quintiles(&[3.0, 1.0, 3.0, 2.0]), vec![3, 1, 3, 2]);
        assert!(quintiles::<i64>(&[]).is_empty());
    }

    /// The in-memory ranking scores exactly as SQLite's `rank()` window would, on the
    /// demo store at a later date (the query below is the SQL form of SPEC §8.1).
    #[tokio::test]
    async fn rfm_ranks_agree_with_sqlite_rank_windows() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::open(&dir.path().join("crm.db")).await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 21, 30, 0).unwrap();
        crate::demo::fill(&pool, crate::demo::DemoOptions { customers: 600, seed: 4, now }, |_, _| {}).await.unwrap();
        let later = now + chrono::Duration::days(17);
        recompute_all(&pool, later, Reason::Daily, |_, _| {}).await.unwrap();
        let today = crate::time::store_date(later).to_string();
        let expected: Vec<(String, i64, i64, i64)> = sqlx::query_as(&format!(
            "WITH base AS (
                 SELECT id,
                     julianday(?1) - julianday(date(last_order_date, '+2 hours')) AS days,
                     total_orders * 1.0 / max(1,
                         (CAST(strftime('%Y', ?1) AS INTEGER) * 12 + CAST(strftime('%m', ?1) AS INTEGER))
                         - (CAST(strftime('%Y', date(first_order_date, '+2 hours')) AS INTEGER) * 12
                            + CAST(strftime('%m', date(first_order_date, '+2 hours')) AS INTEGER))
                         - (CAST(strftime('%d', ?1) AS INTEGER) < CAST(strftime('%d', date(first_order_date, '+2 hours')) AS INTEGER))
                     ) AS per_month,
                     total_spent AS spent
                 FROM customers WHERE {} AND total_orders > 0)
             SELECT id,
                 1 + (5 * (rank() OVER (ORDER BY days DESC) - 1)) / count(*) OVER (),
                 1 + (5 * (rank() OVER (ORDER BY per_month) - 1)) / count(*) OVER (),
                 1 + (5 * (rank() OVER (ORDER BY spent) - 1)) / count(*) OVER ()
             FROM base ORDER BY id",
            crate::customers::LIVE
        ))
        .bind(&today)
        .fetch_all(&pool)
        .await
        .unwrap();
        let stored: Vec<(String, i64, i64, i64)> = sqlx::query_as(
            "SELECT id, rfm_recency, rfm_frequency, rfm_monetary FROM customers WHERE rfm_recency IS NOT NULL ORDER BY id",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        assert!(expected.len() > 300, "most demo customers have orders: {}", expected.len());
        assert_eq!(stored, expected);
        for score in 1..=5 {
            assert!(stored.iter().any(|s| s.1 == score), "some recency scores {score}");
        }
    }

    /// The daily job commits range by range: between two ranges another connection writes
    /// without waiting at all, and a customer changed then is derived from the change.
    #[tokio::test]
    async fn the_daily_job_writes_in_short_transactions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("crm.db");
        let pool = crate::db::open(&path).await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0).unwrap();
        crate::demo::fill(&pool, crate::demo::DemoOptions { customers: 5_000, seed: 2, now }, |_, _| {}).await.unwrap();
        let later = now + chrono::Duration::days(40);
        let staff = rusqlite::Connection::open(&path).unwrap();
        // No waiting: if the job held the write lock here, this would fail at once.
        staff.busy_timeout(std::time::Duration::ZERO).unwrap();
        let last: String = staff.query_row("SELECT id FROM customers ORDER BY rowid DESC LIMIT 1", [], |r| r.get(0)).unwrap();
        let mut writes = 0;
        let summary = recompute_all(&pool, later, Reason::Daily, |done, total| {
            if done > 0 && done < total {
                staff
                    .execute(
                        "UPDATE customers SET total_logins = total_logins + 7, last_activity_date = ? WHERE id = ?",
                        rusqlite::params![later.to_rfc3339(), last],
                    )
                    .expect("the lock is free between ranges");
                writes += 1;
            }
        })
        .await
        .unwrap();
        assert!(writes >= 2, "a progress report after each committed range: {writes}");
        assert_eq!(summary.customers, 5_000);
        // The last range was read after those writes, so its engagement counts them.
        let settings = crate::segmentation::settings(&pool).await.unwrap();
        let mut conn = pool.acquire().await.unwrap();
        let expected = compute(&mut conn, &last, &settings, later).await.unwrap();
        let stored: String = sqlx::query_scalar("SELECT engagement_score FROM customers WHERE id = ?").bind(&last).fetch_one(&mut *conn).await.unwrap();
        assert_eq!(stored, expected.engagement.to_string());
    }
}
