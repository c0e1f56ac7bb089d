//! The customer's timeline (SPEC §1.8): everything that happened to the customer, newest
//! first, from every source. Each source turns its rows into [`TimelineEntry`]s; orders,
//! tickets, messages, points and segment changes add their kinds as their modules arrive,
//! without the profile screen changing shape.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{AuditEntry, ConsentChange};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    /// Staff user id, `sync`, `customer` or `demo`.
    pub actor: String,
    /// `created`, `updated`, `imported`, `merged`, `mergedInto`, `mergeUndone`, `consent`;
    /// later modules add `order`, `ticket`, `message`, `points`, `segment`.
    pub kind: String,
    /// Field paths the event changed, for edits.
    pub fields: Vec<String>,
    /// Kind-specific values (for `consent`: field, old, new).
    pub detail: BTreeMap<String, String>,
}

/// Orders, tier changes and follow-up tasks about the customer (and customers merged into
/// them), as timeline entries. Read straight from their tables: the timeline only needs a
/// line per event, not the modules' full records.
pub(crate) async fn order_events(conn: &mut sqlx::SqliteConnection, customer_id: &str) -> crate::error::Result<Vec<TimelineEntry>> {
    use sqlx::Row;
    let whose = "(customer_id = ?1 OR customer_id IN (SELECT id FROM customers WHERE merged_into = ?1))";
    let mut entries = Vec::new();
    let orders = sqlx::query(&format!(
        "SELECT order_number, created_at, status, total - refunded_amount AS net FROM orders WHERE {whose} ORDER BY created_at DESC LIMIT 100"
    ))
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?;
    for row in orders {
        entries.push(TimelineEntry {
            at: crate::time::parse_instant(row.get("created_at")).unwrap_or_default(),
            actor: "sync".into(),
            kind: "order".into(),
            fields: Vec::new(),
            detail: BTreeMap::from([
                ("number".to_string(), row.get::<String, _>("order_number")),
                ("status".to_string(), row.get::<String, _>("status")),
                ("net".to_string(), crate::money::Money::from_dirhams(row.get("net")).to_string()),
            ]),
        });
    }
    let changes = sqlx::query(&format!("SELECT previous, segment, at, reason FROM segment_history WHERE {whose} ORDER BY at DESC, rowid DESC LIMIT 100"))
        .bind(customer_id)
        .fetch_all(&mut *conn)
        .await?;
    for row in changes {
        entries.push(TimelineEntry {
            at: crate::time::parse_instant(row.get("at")).unwrap_or_default(),
            actor: "sync".into(),
            kind: "segment".into(),
            fields: Vec::new(),
            detail: BTreeMap::from([
                ("previous".to_string(), row.get::<String, _>("previous")),
                ("segment".to_string(), row.get::<String, _>("segment")),
                ("reason".to_string(), row.get::<String, _>("reason")),
            ]),
        });
    }
    let tasks = sqlx::query(&format!("SELECT type, status, created_at FROM tasks WHERE {whose} ORDER BY created_at DESC LIMIT 100"))
        .bind(customer_id)
        .fetch_all(&mut *conn)
        .await?;
    for row in tasks {
        entries.push(TimelineEntry {
            at: crate::time::parse_instant(row.get("created_at")).unwrap_or_default(),
            actor: "sync".into(),
            kind: "task".into(),
            fields: Vec::new(),
            detail: BTreeMap::from([("type".to_string(), row.get::<String, _>("type")), ("status".to_string(), row.get::<String, _>("status"))]),
        });
    }
    Ok(entries)
}

/// Merges the sources into one list, newest first.
pub fn build(audit: &[AuditEntry], consent: &[ConsentChange], others: Vec<TimelineEntry>, limit: usize) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = audit
        .iter()
        .map(|a| TimelineEntry {
            at: a.at,
            actor: a.actor.clone(),
            kind: a.action.clone(),
            fields: match &a.changes {
                serde_json::Value::Object(map) if matches!(a.action.as_str(), "updated" | "imported" | "merged") => {
                    map.keys().filter(|k| !k.ends_with("Id")).cloned().collect()
                }
                _ => Vec::new(),
            },
            detail: BTreeMap::new(),
        })
        .chain(consent.iter().filter(|c| c.old_value.is_some()).map(|c| TimelineEntry {
            at: c.changed_at,
            actor: c.changed_by.clone(),
            kind: "consent".to_string(),
            fields: vec![c.field.clone()],
            detail: BTreeMap::from([
                ("field".to_string(), c.field.clone()),
                ("old".to_string(), c.old_value.clone().unwrap_or_default()),
                ("new".to_string(), c.new_value.clone()),
            ]),
        }))
        .chain(others)
        .collect();
    // Newest first; at the same instant, the consent detail after the edit that carried it.
    entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| (a.kind == "consent").cmp(&(b.kind == "consent"))));
    entries.truncate(limit);
    entries
}
