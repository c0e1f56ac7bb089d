//! Customers (SPEC §1): the record, its rules, its storage and the use-cases staff run on
//! it. Every use-case takes the acting staff user and runs in one transaction.

mod bulk;
mod custom_fields;
mod export;
mod filter;
mod import;
mod merge;
mod model;
mod search;
mod store;
mod timeline;
mod validate;
mod views;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use sqlx::{Arguments, SqlitePool};
use ts_rs::TS;

pub use bulk::{add_tag, delete, remove_tag, restore, BulkTarget, DeletionBatch};
pub use custom_fields::{
    custom_field_definitions, save_custom_field_definitions, CustomFieldDefinition, CustomFieldKind, CustomFieldMatch,
};
pub use export::{export, ExportFormat};
pub use filter::{ConsentFlag, CustomerFilter, CustomerSort, SortColumn};
pub use import::{
    import, preview, rejected_rows_csv, save_mapping, saved_mappings, ImportOptions, ImportPreview, ImportReport, RejectedRow,
};
pub use merge::{
    dismiss_pair, duplicate_candidates, merge, recent_merges, undo_merge, DuplicatePair, DuplicateReason, MergeChoices, MergeField,
    MergeRecord,
};
pub use model::*;
pub use timeline::TimelineEntry;
pub use views::{delete_view, save_view, saved_views, ListColumn, SavedView};
pub use search::{match_expression, search, MAX_SEARCH_RESULTS};
pub use validate::{validate_draft, ValidCustomer, ValidationOptions};

pub(crate) use store::{create_indexes, drop_secondary_indexes, LIVE, LIVE_C};

use crate::email::Email;
use crate::error::{CoreError, Result};
use crate::phone::PhoneE164;
use crate::staff::Actor;

/// Options of the create use-case.
#[derive(Debug, Clone, Copy)]
pub struct CreateOptions {
    pub now: DateTime<Utc>,
    /// Staff saw the "possible duplicate" warning and chose to save anyway (SPEC §1.2).
    pub confirm_duplicate: bool,
}

/// Creates a customer typed in by staff. Refuses with [`CoreError::PossibleDuplicate`]
/// when the phone or e-mail is already known, unless staff confirmed.
pub async fn create(pool: &SqlitePool, actor: &Actor, draft: &CustomerDraft, options: CreateOptions) -> Result<Customer> {
    let valid = validate_with_custom_fields(
        pool,
        draft,
        ValidationOptions { today: options.now.date_naive(), email_required: true },
    )
    .await?;
    let mut tx = pool.begin().await?;
    if !options.confirm_duplicate {
        let existing = store::find_by_identity(
            &mut tx,
            valid.phone.as_str(),
            valid.email.as_ref().map(Email::as_str).unwrap_or(""),
            None,
        )
        .await?;
        if !existing.is_empty() {
            return Err(CoreError::PossibleDuplicate(existing));
        }
    }
    let customer = new_customer(valid, actor, options.now);
    store::insert(&mut tx, &customer).await?;
    for change in initial_consent_changes(&customer, actor, options.now) {
        store::insert_consent_change(&mut tx, &customer.id, &change).await?;
    }
    store::insert_audit(&mut tx, options.now, actor.audit_name(), &customer.id, "created", &Value::Object(editable_snapshot(&customer))).await?;
    tx.commit().await?;
    Ok(customer)
}

/// The form's rules plus the workspace's custom-field definitions, every problem at once.
async fn validate_with_custom_fields(pool: &SqlitePool, draft: &CustomerDraft, options: ValidationOptions) -> Result<ValidCustomer> {
    let definitions = custom_field_definitions(pool).await?;
    let custom_errors = custom_fields::check_values(&definitions, &draft.custom_fields);
    match validate_draft(draft, options) {
        Ok(valid) if custom_errors.is_empty() => Ok(valid),
        Ok(_) => Err(CoreError::Invalid(custom_errors)),
        Err(mut errors) => {
            errors.extend(custom_errors);
            Err(CoreError::Invalid(errors))
        }
    }
}

