//! Orders (SPEC §3): the CRM's projection of platform orders and the one use-case every
//! order goes through, whether it came by import, by hand or (later) by sync: check it,
//! upsert it by its platform id, re-derive the customer's history and tier from all their
//! orders (never incrementing: Resolution (f)), and fire each effect once.

mod import;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};
use ts_rs::TS;

pub use import::{import_orders, OrderImportOptions, OrderImportReport};

use crate::daily_totals::OrderTotals;
use crate::error::{CoreError, FieldError, Result};
use crate::loyalty::earning;
use crate::money::Money;
use crate::segmentation::{self, Reason, SegmentChange, SegmentationSettings, STALENESS_WINDOW};
use crate::time::parse_instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OrderStatus {
    Pending,
    Confirmed,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 6] = [
        OrderStatus::Pending,
        OrderStatus::Confirmed,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
        OrderStatus::Refunded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Pending => "pending",
            OrderStatus::Confirmed => "confirmed",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Refunded => "refunded",
        }
    }

    /// English or Arabic, as store platforms export them.
    pub fn parse(text: &str) -> Option<OrderStatus> {
        let folded = crate::arabic::fold(text.trim());
        let found = match folded.as_str() {
            "pending" | "قيد الانتظار" | "معلق" | "جديد" => OrderStatus::Pending,
            "confirmed" | "مؤكد" | "تم التاكيد" => OrderStatus::Confirmed,
            "shipped" | "تم الشحن" | "مشحون" => OrderStatus::Shipped,
            "delivered" | "تم التوصيل" | "تم التسليم" | "مسلم" => OrderStatus::Delivered,
            "cancelled" | "canceled" | "ملغي" | "ملغى" | "تم الالغاء" => OrderStatus::Cancelled,
            "refunded" | "مسترجع" | "تم الاسترجاع" | "مسترد" => OrderStatus::Refunded,
            _ => return None,
        };
        Some(found)
    }

    /// A counted order (SPEC §3.1) is confirmed, shipped or delivered.
    pub fn is_counted(self) -> bool {
        matches!(self, OrderStatus::Confirmed | OrderStatus::Shipped | OrderStatus::Delivered)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderItem {
    pub product_id: String,
    pub product_name: String,
    pub category: String,
    pub brand: Option<String>,
    #[ts(type = "number")]
    pub quantity: i64,
    pub unit_price: Money,
    pub line_total: Money,
    pub is_local_product: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusAt {
    pub status: OrderStatus,
    pub at: DateTime<Utc>,
}

/// An order as it arrives: from an import row group, a form, or sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderInput {
    pub id: String,
    pub order_number: String,
    pub customer_id: String,
    pub store_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub status: OrderStatus,
    /// When statuses were reached, where the source says; the current status without a
    /// time is dated when it arrives (or at `createdAt`, for a historical import).
    pub status_history: Vec<StatusAt>,
    pub total: Money,
    pub shipping_fee: Money,
    pub refunded_amount: Money,
    pub payment_method: String,
    pub shipping_method: String,
    pub voucher_code: Option<String>,
    pub items: Vec<OrderItem>,
}

/// A stored order with its lines and status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Order {
    #[serde(flatten)]
    pub input: OrderInput,
    /// Net amount = total − refunded (SPEC §3.1).
    pub net_amount: Money,
    pub counted: bool,
    pub historical: bool,
}

/// How an order arrives (SPEC §3.3, Resolution (historical orders)): a historical import
/// or backfill never fires automations; a live one does for events inside the staleness
/// window, exactly as sync would.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum IngestMode {
    Historical,
    Live,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OrderChange {
    Inserted,
    Updated,
    /// The same data again: nothing was written and nothing fired.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOutcome {
    pub change: OrderChange,
    pub segment_change: Option<SegmentChange>,
    /// The event was live (inside the staleness window of a live ingest) and fired effects.
    pub live: bool,
}

