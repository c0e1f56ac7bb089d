//! The duplicates screen: candidate pairs, merge, undo, and "not the same person".

use chrono::Utc;
use eishro_core::customers::{self, Customer, DuplicatePair, MergeChoices, MergeRecord};
use tauri::State;

use super::{to_payload, CommandResult};
use crate::state::AppState;

#[tauri::command]
pub async fn duplicate_candidates(state: State<'_, AppState>, limit: u32) -> CommandResult<Vec<DuplicatePair>> {
    customers::duplicate_candidates(&state.pool, limit).await.map_err(to_payload)
}

/// Both records in full, for the side-by-side comparison.
#[tauri::command]
pub async fn duplicate_pair(state: State<'_, AppState>, first: String, second: String) -> CommandResult<(Customer, Customer)> {
    let a = customers::get(&state.pool, &first).await.map_err(to_payload)?;
    let b = customers::get(&state.pool, &second).await.map_err(to_payload)?;
    Ok((a, b))
}

#[tauri::command]
pub async fn merge_customers(
    state: State<'_, AppState>,
    survivor: String,
    merged: String,
    choices: MergeChoices,
) -> CommandResult<MergeRecord> {
    customers::merge(&state.pool, &state.actor, &survivor, &merged, &choices, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn undo_merge(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    customers::undo_merge(&state.pool, &state.actor, &id, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn recent_merges(state: State<'_, AppState>) -> CommandResult<Vec<MergeRecord>> {
    customers::recent_merges(&state.pool, 50).await.map_err(to_payload)
}

#[tauri::command]
pub async fn dismiss_duplicate(state: State<'_, AppState>, first: String, second: String) -> CommandResult<()> {
    customers::dismiss_pair(&state.pool, &state.actor, &first, &second, Utc::now()).await.map_err(to_payload)
}
