//! What every storage test starts from: a fixed "now" and a fresh database on a real file
//! with the migrations applied and the owner signed in.

use chrono::{DateTime, TimeZone, Utc};
use eishro_core::db;
use eishro_core::staff::{self, Actor};
use sqlx::SqlitePool;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 0).unwrap()
}

pub async fn fresh() -> (tempfile::TempDir, SqlitePool, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let pool = db::open(&dir.path().join("crm.db")).await.unwrap();
    let owner = staff::ensure_owner(&pool, now()).await.unwrap();
    (dir, pool, Actor::Staff(owner))
}