/// A dirham of rounding between an order's total and its lines is tolerated (the
/// platform rounds each line), more is an error in the file.
const LINE_TOLERANCE: Money = Money::from_dirhams(1);

/// The rules of an order record, every problem at once; `field` names are the input's.
pub fn validate(input: &OrderInput, now: DateTime<Utc>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if input.id.trim().is_empty() {
        errors.push(FieldError::new("id", "error-required"));
    }
    if input.customer_id.trim().is_empty() {
        errors.push(FieldError::new("customerRef", "error-required"));
    }
    if input.created_at > now + chrono::Duration::minutes(5) {
        errors.push(FieldError::new("createdAt", "order-error-future"));
    }
    if input.total < Money::ZERO || input.shipping_fee < Money::ZERO || input.refunded_amount < Money::ZERO {
        errors.push(FieldError::new("total", "order-error-negative"));
    }
    if input.refunded_amount > input.total {
        errors.push(FieldError::new("refundedAmount", "order-error-refund-exceeds").with_arg("total", input.total));
    }
    for (n, item) in input.items.iter().enumerate() {
        if item.quantity <= 0 {
            errors.push(FieldError::new(format!("items.{n}.quantity"), "order-error-quantity"));
        }
        if item.unit_price < Money::ZERO {
            errors.push(FieldError::new(format!("items.{n}.unitPrice"), "order-error-negative"));
        }
        if item.product_id.trim().is_empty() && item.product_name.trim().is_empty() {
            errors.push(FieldError::new(format!("items.{n}.productId"), "error-required"));
        }
    }
    if !input.items.is_empty() && errors.is_empty() {
        let lines = input.items.iter().fold(Money::ZERO, |sum, item| sum + item.line_total);
        let expected = lines + input.shipping_fee;
        let gap = if expected > input.total { expected - input.total } else { input.total - expected };
        if gap > LINE_TOLERANCE {
            errors.push(FieldError::new("total", "order-error-lines").with_arg("lines", expected).with_arg("total", input.total));
        }
    }
    if input.status_history.iter().any(|s| s.at > now + chrono::Duration::minutes(5)) {
        errors.push(FieldError::new("statusHistory", "order-error-future"));
    }
    errors
}

