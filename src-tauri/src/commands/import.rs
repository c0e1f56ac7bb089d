//! Importing a customer file and exporting customers: read or write the file staff chose,
//! call the core use-case, report progress as `import-progress` events.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chrono::Utc;
use eishro_core::customers::{self, CustomerFilter, ExportFormat, ImportOptions, ImportPreview, ImportReport};
use eishro_core::i18n::Lang;
use eishro_core::import::ColumnMapping;
use eishro_core::workspace::Progress;
use eishro_core::CoreError;
use tauri::{AppHandle, Emitter, State};

use super::{to_payload, CommandResult};
use crate::state::AppState;

fn read(path: &str) -> CommandResult<Vec<u8>> {
    std::fs::read(PathBuf::from(path)).map_err(|source| to_payload(CoreError::File { path: path.to_string(), source }))
}

fn write(path: &str, bytes: &[u8]) -> CommandResult<()> {
    std::fs::write(PathBuf::from(path), bytes).map_err(|source| to_payload(CoreError::File { path: path.to_string(), source }))
}

#[tauri::command]
pub async fn preview_import(path: String) -> CommandResult<ImportPreview> {
    customers::preview(&read(&path)?).map_err(to_payload)
}

#[tauri::command]
pub async fn run_import(app: AppHandle, state: State<'_, AppState>, path: String, mapping: ColumnMapping) -> CommandResult<ImportReport> {
    let bytes = read(&path)?;
    state.import_cancel.store(false, Ordering::Relaxed);
    let options = ImportOptions { now: Utc::now(), mapping: Some(mapping), cancel: Some(&state.import_cancel) };
    customers::import(&state.pool, &state.actor, &bytes, options, |done, total| {
        let _ = app.emit("import-progress", Progress { done: done as u32, total: total as u32 });
    })
    .await
    .map_err(to_payload)
}

#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::Relaxed);
}

#[tauri::command]
pub async fn save_rejected_rows(source: String, report: ImportReport, destination: String, lang: Lang) -> CommandResult<()> {
    let csv = customers::rejected_rows_csv(&read(&source)?, &report, lang).map_err(to_payload)?;
    write(&destination, &csv)
}

#[tauri::command]
pub async fn import_mappings(state: State<'_, AppState>) -> CommandResult<BTreeMap<String, ColumnMapping>> {
    customers::saved_mappings(&state.pool).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_import_mapping(state: State<'_, AppState>, name: String, mapping: ColumnMapping) -> CommandResult<()> {
    customers::save_mapping(&state.pool, &state.actor, &name, &mapping, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn export_customers(
    state: State<'_, AppState>,
    filter: CustomerFilter,
    format: ExportFormat,
    lang: Lang,
    destination: String,
) -> CommandResult<u64> {
    let (bytes, count) = customers::export(&state.pool, &filter, format, lang).await.map_err(to_payload)?;
    write(&destination, &bytes)?;
    Ok(count)
}