/// Saves staff's edits of an existing customer: consent changes go to the consent log,
/// every changed field to the audit log, in the same transaction as the edit.
pub async fn update(pool: &SqlitePool, actor: &Actor, id: &str, draft: &CustomerDraft, now: DateTime<Utc>) -> Result<Customer> {
    let mut tx = pool.begin().await?;
    let before = store::get(&mut tx, id).await?.ok_or_else(|| CoreError::CustomerNotFound(id.to_string()))?;
    // A record that arrived without an e-mail may be saved without one; one that had an
    // e-mail cannot lose it.
    let email_required = !before.email.is_empty();
    let valid = validate_with_custom_fields(pool, draft, ValidationOptions { today: now.date_naive(), email_required }).await?;
    let mut after = before.clone();
    apply_valid(&mut after, valid);
    after.metadata.updated_at = now;
    let changes = diff(&editable_snapshot(&before), &editable_snapshot(&after));
    if changes.is_empty() {
        return Ok(before);
    }
    store::update_editable(&mut tx, &after).await?;
    for change in consent_changes(&before, &after, actor, now) {
        store::insert_consent_change(&mut tx, id, &change).await?;
    }
    store::insert_audit(&mut tx, now, actor.audit_name(), id, "updated", &Value::Object(changes)).await?;
    tx.commit().await?;
    Ok(after)
}

pub async fn get(pool: &SqlitePool, id: &str) -> Result<Customer> {
    let mut conn = pool.acquire().await?;
    store::get(&mut conn, id).await?.ok_or_else(|| CoreError::CustomerNotFound(id.to_string()))
}

/// The profile screen's data: the record with its consent and audit history.
pub async fn profile(pool: &SqlitePool, id: &str) -> Result<CustomerProfile> {
    let mut conn = pool.acquire().await?;
    let customer = store::get(&mut conn, id).await?.ok_or_else(|| CoreError::CustomerNotFound(id.to_string()))?;
    let consent_log = store::consent_log(&mut conn, id).await?;
    let audit_log = store::audit_log(&mut conn, id).await?;
    let others = timeline::order_events(&mut conn, id).await?;
    let timeline = timeline::build(&audit_log, &consent_log, others, 200);
    Ok(CustomerProfile { customer, consent_log, audit_log, timeline })
}

/// Creates the customer an order names by a phone no customer has (SPEC §3: an order is
/// never dropped for an unknown customer). The record has only the phone, and is marked
/// incomplete until staff add a name and e-mail. Runs on the caller's transaction.
pub(crate) async fn create_from_phone(conn: &mut sqlx::SqliteConnection, actor: &Actor, phone: PhoneE164, now: DateTime<Utc>) -> Result<String> {
    let valid = ValidCustomer {
        first_name: String::new(),
        last_name: String::new(),
        email: None,
        phone,
        secondary_phone: None,
        whatsapp: None,
        date_of_birth: None,
        draft: CustomerDraft::default(),
        addresses: Vec::new(),
        tags: Vec::new(),
    };
    let mut customer = new_customer(valid, actor, now);
    customer.incomplete = true;
    store::insert(conn, &customer).await?;
    store::insert_audit(conn, now, actor.audit_name(), &customer.id, "createdFromOrder", &Value::Object(editable_snapshot(&customer))).await?;
    Ok(customer.id)
}

/// Finds the customer a CUSTOMER_REF names: an id, a phone in any format, or an e-mail.
/// A phone or e-mail shared by several customers names the most recently created one.
pub async fn resolve_ref(pool: &SqlitePool, reference: &str) -> Result<String> {
    resolve_ref_on(&mut *pool.acquire().await?, reference).await
}

/// The same on a connection, inside a caller's transaction.
pub(crate) async fn resolve_ref_on(conn: &mut sqlx::SqliteConnection, reference: &str) -> Result<String> {
    crate::db::on_c_api(conn, |db| resolve_ref_c(db, reference)).await
}

