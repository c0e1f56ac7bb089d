//! The inbox: the queues agents work from (mine, unassigned, everything open, waiting on
//! the customer, overdue), narrowed by priority, category or status, sorted as SPEC §7.3
//! says (priority first, then oldest first), with unread markers per agent; the counts
//! beside each queue; and saved views. Every queue reads one partial index, so a page
//! costs the same at 200k tickets as at 2k (BENCHMARKS.md).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

use super::status::TicketStatus;
use super::{Category, Channel, Priority, ACTIVE};
use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Queue {
    Mine,
    Unassigned,
    #[default]
    Open,
    Waiting,
    Overdue,
    /// Every ticket, resolved and closed ones too, newest first.
    All,
}

impl Queue {
    pub const ALL: [Queue; 6] = [Queue::Mine, Queue::Unassigned, Queue::Open, Queue::Waiting, Queue::Overdue, Queue::All];

    pub fn parse(text: &str) -> Option<Queue> {
        serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
    }
}

/// What an inbox page shows: a queue, narrowed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InboxFilter {
    pub queue: Queue,
    pub priority: Option<Priority>,
    pub category: Option<Category>,
    pub status: Option<TicketStatus>,
    /// A ticket number (or its start), or a customer's name, phone or e-mail.
    pub search: Option<String>,
}

/// One row of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InboxRow {
    pub id: String,
    pub ticket_number: String,
    pub subject: String,
    pub customer_id: String,
    pub customer_name: String,
    pub priority: Priority,
    pub category: Category,
    pub status: TicketStatus,
    pub channel: Channel,
    pub assigned_to: Option<String>,
    pub assignee_name: Option<String>,
    pub created_at: String,
    pub last_message_at: String,
    /// The sooner of the two SLA due instants, while a clock runs.
    pub next_due: Option<String>,
    pub overdue: bool,
    /// New customer words since this agent last opened it.
    pub unread: bool,
    #[ts(type = "number")]
    pub message_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InboxPage {
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub offset: u64,
    pub rows: Vec<InboxRow>,
}

/// The index a queue reads. Named, not left to the planner: without per-value statistics
/// SQLite counts an open queue narrowed by category through the category index over every
/// ticket (28k rows at 200k tickets) rather than the small partial one, 200 ms instead of
/// 5 (BENCHMARKS.md). A search (ticket number or customer) picks its own.
fn queue_index(filter: &InboxFilter) -> Option<&'static str> {
    if filter.search.as_deref().is_some_and(|s| !s.trim().is_empty()) {
        return None;
    }
    Some(match (filter.queue, filter.category.is_some(), filter.priority.is_some()) {
        (Queue::Mine | Queue::Unassigned, ..) => "tickets_assignee_queue",
        (Queue::Open, true, _) => "tickets_category_queue",
        (Queue::Open, false, _) => "tickets_queue",
        (Queue::Waiting, ..) => "tickets_status_queue",
        (Queue::Overdue, ..) => "tickets_overdue",
        (Queue::All, true, _) => "tickets_category_created",
        (Queue::All, false, true) => "tickets_priority_created",
        (Queue::All, false, false) => "tickets_created",
    })
}