/// Ingests one order in its own transaction.
pub async fn ingest(pool: &SqlitePool, input: OrderInput, mode: IngestMode, now: DateTime<Utc>) -> Result<IngestOutcome> {
    let mut tx = pool.begin().await?;
    let rules = crate::db::on_c_api(&mut tx, earning::context).await?;
    let outcome = ingest_on(&mut tx, input, mode, now, &rules).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// The ingest use-case on the caller's transaction (an import ingests many orders in one,
/// reading the segmentation and loyalty `rules` once).
pub(crate) async fn ingest_on(
    conn: &mut SqliteConnection,
    mut input: OrderInput,
    mode: IngestMode,
    now: DateTime<Utc>,
    rules: &earning::Context,
) -> Result<IngestOutcome> {
    let errors = validate(&input, now);
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let settings = &rules.segmentation;
    let stored = crate::db::on_c_api(conn, |db| {
        let mut totals = OrderTotals::default();
        let stored = store(db, &mut input, mode, &mut totals, now)?;
        totals.write(db)?;
        Ok(stored)
    })
    .await?;
    let Some(stored) = stored else {
        return Ok(IngestOutcome { change: OrderChange::Unchanged, segment_change: None, live: false });
    };
    let reason = Reason::Order { order_id: stored.order_id.clone(), live: stored.live };
    if let Some(previous) = &stored.moved_from {
        segmentation::rederive(conn, previous, settings, now, &reason).await?;
    }
    let segment_change = segmentation::rederive(conn, &stored.customer_id, settings, now, &reason).await?;
    // Points: credited once at the earn status, reversed on cancellation and refunds.
    let order = earning::StoredOrder { input: &input, inserted: stored.change == OrderChange::Inserted };
    crate::db::on_c_api(conn, |db| earning::apply(db, rules, order, now)).await?;
    if stored.live {
        notify_status(conn, &stored, now).await?;
    }
    if stored.live && stored.became_counted {
        crate::tasks::on_counted_order(conn, &stored.customer_id, &stored.order_id, stored.first_counted, now).await?;
    }
    Ok(IngestOutcome { change: stored.change, segment_change, live: stored.live })
}

/// The order notifications a live status change records for the messaging module (SPEC
/// §3.2 step 6), each once per (order, type). Only the status the order is in now is
/// announced: an order that jumps from pending to delivered gets only `order_delivered`.
async fn notify_status(conn: &mut SqliteConnection, stored: &Stored, now: DateTime<Utc>) -> Result<()> {
    let kind = match stored.status {
        OrderStatus::Confirmed => "order_confirmed",
        OrderStatus::Shipped => "order_shipped",
        OrderStatus::Delivered => "order_delivered",
        OrderStatus::Pending | OrderStatus::Cancelled | OrderStatus::Refunded => "",
    };
    let payload = serde_json::json!({ "orderId": stored.order_id });
    if !kind.is_empty() {
        let key = format!("{}:{kind}", stored.order_id);
        segmentation::record_notification(conn, &key, &stored.customer_id, kind, &payload, now).await?;
    }
    if stored.first_counted {
        let key = format!("{}:first_order", stored.order_id);
        segmentation::record_notification(conn, &key, &stored.customer_id, "first_order", &payload, now).await?;
    }
    Ok(())
}

/// What storing one order did, for the effects that follow.
struct Stored {
    order_id: String,
    customer_id: String,
    status: OrderStatus,
    change: OrderChange,
    live: bool,
    became_counted: bool,
    /// A live event made it counted, and it is the customer's earliest counted order.
    first_counted: bool,
    /// The customer the order belonged to before, when the platform moved it.
    moved_from: Option<String>,
}

/// Stores one checked order: merges its status history with what is known, and writes it
/// unless it is exactly what is stored (then `None`: a re-sync changes nothing).
/// `input` is left as stored, status history merged, for the effects that follow.
fn store(db: &rusqlite::Connection, input: &mut OrderInput, mode: IngestMode, totals: &mut OrderTotals, now: DateTime<Utc>) -> Result<Option<Stored>> {
    let existing = load(db, &input.id)?;
    // What we already know of the status history stays; the source adds to it.
    let mut history: BTreeMap<OrderStatus, DateTime<Utc>> = BTreeMap::new();
    if let Some(order) = &existing {
        for s in &order.input.status_history {
            history.insert(s.status, s.at);
        }
    }
    for s in &input.status_history {
        history.entry(s.status).or_insert(s.at);
    }
    if !history.contains_key(&input.status) {
        // A historical order's status has no arrival time of its own: it was reached when
        // the order was made, as far as anyone can tell.
        let at = match mode {
            IngestMode::Historical => input.created_at,
            IngestMode::Live => now,
        };
        history.insert(input.status, at);
    }
    input.status_history = history.into_iter().map(|(status, at)| StatusAt { status, at }).collect();
    input.status_history.sort_by_key(|s| (s.at, s.status));
    for item in &mut input.items {
        item.product_id = item.product_id.trim().to_string();
    }
    if existing.as_ref().is_some_and(|order| order.input == *input) {
        return Ok(None);
    }
    // The event is the current status being reached; it is live only in a live ingest and
    // only while it is fresh.
    let event_at = input.status_history.iter().find(|s| s.status == input.status).map_or(now, |s| s.at);
    let is_new_event = existing.as_ref().is_none_or(|o| o.input.status != input.status);
    let live = mode == IngestMode::Live && is_new_event && now - event_at <= STALENESS_WINDOW;
    write(db, input, existing.is_none(), existing.is_none() && mode == IngestMode::Historical, now)?;
    // The reports' daily totals: the order as it was goes out, as it is comes in.
    if let Some(old) = existing.as_ref().filter(|o| o.input.status.is_counted()) {
        totals.count(old.input.created_at, (old.input.total - old.input.refunded_amount).dirhams(), -1);
    }
    if input.status.is_counted() {
        totals.count(input.created_at, (input.total - input.refunded_amount).dirhams(), 1);
    }
    let became_counted = input.status.is_counted() && existing.as_ref().is_none_or(|o| !o.input.status.is_counted());
    // Only live events act on it, so history does not pay for the query.
    let first_counted = live && became_counted && {
        let first: Option<String> = db
            .prepare_cached(&format!("SELECT id FROM orders WHERE customer_id = ? AND {} ORDER BY created_at, id LIMIT 1", segmentation::COUNTED))?
            .query_row([&input.customer_id], |r| r.get(0))
            .ok();
        first.as_deref() == Some(input.id.as_str())
    };
    Ok(Some(Stored {
        change: if existing.is_some() { OrderChange::Updated } else { OrderChange::Inserted },
        live,
        became_counted,
        first_counted,
        moved_from: existing.map(|o| o.input.customer_id).filter(|c| *c != input.customer_id),
        status: input.status,
        order_id: input.id.clone(),
        customer_id: input.customer_id.clone(),
    }))
}

/// What a batch of historical orders did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BatchOutcome {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub tier_changes: u64,
}

