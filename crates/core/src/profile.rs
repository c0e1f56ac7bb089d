//! What the customer profile shows beyond the record itself (issue #4): the derived values
//! with churn band and RFM, the tier history, the orders with their lines, and the
//! follow-up tasks. One call, so the profile opens with one round trip per panel group.

use serde::{Deserialize, Serialize};
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

use crate::customers::{self, Segment};
use crate::error::Result;
use crate::orders::{self, Order};
use crate::segmentation::{self, DerivedSummary};
use crate::tasks::{self, Task};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SegmentHistoryEntry {
    pub previous: Segment,
    pub segment: Segment,
    pub at: chrono::DateTime<chrono::Utc>,
    /// order, settings, import, daily or merge.
    pub reason: String,
    pub order_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerInsights {
    pub derived: DerivedSummary,
    pub segment_history: Vec<SegmentHistoryEntry>,
    pub orders: Vec<Order>,
    pub tasks: Vec<Task>,
}

pub async fn customer_insights(pool: &SqlitePool, customer_id: &str) -> Result<CustomerInsights> {
    let customer = customers::get(pool, customer_id).await?;
    let derived = segmentation::derived_summary(pool, &customer).await?;
    let segment_history = sqlx::query(
        "SELECT previous, segment, at, reason, order_id FROM segment_history
         WHERE customer_id = ?1 OR customer_id IN (SELECT id FROM customers WHERE merged_into = ?1)
         ORDER BY at DESC, rowid DESC LIMIT 100",
    )
    .bind(customer_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|row| SegmentHistoryEntry {
        previous: Segment::parse(row.get("previous")).unwrap_or(Segment::New),
        segment: Segment::parse(row.get("segment")).unwrap_or(Segment::New),
        at: crate::time::parse_instant(row.get("at")).unwrap_or_default(),
        reason: row.get("reason"),
        order_id: row.get("order_id"),
    })
    .collect();
    Ok(CustomerInsights {
        derived,
        segment_history,
        orders: orders::customer_orders(pool, customer_id).await?,
        tasks: tasks::customer_tasks(pool, customer_id).await?,
    })
}
