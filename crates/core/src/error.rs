//! Errors of core use-cases. Each carries a closed code and a Fluent message id with its
//! arguments, never prose, so that the UI and the CLI render it in the user's language
//! and no caller matches on strings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::customers::CustomerSummary;
use crate::i18n::{self, Lang};

/// A problem with one input field: shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldError {
    /// The field's path in the draft, e.g. `phone` or `addresses.0.city`.
    pub field: String,
    pub message_id: String,
    pub args: BTreeMap<String, String>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message_id: &str) -> FieldError {
        FieldError { field: field.into(), message_id: message_id.to_string(), args: BTreeMap::new() }
    }

    pub fn with_arg(mut self, key: &str, value: impl ToString) -> FieldError {
        self.args.insert(key.to_string(), value.to_string());
        self
    }

    pub fn localized(&self, lang: Lang) -> String {
        i18n::message(lang, &self.message_id, &self.args)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorCode {
    InvalidInput,
    NotFound,
    PossibleDuplicate,
    NotATable,
    File,
    Cancelled,
    Storage,
    /// A report's chart could not be drawn.
    Chart,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("invalid input in {} field(s)", .0.len())]
    Invalid(Vec<FieldError>),
    #[error("no customer matches {0:?}")]
    CustomerNotFound(String),
    #[error("no ticket matches {0:?}")]
    TicketNotFound(String),
    /// Creating by hand a customer whose phone or e-mail exists (SPEC §1.2): staff must
    /// confirm before the record is saved.
    #[error("a customer with the same phone or e-mail exists")]
    PossibleDuplicate(Vec<CustomerSummary>),
    /// The file given to an import is not a table at all; nothing was imported.
    #[error("not a table: {0:?}")]
    NotATable(crate::import::NotATable),
    /// A file staff chose could not be read or written.
    #[error("cannot use the file {path}")]
    File { path: String, source: std::io::Error },
    /// Staff cancelled a long operation; it wrote nothing.
    #[error("cancelled")]
    Cancelled,
    #[error("database error")]
    Storage(#[from] sqlx::Error),
    /// The same, from the bulk writer that uses SQLite's C API directly.
    #[error("database error")]
    BulkStorage(#[from] rusqlite::Error),
    #[error("database migration failed")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("the chart could not be drawn: {0}")]
    Chart(#[from] eishro_charts::ChartError),
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Invalid(_) => ErrorCode::InvalidInput,
            CoreError::CustomerNotFound(_) | CoreError::TicketNotFound(_) => ErrorCode::NotFound,
            CoreError::PossibleDuplicate(_) => ErrorCode::PossibleDuplicate,
            CoreError::NotATable(_) => ErrorCode::NotATable,
            CoreError::File { .. } => ErrorCode::File,
            CoreError::Cancelled => ErrorCode::Cancelled,
            CoreError::Storage(_) | CoreError::BulkStorage(_) | CoreError::Migration(_) => ErrorCode::Storage,
            CoreError::Chart(_) => ErrorCode::Chart,
        }
    }

    pub fn message_id(&self) -> &'static str {
        match self {
            CoreError::Invalid(_) => "error-invalid-input",
            CoreError::CustomerNotFound(_) => "error-customer-not-found",
            CoreError::TicketNotFound(_) => "error-ticket-not-found",
            CoreError::PossibleDuplicate(_) => "error-possible-duplicate",
            CoreError::NotATable(kind) => kind.message_id(),
            CoreError::File { .. } => "error-file",
            CoreError::Cancelled => "error-cancelled",
            CoreError::Storage(_) | CoreError::BulkStorage(_) | CoreError::Migration(_) => "error-storage",
            CoreError::Chart(_) => "error-chart",
        }
    }

    pub fn args(&self) -> BTreeMap<String, String> {
        let mut args = BTreeMap::new();
        match self {
            CoreError::CustomerNotFound(reference) | CoreError::TicketNotFound(reference) => {
                args.insert("ref".to_string(), reference.clone());
            }
            CoreError::File { path, source } => {
                args.insert("path".to_string(), path.clone());
                args.insert("detail".to_string(), source.to_string());
            }
            CoreError::Storage(e) => {
                args.insert("detail".to_string(), e.to_string());
            }
            CoreError::BulkStorage(e) => {
                args.insert("detail".to_string(), e.to_string());
            }
            CoreError::Migration(e) => {
                args.insert("detail".to_string(), e.to_string());
            }
            CoreError::Chart(e) => {
                args.insert("detail".to_string(), e.to_string());
            }
            CoreError::Invalid(_) | CoreError::PossibleDuplicate(_) | CoreError::NotATable(_) | CoreError::Cancelled => {}
        }
        args
    }

    /// The whole error in `lang`, field problems included: what a CLI user reads.
    pub fn localized(&self, lang: Lang) -> String {
        let mut text = i18n::message(lang, self.message_id(), &self.args());
        if let CoreError::Invalid(fields) = self {
            for field in fields {
                text.push_str(&format!("\n  {}: {}", field.field, field.localized(lang)));
            }
        }
        text
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code(),
            message_id: self.message_id().to_string(),
            args: self.args(),
            fields: match self {
                CoreError::Invalid(fields) => fields.clone(),
                _ => Vec::new(),
            },
            duplicates: match self {
                CoreError::PossibleDuplicate(found) => found.clone(),
                _ => Vec::new(),
            },
        }
    }
}

/// What crosses to the UI when a command fails.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message_id: String,
    pub args: BTreeMap<String, String>,
    pub fields: Vec<FieldError>,
    pub duplicates: Vec<CustomerSummary>,
}
