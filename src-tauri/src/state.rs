use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use eishro_core::staff::Actor;
use sqlx::SqlitePool;

/// What every command shares: the workspace database and the staff user at this desk.
pub struct AppState {
    pub pool: SqlitePool,
    pub actor: Actor,
    pub db_path: PathBuf,
    /// Set by `cancel_import`; the running import rolls back.
    pub import_cancel: AtomicBool,
}
