//! EISHRO CRM's domain and its storage.
//!
//! Everything the product decides lives here: the customer record and its rules
//! ([`customers`]), Arabic folding for search ([`arabic`]), Libyan phone identity
//! ([`phone`]), money in dirhams ([`money`]), and the Fluent messages every layer shows
//! ([`i18n`]). The Tauri shell, the `crm` CLI and later the sync hub are thin adapters
//! over the use-cases here: each takes the acting staff user ([`staff::Actor`]), runs in
//! one SQLite transaction and returns a typed [`error::CoreError`] that carries a message
//! id rather than prose. This crate knows nothing of Tauri, HTTP or the command line.

pub mod arabic;
pub mod calendar;
pub mod customers;
pub(crate) mod daily_totals;
pub mod db;
pub mod demo;
pub mod email;
pub mod error;
pub mod i18n;
pub mod loyalty;
pub mod import;
pub mod money;
pub mod orders;
pub mod phone;
pub mod profile;
pub mod segmentation;
pub mod settings;
pub mod staff;
pub mod support;
pub mod tasks;
pub mod time;
pub mod workspace;

pub use error::{CoreError, Result};
