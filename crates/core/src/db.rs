//! Opening the workspace database: a SQLite file with WAL (readers never wait for the
//! writer), foreign keys on, a busy timeout instead of instant "database is locked", and
//! the embedded migrations applied.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::error::Result;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Opens (creating if needed) the database at `path` and brings its schema up to date.
pub async fn open(path: &Path) -> Result<SqlitePool> {
    configure_sqlite();
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|e| sqlx::Error::Io(e))?;
        }
    }
    let options = SqliteConnectOptions::from_str("sqlite://")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        .pragma("cache_size", format!("-{CACHE_KIB}"))
        .pragma("temp_store", "memory");
    let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// Each connection's page cache, in KiB: the working set of the screens at 1M customers.
pub(crate) const CACHE_KIB: u32 = 131_072;

/// The page cache of a connection running a bulk import of millions of rows. One
/// transaction then dirties gigabytes of pages; with the ordinary cache SQLite spills and
/// rereads them all along (at 1M customers, a fifth of the order import's time). SQLite
/// takes the memory only as pages are touched and gives it back when the cache shrinks
/// again after the import.
pub(crate) const BULK_CACHE_KIB: u32 = 1_048_576;

/// Sets a connection's page cache, in KiB.
pub(crate) async fn set_cache(conn: &mut sqlx::SqliteConnection, kib: u32) -> crate::Result<()> {
    sqlx::query(&format!("PRAGMA cache_size = -{kib}")).execute(conn).await?;
    Ok(())
}

/// Turns off SQLite's memory statistics, process-wide, before the library first starts.
/// With them on, every allocation SQLite makes takes a global mutex; a bulk import makes
/// tens of millions of them, and nothing here reads the statistics. It must run before
/// any connection opens: once SQLite is initialised the call is refused, harmlessly.
fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_config with SQLITE_CONFIG_MEMSTATUS takes one int; it is called
        // once, before this process opens any connection.
        let code = unsafe { rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int) };
        if code != rusqlite::ffi::SQLITE_OK {
            tracing::debug!(code, "SQLite was already initialised; memory statistics stay on");
        }
    });
}

/// Runs `work` through SQLite's C API (rusqlite) on a connection sqlx opened, inside
/// whatever transaction that connection is in. For the bulk paths (imports, recomputes),
/// where sqlx's hand-off of every statement to its worker thread costs more than SQLite's
/// own work. The connection stays locked away from sqlx until `work` returns.
pub(crate) async fn on_c_api<T>(conn: &mut sqlx::SqliteConnection, work: impl FnOnce(&rusqlite::Connection) -> crate::Result<T>) -> crate::Result<T> {
    let mut handle = conn.lock_handle().await?;
    // SAFETY: the handle is an open connection that sqlx cannot use while `handle` is
    // locked, and `handle` outlives `db`; `from_handle` does not close the connection
    // when `db` is dropped.
    let db = unsafe { rusqlite::Connection::from_handle(handle.as_raw_handle().as_ptr()) }?;
    work(&db)
}

/// Environment variable naming the database file; `--db` on the command line wins over it.
pub const DB_ENV: &str = "EISHRO_CRM_DB";

/// The app's identifier, also Tauri's, so the CLI and the desktop app find one database.
pub const APP_ID: &str = "ly.eishro.crm";

/// Where the workspace database lives when nothing says otherwise: `$EISHRO_CRM_DB`, else
/// `crm.db` in the OS app-data folder (`~/.local/share/ly.eishro.crm/` on Linux).
pub fn default_path() -> std::path::PathBuf {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return path.into();
    }
    dirs::data_dir().unwrap_or_else(|| ".".into()).join(APP_ID).join("crm.db")
}
