//! Importing customers from a spreadsheet (CSV or XLSX) with the form's rules, deduplicated
//! on the identity keys of SPEC §1.2: the platform `userId`, then the E.164 phone, then the
//! normalised e-mail. A row that matches an existing customer updates it; rows of one file
//! that name the same customer are merged into one; re-importing a file changes nothing.
//!
//! The whole import is one transaction: cancelled, failed or crashed, it leaves the
//! database as it was (the choice over resumable batches: a half-imported file is the
//! hardest state for staff to reason about, and SQLite's WAL handles a large transaction).

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sqlx::SqlitePool;
use ts_rs::TS;

use super::model::{AddressDraft, Customer, CustomerDraft, Gender};
use super::validate::{validate_draft, ValidCustomer, ValidationOptions};
use super::{diff, editable_snapshot, new_customer, store, store_insert_many};
use crate::error::{CoreError, FieldError, Result};
use crate::i18n::{self, Lang};
use crate::import::{read_table, ColumnMapping, ImportField, Table};
use crate::staff::Actor;

pub struct ImportOptions<'a> {
    pub now: DateTime<Utc>,
    /// The mapping staff confirmed; `None` uses the one detected from the headers.
    pub mapping: Option<ColumnMapping>,
    /// Set from another task to stop the import; nothing is written then.
    pub cancel: Option<&'a AtomicBool>,
}

/// The import report: `{"inserted","updated","merged","rejected":[{line,field,reason}]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    #[ts(type = "number")]
    pub inserted: u64,
    #[ts(type = "number")]
    pub updated: u64,
    /// Rows merged into an earlier row of the same file (same customer twice).
    #[ts(type = "number")]
    pub merged: u64,
    /// Rows that matched a customer and changed nothing.
    #[ts(type = "number")]
    pub unchanged: u64,
    pub rejected: Vec<RejectedRow>,
    pub encoding: String,
    pub mapping: ColumnMapping,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RejectedRow {
    #[ts(type = "number")]
    pub line: u64,
    pub field: String,
    /// The reason in words (see [`ImportReport::localize`]); empty until localised.
    pub reason: String,
    pub reason_id: String,
    pub args: BTreeMap<String, String>,
}

impl ImportReport {
    /// Fills each rejection's `reason` in `lang`.
    pub fn localize(&mut self, lang: Lang) {
        RejectedRow::localize_all(&mut self.rejected, lang);
    }
}

impl RejectedRow {
    /// Fills each row's `reason` in `lang` (every import's report shares these rows).
    pub fn localize_all(rows: &mut [RejectedRow], lang: Lang) {
        for row in rows {
            row.reason = i18n::message(lang, &row.reason_id, &row.args);
        }
    }
}

/// What staff see before importing: the headers, the first rows and the detected mapping.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub headers: Vec<String>,
    pub sample: Vec<Vec<String>>,
    #[ts(type = "number")]
    pub row_count: u64,
    pub encoding: String,
    pub mapping: ColumnMapping,
}

/// Reads the file without touching the database.
pub fn preview(bytes: &[u8]) -> Result<ImportPreview> {
    let table: Table = read_table(bytes).map_err(CoreError::NotATable)?;
    Ok(ImportPreview {
        mapping: ColumnMapping::detect(&table.headers),
        sample: table.rows.iter().take(5).map(|r| r.cells.clone()).collect(),
        row_count: table.rows.len() as u64,
        encoding: table.encoding.to_string(),
        headers: table.headers,
    })
}

/// From this many new customers on, an import drops and rebuilds the secondary indexes.
const BULK_LOAD_ROWS: usize = 20_000;

/// One customer the file names, gathered from one or more rows.
struct Pending {
    existing: Option<String>,
    valid: ValidCustomer,
    user_id: Option<String>,
}

