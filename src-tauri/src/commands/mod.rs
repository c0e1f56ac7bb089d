//! Tauri commands, one module per domain. Each returns `Result<T, ErrorPayload>`, so the UI
//! receives `{code, messageId, args, fields}` and renders it in the user's language.

pub mod app;
pub mod customers;
pub mod duplicates;
pub mod import;
pub mod loyalty;
pub mod orders;
pub mod support;

use eishro_core::error::ErrorPayload;
use eishro_core::CoreError;

pub type CommandResult<T> = Result<T, ErrorPayload>;

pub fn to_payload(err: CoreError) -> ErrorPayload {
    if matches!(err, CoreError::Storage(_) | CoreError::BulkStorage(_) | CoreError::Migration(_)) {
        tracing::error!(error = ?err, "command failed");
    }
    err.payload()
}
