//! Customer commands: thin adapters over `eishro_core::customers`.

use chrono::Utc;
use eishro_core::customers::{
    self, CreateOptions, Customer, CustomerDraft, CustomerFilter, CustomerPage, CustomerProfile, CustomerSort, CustomerSummary, SavedView, BulkTarget, DeletionBatch,
    CustomFieldDefinition,
};
use tauri::State;

use super::{to_payload, CommandResult};
use crate::state::AppState;

#[tauri::command]
pub async fn search_customers(state: State<'_, AppState>, query: String, limit: u32) -> CommandResult<Vec<CustomerSummary>> {
    customers::search(&state.pool, &query, limit).await.map_err(to_payload)
}

#[tauri::command]
pub async fn list_customers(
    state: State<'_, AppState>,
    filter: CustomerFilter,
    sort: CustomerSort,
    offset: u32,
    limit: u32,
) -> CommandResult<CustomerPage> {
    customers::list(&state.pool, &filter, sort, offset, limit).await.map_err(to_payload)
}

#[tauri::command]
pub async fn customer_profile(state: State<'_, AppState>, id: String) -> CommandResult<CustomerProfile> {
    customers::profile(&state.pool, &id).await.map_err(to_payload)
}

#[tauri::command]
pub async fn create_customer(
    state: State<'_, AppState>,
    draft: CustomerDraft,
    confirm_duplicate: bool,
) -> CommandResult<Customer> {
    let options = CreateOptions { now: Utc::now(), confirm_duplicate };
    customers::create(&state.pool, &state.actor, &draft, options).await.map_err(to_payload)
}

#[tauri::command]
pub async fn update_customer(state: State<'_, AppState>, id: String, draft: CustomerDraft) -> CommandResult<Customer> {
    customers::update(&state.pool, &state.actor, &id, &draft, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn saved_views(state: State<'_, AppState>) -> CommandResult<Vec<SavedView>> {
    customers::saved_views(&state.pool, &state.actor).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_view(state: State<'_, AppState>, view: SavedView) -> CommandResult<Vec<SavedView>> {
    customers::save_view(&state.pool, &state.actor, &view, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn delete_view(state: State<'_, AppState>, name: String) -> CommandResult<Vec<SavedView>> {
    customers::delete_view(&state.pool, &state.actor, &name, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn custom_field_definitions(state: State<'_, AppState>) -> CommandResult<Vec<CustomFieldDefinition>> {
    customers::custom_field_definitions(&state.pool).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_custom_field_definitions(
    state: State<'_, AppState>,
    definitions: Vec<CustomFieldDefinition>,
) -> CommandResult<Vec<CustomFieldDefinition>> {
    customers::save_custom_field_definitions(&state.pool, &state.actor, definitions, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn bulk_tag(state: State<'_, AppState>, target: BulkTarget, tag: String, add: bool) -> CommandResult<u64> {
    let now = Utc::now();
    let result = if add {
        customers::add_tag(&state.pool, &state.actor, &target, &tag, now).await
    } else {
        customers::remove_tag(&state.pool, &state.actor, &target, &tag, now).await
    };
    result.map_err(to_payload)
}

#[tauri::command]
pub async fn bulk_delete(state: State<'_, AppState>, target: BulkTarget) -> CommandResult<DeletionBatch> {
    customers::delete(&state.pool, &state.actor, &target, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn restore_deleted(state: State<'_, AppState>, batch: String) -> CommandResult<u64> {
    customers::restore(&state.pool, &state.actor, &batch, Utc::now()).await.map_err(to_payload)
}
