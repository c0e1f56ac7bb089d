//! Ticket use-cases (SPEC §7): create, converse, change status, assign, rate, merge and
//! escalate. Each is one transaction that asks the status machine first and re-times the
//! SLA clocks last, so the stored due instants always match the ticket's history.

use chrono::{DateTime, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

use super::intent::{self, Intent, ReplyContext};
use super::sla::{self, Clock, Pause, SlaSettings};
use super::status::{self, After, Event, TicketStatus};
use super::{Category, Channel, Priority, Sender, SupportSettings, ACTIVE};
use crate::customers::Segment;
use crate::error::{CoreError, FieldError, Result};
use crate::i18n::Lang;
use crate::money::Money;
use crate::staff::Actor;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Ticket {
    pub id: String,
    pub ticket_number: String,
    pub customer_id: String,
    pub customer_name: String,
    pub store_id: Option<String>,
    pub subject: String,
    pub description: String,
    pub priority: Priority,
    pub category: Category,
    pub subcategory: String,
    pub status: TicketStatus,
    pub channel: Channel,
    pub order_id: Option<String>,
    pub order_number: Option<String>,
    pub assigned_to: Option<String>,
    pub assignee_name: Option<String>,
    pub assigned_at: Option<String>,
    pub intent: Option<Intent>,
    #[ts(type = "number | null")]
    pub satisfaction_rating: Option<i64>,
    /// SPEC §7.5: minutes from creation to the first agent message.
    #[ts(type = "number | null")]
    pub first_response_time: Option<i64>,
    /// SPEC §7.5: hours from creation to the latest resolution, to two decimals.
    #[ts(type = "number | null")]
    pub resolution_time: Option<f64>,
    #[ts(type = "number")]
    pub reopened_count: i64,
    pub escalated: bool,
    pub escalated_at: Option<String>,
    pub related_ticket_id: Option<String>,
    pub merged_into: Option<String>,
    pub first_response_due: Option<String>,
    pub resolution_due: Option<String>,
    #[ts(type = "number")]
    pub message_count: i64,
    pub last_message_at: String,
    pub created_at: String,
    pub updated_at: String,
    pub resolved_at: Option<String>,
    pub closed_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Message {
    pub id: String,
    pub ticket_id: String,
    pub sender: Sender,
    /// An internal note: staff only, never sent.
    pub internal: bool,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
    pub body: String,
    pub created_at: String,
    /// Ids of this ticket's attachments (SPEC §7.6 Resolution).
    pub attachments: Vec<String>,
}

/// A ticket as staff (or sync) open it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewTicket {
    /// An id, a phone in any format, or an e-mail.
    pub customer_ref: String,
    pub subject: String,
    pub description: String,
    /// Defaults: high for gold, platinum and VIP customers and for complaints; else medium.
    pub priority: Option<Priority>,
    /// Defaults to what the description's intent proposes.
    pub category: Option<Category>,
    pub subcategory: Option<String>,
    pub channel: Option<Channel>,
    /// The order's id or its number.
    pub order_ref: Option<String>,
}

const TICKET_COLUMNS: &str = "t.id, t.ticket_number, t.customer_id, c.first_name || ' ' || c.last_name AS customer_name, t.store_id,
     t.subject, t.description, t.priority, t.category, t.subcategory, t.status, t.channel, t.order_id,
     (SELECT order_number FROM orders o WHERE o.id = t.order_id) AS order_number, t.assigned_to,
     (SELECT display_name FROM staff_users s WHERE s.id = t.assigned_to) AS assignee_name, t.assigned_at, t.intent,
     t.satisfaction_rating, t.first_response_minutes, t.resolution_minutes, t.reopened_count, t.escalated, t.escalated_at,
     t.related_ticket_id, t.merged_into, t.first_response_due, t.resolution_due, t.message_count, t.last_message_at,
     t.created_at, t.updated_at, t.resolved_at, t.closed_at";

fn ticket_from_row(row: &sqlx::sqlite::SqliteRow) -> Ticket {
    let intent: Option<String> = row.get("intent");
    Ticket {
        id: row.get("id"),
        ticket_number: row.get("ticket_number"),
        customer_id: row.get("customer_id"),
        customer_name: row.get::<String, _>("customer_name").trim().to_string(),
        store_id: row.get("store_id"),
        subject: row.get("subject"),
        description: row.get("description"),
        priority: Priority::parse(row.get("priority")).unwrap_or(Priority::Medium),
        category: Category::parse(row.get("category")).unwrap_or(Category::Other),
        subcategory: row.get("subcategory"),
        status: TicketStatus::parse(row.get("status")).unwrap_or(TicketStatus::Open),
        channel: Channel::parse(row.get("channel")).unwrap_or(Channel::Platform),
        order_id: row.get("order_id"),
        order_number: row.get("order_number"),
        assigned_to: row.get("assigned_to"),
        assignee_name: row.get("assignee_name"),
        assigned_at: row.get("assigned_at"),
        intent: intent.and_then(|i| serde_json::from_value(serde_json::Value::String(i)).ok()),
        satisfaction_rating: row.get("satisfaction_rating"),
        first_response_time: row.get("first_response_minutes"),
        resolution_time: row.get::<Option<i64>, _>("resolution_minutes").map(|m| (m as f64 / 60.0 * 100.0).round() / 100.0),
        reopened_count: row.get("reopened_count"),
        escalated: row.get("escalated"),
        escalated_at: row.get("escalated_at"),
        related_ticket_id: row.get("related_ticket_id"),
        merged_into: row.get("merged_into"),
        first_response_due: row.get("first_response_due"),
        resolution_due: row.get("resolution_due"),
        message_count: row.get("message_count"),
        last_message_at: row.get("last_message_at"),
        created_at: row.get("created_at"),
        updated_at: row.get("updated_at"),
        resolved_at: row.get("resolved_at"),
        closed_at: row.get("closed_at"),
    }
}

async fn load(conn: &mut SqliteConnection, id: &str) -> Result<Ticket> {
    let row = sqlx::query(&format!("SELECT {TICKET_COLUMNS} FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| CoreError::TicketNotFound(id.to_string()))?;
    Ok(ticket_from_row(&row))
}

/// A ticket's id from its id or its number (`T-A7K-2611-0042`, any case).
pub async fn resolve_ref(pool: &SqlitePool, reference: &str) -> Result<String> {
    let reference = reference.trim();
    sqlx::query_scalar("SELECT id FROM tickets WHERE id = ?1 OR ticket_number = upper(?1)")
        .bind(reference)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| CoreError::TicketNotFound(reference.to_string()))
}

pub async fn get(pool: &SqlitePool, id: &str) -> Result<Ticket> {
    load(&mut *pool.acquire().await?, id).await
}

fn invalid(field: &str, message_id: &str) -> CoreError {
    CoreError::Invalid(vec![FieldError::new(field, message_id)])
}

/// The longest subject and message staff may write; anything longer is a paste gone wrong.
const MAX_SUBJECT: usize = 200;
const MAX_BODY: usize = 20_000;

fn check_text(field: &str, text: &str, max: usize, errors: &mut Vec<FieldError>) {
    if text.trim().is_empty() {
        errors.push(FieldError::new(field, "error-required"));
    } else if text.chars().count() > max {
        errors.push(FieldError::new(field, "error-too-long").with_arg("max", max));
    }
}

/// The desk's device code for ticket numbers: made once, at random, and kept.
async fn device_code(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<String> {
    const KEY: &str = "support.deviceCode";
    if let Some(code) = crate::settings::get_on::<String>(conn, KEY).await? {
        return Ok(code);
    }
    // No 0/O or 1/I: staff read ticket numbers out over the phone.
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let code: String = {
        let mut rng = rand::thread_rng();
        (0..3).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect()
    };
    crate::settings::set_on(conn, &Actor::Sync, KEY, &code, now).await?;
    Ok(code)
}

/// The next `T-<device>-<yyMM>-<seq>` (SPEC §7.1, proposed).
async fn next_number(conn: &mut SqliteConnection, now: DateTime<Utc>) -> Result<String> {
    let device = device_code(conn, now).await?;
    let period = crate::time::store_date(now).format("%y%m").to_string();
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO ticket_counters (device_code, period, last) VALUES (?, ?, 1)
         ON CONFLICT (device_code, period) DO UPDATE SET last = last + 1 RETURNING last",
    )
    .bind(&device)
    .bind(&period)
    .fetch_one(&mut *conn)
    .await?;
    Ok(format!("T-{device}-{period}-{seq:04}"))
}

async fn push_status(conn: &mut SqliteConnection, ticket_id: &str, status: TicketStatus, actor: &str, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO ticket_status_history (ticket_id, seq, status, at, actor)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM ticket_status_history WHERE ticket_id = ?1), ?2, ?3, ?4)",
    )
    .bind(ticket_id)
    .bind(status.as_str())
    .bind(now.to_rfc3339())
    .bind(actor)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The stretches when a ticket's clocks stood still: waiting on the customer, or resolved