/// The WHERE clause and ORDER BY of a filter, with its bound values in order.
fn clauses(filter: &InboxFilter, staff_id: &str, now: &str, customers: Option<&[String]>) -> (String, String, Vec<String>) {
    let mut conditions: Vec<String> = Vec::new();
    let mut args: Vec<String> = Vec::new();
    let mut order = "t.priority_rank DESC, t.created_at, t.id".to_string();
    match filter.queue {
        Queue::Mine => {
            conditions.push(format!("t.{ACTIVE}"));
            conditions.push("t.assigned_to = ?".into());
            args.push(staff_id.to_string());
        }
        Queue::Unassigned => {
            conditions.push(format!("t.{ACTIVE}"));
            conditions.push("t.assigned_to IS NULL".into());
        }
        Queue::Open => conditions.push(format!("t.{ACTIVE}")),
        Queue::Waiting => conditions.push("t.status = 'waiting_response'".into()),
        Queue::Overdue => {
            conditions.push(format!("t.{ACTIVE}"));
            conditions.push("t.next_due IS NOT NULL AND t.next_due < ?".into());
            args.push(now.to_string());
            order = "t.next_due, t.id".into();
        }
        Queue::All => order = "t.created_at DESC, t.id DESC".into(),
    }
    if let Some(priority) = filter.priority {
        // The rank, not the name: it is what every queue index starts with or sorts on.
        conditions.push(format!("t.priority_rank = {}", priority.rank()));
    }
    if let Some(category) = filter.category {
        conditions.push("t.category = ?".into());
        args.push(category.as_str().into());
    }
    if let Some(status) = filter.status {
        conditions.push("t.status = ?".into());
        args.push(status.as_str().into());
    }
    if let Some(search) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        // A ticket number by its prefix (the unique index), or the tickets of the
        // customers the customer search finds.
        let number = search.to_uppercase();
        let mut alternatives = vec!["(t.ticket_number >= ? AND t.ticket_number < ?)".to_string()];
        args.push(number.clone());
        args.push(format!("{number}\u{10FFFF}"));
        if let Some(ids) = customers.filter(|ids| !ids.is_empty()) {
            alternatives.push(format!("t.customer_id IN ({})", vec!["?"; ids.len()].join(", ")));
            args.extend(ids.iter().cloned());
        }
        conditions.push(format!("({})", alternatives.join(" OR ")));
    }
    let filter_sql = if conditions.is_empty() { "1".to_string() } else { conditions.join(" AND ") };
    (filter_sql, order, args)
}

/// Customers a search names, for the inbox's search box (the customer list's search).
async fn customers_named(pool: &SqlitePool, search: Option<&str>) -> Result<Option<Vec<String>>> {
    let Some(search) = search.map(str::trim).filter(|s| s.chars().count() >= 2) else { return Ok(None) };
    let found = crate::customers::search(pool, search, 50).await?;
    Ok(Some(found.into_iter().map(|c| c.id).collect()))
}

/// Largest page a caller may ask for.
const MAX_PAGE: u64 = 200;

pub async fn page(pool: &SqlitePool, staff_id: &str, filter: &InboxFilter, offset: u64, limit: u64, now: DateTime<Utc>) -> Result<InboxPage> {
    if limit == 0 || limit > MAX_PAGE {
        return Err(CoreError::Invalid(vec![FieldError::new("limit", "error-page-size").with_arg("max", MAX_PAGE)]));
    }
    let now = now.to_rfc3339();
    let customers = customers_named(pool, filter.search.as_deref()).await?;
    let (filter_sql, order, args) = clauses(filter, staff_id, &now, customers.as_deref());
    let indexed = queue_index(filter).map(|index| format!("INDEXED BY {index}")).unwrap_or_default();
    let count_sql = format!("SELECT count(*) FROM tickets t {indexed} WHERE {filter_sql}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for a in &args {
        count = count.bind(a);
    }
    let total = count.fetch_one(pool).await? as u64;
    let sql = format!(
        "SELECT t.id, t.ticket_number, t.subject, t.customer_id, c.first_name || ' ' || c.last_name AS customer_name, t.priority,
                t.category, t.status, t.channel, t.assigned_to, s.display_name AS assignee_name, t.created_at, t.last_message_at,
                t.next_due, t.last_customer_message_at > coalesce(r.read_at, '') AS unread, t.message_count
         FROM tickets t {indexed}
         JOIN customers c ON c.id = t.customer_id
         LEFT JOIN staff_users s ON s.id = t.assigned_to
         LEFT JOIN ticket_reads r ON r.staff_id = ? AND r.ticket_id = t.id
         WHERE {filter_sql} ORDER BY {order} LIMIT ? OFFSET ?"
    );
    let mut query = sqlx::query(&sql).bind(staff_id);
    for a in &args {
        query = query.bind(a);
    }
    let rows = query.bind(limit as i64).bind(offset as i64).fetch_all(pool).await?;
    let rows = rows
        .iter()
        .map(|row| {
            let next_due: Option<String> = row.get("next_due");
            InboxRow {
                id: row.get("id"),
                ticket_number: row.get("ticket_number"),
                subject: row.get("subject"),
                customer_id: row.get("customer_id"),
                customer_name: row.get::<String, _>("customer_name").trim().to_string(),
                priority: Priority::parse(row.get("priority")).unwrap_or(Priority::Medium),
                category: Category::parse(row.get("category")).unwrap_or(Category::Other),
                status: TicketStatus::parse(row.get("status")).unwrap_or(TicketStatus::Open),
                channel: Channel::parse(row.get("channel")).unwrap_or(Channel::Platform),
                assigned_to: row.get("assigned_to"),
                assignee_name: row.get("assignee_name"),
                created_at: row.get("created_at"),
                last_message_at: row.get("last_message_at"),
                overdue: next_due.as_deref().is_some_and(|d| d < now.as_str()),
                next_due,
                unread: row.get::<Option<bool>, _>("unread").unwrap_or(false),
                message_count: row.get("message_count"),
            }
        })
        .collect();
    Ok(InboxPage { total, offset, rows })
}

