//! The workspace as a whole: start-up status, first-run choice and the demo store.

use chrono::Utc;
use eishro_core::workspace::{self, AppStatus};
use tauri::{AppHandle, Emitter, State};

use super::{to_payload, CommandResult};
use crate::state::AppState;

#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> CommandResult<AppStatus> {
    workspace::status(&state.pool, &state.db_path.display().to_string()).await.map_err(to_payload)
}

/// Fills the store with demo customers, emitting `demo-progress` as it goes.
#[tauri::command]
pub async fn open_demo_store(app: AppHandle, state: State<'_, AppState>) -> CommandResult<u32> {
    workspace::open_demo_store(&state.pool, &state.actor, Utc::now(), |progress| {
        let _ = app.emit("demo-progress", progress);
    })
    .await
    .map_err(to_payload)
}

#[tauri::command]
pub async fn start_empty(state: State<'_, AppState>) -> CommandResult<()> {
    workspace::start_empty(&state.pool, &state.actor, Utc::now()).await.map_err(to_payload)
}