pub async fn import(
    pool: &SqlitePool,
    actor: &Actor,
    bytes: &[u8],
    options: ImportOptions<'_>,
    mut progress: impl FnMut(u64, u64),
) -> Result<ImportReport> {
    let table = read_table(bytes).map_err(CoreError::NotATable)?;
    let mapping = options.mapping.clone().unwrap_or_else(|| ColumnMapping::detect(&table.headers));
    let columns = mapping.resolve(&table.headers).map_err(|missing| {
        CoreError::Invalid(
            missing
                .into_iter()
                .map(|header| FieldError::new("mapping", "import-error-missing-column").with_arg("column", header))
                .collect(),
        )
    })?;
    if !columns.contains_key(&ImportField::Phone) {
        return Err(CoreError::Invalid(vec![FieldError::new("mapping", "import-error-no-phone-column")]));
    }
    let mut report = ImportReport { encoding: table.encoding.to_string(), mapping, ..Default::default() };
    let validation = ValidationOptions { today: options.now.date_naive(), email_required: false };
    let total = table.rows.len() as u64;
    let cancelled = || options.cancel.is_some_and(|c| c.load(Ordering::Relaxed));

    let mut tx = pool.begin().await?;
    let (by_user, by_phone, by_email) = store::identity_index(&mut tx).await?;
    let mut pending: Vec<Pending> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (n, row) in table.rows.iter().enumerate() {
        if n % 1000 == 0 {
            if cancelled() {
                return Err(CoreError::Cancelled);
            }
            progress(n as u64, total * 2);
        }
        let cell = |field: ImportField| columns.get(&field).and_then(|&i| row.cells.get(i)).map(|s| s.trim()).unwrap_or("");
        let draft = draft_from_cells(&cell);
        let valid = match validate_draft(&draft, validation) {
            Ok(valid) => valid,
            Err(errors) => {
                report.rejected.extend(errors.into_iter().map(|e| RejectedRow {
                    line: row.line,
                    field: e.field,
                    reason: String::new(),
                    reason_id: e.message_id,
                    args: e.args,
                }));
                continue;
            }
        };
        let user_id = Some(cell(ImportField::UserId)).filter(|s| !s.is_empty()).map(str::to_string);
        let keys = identity_keys(user_id.as_deref(), &valid);
        if let Some(&slot) = keys.iter().find_map(|k| by_key.get(k)) {
            merge_into(&mut pending[slot].valid, valid);
            report.merged += 1;
            for key in keys {
                by_key.entry(key).or_insert(slot);
            }
            continue;
        }
        let existing = user_id
            .as_ref()
            .and_then(|u| by_user.get(u))
            .or_else(|| by_phone.get(valid.phone.as_str()))
            .or_else(|| valid.email.as_ref().and_then(|e| by_email.get(e.as_str())))
            .cloned();
        let slot = pending.len();
        for key in keys {
            by_key.entry(key).or_insert(slot);
        }
        pending.push(Pending { existing, valid, user_id });
    }

    let count = pending.len() as u64;
    let mut new_customers: Vec<Customer> = Vec::new();
    for (n, item) in pending.into_iter().enumerate() {
        if n % 1000 == 0 {
            if cancelled() {
                return Err(CoreError::Cancelled);
            }
            progress(total + n as u64 * total / count.max(1), total * 2);
        }
        match item.existing {
            None => {
                let mut customer = new_customer(item.valid, actor, options.now);
                customer.user_id = item.user_id;
                new_customers.push(customer);
                report.inserted += 1;
            }
            Some(id) => {
                // A deleted customer named again by its platform id is back.
                if store::is_deleted(&mut tx, &id).await? {
                    store::undelete(&mut tx, std::slice::from_ref(&id)).await?;
                    store::insert_audit(&mut tx, options.now, actor.audit_name(), &id, "restored", &Value::Null).await?;
                }
                let before = store::get(&mut tx, &id).await?.ok_or_else(|| CoreError::CustomerNotFound(id.clone()))?;
                let mut after = before.clone();
                apply_import(&mut after, item.valid);
                let changes = diff(&editable_snapshot(&before), &editable_snapshot(&after));
                let adds_user_id = before.user_id.is_none() && item.user_id.is_some();
                if changes.is_empty() && !adds_user_id {
                    report.unchanged += 1;
                    continue;
                }
                after.metadata.updated_at = options.now;
                store::update_editable(&mut tx, &after).await?;
                if adds_user_id {
                    store::set_user_id(&mut tx, &id, item.user_id.as_deref().unwrap_or_default()).await?;
                }
                store::insert_audit(&mut tx, options.now, actor.audit_name(), &id, "imported", &Value::Object(changes)).await?;
                report.updated += 1;
            }
        }
    }
    // A large load builds the secondary indexes once at the end. It all happens inside the
    // import's transaction: readers keep the committed store with its indexes, and a
    // cancelled import rolls the drop back too.
    let rebuild = if new_customers.len() >= BULK_LOAD_ROWS { Some(store::drop_secondary_indexes(&mut tx).await?) } else { None };
    for chunk in new_customers.chunks(5000) {
        if cancelled() {
            return Err(CoreError::Cancelled);
        }
        store_insert_many(&mut tx, chunk, actor, options.now).await?;
    }
    if let Some(statements) = rebuild {
        store::create_indexes(&mut tx, &statements).await?;
    }
    if cancelled() {
        return Err(CoreError::Cancelled);
    }
    tx.commit().await?;
    progress(total * 2, total * 2);
    Ok(report)
}

