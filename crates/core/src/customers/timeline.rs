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

/// Merges the sources into one list, newest first.
pub fn build(audit: &[AuditEntry], consent: &[ConsentChange], limit: usize) -> Vec<TimelineEntry> {
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
        .collect();
    // Newest first; at the same instant, the consent detail after the edit that carried it.
    entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| (a.kind == "consent").cmp(&(b.kind == "consent"))));
    entries.truncate(limit);
    entries
}
