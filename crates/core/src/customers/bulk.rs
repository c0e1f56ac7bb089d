//! Bulk actions over a selection or a whole filtered result, not only the rows on screen:
//! each is one statement per table inside one transaction, whatever the count.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments, SqlitePool};
use ts_rs::TS;

use super::filter::CustomerFilter;
use super::validate::MAX_TAG_LEN;
use crate::error::{CoreError, FieldError, Result};
use crate::staff::Actor;

/// Which customers a bulk action covers.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum BulkTarget {
    /// The customers staff ticked.
    Selection { ids: Vec<String> },
    /// Every customer the filter selects.
    Filter { filter: CustomerFilter },
}

impl BulkTarget {
    /// `SELECT id FROM customers c WHERE …` for the target, with its arguments.
    fn ids_sql(&self) -> (String, SqliteArguments<'static>) {
        match self {
            BulkTarget::Filter { filter } => {
                let (condition, args) = filter.condition();
                (format!("SELECT c.id FROM customers c WHERE {condition}"), args)
            }
            BulkTarget::Selection { ids } => {
                let mut args = SqliteArguments::default();
                for id in ids {
                    args.add(id.clone()).expect("a string always binds");
                }
                let marks = vec!["?"; ids.len().max(1)].join(", ");
                let marks = if ids.is_empty() { "NULL".to_string() } else { marks };
                (format!("SELECT c.id FROM customers c WHERE {} AND c.id IN ({marks})", super::store::LIVE_C), args)
            }
        }
    }
}

fn clean_tag(tag: &str) -> Result<String> {
    let tag = tag.trim();
    if tag.is_empty() {
        return Err(CoreError::Invalid(vec![FieldError::new("tag", "error-required")]));
    }
    if tag.chars().count() > MAX_TAG_LEN {
        return Err(CoreError::Invalid(vec![FieldError::new("tag", "error-too-long").with_arg("max", MAX_TAG_LEN)]));
    }
    Ok(tag.to_string())
}

/// Adds `tag` to every targeted customer that lacks it; returns how many gained it.
pub async fn add_tag(pool: &SqlitePool, actor: &Actor, target: &BulkTarget, tag: &str, now: DateTime<Utc>) -> Result<u64> {
    change_tag(pool, actor, target, &clean_tag(tag)?, true, now).await
}

/// Removes `tag` from every targeted customer that has it; returns how many lost it.
pub async fn remove_tag(pool: &SqlitePool, actor: &Actor, target: &BulkTarget, tag: &str, now: DateTime<Utc>) -> Result<u64> {
    change_tag(pool, actor, target, &clean_tag(tag)?, false, now).await
}

async fn change_tag(pool: &SqlitePool, actor: &Actor, target: &BulkTarget, tag: &str, add: bool, now: DateTime<Utc>) -> Result<u64> {
    let mut tx = pool.begin().await?;
    // The customers that will actually change, written down first so the audit log and
    // the count name exactly them.
    sqlx::query("CREATE TEMP TABLE IF NOT EXISTS bulk_ids (id TEXT PRIMARY KEY)").execute(&mut *tx).await?;
    sqlx::query("DELETE FROM bulk_ids").execute(&mut *tx).await?;
    let (ids_sql, mut args) = target.ids_sql();
    args.add(tag.to_string()).map_err(sqlx::Error::Encode)?;
    let presence = if add { "NOT EXISTS" } else { "EXISTS" };
    let sql = format!(
        "INSERT INTO bulk_ids (id) SELECT id FROM ({ids_sql}) t
         WHERE {presence} (SELECT 1 FROM customer_tags g WHERE g.customer_id = t.id AND g.tag = ?)"
    );
    let affected = sqlx::query_with(&sql, args).execute(&mut *tx).await?.rows_affected();
    if add {
        sqlx::query("INSERT INTO customer_tags (customer_id, tag) SELECT id, ? FROM bulk_ids").bind(tag).execute(&mut *tx).await?;
    } else {
        sqlx::query("DELETE FROM customer_tags WHERE tag = ? AND customer_id IN (SELECT id FROM bulk_ids)")
            .bind(tag)
            .execute(&mut *tx)
            .await?;
    }
    let changes = serde_json::json!({ "metadata.tags": { if add { "added" } else { "removed" }: tag } }).to_string();
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
         SELECT lower(hex(randomblob(16))), ?, ?, 'customer', id, 'bulkTag', ? FROM bulk_ids",
    )
    .bind(now.to_rfc3339())
    .bind(actor.audit_name())
    .bind(changes)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE customers SET updated_at = ? WHERE id IN (SELECT id FROM bulk_ids)")
        .bind(now.to_rfc3339())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM bulk_ids").execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(affected)
}