/// From this many customers touched, a batch recomputes everyone in one pass rather than
/// each touched customer on their own.
const SET_BASED_FROM: usize = 2_000;

/// A batch touching at least one customer in this many rebuilds the customers' sort
/// indexes instead of maintaining them record by record.
const REBUILD_INDEXES_SHARE: i64 = 4;

/// Ingests checked historical orders (an import, a backfill) on the caller's transaction:
/// every order stored through prepared statements, then each customer they touched
/// derived once, not once per order, and RFM rescored. Historical orders fire nothing, so
/// nothing is lost by deriving at the end; the tier history records one change per
/// customer, with the reason `import`.
pub(crate) async fn ingest_historical(
    conn: &mut SqliteConnection,
    inputs: Vec<OrderInput>,
    now: DateTime<Utc>,
    settings: &SegmentationSettings,
) -> Result<BatchOutcome> {
    let (mut outcome, touched) = store_historical(conn, inputs, now).await?;
    if touched.len() >= SET_BASED_FROM {
        // Rewriting most records moves each through a dozen sort indexes at random places;
        // past a share of the store, building those indexes again once is cheaper (the
        // customer import does the same). All inside the caller's transaction.
        let live: i64 = sqlx::query_scalar("SELECT coalesce(sum(live), 0) FROM segment_counts").fetch_one(&mut *conn).await?;
        let rebuild = if touched.len() as i64 * REBUILD_INDEXES_SHARE >= live { Some(crate::customers::drop_secondary_indexes(conn).await?) } else { None };
        // This rescores RFM as well.
        outcome.tier_changes =
            segmentation::recompute_all_on(conn, settings, now, Reason::Import, segmentation::History::FromOrders, |_, _| {}).await?.changed;
        if let Some(statements) = rebuild {
            crate::customers::create_indexes(conn, &statements).await?;
        }
    } else {
        for customer in &touched {
            if segmentation::rederive(conn, customer, settings, now, &Reason::Import).await?.is_some() {
                outcome.tier_changes += 1;
            }
        }
        if !touched.is_empty() {
            // RFM ranks customers against each other, so everyone is rescored.
            segmentation::recompute_all_on(conn, settings, now, Reason::Import, segmentation::History::Stored, |_, _| {}).await?;
        }
    }
    Ok(outcome)
}

