use std::path::PathBuf;

use eishro_core::staff::Actor;
use sqlx::SqlitePool;

/// What every command shares: the workspace database and the staff user at this desk.
pub struct AppState {
    pub pool: SqlitePool,
    pub actor: Actor,
    pub db_path: PathBuf,
}
