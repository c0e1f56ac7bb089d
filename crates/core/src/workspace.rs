//! The workspace as a whole: what the app shows on start, and the first-run choice
//! between the demo store and an empty one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::error::Result;
use crate::staff::Actor;
use crate::{customers, demo, settings};

/// How many customers "open the demo store" creates: enough to scroll and search, quick
/// enough to wait for on first start.
pub const DEMO_STORE_CUSTOMERS: u32 = 3000;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppStatus {
    pub customer_count: u32,
    /// True on an empty store whose first-run question was not answered yet.
    pub needs_first_run_choice: bool,
    pub database_path: String,
}

/// How far a long operation (demo store, import) has come, for a progress bar.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

pub async fn status(pool: &SqlitePool, database_path: &str) -> Result<AppStatus> {
    let count = customers::count(pool).await?;
    let answered = settings::get::<bool>(pool, settings::FIRST_RUN_DONE).await?;
    Ok(AppStatus {
        customer_count: count as u32,
        needs_first_run_choice: count == 0 && answered != Some(true),
        database_path: database_path.to_string(),
    })
}

/// Fills an empty store with the demo customers and records the first-run choice.
pub async fn open_demo_store(
    pool: &SqlitePool,
    actor: &Actor,
    now: DateTime<Utc>,
    mut progress: impl FnMut(Progress),
) -> Result<u32> {
    let options = demo::DemoOptions { customers: DEMO_STORE_CUSTOMERS, seed: 2025, now };
    let added = demo::fill(pool, options, |done, total| progress(Progress { done, total })).await?;
    settings::set(pool, actor, settings::FIRST_RUN_DONE, &true, now).await?;
    Ok(added)
}

pub async fn start_empty(pool: &SqlitePool, actor: &Actor, now: DateTime<Utc>) -> Result<()> {
    settings::set(pool, actor, settings::FIRST_RUN_DONE, &true, now).await
}