fn identity_keys(user_id: Option<&str>, valid: &ValidCustomer) -> Vec<String> {
    let mut keys = Vec::with_capacity(3);
    if let Some(user_id) = user_id {
        keys.push(format!("u:{user_id}"));
    }
    keys.push(format!("p:{}", valid.phone.as_str()));
    if let Some(email) = &valid.email {
        keys.push(format!("e:{}", email.as_str()));
    }
    keys
}

fn draft_from_cells<'a>(cell: &dyn Fn(ImportField) -> &'a str) -> CustomerDraft {
    let (mut first_name, mut last_name) = (cell(ImportField::FirstName).to_string(), cell(ImportField::LastName).to_string());
    let full = cell(ImportField::FullName);
    if first_name.is_empty() && last_name.is_empty() && !full.is_empty() {
        let mut parts = full.splitn(2, char::is_whitespace);
        first_name = parts.next().unwrap_or_default().to_string();
        last_name = parts.next().unwrap_or_default().trim().to_string();
    }
    let city = cell(ImportField::City);
    let area = cell(ImportField::Area);
    let street = cell(ImportField::Street);
    let addresses = if [city, area, street].iter().all(|s| s.is_empty()) {
        Vec::new()
    } else {
        vec![AddressDraft { city: city.into(), area: area.into(), street: street.into(), is_default: true, ..Default::default() }]
    };
    let gender = match crate::arabic::fold(cell(ImportField::Gender)).as_str() {
        "male" | "m" | "ذكر" => Some(Gender::Male),
        "female" | "f" | "انثي" => Some(Gender::Female),
        _ => None,
    };
    CustomerDraft {
        first_name,
        last_name,
        email: cell(ImportField::Email).into(),
        phone: cell(ImportField::Phone).into(),
        secondary_phone: cell(ImportField::SecondaryPhone).into(),
        whatsapp: cell(ImportField::Whatsapp).into(),
        date_of_birth: cell(ImportField::DateOfBirth).into(),
        gender,
        preferred_language: Lang::parse(cell(ImportField::PreferredLanguage)).unwrap_or_default(),
        nationality: cell(ImportField::Nationality).into(),
        addresses,
        tags: cell(ImportField::Tags).split([',', '،', ';']).map(str::to_string).collect(),
        notes: cell(ImportField::Notes).into(),
        custom_fields: Map::new(),
        ..Default::default()
    }
}

/// A later row of the same customer in one file: its non-empty values win.
fn merge_into(target: &mut ValidCustomer, row: ValidCustomer) {
    let draft = &row.draft;
    if row.email.is_some() {
        target.email = row.email;
    }
    if row.secondary_phone.is_some() {
        target.secondary_phone = row.secondary_phone;
    }
    if row.whatsapp.is_some() {
        target.whatsapp = row.whatsapp;
    }
    if row.date_of_birth.is_some() {
        target.date_of_birth = row.date_of_birth;
    }
    if draft.gender.is_some() {
        target.draft.gender = draft.gender;
    }
    if !row.addresses.is_empty() {
        target.addresses = row.addresses;
    }
    for tag in row.tags {
        if !target.tags.contains(&tag) {
            target.tags.push(tag);
        }
    }
    if !draft.notes.trim().is_empty() && !target.draft.notes.contains(draft.notes.trim()) {
        target.draft.notes = join_notes(&target.draft.notes, draft.notes.trim());
    }
    target.first_name = row.first_name;
    target.last_name = row.last_name;
}