/// Stores checked historical orders without deriving anything, returning the customers
/// they touched: for a producer that derives everyone once when it is done (the demo).
pub(crate) async fn store_historical(
    conn: &mut SqliteConnection,
    inputs: Vec<OrderInput>,
    now: DateTime<Utc>,
) -> Result<(BatchOutcome, std::collections::BTreeSet<String>)> {
    let mut outcome = BatchOutcome::default();
    let mut touched = std::collections::BTreeSet::new();
    let mut inputs = inputs;
    crate::db::on_c_api(conn, |db| {
        // Every order that changed, and whether it is new, for the points below.
        let mut changed: Vec<(usize, bool)> = Vec::new();
        // The batch's changes to the daily totals, written once per day at the end.
        let mut totals = OrderTotals::default();
        for (n, input) in inputs.iter_mut().enumerate() {
            match store(db, input, IngestMode::Historical, &mut totals, now)? {
                None => outcome.unchanged += 1,
                Some(stored) => {
                    let inserted = stored.change == OrderChange::Inserted;
                    if inserted {
                        outcome.inserted += 1;
                    } else {
                        outcome.updated += 1;
                    }
                    changed.push((n, inserted));
                    touched.extend(stored.moved_from);
                    touched.insert(stored.customer_id);
                }
            }
        }
        totals.write(db)?;
        // Points once every order is stored: each earns on the tier its customer had
        // just before it, so a customer's orders go oldest first.
        let mut orders: Vec<earning::StoredOrder<'_>> = changed.into_iter().map(|(n, inserted)| earning::StoredOrder { input: &inputs[n], inserted }).collect();
        orders.sort_by(|a, b| (&a.input.customer_id, a.input.created_at, &a.input.id).cmp(&(&b.input.customer_id, b.input.created_at, &b.input.id)));
        let context = earning::context(db)?;
        earning::apply_batch(db, &context, &orders, now)
    })
    .await?;
    Ok((outcome, touched))
}

/// Writes the order with its status history and lines; a `new` order has neither to
/// clear first (two index probes saved on every order of a large import).
fn write(db: &rusqlite::Connection, input: &OrderInput, new: bool, historical: bool, now: DateTime<Utc>) -> Result<()> {
    db.prepare_cached(
        "INSERT INTO orders (id, order_number, customer_id, store_id, created_at, status, total, shipping_fee, refunded_amount,
             payment_method, shipping_method, voucher_code, historical, received_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET order_number = excluded.order_number, customer_id = excluded.customer_id,
             store_id = excluded.store_id, created_at = excluded.created_at, status = excluded.status, total = excluded.total,
             shipping_fee = excluded.shipping_fee, refunded_amount = excluded.refunded_amount,
             payment_method = excluded.payment_method, shipping_method = excluded.shipping_method,
             voucher_code = excluded.voucher_code, updated_at = excluded.updated_at",
    )?
    .execute(rusqlite::params![
        input.id,
        input.order_number,
        input.customer_id,
        input.store_id,
        input.created_at.to_rfc3339(),
        input.status.as_str(),
        input.total.dirhams(),
        input.shipping_fee.dirhams(),
        input.refunded_amount.dirhams(),
        input.payment_method,
        input.shipping_method,
        input.voucher_code,
        historical,
        now.to_rfc3339(),
        now.to_rfc3339(),
    ])?;
    if !new {
        db.prepare_cached("DELETE FROM order_status_history WHERE order_id = ?")?.execute([&input.id])?;
    }
    let mut status = db.prepare_cached("INSERT INTO order_status_history (order_id, status, at) VALUES (?, ?, ?)")?;
    for s in &input.status_history {
        status.execute(rusqlite::params![input.id, s.status.as_str(), s.at.to_rfc3339()])?;
    }
    if !new {
        db.prepare_cached("DELETE FROM order_items WHERE order_id = ?")?.execute([&input.id])?;
    }
    let mut item_insert = db.prepare_cached(
        "INSERT INTO order_items (order_id, position, product_id, product_name, category, brand, quantity, unit_price,
             line_total, is_local_product) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    for (position, item) in input.items.iter().enumerate() {
        item_insert.execute(rusqlite::params![
            input.id,
            position as i64,
            item.product_id,
            item.product_name,
            item.category,
            item.brand,
            item.quantity,
            item.unit_price.dirhams(),
            item.line_total.dirhams(),
            item.is_local_product,
        ])?;
    }
    Ok(())
}

