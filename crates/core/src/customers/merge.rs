//! Duplicates and merging (SPEC §1.2): customers that are probably one person are proposed
//! as pairs with the reason; staff pick the surviving value of each field and merge. A
//! merge keeps the merged record as a hidden tombstone and remembers the survivor as it
//! was, so it can be undone. Nothing is ever merged automatically.
//!
//! The consent and audit logs are append-only, so their rows stay with the merged id; the
//! survivor's profile reads them together. Rows that belong to a customer (orders, tickets,
//! tasks, vouchers) move to the survivor and are listed in the merge record so undo can
//! move them back; loyalty points, whose ledger is append-only, are transferred with
//! their lots, and an undo transfers back what is left of them.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

use super::model::{Customer, CustomerSummary};
use super::{diff, editable_snapshot, store};
use crate::arabic::fold;
use crate::error::{CoreError, FieldError, Result};
use crate::staff::Actor;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DuplicateReason {
    SamePhone,
    SameEmail,
    SameNameAndCity,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DuplicatePair {
    pub first: CustomerSummary,
    pub second: CustomerSummary,
    pub reasons: Vec<DuplicateReason>,
}

/// A name shared by more people than this in one city is a common name, not a duplicate.
const MAX_NAME_GROUP: i64 = 3;

/// Candidate pairs, strongest evidence first.
pub async fn duplicate_candidates(pool: &SqlitePool, limit: u32) -> Result<Vec<DuplicatePair>> {
    let rows = sqlx::query(
        "WITH live AS (SELECT id, phone, email, name_key, city FROM customers WHERE merged_into IS NULL AND deleted_batch IS NULL),
         common_names AS (
             SELECT name_key, city FROM live WHERE name_key <> '' AND city IS NOT NULL
             GROUP BY name_key, city HAVING count(*) BETWEEN 2 AND ?1
         ),
         pairs AS (
             SELECT a.id AS first, b.id AS second, 'samePhone' AS reason
               FROM live a JOIN live b ON b.phone = a.phone AND a.id < b.id
             UNION ALL
             SELECT a.id, b.id, 'sameEmail'
               FROM live a JOIN live b ON b.email = a.email AND a.id < b.id WHERE a.email <> ''
             UNION ALL
             SELECT a.id, b.id, 'sameNameAndCity'
               FROM common_names n
               JOIN live a ON a.name_key = n.name_key AND a.city = n.city
               JOIN live b ON b.name_key = n.name_key AND b.city = n.city AND a.id < b.id
         )
         SELECT first, second, group_concat(reason) AS reasons FROM pairs p
         WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.first_id = p.first AND d.second_id = p.second)
         GROUP BY first, second
         ORDER BY count(*) DESC, max(reason = 'samePhone') DESC, first
         LIMIT ?2",
    )
    .bind(MAX_NAME_GROUP)
    .bind(limit.min(1000))
    .fetch_all(pool)
    .await?;
    let mut ids: Vec<String> = Vec::new();
    for row in &rows {
        ids.push(row.get("first"));
        ids.push(row.get("second"));
    }
    let summaries = summaries_by_id(pool, &ids).await?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            let mut reasons: Vec<DuplicateReason> = row
                .get::<String, _>("reasons")
                .split(',')
                .filter_map(|r| serde_json::from_value(Value::String(r.to_string())).ok())
                .collect();
            reasons.sort();
            reasons.dedup();
            Some(DuplicatePair {
                first: summaries.get(row.get::<&str, _>("first"))?.clone(),
                second: summaries.get(row.get::<&str, _>("second"))?.clone(),
                reasons,
            })
        })
        .collect())
}

async fn summaries_by_id(pool: &SqlitePool, ids: &[String]) -> Result<HashMap<String, CustomerSummary>> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(400) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let sql = format!("SELECT {} FROM customers WHERE id IN ({marks})", store::SUMMARY_COLUMNS);
        let mut query = sqlx::query(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        for row in query.fetch_all(pool).await? {
            let summary = store::summary_from_row(&row);
            found.insert(summary.id.clone(), summary);
        }
    }
    Ok(found)
}

/// Marks a pair as two different people, so it is no longer proposed.
pub async fn dismiss_pair(pool: &SqlitePool, actor: &Actor, a: &str, b: &str, now: DateTime<Utc>) -> Result<()> {
    let (first, second) = if a < b { (a, b) } else { (b, a) };
    sqlx::query("INSERT OR IGNORE INTO duplicate_dismissals (first_id, second_id, at, actor) VALUES (?, ?, ?, ?)")
        .bind(first)
        .bind(second)
        .bind(now.to_rfc3339())
        .bind(actor.audit_name())
        .execute(pool)
        .await?;
    Ok(())
}