fn join_notes(old: &str, new: &str) -> String {
    if old.trim().is_empty() {
        new.to_string()
    } else {
        format!("{}\n{new}", old.trim_end())
    }
}

/// Applies an imported customer to an existing record: imported values that are present
/// replace the stored ones, empty cells never erase, tags add up, notes are appended.
fn apply_import(c: &mut Customer, valid: ValidCustomer) {
    c.personal_info.first_name = valid.first_name;
    c.personal_info.last_name = valid.last_name;
    if let Some(email) = valid.email {
        c.email = email.as_str().to_string();
        c.incomplete = false;
    }
    if let Some(phone) = valid.secondary_phone {
        c.contact_info.secondary_phone = Some(phone.as_str().to_string());
    }
    if let Some(phone) = valid.whatsapp {
        c.contact_info.whatsapp = Some(phone.as_str().to_string());
    }
    if valid.date_of_birth.is_some() {
        c.personal_info.date_of_birth = valid.date_of_birth;
    }
    if valid.draft.gender.is_some() {
        c.personal_info.gender = valid.draft.gender;
    }
    if let Some(imported) = valid.addresses.into_iter().next() {
        match c.addresses.iter_mut().find(|a| a.is_default) {
            Some(default) => {
                default.city = imported.city;
                default.area = imported.area;
                if imported.street.is_some() {
                    default.street = imported.street;
                }
            }
            None => c.addresses.push(imported),
        }
    }
    for tag in valid.tags {
        if !c.metadata.tags.contains(&tag) {
            c.metadata.tags.push(tag);
        }
    }
    c.metadata.tags.sort();
    let notes = valid.draft.notes.trim();
    if !notes.is_empty() && !c.metadata.notes.contains(notes) {
        c.metadata.notes = join_notes(&c.metadata.notes, notes);
    }
}

/// The rejected rows of `bytes` as a CSV staff can fix and import again: the original
/// columns plus a reason column in `lang`.
pub fn rejected_rows_csv(bytes: &[u8], report: &ImportReport, lang: Lang) -> Result<Vec<u8>> {
    let table = read_table(bytes).map_err(CoreError::NotATable)?;
    let mut reasons: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for row in &report.rejected {
        let reason = i18n::message(lang, &row.reason_id, &row.args);
        reasons.entry(row.line).or_default().push(format!("{}: {reason}", row.field));
    }
    let mut headers = table.headers.clone();
    headers.push(i18n::text(lang, "import-reason-column"));
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .filter_map(|row| {
            let why = reasons.get(&row.line)?;
            let mut cells = row.cells.clone();
            cells.resize(table.headers.len(), String::new());
            cells.push(why.join("; "));
            Some(cells)
        })
        .collect();
    Ok(super::export::write_csv(&headers, &rows))
}

/// Where named column mappings are kept, so the next file from the same platform maps itself.
const SAVED_MAPPINGS: &str = "import.customerMappings";

pub async fn saved_mappings(pool: &SqlitePool) -> Result<BTreeMap<String, ColumnMapping>> {
    Ok(crate::settings::get(pool, SAVED_MAPPINGS).await?.unwrap_or_default())
}

pub async fn save_mapping(pool: &SqlitePool, actor: &Actor, name: &str, mapping: &ColumnMapping, now: DateTime<Utc>) -> Result<()> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(CoreError::Invalid(vec![FieldError::new("name", "error-required")]));
    }
    let mut all = saved_mappings(pool).await?;
    all.insert(name.to_string(), mapping.clone());
    crate::settings::set(pool, actor, SAVED_MAPPINGS, &all, now).await
}