/// (a reopened ticket's clock resumes where it stopped).
pub(crate) fn pauses(history: &[(TicketStatus, DateTime<Utc>)]) -> Vec<Pause> {
    let stops = |s: TicketStatus| matches!(s, TicketStatus::WaitingResponse | TicketStatus::Resolved | TicketStatus::Closed);
    let mut out: Vec<Pause> = Vec::new();
    for (status, at) in history {
        let paused = out.last().is_some_and(|p| p.end.is_none());
        match (paused, stops(*status)) {
            (true, false) => {
                if let Some(last) = out.last_mut() {
                    last.end = Some(*at);
                }
            }
            (false, true) => out.push(Pause { start: *at, end: None }),
            _ => {}
        }
    }
    out
}

/// The two SLA clocks of a ticket as they stand at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SlaView {
    pub first_response: Clock,
    pub resolution: Clock,
}

async fn clocks(conn: &mut SqliteConnection, id: &str, settings: &SlaSettings, now: DateTime<Utc>) -> Result<SlaView> {
    let row = sqlx::query(
        "SELECT priority, status, created_at, resolved_at,
                (SELECT min(created_at) FROM ticket_messages m WHERE m.ticket_id = t.id AND m.sender = 'agent' AND NOT m.internal) AS first_reply
         FROM tickets t WHERE id = ?",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let history: Vec<(String, String)> = sqlx::query_as("SELECT status, at FROM ticket_status_history WHERE ticket_id = ? ORDER BY seq")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    let history: Vec<(TicketStatus, DateTime<Utc>)> = history
        .iter()
        .filter_map(|(s, at)| Some((TicketStatus::parse(s)?, crate::time::parse_instant(at)?)))
        .collect();
    let instant = |column: &str| row.get::<Option<String>, _>(column).as_deref().and_then(crate::time::parse_instant);
    let created = instant("created_at").unwrap_or(now);
    let status = TicketStatus::parse(row.get("status")).unwrap_or(TicketStatus::Open);
    let target = settings.target(Priority::parse(row.get("priority")).unwrap_or(Priority::Medium));
    let pauses = pauses(&history);
    let resolved = if status.is_active() { None } else { instant("resolved_at").or(history.last().map(|h| h.1)) };
    let first_reply = instant("first_reply");
    // A ticket resolved without a reply has nothing left to answer.
    let first_stop = first_reply.or(resolved);
    Ok(SlaView {
        first_response: sla::clock(&settings.calendar, target.first_response_minutes, created, first_stop, &pauses, now),
        resolution: sla::clock(&settings.calendar, target.resolution_minutes, created, resolved, &pauses, now),
    })
}

/// Stores when a ticket's clocks fall due, for the inbox's overdue queue.
async fn retime(conn: &mut SqliteConnection, id: &str, settings: &SlaSettings, now: DateTime<Utc>) -> Result<()> {
    let view = clocks(conn, id, settings, now).await?;
    let next = [&view.first_response.due_at, &view.resolution.due_at].into_iter().flatten().min().cloned();
    sqlx::query(
        "UPDATE tickets SET first_response_due = ?, resolution_due = ?, next_due = ?,
             first_response_breached = ?, resolution_breached = ? WHERE id = ?",
    )
    .bind(&view.first_response.due_at)
    .bind(&view.resolution.due_at)
    .bind(next)
    .bind(view.first_response.breached)
    .bind(view.resolution.breached)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// [`retime`] under the stored SLA settings: after every change to a ticket.
async fn retime_now(conn: &mut SqliteConnection, id: &str, now: DateTime<Utc>) -> Result<()> {
    let settings = sla_on(conn).await?;
    retime(conn, id, &settings, now).await
}

/// Re-times every active ticket (the SLA settings changed).
pub(crate) async fn retime_active(conn: &mut SqliteConnection, settings: &SlaSettings, now: DateTime<Utc>) -> Result<()> {
    let ids: Vec<String> = sqlx::query_scalar(&format!("SELECT id FROM tickets WHERE {ACTIVE}")).fetch_all(&mut *conn).await?;
    for id in ids {
        retime(conn, &id, settings, now).await?;
    }
    Ok(())
}

async fn sla_on(conn: &mut SqliteConnection) -> Result<SlaSettings> {
    Ok(crate::settings::get_on(conn, super::SLA_KEY).await?.unwrap_or_default())
}

async fn support_on(conn: &mut SqliteConnection) -> Result<SupportSettings> {
    Ok(crate::settings::get_on(conn, super::SETTINGS_KEY).await?.unwrap_or_default())
}

async fn smart_on(conn: &mut SqliteConnection) -> Result<intent::SmartReplySettings> {
    Ok(crate::settings::get_on(conn, super::SMART_REPLIES_KEY).await?.unwrap_or_default())
}

/// Opens a ticket (SPEC §7.2: `(new) → open`).
pub async fn create(pool: &SqlitePool, actor: &Actor, new: NewTicket, now: DateTime<Utc>) -> Result<Ticket> {
    let mut tx = pool.begin().await?;
    let id = create_on(&mut tx, actor, new, None, now).await?;
    let ticket = load(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(ticket)
}

pub(crate) async fn create_on(conn: &mut SqliteConnection, actor: &Actor, new: NewTicket, related: Option<&str>, now: DateTime<Utc>) -> Result<String> {
    let mut errors = Vec::new();
    check_text("subject", &new.subject, MAX_SUBJECT, &mut errors);
    check_text("description", &new.description, MAX_BODY, &mut errors);
    let customer_id = match crate::customers::resolve_ref_on(conn, &new.customer_ref).await {
        Ok(id) => Some(id),
        Err(CoreError::CustomerNotFound(_)) => {
            errors.push(FieldError::new("customerRef", "error-customer-not-found").with_arg("ref", new.customer_ref.trim()));
            None
        }
        Err(e) => return Err(e),
    };
    let mut order_id: Option<String> = None;
    if let (Some(customer), Some(reference)) = (&customer_id, new.order_ref.as_deref().map(str::trim).filter(|r| !r.is_empty())) {
        order_id = sqlx::query_scalar("SELECT id FROM orders WHERE customer_id = ?1 AND (id = ?2 OR order_number = ?2) LIMIT 1")
            .bind(customer)
            .bind(reference)
            .fetch_optional(&mut *conn)
            .await?;
        if order_id.is_none() {
            errors.push(FieldError::new("orderRef", "ticket-error-order").with_arg("ref", reference));
        }
    }
    let Some(customer_id) = customer_id.filter(|_| errors.is_empty()) else {
        return Err(CoreError::Invalid(errors));
    };
    let smart = smart_on(conn).await?;
    let detected = intent::detect(&format!("{}\n{}", new.subject, new.description), &smart);
    let segment: String = sqlx::query_scalar("SELECT segment FROM customers WHERE id = ?").bind(&customer_id).fetch_one(&mut *conn).await?;
    let valued = Segment::parse(&segment).is_some_and(|s| s >= Segment::Gold);
    let priority = new.priority.unwrap_or(if valued || detected == Intent::Complaint { Priority::High } else { Priority::Medium });
    let category = new.category.unwrap_or(detected.category());
    let id = uuid::Uuid::now_v7().to_string();
    let number = next_number(conn, now).await?;
    let at = now.to_rfc3339();
    sqlx::query(
        "INSERT INTO tickets (id, ticket_number, customer_id, subject, description, priority, priority_rank, category, subcategory,
             status, channel, order_id, intent, related_ticket_id, last_message_at, last_customer_message_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(&number)
    .bind(&customer_id)
    .bind(new.subject.trim())
    .bind(new.description.trim())
    .bind(priority.as_str())
    .bind(priority.rank())
    .bind(category.as_str())
    .bind(new.subcategory.as_deref().unwrap_or("").trim())
    .bind(new.channel.unwrap_or(Channel::Phone).as_str())
    .bind(&order_id)
    .bind(detected.as_str())
    .bind(related)
    .bind(&at)
    .bind(&at)
    .bind(&at)
    .bind(&at)
    .execute(&mut *conn)
    .await?;
    push_status(conn, &id, TicketStatus::Open, actor.audit_name(), now).await?;
    auto_reply(conn, &id, now).await?;
    retime_now(conn, &id, now).await?;
    Ok(id)
}

/// SPEC §7.7: with auto-reply on, the suggested reply goes out by itself as a `system`
/// message (it does not stop the first-response clock).
async fn auto_reply(conn: &mut SqliteConnection, id: &str, now: DateTime<Utc>) -> Result<()> {
    if !support_on(conn).await?.auto_reply {
        return Ok(());
    }
    let suggestion = suggest_on(conn, id).await?;
    insert_message(conn, id, Sender::System, false, None, &suggestion.reply, now).await?;
    Ok(())
}

async fn insert_message(
    conn: &mut SqliteConnection,
    ticket_id: &str,
    sender: Sender,
    internal: bool,
    author: Option<&str>,
    body: &str,
    now: DateTime<Utc>,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    let at = now.to_rfc3339();
    sqlx::query("INSERT INTO ticket_messages (id, ticket_id, sender, internal, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(&id)
        .bind(ticket_id)
        .bind(sender.as_str())
        .bind(internal)
        .bind(author)
        .bind(body)
        .bind(&at)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE tickets SET message_count = message_count + 1, last_message_at = max(last_message_at, ?1), updated_at = ?1,
             last_customer_message_at = CASE WHEN ?2 THEN ?1 ELSE last_customer_message_at END
         WHERE id = ?3",
    )
    .bind(&at)
    .bind(sender == Sender::Customer)
    .bind(ticket_id)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Moves a ticket to `to`, with what SPEC §7.2 and §7.5 attach to each move.
async fn move_to(conn: &mut SqliteConnection, ticket: &Ticket, to: TicketStatus, actor: &str, now: DateTime<Utc>) -> Result<()> {
    if ticket.status == to {
        return Ok(());
    }
    let at = now.to_rfc3339();
    let created = crate::time::parse_instant(&ticket.created_at).unwrap_or(now);
    let reopened = ticket.status == TicketStatus::Resolved && to == TicketStatus::Open;
    sqlx::query(
        "UPDATE tickets SET status = ?1, updated_at = ?2,
             resolved_at = CASE WHEN ?1 = 'resolved' THEN ?2 ELSE resolved_at END,
             resolution_minutes = CASE WHEN ?1 = 'resolved' THEN ?3 ELSE resolution_minutes END,
             closed_at = CASE WHEN ?1 = 'closed' THEN ?2 ELSE closed_at END,
             reopened_count = reopened_count + ?4
         WHERE id = ?5",
    )
    .bind(to.as_str())
    .bind(&at)
    .bind((now - created).num_minutes())
    .bind(i64::from(reopened))
    .bind(&ticket.id)
    .execute(&mut *conn)
    .await?;
    push_status(conn, &ticket.id, to, actor, now).await?;
    if to == TicketStatus::Resolved {
        // The CSAT request (SPEC §8.3) is sent by messaging; once per resolution.
        crate::segmentation::record_notification(
            conn,
            &format!("csat_request:{}:{}", ticket.id, ticket.reopened_count),
            &ticket.customer_id,
            "csat_request",
            &serde_json::json!({ "ticketId": ticket.id, "ticketNumber": ticket.ticket_number }),
            now,
        )
        .await?;
    }
    Ok(())
}

/// Staff choose a status (SPEC §7.2); anything the table does not allow is refused with
/// both statuses named, and nothing changes.
pub async fn set_status(pool: &SqlitePool, actor: &Actor, id: &str, to: TicketStatus, now: DateTime<Utc>) -> Result<Ticket> {
    let mut tx = pool.begin().await?;
    let ticket = load(&mut tx, id).await?;
    status::check(ticket.status, to).map_err(|e| CoreError::Invalid(vec![e]))?;
    move_to(&mut tx, &ticket, to, actor.audit_name(), now).await?;
    retime_now(&mut tx, id, now).await?;
    let ticket = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(ticket)
}

/// What kind of message staff are adding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReplyKind {
    /// Sent to the customer on the ticket's channel.
    Reply,
    /// Staff only.
    Note,
}

/// An agent writes on a ticket: a reply (which starts the work on an open ticket and
/// stops the first-response clock) or an internal note. A reply with a `{{placeholder}}`
/// left in it is refused.
pub async fn reply(pool: &SqlitePool, actor: &Actor, id: &str, kind: ReplyKind, body: &str, now: DateTime<Utc>) -> Result<Message> {
    let mut errors = Vec::new();
    check_text("body", body, MAX_BODY, &mut errors);
    if kind == ReplyKind::Reply {
        if let Some(placeholder) = super::template::unfilled(body) {
            errors.push(FieldError::new("body", "ticket-error-placeholder").with_arg("placeholder", placeholder));
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let mut tx = pool.begin().await?;
    let ticket = load(&mut tx, id).await?;
    let after = status::on_event(ticket.status, Event::AgentReply).map_err(|e| CoreError::Invalid(vec![e]))?;
    let author = match actor {
        Actor::Staff(user) => Some(user.id.as_str()),
        _ => None,
    };
    let message_id = insert_message(&mut tx, id, Sender::Agent, kind == ReplyKind::Note, author, body.trim(), now).await?;
    if kind == ReplyKind::Reply {
        if ticket.first_response_time.is_none() {
            let created = crate::time::parse_instant(&ticket.created_at).unwrap_or(now);
            sqlx::query("UPDATE tickets SET first_response_minutes = ? WHERE id = ?")
                .bind((now - created).num_minutes())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let After::Status(to) = after {
            move_to(&mut tx, &ticket, to, actor.audit_name(), now).await?;
        }
    }
    retime_now(&mut tx, id, now).await?;
    let message = load_message(&mut tx, &message_id).await?;
    tx.commit().await?;
    Ok(message)
}

/// Where a customer's message landed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerMessageOutcome {
    pub ticket: Ticket,
    pub message: Message,
    /// True when the ticket was closed, so the message opened a new one (SPEC §7.2).
    pub new_ticket: bool,
}

/// A customer writes on a ticket (from sync, or staff typing in what came by phone): a
/// waiting ticket goes back to work, a resolved one reopens, a closed one is followed up
/// by a new ticket that refers to it.
pub async fn customer_message(pool: &SqlitePool, actor: &Actor, id: &str, body: &str, now: DateTime<Utc>) -> Result<CustomerMessageOutcome> {
    let mut errors = Vec::new();
    check_text("body", body, MAX_BODY, &mut errors);
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let mut tx = pool.begin().await?;
    let ticket = load(&mut tx, id).await?;
    let after = status::on_event(ticket.status, Event::CustomerMessage).map_err(|e| CoreError::Invalid(vec![e]))?;
    let (target, new_ticket) = match after {
        After::NewTicket => {
            let follow_up = NewTicket {
                customer_ref: ticket.customer_id.clone(),
                subject: ticket.subject.clone(),
                description: body.to_string(),
                priority: None,
                category: None,
                subcategory: None,
                channel: Some(ticket.channel),
                order_ref: ticket.order_id.clone(),
            };
            (create_on(&mut tx, actor, follow_up, Some(&ticket.id), now).await?, true)
        }
        After::Status(to) => {
            move_to(&mut tx, &ticket, to, actor.audit_name(), now).await?;
            (ticket.id.clone(), false)
        }
    };
    let message_id = insert_message(&mut tx, &target, Sender::Customer, false, None, body.trim(), now).await?;
    // The latest message says what the customer wants now; a complaint raises the priority.
    let smart = smart_on(&mut tx).await?;
    let detected = intent::detect(body, &smart);
    sqlx::query(
        "UPDATE tickets SET intent = ?1,
             priority = CASE WHEN ?2 AND priority_rank < 2 THEN 'high' ELSE priority END,
             priority_rank = CASE WHEN ?2 AND priority_rank < 2 THEN 2 ELSE priority_rank END
         WHERE id = ?3",
    )
    .bind(detected.as_str())
    .bind(detected == Intent::Complaint)
    .bind(&target)
    .execute(&mut *tx)
    .await?;
    if !new_ticket {
        auto_reply(&mut tx, &target, now).await?;
    }
    retime_now(&mut tx, &target, now).await?;
    let outcome = CustomerMessageOutcome { ticket: load(&mut tx, &target).await?, message: load_message(&mut tx, &message_id).await?, new_ticket };
    tx.commit().await?;
    Ok(outcome)
}

const MESSAGE_COLUMNS: &str = "m.id, m.ticket_id, m.sender, m.internal, m.author_id, s.display_name AS author_name, m.body, m.created_at,
     (SELECT json_group_array(a.id) FROM ticket_attachments a WHERE a.message_id = m.id) AS attachments";

fn message_from_row(row: &sqlx::sqlite::SqliteRow) -> Message {
    let attachments: Option<String> = row.get("attachments");
    Message {
        id: row.get("id"),
        ticket_id: row.get("ticket_id"),
        sender: Sender::parse(row.get("sender")).unwrap_or(Sender::System),
        internal: row.get("internal"),
        author_id: row.get("author_id"),
        author_name: row.get("author_name"),
        body: row.get("body"),
        created_at: row.get("created_at"),
        attachments: attachments.and_then(|a| serde_json::from_str(&a).ok()).unwrap_or_default(),
    }
}

async fn load_message(conn: &mut SqliteConnection, id: &str) -> Result<Message> {
    let row = sqlx::query(&format!("SELECT {MESSAGE_COLUMNS} FROM ticket_messages m LEFT JOIN staff_users s ON s.id = m.author_id WHERE m.id = ?"))
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(message_from_row(&row))
}

/// A ticket's conversation, oldest first (merged tickets' messages interleaved by time).
pub async fn messages(pool: &SqlitePool, id: &str) -> Result<Vec<Message>> {
    let rows = sqlx::query(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM ticket_messages m LEFT JOIN staff_users s ON s.id = m.author_id
         WHERE m.ticket_id = ? ORDER BY m.created_at, m.id"
    ))
    .bind(id)
    .fetch_all(pool)
    .await?;
    Ok(rows.iter().map(message_from_row).collect())
}

/// Who to assign: a named staff user, nobody, or the next available agent in turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum Assignee {
    Staff { id: String },
    Nobody,
    RoundRobin,
}

const ROUND_ROBIN_KEY: &str = "support.roundRobinLast";

/// Assigns (or unassigns) a ticket. Assigning an open ticket starts the work on it;
/// unassigning is allowed only while open or in progress (SPEC §7.2).
pub async fn assign(pool: &SqlitePool, actor: &Actor, id: &str, assignee: Assignee, now: DateTime<Utc>) -> Result<Ticket> {
    let mut tx = pool.begin().await?;
    let ticket = load(&mut tx, id).await?;
    let staff_id = match assignee {
        Assignee::Staff { id } => {
            let known: Option<String> = sqlx::query_scalar("SELECT id FROM staff_users WHERE id = ?").bind(&id).fetch_optional(&mut *tx).await?;
            Some(known.ok_or_else(|| invalid("assignedTo", "ticket-error-unknown-agent"))?)
        }
        Assignee::Nobody => None,
        Assignee::RoundRobin => {
            let last: Option<String> = crate::settings::get_on(&mut tx, ROUND_ROBIN_KEY).await?;
            let agents: Vec<String> =
                sqlx::query_scalar("SELECT id FROM staff_users WHERE available ORDER BY created_at, id").fetch_all(&mut *tx).await?;
            let next = match last.and_then(|l| agents.iter().position(|a| *a == l)) {
                Some(i) => agents.get((i + 1) % agents.len()).cloned(),
                None => agents.first().cloned(),
            };
            let next = next.ok_or_else(|| invalid("assignedTo", "ticket-error-no-agent-available"))?;
            crate::settings::set_on(&mut tx, actor, ROUND_ROBIN_KEY, &next, now).await?;
            Some(next)
        }
    };
    let event = if staff_id.is_some() { Event::Assigned } else { Event::Unassigned };
    let after = status::on_event(ticket.status, event).map_err(|e| CoreError::Invalid(vec![e]))?;
    sqlx::query("UPDATE tickets SET assigned_to = ?, assigned_at = ?, updated_at = ? WHERE id = ?")
        .bind(&staff_id)
        .bind(staff_id.as_ref().map(|_| now.to_rfc3339()))
        .bind(now.to_rfc3339())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let After::Status(to) = after {
        move_to(&mut tx, &ticket, to, actor.audit_name(), now).await?;
    }
    retime_now(&mut tx, id, now).await?;
    let ticket = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(ticket)
}

/// Records the customer's 1–5 rating of a resolved (or closed) ticket; it feeds their
/// satisfaction score (SPEC §2.6: the mean of their ratings, one decimal).
pub async fn rate(pool: &SqlitePool, id: &str, rating: i64, now: DateTime<Utc>) -> Result<Ticket> {
    if !(1..=5).contains(&rating) {
        return Err(invalid("satisfactionRating", "ticket-error-rating"));
    }
    let mut tx = pool.begin().await?;
    let ticket = load(&mut tx, id).await?;
    if ticket.status.is_active() {
        return Err(invalid("satisfactionRating", "ticket-error-rating-unresolved"));
    }
    sqlx::query("UPDATE tickets SET satisfaction_rating = ?, updated_at = ? WHERE id = ?")
        .bind(rating)
        .bind(now.to_rfc3339())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    update_satisfaction(&mut tx, &ticket.customer_id).await?;
    let ticket = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(ticket)
}

/// The customer's satisfaction score from all their ratings, as a one-decimal text, or
/// null before the first (SPEC §2.6).
pub(crate) async fn update_satisfaction(conn: &mut SqliteConnection, customer_id: &str) -> Result<()> {
    let (count, sum): (i64, i64) = sqlx::query_as(
        "SELECT count(satisfaction_rating), coalesce(sum(satisfaction_rating), 0) FROM tickets WHERE customer_id = ? AND merged_into IS NULL",
    )
    .bind(customer_id)
    .fetch_one(&mut *conn)
    .await?;
    let score = (count > 0).then(|| {
        // Half up at one decimal, in integers: tenths = round(10 × sum / count).
        let tenths = (20 * sum + count) / (2 * count);
        format!("{}.{}", tenths / 10, tenths % 10)
    });
    sqlx::query("UPDATE customers SET satisfaction_score = ? WHERE id = ?").bind(score).bind(customer_id).execute(&mut *conn).await?;
    Ok(())
}

/// Merges `other` into `keep`: both must be the same customer's and not closed; the
/// other's messages and attachments join `keep`'s thread (interleaved by time) and the
/// other is closed with a link to `keep`.
pub async fn merge(pool: &SqlitePool, actor: &Actor, keep: &str, other: &str, now: DateTime<Utc>) -> Result<Ticket> {
    if keep == other {
        return Err(invalid("other", "ticket-error-merge-self"));
    }
    let mut tx = pool.begin().await?;
    let kept = load(&mut tx, keep).await?;
    let merged = load(&mut tx, other).await?;
    if kept.customer_id != merged.customer_id {
        return Err(invalid("other", "ticket-error-merge-customer"));
    }
    if kept.status == TicketStatus::Closed || merged.status == TicketStatus::Closed {
        return Err(invalid("other", "ticket-error-closed"));
    }
    sqlx::query("UPDATE ticket_messages SET ticket_id = ? WHERE ticket_id = ?").bind(keep).bind(other).execute(&mut *tx).await?;
    sqlx::query("UPDATE ticket_attachments SET ticket_id = ? WHERE ticket_id = ?").bind(keep).bind(other).execute(&mut *tx).await?;
    sqlx::query(
        "UPDATE tickets SET message_count = message_count + ?1, last_message_at = max(last_message_at, ?2),
             last_customer_message_at = max(coalesce(last_customer_message_at, ''), coalesce(?3, '')), updated_at = ?4
         WHERE id = ?5",
    )
    .bind(merged.message_count)
    .bind(&merged.last_message_at)
    .bind(sqlx::query_scalar::<_, Option<String>>("SELECT last_customer_message_at FROM tickets WHERE id = ?").bind(other).fetch_one(&mut *tx).await?)
    .bind(now.to_rfc3339())
    .bind(keep)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE tickets SET message_count = 0, merged_into = ?, status = 'closed', closed_at = ?, updated_at = ? WHERE id = ?")
        .bind(keep)
        .bind(now.to_rfc3339())
        .bind(now.to_rfc3339())
        .bind(other)
        .execute(&mut *tx)
        .await?;
    push_status(&mut tx, other, TicketStatus::Closed, actor.audit_name(), now).await?;
    retime_now(&mut tx, keep, now).await?;
    retime_now(&mut tx, other, now).await?;
    update_satisfaction(&mut tx, &kept.customer_id).await?;
    let ticket = load(&mut tx, keep).await?;
    tx.commit().await?;
    Ok(ticket)
}

/// Marks a ticket escalated (SPEC §7.1 Addition; the escalation-rate KPI counts these).
pub async fn escalate(pool: &SqlitePool, id: &str, now: DateTime<Utc>) -> Result<Ticket> {
    let mut tx = pool.begin().await?;
    let ticket = load(&mut tx, id).await?;
    if ticket.status == TicketStatus::Closed {
        return Err(invalid("ticket", "ticket-error-closed"));
    }
    sqlx::query("UPDATE tickets SET escalated = 1, escalated_at = coalesce(escalated_at, ?1), updated_at = ?1 WHERE id = ?2")
        .bind(now.to_rfc3339())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let ticket = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(ticket)
}

/// Records that a staff user has seen a ticket's messages up to now.
pub async fn mark_read(pool: &SqlitePool, staff_id: &str, id: &str, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO ticket_reads (ticket_id, staff_id, read_at) VALUES (?, ?, ?)
         ON CONFLICT (staff_id, ticket_id) DO UPDATE SET read_at = excluded.read_at",
    )
    .bind(id)
    .bind(staff_id)
    .bind(now.to_rfc3339())
    .execute(pool)
    .await?;
    Ok(())
}

/// The smart reply for a ticket: the intent of the customer's latest words and the reply
/// to suggest, in the customer's language, never with an unfilled placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Suggestion {
    pub intent: Intent,
    pub reply: String,
    pub order_number: Option<String>,
    pub proposed_category: Category,
}

pub async fn suggest(pool: &SqlitePool, id: &str) -> Result<Suggestion> {
    suggest_on(&mut *pool.acquire().await?, id).await
}

async fn suggest_on(conn: &mut SqliteConnection, id: &str) -> Result<Suggestion> {
    let ticket = load(conn, id).await?;
    let latest: Option<String> = sqlx::query_scalar(
        "SELECT body FROM ticket_messages WHERE ticket_id = ? AND sender = 'customer' ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let text = latest.unwrap_or_else(|| format!("{}\n{}", ticket.subject, ticket.description));
    let smart = smart_on(conn).await?;
    let detected = intent::detect(&text, &smart);
    // SPEC §7.7: the number in the message, else the ticket's order, else the customer's
    // latest counted order not yet delivered.
    let pending: Option<String> = sqlx::query_scalar(
        "SELECT order_number FROM orders WHERE customer_id = ? AND status IN ('confirmed', 'shipped') ORDER BY created_at DESC LIMIT 1",
    )
    .bind(&ticket.customer_id)
    .fetch_optional(&mut *conn)
    .await?;
    let order_number = intent::order_number_in(&text).or(ticket.order_number.clone()).or(pending);
    let (first_name, language): (String, String) =
        sqlx::query_as("SELECT first_name, preferred_language FROM customers WHERE id = ?").bind(&ticket.customer_id).fetch_one(&mut *conn).await?;
    let context = ReplyContext { first_name: Some(first_name), order_number: order_number.clone(), ticket_number: Some(ticket.ticket_number), ..Default::default() };
    let lang = Lang::parse(&language).unwrap_or_default();
    Ok(Suggestion { intent: detected, reply: intent::suggested_reply(detected, &context, &smart, lang), order_number, proposed_category: detected.category() })
}

/// The customer beside the conversation: who they are to the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerPanel {
    pub id: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub city: Option<String>,
    pub segment: Segment,
    pub lifetime_value: Money,
    pub total_spent: Money,
    #[ts(type = "number")]
    pub total_orders: i64,
    pub satisfaction_score: Option<String>,
    pub recent_orders: Vec<PanelOrder>,
    /// The customer's other tickets still being worked on.
    pub open_tickets: Vec<PanelTicket>,
    /// The customer's loyalty points balance.
    #[ts(type = "number | null")]
    pub loyalty_balance: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PanelOrder {
    pub id: String,
    pub order_number: String,
    pub created_at: String,
    pub status: String,
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PanelTicket {
    pub id: String,
    pub ticket_number: String,
    pub subject: String,
    pub status: TicketStatus,
}

/// Everything the conversation pane shows for one ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TicketDetail {
    pub ticket: Ticket,
    pub messages: Vec<Message>,
    pub attachments: Vec<super::attachments::Attachment>,
    /// Tickets merged into this one.
    pub merged_from: Vec<PanelTicket>,
    pub related_ticket_number: Option<String>,
    pub sla: SlaView,
    pub suggestion: Suggestion,
    pub customer: CustomerPanel,
}

pub async fn detail(pool: &SqlitePool, id: &str, now: DateTime<Utc>) -> Result<TicketDetail> {
    let mut conn = pool.acquire().await?;
    let ticket = load(&mut conn, id).await?;
    let messages = messages(pool, id).await?;
    let attachments = super::attachments::of_ticket(pool, id).await?;
    let panel_ticket = |row: &sqlx::sqlite::SqliteRow| PanelTicket {
        id: row.get("id"),
        ticket_number: row.get("ticket_number"),
        subject: row.get("subject"),
        status: TicketStatus::parse(row.get("status")).unwrap_or(TicketStatus::Closed),
    };
    let merged_from = sqlx::query("SELECT id, ticket_number, subject, status FROM tickets WHERE merged_into = ? ORDER BY created_at")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(panel_ticket)
        .collect();
    let related_ticket_number = match &ticket.related_ticket_id {
        Some(related) => sqlx::query_scalar("SELECT ticket_number FROM tickets WHERE id = ?").bind(related).fetch_optional(&mut *conn).await?,
        None => None,
    };
    let sla_settings = sla_on(&mut conn).await?;
    let sla = clocks(&mut conn, id, &sla_settings, now).await?;
    let suggestion = suggest_on(&mut conn, id).await?;
    let customer = crate::customers::get(pool, &ticket.customer_id).await?;
    let recent_orders = sqlx::query("SELECT id, order_number, created_at, status, total FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 3")
        .bind(&customer.id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| PanelOrder {
            id: row.get("id"),
            order_number: row.get("order_number"),
            created_at: row.get("created_at"),
            status: row.get("status"),
            total: Money::from_dirhams(row.get("total")),
        })
        .collect();
    let open_tickets = sqlx::query(&format!(
        // INDEXED BY: without statistics SQLite would walk every ticket newest first
        // (tickets_created) looking for this customer's, instead of reading theirs.
        "SELECT id, ticket_number, subject, status FROM tickets INDEXED BY tickets_customer
         WHERE customer_id = ? AND id <> ? AND {ACTIVE} ORDER BY created_at DESC LIMIT 10"
    ))
    .bind(&customer.id)
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(panel_ticket)
    .collect();
    let satisfaction_score: Option<String> =
        sqlx::query_scalar("SELECT satisfaction_score FROM customers WHERE id = ?").bind(&customer.id).fetch_one(&mut *conn).await?;
    let panel = CustomerPanel {
        id: customer.id.clone(),
        name: customer.full_name(),
        phone: customer.phone.clone(),
        email: customer.email.clone(),
        city: customer.addresses.iter().find(|a| a.is_default).or(customer.addresses.first()).map(|a| a.city.clone()),
        segment: customer.segmentation.segment,
        lifetime_value: customer.segmentation.lifetime_value,
        total_spent: customer.history.total_spent,
        total_orders: customer.history.total_orders,
        satisfaction_score,
        recent_orders,
        open_tickets,
        loyalty_balance: Some(crate::loyalty::ledger::balance(pool, &customer.id).await?),
    };
    Ok(TicketDetail { ticket, messages, attachments, merged_from, related_ticket_number, sla, suggestion, customer: panel })
}

/// What the periodic job did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AutoTransitions {
    #[ts(type = "number")]
    pub resolved: u64,
    #[ts(type = "number")]
    pub closed: u64,
}

/// SPEC §7.2's automatic moves: a ticket waiting on the customer for the set days is
/// resolved with a `system` message saying so; a ticket resolved for the set days closes.
pub async fn run_auto_transitions(pool: &SqlitePool, now: DateTime<Utc>) -> Result<AutoTransitions> {
    let mut tx = pool.begin().await?;
    let settings = support_on(&mut tx).await?;
    let sla = sla_on(&mut tx).await?;
    let mut done = AutoTransitions::default();
    let since_status = "(SELECT at FROM ticket_status_history h WHERE h.ticket_id = t.id ORDER BY seq DESC LIMIT 1)";
    let waiting: Vec<(String, String)> = sqlx::query_as(&format!(
        "SELECT t.id, c.preferred_language FROM tickets t JOIN customers c ON c.id = t.customer_id
         WHERE t.status = 'waiting_response' AND {since_status} <= ?"
    ))
    .bind((now - chrono::Duration::days(settings.auto_resolve_after_days)).to_rfc3339())
    .fetch_all(&mut *tx)
    .await?;
    for (id, language) in waiting {
        let ticket = load(&mut tx, &id).await?;
        let lang = Lang::parse(&language).unwrap_or_default();
        let days = settings.auto_resolve_after_days.to_string();
        let text = crate::i18n::message(lang, "ticket-auto-resolved", &[("days".to_string(), days)].into_iter().collect());
        insert_message(&mut tx, &id, Sender::System, false, None, &text, now).await?;
        move_to(&mut tx, &ticket, TicketStatus::Resolved, "system", now).await?;
        retime(&mut tx, &id, &sla, now).await?;
        done.resolved += 1;
    }
    let resolved: Vec<String> = sqlx::query_scalar(&format!("SELECT t.id FROM tickets t WHERE t.status = 'resolved' AND {since_status} <= ?"))
        .bind((now - chrono::Duration::days(settings.auto_close_after_days)).to_rfc3339())
        .fetch_all(&mut *tx)
        .await?;
    for id in resolved {
        let ticket = load(&mut tx, &id).await?;
        move_to(&mut tx, &ticket, TicketStatus::Closed, "system", now).await?;
        done.closed += 1;
    }
    tx.commit().await?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn waiting_and_resolved_stretches_pause_the_clocks() {
        let t = |h: u32| Utc.with_ymd_and_hms(2026, 11, 22, h, 0, 0).unwrap();
        let history = [
            (TicketStatus::Open, t(7)),
            (TicketStatus::InProgress, t(8)),
            (TicketStatus::WaitingResponse, t(9)),
            (TicketStatus::InProgress, t(11)),
            (TicketStatus::Resolved, t(12)),
            (TicketStatus::Open, t(14)),
            (TicketStatus::WaitingResponse, t(15)),
        ];
        assert_eq!(
            pauses(&history),
            vec![
                Pause { start: t(9), end: Some(t(11)) },
                Pause { start: t(12), end: Some(t(14)) },
                Pause { start: t(15), end: None },
            ]
        );
    }
}