/// A deletion staff can undo as a whole.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeletionBatch {
    pub id: String,
    #[ts(type = "number")]
    pub count: u64,
}

/// Deletes the targeted customers. They leave every list, search and lookup at once but
/// stay stored (with their consent and change logs) until the batch is restored, so a
/// wrong filter is one click to undo.
pub async fn delete(pool: &SqlitePool, actor: &Actor, target: &BulkTarget, now: DateTime<Utc>) -> Result<DeletionBatch> {
    let batch = uuid::Uuid::now_v7().to_string();
    let mut tx = pool.begin().await?;
    sqlx::query("CREATE TEMP TABLE IF NOT EXISTS bulk_ids (id TEXT PRIMARY KEY)").execute(&mut *tx).await?;
    sqlx::query("DELETE FROM bulk_ids").execute(&mut *tx).await?;
    let (ids_sql, args) = target.ids_sql();
    let count = sqlx::query_with(&format!("INSERT INTO bulk_ids (id) {ids_sql}"), args).execute(&mut *tx).await?.rows_affected();
    sqlx::query("DELETE FROM customers_fts WHERE rowid IN (SELECT rowid FROM customers WHERE id IN (SELECT id FROM bulk_ids))")
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE customers SET deleted_batch = ?, deleted_at = ? WHERE id IN (SELECT id FROM bulk_ids)")
        .bind(&batch)
        .bind(now.to_rfc3339())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
         SELECT lower(hex(randomblob(16))), ?, ?, 'customer', id, 'deleted', json_object('batch', ?) FROM bulk_ids",
    )
    .bind(now.to_rfc3339())
    .bind(actor.audit_name())
    .bind(&batch)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO customer_deletions (id, at, actor, count) VALUES (?, ?, ?, ?)")
        .bind(&batch)
        .bind(now.to_rfc3339())
        .bind(actor.audit_name())
        .bind(count as i64)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM bulk_ids").execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(DeletionBatch { id: batch, count })
}

/// Undoes a deletion: every customer of the batch is back, searchable and counted.
pub async fn restore(pool: &SqlitePool, actor: &Actor, batch: &str, now: DateTime<Utc>) -> Result<u64> {
    let mut tx = pool.begin().await?;
    let restored: Option<Option<String>> = sqlx::query_scalar("SELECT restored_at FROM customer_deletions WHERE id = ?")
        .bind(batch)
        .fetch_optional(&mut *tx)
        .await?;
    match restored {
        None => return Err(CoreError::Invalid(vec![FieldError::new("batch", "delete-error-unknown")])),
        Some(Some(_)) => return Err(CoreError::Invalid(vec![FieldError::new("batch", "delete-error-already-restored")])),
        Some(None) => {}
    }
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM customers WHERE deleted_batch = ?").bind(batch).fetch_all(&mut *tx).await?;
    super::store::undelete(&mut tx, &ids).await?;
    for id in &ids {
        super::store::insert_audit(&mut tx, now, actor.audit_name(), id, "restored", &serde_json::json!({ "batch": batch })).await?;
    }
    sqlx::query("UPDATE customer_deletions SET restored_at = ?, restored_by = ? WHERE id = ?")
        .bind(now.to_rfc3339())
        .bind(actor.audit_name())
        .bind(batch)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(ids.len() as u64)
}