/// [`resolve_ref_on`] on SQLite's C API, for callers resolving many references at once
/// (an order import names a customer per order).
pub(crate) fn resolve_ref_c(db: &rusqlite::Connection, reference: &str) -> Result<String> {
    use rusqlite::OptionalExtension;
    let reference = reference.trim();
    let not_found = || CoreError::CustomerNotFound(reference.to_string());
    if reference.is_empty() {
        return Err(not_found());
    }
    let mut by_id_query = db.prepare_cached("SELECT id, merged_into FROM customers WHERE id = ? AND deleted_batch IS NULL")?;
    let mut by_id = |id: &str| by_id_query.query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))).optional();
    // The id of a merged customer names the customer it was merged into.
    let mut found = by_id(reference)?;
    for _ in 0..16 {
        match found {
            Some((id, None)) => return Ok(id),
            Some((_, Some(survivor))) => found = by_id(&survivor)?,
            None => break,
        }
    }
    let (sql, key) = if reference.contains('@') {
        let email = Email::parse(reference).map_err(|_| not_found())?;
        ("SELECT id FROM customers WHERE email = ? AND merged_into IS NULL AND deleted_batch IS NULL ORDER BY created_at DESC LIMIT 1", email.as_str().to_string())
    } else {
        let phone = PhoneE164::parse(reference).map_err(|_| not_found())?;
        ("SELECT id FROM customers WHERE phone = ? AND merged_into IS NULL AND deleted_batch IS NULL ORDER BY created_at DESC LIMIT 1", phone.as_str().to_string())
    };
    let found: Option<String> = db.prepare_cached(sql)?.query_row([key], |r| r.get(0)).optional()?;
    found.ok_or_else(not_found)
}

/// One page of the customer list, newest change first, with the total for the scroller.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<CustomerSummary>,
}

pub const MAX_PAGE: u32 = 500;

/// One page of the customers a filter selects, in the chosen order, with their total so
/// the list can size its scroller.
pub async fn list(pool: &SqlitePool, filter: &CustomerFilter, sort: CustomerSort, offset: u32, limit: u32) -> Result<CustomerPage> {
    let total: i64 = if filter.is_tiers_only() {
        tier_total(pool, &filter.segments).await?
    } else {
        let (condition, args) = filter.condition();
        sqlx::query_scalar_with(&format!("SELECT count(*) FROM customers c WHERE {condition}"), args)
            .fetch_one(pool)
            .await?
    };
    let limit = limit.min(MAX_PAGE) as i64;
    // SQLite reaches an OFFSET by stepping over every row before it, so a page deep in a
    // million-row list costs in proportion to its depth. A page in the second half is read
    // from the other end in the opposite order and turned around: the last page, where a
    // jump to the end lands, becomes as cheap as the first.
    let from_end = total - (offset as i64 + limit);
    let (reverse, skip, take) = if offset as i64 > total / 2 && from_end > -limit {
        (true, from_end.max(0), limit + from_end.min(0))
    } else {
        (false, offset as i64, limit)
    };
    let (condition, mut args) = filter.condition();
    args.add(take).map_err(sqlx::Error::Encode)?;
    args.add(skip).map_err(sqlx::Error::Encode)?;
    let order = CustomerSort { descending: sort.descending != reverse, ..sort };
    let sql = format!(
        "SELECT {} FROM customers c WHERE {condition} ORDER BY {} LIMIT ? OFFSET ?",
        store::SUMMARY_COLUMNS_C,
        order.order_by()
    );
    let mut rows: Vec<CustomerSummary> = sqlx::query_with(&sql, args).fetch_all(pool).await?.iter().map(store::summary_from_row).collect();
    if reverse {
        rows.reverse();
    }
    Ok(CustomerPage { total: total as u32, offset, rows })
}

pub async fn count(pool: &SqlitePool) -> Result<u64> {
    Ok(tier_total(pool, &[]).await? as u64)
}

/// Live customers in the given tiers (all tiers when empty), from the trigger-kept counts.
async fn tier_total(pool: &SqlitePool, segments: &[Segment]) -> Result<i64> {
    let names: Vec<&str> = if segments.is_empty() { Segment::ALL.iter().map(|s| s.as_str()).collect() } else { segments.iter().map(|s| s.as_str()).collect() };
    let marks = vec!["?"; names.len()].join(", ");
    let sql = format!("SELECT coalesce(sum(live), 0) FROM segment_counts WHERE segment IN ({marks})");
    let mut query = sqlx::query_scalar::<_, i64>(&sql);
    for name in names {
        query = query.bind(name);
    }
    Ok(query.fetch_one(pool).await?)
}