/// How many tickets each queue holds, for the badges beside them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QueueCounts {
    #[ts(type = "number")]
    pub mine: u64,
    #[ts(type = "number")]
    pub unassigned: u64,
    #[ts(type = "number")]
    pub open: u64,
    #[ts(type = "number")]
    pub waiting: u64,
    #[ts(type = "number")]
    pub overdue: u64,
    /// Unread tickets in "mine", for the window title and the notification.
    #[ts(type = "number")]
    pub mine_unread: u64,
    /// The newest ticket's creation, so the shell can tell new tickets arrived.
    pub newest_created_at: Option<String>,
}

pub async fn counts(pool: &SqlitePool, staff_id: &str, now: DateTime<Utc>) -> Result<QueueCounts> {
    let now = now.to_rfc3339();
    let mine: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM tickets WHERE {ACTIVE} AND assigned_to = ?"))
        .bind(staff_id)
        .fetch_one(pool)
        .await?;
    let mine_unread: i64 = sqlx::query_scalar(&format!(
        "SELECT count(*) FROM tickets t LEFT JOIN ticket_reads r ON r.staff_id = ?1 AND r.ticket_id = t.id
         WHERE t.{ACTIVE} AND t.assigned_to = ?1 AND t.last_customer_message_at > coalesce(r.read_at, '')"
    ))
    .bind(staff_id)
    .fetch_one(pool)
    .await?;
    let overdue: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM tickets WHERE {ACTIVE} AND next_due IS NOT NULL AND next_due < ?"))
        .bind(&now)
        .fetch_one(pool)
        .await?;
    Ok(QueueCounts {
        mine: mine as u64,
        unassigned: count(pool, &format!("SELECT count(*) FROM tickets WHERE {ACTIVE} AND assigned_to IS NULL")).await?,
        open: count(pool, &format!("SELECT count(*) FROM tickets WHERE {ACTIVE}")).await?,
        waiting: count(pool, "SELECT count(*) FROM tickets WHERE status = 'waiting_response'").await?,
        overdue: overdue as u64,
        mine_unread: mine_unread as u64,
        newest_created_at: sqlx::query_scalar("SELECT max(created_at) FROM tickets").fetch_one(pool).await?,
    })
}

async fn count(pool: &SqlitePool, sql: &str) -> Result<u64> {
    Ok(sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await? as u64)
}

/// A staff user's named inbox filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedInboxView {
    pub id: String,
    pub name: String,
    pub filter: InboxFilter,
}

pub async fn save_view(pool: &SqlitePool, staff_id: &str, name: &str, filter: &InboxFilter, now: DateTime<Utc>) -> Result<SavedInboxView> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::Invalid(vec![FieldError::new("name", "error-required")]));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let json = serde_json::to_string(filter).unwrap_or_else(|_| "{}".into());
    let id: String = sqlx::query_scalar(
        "INSERT INTO ticket_views (id, staff_id, name, filter, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (staff_id, name) DO UPDATE SET filter = excluded.filter RETURNING id",
    )
    .bind(&id)
    .bind(staff_id)
    .bind(name)
    .bind(json)
    .bind(now.to_rfc3339())
    .fetch_one(pool)
    .await?;
    Ok(SavedInboxView { id, name: name.to_string(), filter: filter.clone() })
}

pub async fn views(pool: &SqlitePool, staff_id: &str) -> Result<Vec<SavedInboxView>> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, name, filter FROM ticket_views WHERE staff_id = ? ORDER BY name").bind(staff_id).fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, filter)| SavedInboxView { id, name, filter: serde_json::from_str(&filter).unwrap_or_default() })
        .collect())
}

pub async fn delete_view(pool: &SqlitePool, staff_id: &str, id: &str) -> Result<()> {
    sqlx::query("DELETE FROM ticket_views WHERE id = ? AND staff_id = ?").bind(id).bind(staff_id).execute(pool).await?;
    Ok(())
}