/// A field whose value staff take from the merged customer instead of the survivor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MergeField {
    Name,
    Email,
    Phone,
    SecondaryPhone,
    Whatsapp,
    DateOfBirth,
    Gender,
    PreferredLanguage,
    Nationality,
    DefaultAddress,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MergeChoices {
    pub take_from_merged: Vec<MergeField>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeRecord {
    pub id: String,
    pub survivor_id: String,
    pub merged_id: String,
    pub survivor_name: String,
    pub merged_name: String,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub undone_at: Option<DateTime<Utc>>,
}

fn refuse(message_id: &str) -> CoreError {
    CoreError::Invalid(vec![FieldError::new("merge", message_id)])
}

async fn live(tx: &mut store::Tx<'_>, id: &str) -> Result<Customer> {
    let customer = store::get(tx, id).await?.ok_or_else(|| CoreError::CustomerNotFound(id.to_string()))?;
    if store::merged_into(tx, id).await?.is_some() {
        return Err(refuse("merge-error-already-merged"));
    }
    if store::is_deleted(tx, id).await? {
        return Err(CoreError::CustomerNotFound(id.to_string()));
    }
    Ok(customer)
}

/// Merges `merged_id` into `survivor_id` in one transaction.
pub async fn merge(
    pool: &SqlitePool,
    actor: &Actor,
    survivor_id: &str,
    merged_id: &str,
    choices: &MergeChoices,
    now: DateTime<Utc>,
) -> Result<MergeRecord> {
    if survivor_id == merged_id {
        return Err(refuse("merge-error-same"));
    }
    let mut tx = pool.begin().await?;
    let survivor = live(&mut tx, survivor_id).await?;
    let other = live(&mut tx, merged_id).await?;
    let mut after = survivor.clone();
    let take = |field: MergeField| choices.take_from_merged.contains(&field);
    if take(MergeField::Name) {
        after.personal_info.first_name = other.personal_info.first_name.clone();
        after.personal_info.last_name = other.personal_info.last_name.clone();
    }
    if take(MergeField::Email) {
        after.email = other.email.clone();
    }
    if take(MergeField::Phone) {
        after.phone = other.phone.clone();
        after.phone_operator = other.phone_operator;
        after.contact_info.primary_phone = other.phone.clone();
    }
    if take(MergeField::SecondaryPhone) {
        after.contact_info.secondary_phone = other.contact_info.secondary_phone.clone();
    }
    if take(MergeField::Whatsapp) {
        after.contact_info.whatsapp = other.contact_info.whatsapp.clone();
    }
    if take(MergeField::DateOfBirth) {
        after.personal_info.date_of_birth = other.personal_info.date_of_birth;
    }
    if take(MergeField::Gender) {
        after.personal_info.gender = other.personal_info.gender;
    }
    if take(MergeField::PreferredLanguage) {
        after.personal_info.preferred_language = other.personal_info.preferred_language;
    }
    if take(MergeField::Nationality) {
        after.personal_info.nationality = other.personal_info.nationality.clone();
    }
    // Addresses: the survivor keeps its own and gains the other's it does not have; the
    // default is the chosen side's.
    let take_address = take(MergeField::DefaultAddress) && other.default_address().is_some();
    for address in &other.addresses {
        let known = after.addresses.iter().any(|a| fold(&a.city) == fold(&address.city) && fold(&a.area) == fold(&address.area) && a.street == address.street);
        if !known {
            let mut address = address.clone();
            address.is_default = false;
            after.addresses.push(address);
        }
    }
    if take_address {
        let chosen = other.default_address().cloned().expect("checked above");
        for address in &mut after.addresses {
            address.is_default = fold(&address.city) == fold(&chosen.city) && fold(&address.area) == fold(&chosen.area) && address.street == chosen.street;
        }
    }
    for tag in &other.metadata.tags {
        if !after.metadata.tags.contains(tag) {
            after.metadata.tags.push(tag.clone());
        }
    }
    after.metadata.tags.sort();
    let notes = other.metadata.notes.trim();
    if !notes.is_empty() && !after.metadata.notes.contains(notes) {
        after.metadata.notes = if after.metadata.notes.trim().is_empty() { notes.to_string() } else { format!("{}\n{notes}", after.metadata.notes.trim_end()) };
    }
    after.incomplete = after.email.is_empty();
    after.metadata.updated_at = now;
    // The platform id is unique: it moves from the tombstone to the survivor.
    let moves_user_id = survivor.user_id.is_none() && other.user_id.is_some();

    let changes = diff(&editable_snapshot(&survivor), &editable_snapshot(&after));
    store::update_editable(&mut tx, &after).await?;
    if moves_user_id {
        let user_id = other.user_id.clone().unwrap_or_default();
        store::clear_user_id(&mut tx, merged_id).await?;
        store::set_user_id(&mut tx, survivor_id, &user_id).await?;
    }
    store::mark_merged(&mut tx, merged_id, Some(survivor_id), now).await?;

    let record = MergeRecord {
        id: uuid::Uuid::now_v7().to_string(),
        survivor_id: survivor_id.to_string(),
        merged_id: merged_id.to_string(),
        survivor_name: survivor.full_name(),
        merged_name: other.full_name(),
        at: now,
        actor: actor.audit_name().to_string(),
        undone_at: None,
    };
    let mut moved = move_records(&mut tx, merged_id, survivor_id).await?;
    // Points move with their lots; the new lots are remembered for an undo.
    let lots = crate::db::on_c_api(&mut tx, |db| {
        crate::loyalty::ledger::transfer(db, merged_id, survivor_id, None, crate::loyalty::ledger::MERGE_NOTE, actor.audit_name(), now)
    })
    .await?;
    moved.insert(LOYALTY_LOTS.to_string(), lots);
    rederive_both(&mut tx, survivor_id, merged_id, now).await?;
    sqlx::query(
        "INSERT INTO customer_merges (id, survivor_id, merged_id, at, actor, survivor_before, moved)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(survivor_id)
    .bind(merged_id)
    .bind(now.to_rfc3339())
    .bind(actor.audit_name())
    .bind(serde_json::to_string(&survivor).unwrap_or_default())
    .bind(serde_json::to_string(&moved).unwrap_or_default())
    .execute(&mut *tx)
    .await?;
    let mut audit = changes;
    audit.insert("mergedId".into(), json!(merged_id));
    store::insert_audit(&mut tx, now, actor.audit_name(), survivor_id, "merged", &Value::Object(audit)).await?;
    store::insert_audit(&mut tx, now, actor.audit_name(), merged_id, "mergedInto", &json!({ "survivorId": survivor_id })).await?;
    tx.commit().await?;
    Ok(record)
}

/// The records that belong to whoever the customer is, and move to the survivor of a merge
/// (table, id column); a ticket's messages and attachments go with it. The consent log,
/// audit log and segment history stay with the record they were written about; the
/// survivor's profile shows them through `merged_into`.
const MOVABLE: &[(&str, &str)] = &[("orders", "id"), ("tasks", "id"), ("tickets", "id"), ("vouchers", "id")];

/// Where a merge record lists the points lots it gave the survivor. Ledger entries are
/// never rewritten, so points are not moved like the rows above but transferred
/// (`loyalty::ledger::transfer`), and an undo transfers back what is left of them.
const LOYALTY_LOTS: &str = "loyalty_lots";

/// Moves every movable record of `from` to `to`, returning what moved (per table, by id)
/// so an undo can move exactly those back.
async fn move_records(tx: &mut store::Tx<'_>, from: &str, to: &str) -> Result<BTreeMap<String, Vec<String>>> {
    let mut moved = BTreeMap::new();
    for (table, column) in MOVABLE {
        let ids: Vec<String> = sqlx::query_scalar(&format!("SELECT {column} FROM {table} WHERE customer_id = ?")).bind(from).fetch_all(&mut **tx).await?;
        sqlx::query(&format!("UPDATE {table} SET customer_id = ? WHERE customer_id = ?")).bind(to).bind(from).execute(&mut **tx).await?;
        moved.insert(table.to_string(), ids);
    }
    Ok(moved)
}

/// Orders moved, so both customers' history and tier are derived again (silently: a merge
/// is not an order event and announces nothing).
async fn rederive_both(tx: &mut store::Tx<'_>, survivor_id: &str, merged_id: &str, now: DateTime<Utc>) -> Result<()> {
    let settings = crate::segmentation::settings_on(tx).await?;
    for id in [survivor_id, merged_id] {
        crate::segmentation::rederive(tx, id, &settings, now, &crate::segmentation::Reason::Merge).await?;
        // Ticket ratings moved with the tickets.
        crate::support::tickets::update_satisfaction(tx, id).await?;
    }
    Ok(())
}

/// Undoes a merge: the merged customer is live again and the survivor is as it was. Refused
/// when the survivor was edited or merged again since, because undo would lose that work.
pub async fn undo_merge(pool: &SqlitePool, actor: &Actor, merge_id: &str, now: DateTime<Utc>) -> Result<()> {
    let mut tx = pool.begin().await?;
    let row = sqlx::query("SELECT survivor_id, merged_id, at, survivor_before, moved, undone_at FROM customer_merges WHERE id = ?")
        .bind(merge_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| refuse("merge-error-unknown"))?;
    if row.get::<Option<String>, _>("undone_at").is_some() {
        return Err(refuse("merge-error-already-undone"));
    }
    let survivor_id: String = row.get("survivor_id");
    let merged_id: String = row.get("merged_id");
    let at: String = row.get("at");
    let survivor = live(&mut tx, &survivor_id).await?;
    if survivor.metadata.updated_at.to_rfc3339() != at {
        return Err(refuse("merge-error-changed-since"));
    }
    let before: Customer = serde_json::from_str(row.get("survivor_before")).map_err(|_| refuse("merge-error-unknown"))?;
    if before.user_id.is_none() && survivor.user_id.is_some() {
        let user_id = survivor.user_id.clone().unwrap_or_default();
        store::clear_user_id(&mut tx, &survivor_id).await?;
        store::set_user_id(&mut tx, &merged_id, &user_id).await?;
    }
    store::update_editable(&mut tx, &before).await?;
    store::mark_merged(&mut tx, &merged_id, None, now).await?;
    // What the merge moved goes back; what arrived for the survivor since stays with it.
    let moved: BTreeMap<String, Vec<String>> = serde_json::from_str(row.get("moved")).unwrap_or_default();
    for (table, column) in MOVABLE {
        for id in moved.get(*table).into_iter().flatten() {
            sqlx::query(&format!("UPDATE {table} SET customer_id = ? WHERE {column} = ? AND customer_id = ?"))
                .bind(&merged_id)
                .bind(id)
                .bind(&survivor_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    // The points the merge brought go back as far as they are still there: what the
    // survivor spent meanwhile stays spent.
    let lots = moved.get(LOYALTY_LOTS).cloned().unwrap_or_default();
    if !lots.is_empty() {
        crate::db::on_c_api(&mut tx, |db| {
            crate::loyalty::ledger::transfer(db, &survivor_id, &merged_id, Some(&lots), crate::loyalty::ledger::MERGE_UNDONE_NOTE, actor.audit_name(), now)
        })
        .await?;
    }
    rederive_both(&mut tx, &survivor_id, &merged_id, now).await?;
    sqlx::query("UPDATE customer_merges SET undone_at = ?, undone_by = ? WHERE id = ?")
        .bind(now.to_rfc3339())
        .bind(actor.audit_name())
        .bind(merge_id)
        .execute(&mut *tx)
        .await?;
    store::insert_audit(&mut tx, now, actor.audit_name(), &survivor_id, "mergeUndone", &json!({ "mergedId": merged_id })).await?;
    store::insert_audit(&mut tx, now, actor.audit_name(), &merged_id, "mergeUndone", &json!({ "survivorId": survivor_id })).await?;
    tx.commit().await?;
    Ok(())
}

/// Recent merges, newest first, for the history list with its undo buttons.
pub async fn recent_merges(pool: &SqlitePool, limit: u32) -> Result<Vec<MergeRecord>> {
    let rows = sqlx::query(
        "SELECT m.id, m.survivor_id, m.merged_id, m.at, m.actor, m.undone_at,
                s.first_name || ' ' || s.last_name AS survivor_name,
                o.first_name || ' ' || o.last_name AS merged_name
         FROM customer_merges m
         JOIN customers s ON s.id = m.survivor_id
         JOIN customers o ON o.id = m.merged_id
         ORDER BY m.at DESC, m.id DESC LIMIT ?",
    )
    .bind(limit.min(500))
    .fetch_all(pool)
    .await?;
    let time = |s: Option<String>| s.and_then(|t| DateTime::parse_from_rfc3339(&t).ok()).map(|t| t.with_timezone(&Utc));
    Ok(rows
        .iter()
        .map(|r| MergeRecord {
            id: r.get("id"),
            survivor_id: r.get("survivor_id"),
            merged_id: r.get("merged_id"),
            survivor_name: r.get("survivor_name"),
            merged_name: r.get("merged_name"),
            at: time(r.get("at")).unwrap_or_default(),
            actor: r.get("actor"),
            undone_at: time(r.get("undone_at")),
        })
        .collect())
}