/// Builds a fresh record from a validated draft.
pub(crate) fn new_customer(valid: ValidCustomer, actor: &Actor, now: DateTime<Utc>) -> Customer {
    let id = uuid::Uuid::now_v7();
    let mut customer = Customer {
        id: id.to_string(),
        user_id: None,
        email: String::new(),
        phone: String::new(),
        phone_operator: None,
        personal_info: PersonalInfo {
            first_name: String::new(),
            last_name: String::new(),
            date_of_birth: None,
            gender: None,
            preferred_language: Default::default(),
            nationality: "LY".into(),
        },
        contact_info: ContactInfo {
            primary_phone: String::new(),
            secondary_phone: None,
            whatsapp: None,
            preferred_contact_method: Default::default(),
            communication_preferences: Default::default(),
        },
        addresses: Vec::new(),
        history: History {
            first_order_date: None,
            last_order_date: None,
            total_orders: 0,
            total_spent: Default::default(),
            average_order_value: Default::default(),
            favorite_categories: Vec::new(),
            preferred_payment_method: String::new(),
            preferred_shipping_method: String::new(),
        },
        segmentation: Segmentation {
            segment: Segment::New,
            lifetime_value: Default::default(),
            churn_risk: Default::default(),
            engagement_score: Default::default(),
            satisfaction_score: None,
            segment_updated_at: None,
        },
        interactions: Interactions {
            last_activity_date: now,
            total_logins: 0,
            total_page_views: 0,
            total_cart_additions: 0,
            total_wishlist_items: 0,
            newsletter_subscription: false,
            referral_source: None,
        },
        metadata: Metadata {
            created_at: now,
            updated_at: now,
            created_by: Some(actor.audit_name().to_string()),
            tags: Vec::new(),
            notes: String::new(),
            custom_fields: Map::new(),
        },
        account_manager_id: None,
        referral_code: referral_code(&id),
        referred_by: None,
        incomplete: false,
    };
    apply_valid(&mut customer, valid);
    customer
}

/// A short code a customer can read out on the phone: no 0/O or 1/I to confuse.
fn referral_code(id: &uuid::Uuid) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // The v7 random bits, not the timestamp, so codes of one day do not share a prefix.
    let bytes = id.as_bytes();
    let mut bits = u128::from_be_bytes(*bytes) & ((1u128 << 74) - 1);
    (0..10)
        .map(|_| {
            let ch = ALPHABET[(bits % 32) as usize] as char;
            bits /= 32;
            ch
        })
        .collect()
}

fn apply_valid(c: &mut Customer, valid: ValidCustomer) {
    let draft = valid.draft;
    c.email = valid.email.map(|e| e.as_str().to_string()).unwrap_or_default();
    c.incomplete = c.email.is_empty();
    c.phone = valid.phone.as_str().to_string();
    c.phone_operator = valid.phone.operator();
    c.personal_info.first_name = valid.first_name;
    c.personal_info.last_name = valid.last_name;
    c.personal_info.date_of_birth = valid.date_of_birth;
    c.personal_info.gender = draft.gender;
    c.personal_info.preferred_language = draft.preferred_language;
    c.personal_info.nationality = draft.nationality;
    c.contact_info.primary_phone = c.phone.clone();
    c.contact_info.secondary_phone = valid.secondary_phone.map(|p| p.as_str().to_string());
    c.contact_info.whatsapp = valid.whatsapp.map(|p| p.as_str().to_string());
    c.contact_info.preferred_contact_method = draft.preferred_contact_method;
    c.contact_info.communication_preferences = draft.communication_preferences;
    c.interactions.newsletter_subscription = draft.newsletter_subscription;
    c.addresses = valid.addresses;
    c.metadata.tags = valid.tags;
    c.metadata.notes = draft.notes.trim().to_string();
    c.metadata.custom_fields = custom_fields::without_empty(&draft.custom_fields);
}

/// The staff-editable part of a record as flat `path → value` pairs: the audit log's
/// unit of change.
fn editable_snapshot(c: &Customer) -> Map<String, Value> {
    let mut flat = Map::new();
    let value = json!({
        "email": c.email,
        "phone": c.phone,
        "personalInfo": c.personal_info,
        "contactInfo": {
            "secondaryPhone": c.contact_info.secondary_phone,
            "whatsapp": c.contact_info.whatsapp,
            "preferredContactMethod": c.contact_info.preferred_contact_method,
            "communicationPreferences": c.contact_info.communication_preferences,
        },
        "interactions": { "newsletterSubscription": c.interactions.newsletter_subscription },
        "address": c.addresses,
        "metadata": { "tags": c.metadata.tags, "notes": c.metadata.notes, "customFields": c.metadata.custom_fields },
    });
    flatten("", &value, &mut flat);
    flat
}