const ORDER_COLUMNS: &str = "id, order_number, customer_id, store_id, created_at, status, total, shipping_fee, refunded_amount,
     payment_method, shipping_method, voucher_code, historical";

fn load(db: &rusqlite::Connection, id: &str) -> Result<Option<Order>> {
    let mut select = db.prepare_cached(&format!("SELECT {ORDER_COLUMNS} FROM orders WHERE id = ?"))?;
    let mut rows = select.query([id])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    Ok(Some(assemble(db, row)?))
}

/// An order from its row (in [`ORDER_COLUMNS`] order) with its status history and lines.
fn assemble(db: &rusqlite::Connection, row: &rusqlite::Row<'_>) -> Result<Order> {
    let id: String = row.get(0)?;
    let mut status_history: Vec<StatusAt> = db
        .prepare_cached("SELECT status, at FROM order_status_history WHERE order_id = ?")?
        .query_map([&id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|r| r.ok())
        .filter_map(|(status, at)| Some(StatusAt { status: OrderStatus::parse(&status)?, at: parse_instant(&at)? }))
        .collect();
    status_history.sort_by_key(|s| (s.at, s.status));
    let items = db
        .prepare_cached(
            "SELECT product_id, product_name, category, brand, quantity, unit_price, line_total, is_local_product
             FROM order_items WHERE order_id = ? ORDER BY position",
        )?
        .query_map([&id], |r| {
            Ok(OrderItem {
                product_id: r.get(0)?,
                product_name: r.get(1)?,
                category: r.get(2)?,
                brand: r.get(3)?,
                quantity: r.get(4)?,
                unit_price: Money::from_dirhams(r.get(5)?),
                line_total: Money::from_dirhams(r.get(6)?),
                is_local_product: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let status = OrderStatus::parse(&row.get::<_, String>(5)?).unwrap_or(OrderStatus::Pending);
    let total = Money::from_dirhams(row.get(6)?);
    let refunded = Money::from_dirhams(row.get(8)?);
    Ok(Order {
        input: OrderInput {
            id,
            order_number: row.get(1)?,
            customer_id: row.get(2)?,
            store_id: row.get(3)?,
            created_at: parse_instant(&row.get::<_, String>(4)?).unwrap_or_default(),
            status,
            status_history,
            total,
            shipping_fee: Money::from_dirhams(row.get(7)?),
            refunded_amount: refunded,
            payment_method: row.get(9)?,
            shipping_method: row.get(10)?,
            voucher_code: row.get(11)?,
            items,
        },
        net_amount: total - refunded,
        counted: status.is_counted(),
        historical: row.get(12)?,
    })
}

/// A customer's orders, newest first, with the orders of customers merged into them.
pub async fn customer_orders(pool: &SqlitePool, customer_id: &str) -> Result<Vec<Order>> {
    let mut conn = pool.acquire().await?;
    crate::db::on_c_api(&mut conn, |db| {
        let mut select = db.prepare(&format!(
            "SELECT {ORDER_COLUMNS} FROM orders
             WHERE customer_id = ?1 OR customer_id IN (SELECT id FROM customers WHERE merged_into = ?1)
             ORDER BY created_at DESC, id DESC LIMIT 500"
        ))?;
        let mut rows = select.query([customer_id])?;
        let mut orders = Vec::new();
        while let Some(row) = rows.next()? {
            orders.push(assemble(db, row)?);
        }
        Ok(orders)
    })
    .await
}

pub async fn count(pool: &SqlitePool) -> Result<u64> {
    Ok(sqlx::query_scalar::<_, i64>("SELECT count(*) FROM orders").fetch_one(pool).await? as u64)
}


/// An order typed in by staff in standalone mode (no platform to sync from): its lines,
/// shipping fee, status and payment. The total is the lines plus shipping; the order id
/// and number are made here when left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct OrderDraft {
    pub order_number: String,
    pub status: Option<OrderStatus>,
    pub payment_method: String,
    pub shipping_method: String,
    pub shipping_fee: Option<Money>,
    pub items: Vec<OrderLineDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct OrderLineDraft {
    pub product_name: String,
    pub category: String,
    #[ts(type = "number")]
    pub quantity: i64,
    pub unit_price: Money,
    pub is_local_product: bool,
}

/// Enters an order by hand for a customer. It is a live event: it happened now, so it
/// fires what a synced order would (tasks, an upgrade notice).
pub async fn enter_by_hand(pool: &SqlitePool, customer_id: &str, draft: OrderDraft, now: DateTime<Utc>) -> Result<Order> {
    let mut errors = Vec::new();
    if draft.items.is_empty() {
        errors.push(FieldError::new("items", "order-error-no-lines"));
    }
    for (n, line) in draft.items.iter().enumerate() {
        if line.product_name.trim().is_empty() {
            errors.push(FieldError::new(format!("items.{n}.productName"), "error-required"));
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let shipping_fee = draft.shipping_fee.unwrap_or(Money::ZERO);
    let items: Vec<OrderItem> = draft
        .items
        .into_iter()
        .map(|line| OrderItem {
            product_id: String::new(),
            product_name: line.product_name.trim().to_string(),
            category: line.category.trim().to_string(),
            brand: None,
            quantity: line.quantity,
            unit_price: line.unit_price,
            line_total: Money::from_dirhams(line.unit_price.dirhams().saturating_mul(line.quantity.max(0))),
            is_local_product: line.is_local_product,
        })
        .collect();
    let total = items.iter().fold(shipping_fee, |sum, item| sum + item.line_total);
    let input = OrderInput {
        order_number: if draft.order_number.trim().is_empty() { format!("M-{}", &id[id.len() - 6..]).to_uppercase() } else { draft.order_number.trim().to_string() },
        id: id.clone(),
        customer_id: crate::customers::get(pool, customer_id).await?.id,
        store_id: None,
        created_at: now,
        status: draft.status.unwrap_or(OrderStatus::Confirmed),
        status_history: Vec::new(),
        total,
        shipping_fee,
        refunded_amount: Money::ZERO,
        payment_method: draft.payment_method.trim().to_string(),
        shipping_method: draft.shipping_method.trim().to_string(),
        voucher_code: None,
        items,
    };
    ingest(pool, input, IngestMode::Live, now).await?;
    stored(pool, &id).await
}

/// Moves a hand-entered (or any) order to a new status in standalone mode, with the
/// cumulative refunded amount for a refund; a live event like any other.
pub async fn change_status(pool: &SqlitePool, order_id: &str, status: OrderStatus, refunded_amount: Option<Money>, now: DateTime<Utc>) -> Result<Order> {
    let mut order = stored(pool, order_id).await?;
    order.input.status = status;
    if let Some(refunded) = refunded_amount {
        order.input.refunded_amount = refunded;
    } else if status == OrderStatus::Refunded {
        order.input.refunded_amount = order.input.total;
    }
    ingest(pool, order.input, IngestMode::Live, now).await?;
    stored(pool, order_id).await
}

async fn stored(pool: &SqlitePool, id: &str) -> Result<Order> {
    let mut conn = pool.acquire().await?;
    crate::db::on_c_api(&mut conn, |db| load(db, id)).await?.ok_or_else(|| CoreError::Invalid(vec![FieldError::new("orderId", "order-error-unknown")]))
}
