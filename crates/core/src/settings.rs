//! Workspace settings (SPEC: "a value the merchant can change in the app"), stored as
//! JSON per key so each module owns the shape of its own settings.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::SqlitePool;

use crate::error::Result;
use crate::staff::Actor;

/// Set once the first-run screen was answered, so an empty store is not offered the demo
/// again on every start.
pub const FIRST_RUN_DONE: &str = "app.firstRunDone";

pub async fn get<T: DeserializeOwned>(pool: &SqlitePool, key: &str) -> Result<Option<T>> {
    get_on(&mut *pool.acquire().await?, key).await
}

/// The same on a connection, so a use-case reads settings inside its own transaction.
pub async fn get_on<T: DeserializeOwned>(conn: &mut sqlx::SqliteConnection, key: &str) -> Result<Option<T>> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(value.and_then(|v| serde_json::from_str(&v).ok()))
}

pub async fn set<T: Serialize>(pool: &SqlitePool, actor: &Actor, key: &str, value: &T, now: DateTime<Utc>) -> Result<()> {
    set_on(&mut *pool.acquire().await?, actor, key, value, now).await
}

/// The same on a connection, so a use-case can save a setting in its own transaction.
pub async fn set_on<T: Serialize>(conn: &mut sqlx::SqliteConnection, actor: &Actor, key: &str, value: &T, now: DateTime<Utc>) -> Result<()> {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_string());
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by",
    )
    .bind(key)
    .bind(json)
    .bind(now.to_rfc3339())
    .bind(actor.audit_name())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