fn flatten(prefix: &str, value: &Value, out: &mut Map<String, Value>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, inner) in map {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                flatten(&path, inner, out);
            }
        }
        _ => {
            out.insert(prefix.to_string(), value.clone());
        }
    }
}

/// `path → [old, new]` for every value that changed.
fn diff(before: &Map<String, Value>, after: &Map<String, Value>) -> Map<String, Value> {
    let mut changes = Map::new();
    for (key, new) in after {
        let old = before.get(key).unwrap_or(&Value::Null);
        if old != new {
            changes.insert(key.clone(), json!([old, new]));
        }
    }
    for (key, old) in before {
        if !after.contains_key(key) {
            changes.insert(key.clone(), json!([old, Value::Null]));
        }
    }
    changes
}

/// The consent fields of SPEC §1.3 as `(name, value)`, in a stable order.
fn consent_fields(c: &Customer) -> Vec<(&'static str, String)> {
    consent_values(&c.contact_info.communication_preferences, c.contact_info.preferred_contact_method, c.interactions.newsletter_subscription)
}

fn consent_values(p: &CommunicationPreferences, method: ContactMethod, newsletter: bool) -> Vec<(&'static str, String)> {
    vec![
        ("marketingEmails", p.marketing_emails.to_string()),
        ("smsNotifications", p.sms_notifications.to_string()),
        ("orderUpdates", p.order_updates.to_string()),
        ("promotionalOffers", p.promotional_offers.to_string()),
        ("whatsappMessages", p.whatsapp_messages.to_string()),
        ("pushNotifications", p.push_notifications.to_string()),
        ("emailFrequency", serde_json::to_value(p.email_frequency).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()),
        ("emailCategories", serde_json::to_string(&p.email_categories).unwrap_or_default()),
        ("preferredContactMethod", serde_json::to_value(method).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()),
        ("newsletterSubscription", newsletter.to_string()),
    ]
}

/// The consent values a new record starts with where they differ from SPEC §5.3's
/// defaults: an explicit opt-in is what must be provable, and a default needs no proof
/// beyond the record's creation (which also keeps bulk imports from writing ten log rows
/// per customer).
fn initial_consent_changes(c: &Customer, actor: &Actor, now: DateTime<Utc>) -> Vec<ConsentChange> {
    static DEFAULTS: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    let defaults = DEFAULTS.get_or_init(|| consent_values(&CommunicationPreferences::default(), ContactMethod::default(), false));
    consent_fields(c)
        .into_iter()
        .zip(defaults)
        .filter(|((_, value), (_, default))| value != default)
        .map(|((field, value), _)| ConsentChange {
            field: field.to_string(),
            old_value: None,
            new_value: value,
            changed_at: now,
            changed_by: actor.audit_name().to_string(),
        })
        .collect()
}

fn consent_changes(before: &Customer, after: &Customer, actor: &Actor, now: DateTime<Utc>) -> Vec<ConsentChange> {
    consent_fields(before)
        .into_iter()
        .zip(consent_fields(after))
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, old), (_, new))| ConsentChange {
            field: field.to_string(),
            old_value: Some(old),
            new_value: new,
            changed_at: now,
            changed_by: actor.audit_name().to_string(),
        })
        .collect()
}

/// Inserts fully built records as they are, with their initial consent: for bulk
/// producers (the demo store, an import) that validated their drafts and manage their own
/// transaction.
pub(crate) async fn store_insert_many(tx: &mut store::Tx<'_>, customers: &[Customer], actor: &Actor, now: DateTime<Utc>) -> Result<()> {
    let changes: Vec<(&str, ConsentChange)> = customers
        .iter()
        .flat_map(|c| initial_consent_changes(c, actor, now).into_iter().map(move |change| (c.id.as_str(), change)))
        .collect();
    store::insert_many(tx, customers, &changes).await
}
