//! Orders, the profile's order and loyalty panels and follow-up tasks: thin adapters over
//! `eishro_core::{orders, profile, tasks, loyalty}`.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chrono::Utc;
use eishro_core::orders::{self, IngestMode, Order, OrderDraft, OrderImportOptions, OrderImportReport, OrderStatus};
use eishro_core::profile::{self, CustomerInsights};
use eishro_core::money::Money;
use eishro_core::segmentation::{self, RecomputeSummary, SegmentationSettings, SegmentsOverview};
use eishro_core::tasks::{self, Task, TaskRules, TaskStatus};
use eishro_core::workspace::Progress;
use eishro_core::CoreError;
use tauri::{AppHandle, Emitter, State};

use super::{to_payload, CommandResult};
use crate::state::AppState;

#[tauri::command]
pub async fn customer_insights(state: State<'_, AppState>, id: String) -> CommandResult<CustomerInsights> {
    profile::customer_insights(&state.pool, &id).await.map_err(to_payload)
}

/// Imports an order file; `live` is staff's answer to "are these new orders or history?".
#[tauri::command]
pub async fn run_order_import(app: AppHandle, state: State<'_, AppState>, path: String, live: bool) -> CommandResult<OrderImportReport> {
    let bytes = std::fs::read(PathBuf::from(&path)).map_err(|source| to_payload(CoreError::File { path: path.clone(), source }))?;
    state.import_cancel.store(false, Ordering::Relaxed);
    let options = OrderImportOptions {
        now: Utc::now(),
        mode: if live { IngestMode::Live } else { IngestMode::Historical },
        cancel: Some(&state.import_cancel),
    };
    orders::import_orders(&state.pool, &state.actor, &bytes, options, |done, total| {
        let _ = app.emit("import-progress", Progress { done: done as u32, total: total as u32 });
    })
    .await
    .map_err(to_payload)
}

#[tauri::command]
pub async fn my_tasks(state: State<'_, AppState>) -> CommandResult<Vec<Task>> {
    tasks::my_open_tasks(&state.pool, &state.actor).await.map_err(to_payload)
}

#[tauri::command]
pub async fn close_task(state: State<'_, AppState>, id: String, status: TaskStatus) -> CommandResult<Task> {
    tasks::close(&state.pool, &state.actor, &id, status, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn segments_overview(state: State<'_, AppState>, days: i64) -> CommandResult<SegmentsOverview> {
    segmentation::overview(&state.pool, Utc::now(), days).await.map_err(to_payload)
}

#[tauri::command]
pub async fn segmentation_settings(state: State<'_, AppState>) -> CommandResult<SegmentationSettings> {
    segmentation::settings(&state.pool).await.map_err(to_payload)
}

/// The total spent each tier's LTV threshold implies at the margin being edited, or the
/// field errors of settings that could not be saved.
#[tauri::command]
pub fn tier_equivalents(settings: SegmentationSettings) -> CommandResult<Vec<Money>> {
    segmentation::tier_equivalents(&settings).map_err(to_payload)
}

/// Saves the settings and recomputes every customer, reporting `recompute-progress`.
#[tauri::command]
pub async fn save_segmentation_settings(app: AppHandle, state: State<'_, AppState>, settings: SegmentationSettings) -> CommandResult<RecomputeSummary> {
    segmentation::save_settings(&state.pool, &state.actor, settings, Utc::now(), |done, total| {
        let _ = app.emit("recompute-progress", Progress { done: done as u32, total: total as u32 });
    })
    .await
    .map_err(to_payload)
}

#[tauri::command]
pub async fn task_rules(state: State<'_, AppState>) -> CommandResult<TaskRules> {
    tasks::rules(&state.pool).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_task_rules(state: State<'_, AppState>, rules: TaskRules) -> CommandResult<()> {
    tasks::save_rules(&state.pool, &state.actor, rules, Utc::now()).await.map_err(to_payload)
}

/// Standalone mode: an order typed in by staff (a live event).
#[tauri::command]
pub async fn add_order(state: State<'_, AppState>, customer_id: String, draft: OrderDraft) -> CommandResult<Order> {
    orders::enter_by_hand(&state.pool, &customer_id, draft, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn change_order_status(state: State<'_, AppState>, order_id: String, status: OrderStatus, refunded_amount: Option<Money>) -> CommandResult<Order> {
    orders::change_status(&state.pool, &order_id, status, refunded_amount, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn loyalty_card(state: State<'_, AppState>, customer_id: String) -> CommandResult<eishro_core::loyalty::ledger::LoyaltyCard> {
    eishro_core::loyalty::ledger::card(&state.pool, &customer_id, Utc::now()).await.map_err(to_payload)
}

/// Redeems a reward for a voucher. Standalone mode knows no stock: a gift is assumed
/// available until sync says otherwise.
#[tauri::command]
pub async fn redeem_reward(state: State<'_, AppState>, customer_id: String, reward_id: String) -> CommandResult<eishro_core::loyalty::ledger::Voucher> {
    eishro_core::loyalty::ledger::redeem(&state.pool, &state.actor, &customer_id, &reward_id, true, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn cancel_voucher(state: State<'_, AppState>, id: String) -> CommandResult<eishro_core::loyalty::ledger::Voucher> {
    eishro_core::loyalty::ledger::cancel_voucher(&state.pool, &state.actor, &id, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn use_voucher(state: State<'_, AppState>, id: String) -> CommandResult<eishro_core::loyalty::ledger::Voucher> {
    eishro_core::loyalty::ledger::use_voucher(&state.pool, &id, None, Utc::now()).await.map_err(to_payload)
}

/// A manual correction (managers and the owner, with a reason; never an overdraft).
#[tauri::command]
pub async fn adjust_points(state: State<'_, AppState>, customer_id: String, points: i64, reason: String) -> CommandResult<eishro_core::loyalty::ledger::LedgerEntry> {
    eishro_core::loyalty::ledger::adjust(&state.pool, &state.actor, &customer_id, points, &reason, Utc::now()).await.map_err(to_payload)
}
