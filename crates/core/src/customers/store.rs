//! Customer storage: rows of `customers`, `customer_addresses`, `customer_tags`, the
//! consent and audit logs, and the folded search index. Every write here runs inside a
//! transaction its caller opened, so a use-case commits all of it or none of it.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, Sqlite, SqliteConnection};

use super::model::*;
use crate::arabic::{fold, word_variants};
use crate::error::Result;
use crate::i18n::Lang;
use crate::money::Money;
use crate::phone::{Operator, PhoneE164};

/// The condition of a customer that lists, searches and lookups show: not merged into
/// another, not deleted.
pub(crate) const LIVE: &str = "merged_into IS NULL AND deleted_batch IS NULL";
/// The same on `customers c`.
pub(crate) const LIVE_C: &str = "c.merged_into IS NULL AND c.deleted_batch IS NULL";

pub(crate) const SUMMARY_COLUMNS: &str =
    "id, first_name, last_name, email, phone, city, segment, total_spent, lifetime_value, incomplete";
/// The same columns from `customers c`.
pub(crate) const SUMMARY_COLUMNS_C: &str =
    "c.id, c.first_name, c.last_name, c.email, c.phone, c.city, c.segment, c.total_spent, c.lifetime_value, c.incomplete";

pub(crate) fn summary_from_row(row: &SqliteRow) -> CustomerSummary {
    CustomerSummary {
        id: row.get("id"),
        first_name: row.get("first_name"),
        last_name: row.get("last_name"),
        email: row.get("email"),
        phone: row.get("phone"),
        city: row.get("city"),
        segment: Segment::parse(row.get::<&str, _>("segment")).unwrap_or(Segment::New),
        total_spent: Money::from_dirhams(row.get("total_spent")),
        lifetime_value: Money::from_dirhams(row.get("lifetime_value")),
        incomplete: row.get::<bool, _>("incomplete"),
    }
}

fn parse_time(text: Option<String>) -> Option<DateTime<Utc>> {
    text.and_then(|t| DateTime::parse_from_rfc3339(&t).ok()).map(|t| t.with_timezone(&Utc))
}

fn parse_decimal(text: &str) -> Decimal {
    text.parse().unwrap_or_default()
}

fn json_list(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

fn enum_from<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(Value::String(text.to_string())).ok()
}

fn enum_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> Result<Option<Customer>> {
    let Some(row) = sqlx::query("SELECT * FROM customers WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let addresses = sqlx::query(
        "SELECT * FROM customer_addresses WHERE customer_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|a| Address {
        country: a.get("country"),
        city: a.get("city"),
        area: a.get("area"),
        street: a.get("street"),
        building: a.get("building"),
        apartment: a.get("apartment"),
        postal_code: a.get("postal_code"),
        coordinates: match (a.get::<Option<f64>, _>("lat"), a.get::<Option<f64>, _>("lng")) {
            (Some(lat), Some(lng)) => Some(Coordinates { lat, lng }),
            _ => None,
        },
        is_default: a.get("is_default"),
    })
    .collect();
    let tags: Vec<String> = sqlx::query_scalar("SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(Some(customer_from_row(&row, addresses, tags)))
}

fn customer_from_row(row: &SqliteRow, addresses: Vec<Address>, tags: Vec<String>) -> Customer {
    let created_at = parse_time(row.get("created_at")).unwrap_or_default();
    let phone: String = row.get("phone");
    Customer {
        id: row.get("id"),
        user_id: row.get("user_id"),
        email: row.get("email"),
        phone_operator: row.get::<Option<&str>, _>("phone_operator").and_then(Operator::parse),
        personal_info: PersonalInfo {
            first_name: row.get("first_name"),
            last_name: row.get("last_name"),
            date_of_birth: row
                .get::<Option<&str>, _>("date_of_birth")
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            gender: row.get::<Option<&str>, _>("gender").and_then(enum_from),
            preferred_language: Lang::parse(row.get("preferred_language")).unwrap_or_default(),
            nationality: row.get("nationality"),
        },
        contact_info: ContactInfo {
            primary_phone: phone.clone(),
            secondary_phone: row.get("secondary_phone"),
            whatsapp: row.get("whatsapp"),
            preferred_contact_method: enum_from(row.get("preferred_contact_method")).unwrap_or_default(),
            communication_preferences: CommunicationPreferences {
                marketing_emails: row.get("marketing_emails"),
                sms_notifications: row.get("sms_notifications"),
                order_updates: row.get("order_updates"),
                promotional_offers: row.get("promotional_offers"),
                whatsapp_messages: row.get("whatsapp_messages"),
                push_notifications: row.get("push_notifications"),
                email_frequency: enum_from(row.get("email_frequency")).unwrap_or_default(),
                email_categories: json_list(row.get("email_categories")),
            },
        },
        phone,
        addresses,
        history: History {
            first_order_date: parse_time(row.get("first_order_date")),
            last_order_date: parse_time(row.get("last_order_date")),
            total_orders: row.get("total_orders"),
            total_spent: Money::from_dirhams(row.get("total_spent")),
            average_order_value: Money::from_dirhams(row.get("average_order_value")),
            favorite_categories: json_list(row.get("favorite_categories")),
            preferred_payment_method: row.get("preferred_payment_method"),
            preferred_shipping_method: row.get("preferred_shipping_method"),
        },
        segmentation: Segmentation {
            segment: Segment::parse(row.get("segment")).unwrap_or(Segment::New),
            lifetime_value: Money::from_dirhams(row.get("lifetime_value")),
            churn_risk: parse_decimal(row.get("churn_risk")),
            engagement_score: parse_decimal(row.get("engagement_score")),
            satisfaction_score: row.get::<Option<&str>, _>("satisfaction_score").map(parse_decimal),
            segment_updated_at: parse_time(row.get("segment_updated_at")),
        },
        interactions: Interactions {
            last_activity_date: parse_time(row.get("last_activity_date")).unwrap_or(created_at),
            total_logins: row.get("total_logins"),
            total_page_views: row.get("total_page_views"),
            total_cart_additions: row.get("total_cart_additions"),
            total_wishlist_items: row.get("total_wishlist_items"),
            newsletter_subscription: row.get("newsletter_subscription"),
            referral_source: row.get("referral_source"),
        },
        metadata: Metadata {
            created_at,
            updated_at: parse_time(row.get("updated_at")).unwrap_or(created_at),
            created_by: row.get("created_by"),
            tags,
            notes: row.get("notes"),
            custom_fields: serde_json::from_str::<Map<String, Value>>(row.get("custom_fields")).unwrap_or_default(),
        },
        account_manager_id: row.get("account_manager_id"),
        referral_code: row.get("referral_code"),
        referred_by: row.get("referred_by"),
        incomplete: row.get("incomplete"),
    }
}

/// The staff-editable columns, in the order [`editable_values`] gives them. Insert and
/// update share this list, so a new editable field is added in one place.
const EDITABLE_COLUMNS: [&str; 26] = [
    "email", "phone", "phone_operator", "first_name", "last_name", "date_of_birth", "gender",
    "preferred_language", "nationality", "secondary_phone", "whatsapp", "preferred_contact_method",
    "marketing_emails", "sms_notifications", "order_updates", "promotional_offers",
    "whatsapp_messages", "push_notifications", "email_frequency", "email_categories",
    "newsletter_subscription", "notes", "custom_fields", "incomplete", "city", "name_key",
];

/// The columns only an insert writes, in the order [`fixed_values`] gives them.
const FIXED_COLUMNS: [&str; 19] = [
    "id", "user_id", "created_at", "updated_at", "created_by", "last_activity_date",
    "total_logins", "total_page_views", "total_cart_additions", "total_wishlist_items",
    "referral_source", "account_manager_id", "referral_code", "referred_by", "segment",
    "total_orders", "total_spent", "average_order_value", "lifetime_value",
];

/// One column value of a customer row. Single writes bind these through sqlx and the bulk
/// writer through SQLite's C API, so both write the same columns the same way.
pub(crate) enum Bound<'a> {
    Null,
    Int(i64),
    Text(Cow<'a, str>),
}

impl<'a> Bound<'a> {
    fn text(value: &'a str) -> Self {
        Bound::Text(Cow::Borrowed(value))
    }

    fn owned(value: String) -> Self {
        Bound::Text(Cow::Owned(value))
    }

    fn optional(value: Option<&'a str>) -> Self {
        value.map_or(Bound::Null, Bound::text)
    }
}

impl From<bool> for Bound<'_> {
    fn from(value: bool) -> Self {
        Bound::Int(value.into())
    }
}

impl rusqlite::ToSql for Bound<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Bound::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Bound::Int(value) => ToSqlOutput::Borrowed(ValueRef::Integer(*value)),
            Bound::Text(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
        })
    }
}

type Query<'q> = sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

fn bind_all<'q>(query: Query<'q>, values: impl IntoIterator<Item = Bound<'q>>) -> Query<'q> {
    values.into_iter().fold(query, |query, value| match value {
        Bound::Null => query.bind(None::<i64>),
        Bound::Int(value) => query.bind(value),
        Bound::Text(Cow::Borrowed(text)) => query.bind(text),
        Bound::Text(Cow::Owned(text)) => query.bind(text),
    })
}

fn editable_values(c: &Customer) -> [Bound<'_>; EDITABLE_COLUMNS.len()] {
    let prefs = &c.contact_info.communication_preferences;
    [
        Bound::text(&c.email),
        Bound::text(&c.phone),
        Bound::optional(c.phone_operator.map(Operator::as_str)),
        Bound::text(&c.personal_info.first_name),
        Bound::text(&c.personal_info.last_name),
        c.personal_info.date_of_birth.map_or(Bound::Null, |d| Bound::owned(d.format("%Y-%m-%d").to_string())),
        c.personal_info.gender.as_ref().map_or(Bound::Null, |g| Bound::owned(enum_text(g))),
        Bound::text(c.personal_info.preferred_language.code()),
        Bound::text(&c.personal_info.nationality),
        Bound::optional(c.contact_info.secondary_phone.as_deref()),
        Bound::optional(c.contact_info.whatsapp.as_deref()),
        Bound::owned(enum_text(&c.contact_info.preferred_contact_method)),
        prefs.marketing_emails.into(),
        prefs.sms_notifications.into(),
        prefs.order_updates.into(),
        prefs.promotional_offers.into(),
        prefs.whatsapp_messages.into(),
        prefs.push_notifications.into(),
        Bound::owned(enum_text(&prefs.email_frequency)),
        Bound::owned(serde_json::to_string(&prefs.email_categories).unwrap_or_else(|_| "[]".into())),
        c.interactions.newsletter_subscription.into(),
        Bound::text(&c.metadata.notes),
        Bound::owned(Value::Object(c.metadata.custom_fields.clone()).to_string()),
        c.incomplete.into(),
        Bound::optional(c.default_address().map(|a| a.city.as_str())),
        Bound::owned(fold(&c.full_name())),
    ]
}

fn fixed_values(c: &Customer) -> [Bound<'_>; FIXED_COLUMNS.len()] {
    [
        Bound::text(&c.id),
        Bound::optional(c.user_id.as_deref()),
        Bound::owned(c.metadata.created_at.to_rfc3339()),
        Bound::owned(c.metadata.updated_at.to_rfc3339()),
        Bound::optional(c.metadata.created_by.as_deref()),
        Bound::owned(c.interactions.last_activity_date.to_rfc3339()),
        Bound::Int(c.interactions.total_logins),
        Bound::Int(c.interactions.total_page_views),
        Bound::Int(c.interactions.total_cart_additions),
        Bound::Int(c.interactions.total_wishlist_items),
        Bound::optional(c.interactions.referral_source.as_deref()),
        Bound::optional(c.account_manager_id.as_deref()),
        Bound::text(&c.referral_code),
        Bound::optional(c.referred_by.as_deref()),
        Bound::text(c.segmentation.segment.as_str()),
        Bound::Int(c.history.total_orders),
        Bound::Int(c.history.total_spent.dirhams()),
        Bound::Int(c.history.average_order_value.dirhams()),
        Bound::Int(c.segmentation.lifetime_value.dirhams()),
    ]
}

/// `INSERT INTO customers (…) VALUES (?, …)`, with a leading `rowid` column when the
/// caller assigns rowids.
fn insert_sql(with_rowid: bool) -> String {
    let columns: Vec<&str> =
        with_rowid.then_some("rowid").into_iter().chain(FIXED_COLUMNS).chain(EDITABLE_COLUMNS).collect();
    let marks = vec!["?"; columns.len()].join(", ");
    format!("INSERT INTO customers ({}) VALUES ({marks})", columns.join(", "))
}

fn update_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        let sets: Vec<String> = EDITABLE_COLUMNS.iter().map(|c| format!("{c} = ?")).collect();
        format!("UPDATE customers SET updated_at = ?, {} WHERE id = ?", sets.join(", "))
    })
}

/// Inserts a new customer with its addresses, tags and search entry.
pub(crate) async fn insert(conn: &mut SqliteConnection, c: &Customer) -> Result<()> {
    let sql = insert_sql(false);
    let query = bind_all(sqlx::query(&sql), fixed_values(c));
    let result = bind_all(query, editable_values(c)).execute(&mut *conn).await?;
    write_children(conn, c).await?;
    index(conn, result.last_insert_rowid(), c).await
}

/// Inserts many new customers, with their addresses, tags, search entries and the consent
/// changes given for them, on the caller's transaction.
///
/// This is the path a million-row import takes, so it prepares each statement once and
/// binds values through SQLite's C API on the connection sqlx opened: through sqlx every
/// value crossed to a worker thread as an owned argument, which cost more than SQLite's own
/// work (BENCHMARKS.md). The connection stays locked away from sqlx meanwhile.
pub(crate) async fn insert_many(conn: &mut SqliteConnection, customers: &[Customer], consents: &[(&str, ConsentChange)]) -> Result<()> {
    // Rowids are given, not left to SQLite, so the search index needs no lookup.
    let first_rowid: i64 = sqlx::query_scalar("SELECT coalesce(max(rowid), 0) + 1 FROM customers").fetch_one(&mut *conn).await?;
    crate::db::on_c_api(conn, |db| write_many(db, first_rowid, customers, consents)).await
}

fn write_many(db: &rusqlite::Connection, first_rowid: i64, customers: &[Customer], consents: &[(&str, ConsentChange)]) -> Result<()> {
    let mut insert_customer = db.prepare(&insert_sql(true))?;
    let mut insert_entry = db.prepare("INSERT INTO customers_fts (rowid, name, phone, email) VALUES (?, ?, ?, ?)")?;
    let mut insert_address = db.prepare(
        "INSERT INTO customer_addresses (customer_id, position, country, city, area, street,
            building, apartment, postal_code, lat, lng, is_default)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut insert_tag = db.prepare("INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)")?;
    let mut insert_consent = db.prepare(
        "INSERT INTO consent_log (id, customer_id, field, old_value, new_value, changed_at, changed_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )?;
    for (n, c) in customers.iter().enumerate() {
        insert_customer.raw_bind_parameter(1, first_rowid + n as i64)?;
        for (i, value) in fixed_values(c).iter().chain(editable_values(c).iter()).enumerate() {
            insert_customer.raw_bind_parameter(i + 2, value)?;
        }
        insert_customer.raw_execute()?;
        for (position, a) in c.addresses.iter().enumerate() {
            insert_address.execute(rusqlite::params![
                c.id,
                position as i64,
                a.country,
                a.city,
                a.area,
                a.street,
                a.building,
                a.apartment,
                a.postal_code,
                a.coordinates.map(|p| p.lat),
                a.coordinates.map(|p| p.lng),
                a.is_default,
            ])?;
        }
        for tag in &c.metadata.tags {
            insert_tag.execute([&c.id, tag])?;
        }
    }
    for (customer_id, change) in consents {
        insert_consent.execute(rusqlite::params![
            uuid::Uuid::now_v7().to_string(),
            customer_id,
            change.field,
            change.old_value,
            change.new_value,
            change.changed_at.to_rfc3339(),
            change.changed_by,
        ])?;
    }
    // The search entries go last. Each statement above opens a savepoint, and FTS5 writes
    // its pending entries out as a new segment at every savepoint: indexing row by row
    // between them made one tiny segment per customer, then merged them all again.
    for (n, c) in customers.iter().enumerate() {
        let entry = index_entry(c);
        insert_entry.execute(rusqlite::params![first_rowid + n as i64, entry.name, entry.phone, entry.email])?;
    }
    Ok(())
}

fn bind_address<'q>(query: Query<'q>, c: &'q Customer, position: usize, a: &'q Address) -> Query<'q> {
    query
        .bind(&c.id)
        .bind(position as i64)
        .bind(&a.country)
        .bind(&a.city)
        .bind(&a.area)
        .bind(&a.street)
        .bind(&a.building)
        .bind(&a.apartment)
        .bind(&a.postal_code)
        .bind(a.coordinates.map(|p| p.lat))
        .bind(a.coordinates.map(|p| p.lng))
        .bind(a.is_default)
}

/// Writes the editable columns of an existing customer; derived columns (history,
/// segmentation) belong to the modules that derive them.
pub(crate) async fn update_editable(conn: &mut SqliteConnection, c: &Customer) -> Result<()> {
    let query = sqlx::query(update_sql()).bind(c.metadata.updated_at.to_rfc3339());
    bind_all(query, editable_values(c)).bind(&c.id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM customer_addresses WHERE customer_id = ?").bind(&c.id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM customer_tags WHERE customer_id = ?").bind(&c.id).execute(&mut *conn).await?;
    write_children(conn, c).await?;
    let rowid: i64 = sqlx::query_scalar("SELECT rowid FROM customers WHERE id = ?")
        .bind(&c.id)
        .fetch_one(&mut *conn)
        .await?;
    index(conn, rowid, c).await
}

async fn write_children(conn: &mut SqliteConnection, c: &Customer) -> Result<()> {
    for (position, a) in c.addresses.iter().enumerate() {
        let query = sqlx::query(
            "INSERT INTO customer_addresses (customer_id, position, country, city, area, street,
                building, apartment, postal_code, lat, lng, is_default)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        );
        bind_address(query, c, position, a).execute(&mut *conn).await?;
    }
    for tag in &c.metadata.tags {
        sqlx::query("INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)")
            .bind(&c.id)
            .bind(tag)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The folded text the search index holds for one customer.
pub(crate) struct IndexEntry {
    pub name: String,
    pub phone: String,
    pub email: String,
}

pub(crate) fn index_entry(c: &Customer) -> IndexEntry {
    let folded = fold(&c.full_name());
    let mut words: Vec<String> = folded.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    let mut extra = Vec::new();
    for pair in words.windows(2) {
        // "عبد الله" is also indexed as "عبدالله".
        if pair[0] == "عبد" {
            extra.push(format!("عبد{}", pair[1]));
        }
    }
    for word in &words {
        extra.extend(word_variants(word));
    }
    words.extend(extra);
    let phones = std::iter::once(Some(c.phone.as_str()))
        .chain([c.contact_info.secondary_phone.as_deref(), c.contact_info.whatsapp.as_deref()])
        .flatten()
        .map(|p| PhoneE164::from_stored(p.to_string()).digits().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    IndexEntry { name: words.join(" "), phone: phones, email: fold(&c.email) }
}

async fn index(conn: &mut SqliteConnection, rowid: i64, c: &Customer) -> Result<()> {
    let entry = index_entry(c);
    sqlx::query("DELETE FROM customers_fts WHERE rowid = ?").bind(rowid).execute(&mut *conn).await?;
    sqlx::query("INSERT INTO customers_fts (rowid, name, phone, email) VALUES (?, ?, ?, ?)")
        .bind(rowid)
        .bind(entry.name)
        .bind(entry.phone)
        .bind(entry.email)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn insert_consent_change(
    conn: &mut SqliteConnection,
    customer_id: &str,
    change: &ConsentChange,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO consent_log (id, customer_id, field, old_value, new_value, changed_at, changed_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(customer_id)
    .bind(&change.field)
    .bind(&change.old_value)
    .bind(&change.new_value)
    .bind(change.changed_at.to_rfc3339())
    .bind(&change.changed_by)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn consent_log(conn: &mut SqliteConnection, customer_id: &str) -> Result<Vec<ConsentChange>> {
    let rows = sqlx::query(
        "SELECT field, old_value, new_value, changed_at, changed_by FROM consent_log
         WHERE customer_id = ?1 OR customer_id IN (SELECT id FROM customers WHERE merged_into = ?1)
         ORDER BY changed_at DESC, rowid DESC",
    )
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ConsentChange {
            field: r.get("field"),
            old_value: r.get("old_value"),
            new_value: r.get("new_value"),
            changed_at: parse_time(r.get("changed_at")).unwrap_or_default(),
            changed_by: r.get("changed_by"),
        })
        .collect())
}

pub(crate) async fn insert_audit(
    conn: &mut SqliteConnection,
    at: DateTime<Utc>,
    actor: &str,
    entity_id: &str,
    action: &str,
    changes: &Value,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
         VALUES (?, ?, ?, 'customer', ?, ?, ?)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(at.to_rfc3339())
    .bind(actor)
    .bind(entity_id)
    .bind(action)
    .bind(changes.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn audit_log(conn: &mut SqliteConnection, customer_id: &str) -> Result<Vec<AuditEntry>> {
    let rows = sqlx::query(
        "SELECT at, actor, action, changes FROM audit_log
         WHERE entity = 'customer'
           AND (entity_id = ?1 OR entity_id IN (SELECT id FROM customers WHERE merged_into = ?1))
         ORDER BY at DESC, rowid DESC LIMIT 200",
    )
    .bind(customer_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| AuditEntry {
            at: parse_time(r.get("at")).unwrap_or_default(),
            actor: r.get("actor"),
            action: r.get("action"),
            changes: serde_json::from_str(r.get("changes")).unwrap_or(Value::Null),
        })
        .collect())
}

/// Customers sharing the phone or normalised e-mail: the dedupe keys of SPEC §1.2.
pub(crate) async fn find_by_identity(
    conn: &mut SqliteConnection,
    phone: &str,
    email: &str,
    except_id: Option<&str>,
) -> Result<Vec<CustomerSummary>> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM customers
         WHERE (phone = ?1 OR (?2 <> '' AND email = ?2)) AND id <> ?3 AND {LIVE} LIMIT 10"
    );
    let rows = sqlx::query(&sql)
        .bind(phone)
        .bind(email)
        .bind(except_id.unwrap_or(""))
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(summary_from_row).collect())
}

pub(crate) type Tx<'a> = sqlx::Transaction<'a, Sqlite>;

pub(crate) async fn set_user_id(conn: &mut SqliteConnection, id: &str, user_id: &str) -> Result<()> {
    sqlx::query("UPDATE customers SET user_id = ? WHERE id = ?").bind(user_id).bind(id).execute(&mut *conn).await?;
    Ok(())
}

pub(crate) async fn clear_user_id(conn: &mut SqliteConnection, id: &str) -> Result<()> {
    sqlx::query("UPDATE customers SET user_id = NULL WHERE id = ?").bind(id).execute(&mut *conn).await?;
    Ok(())
}

pub(crate) async fn merged_into(conn: &mut SqliteConnection, id: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar::<_, Option<String>>("SELECT merged_into FROM customers WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .flatten())
}

/// Hides a customer behind the one it was merged into (leaving search), or brings it back.
pub(crate) async fn mark_merged(conn: &mut SqliteConnection, id: &str, survivor: Option<&str>, now: DateTime<Utc>) -> Result<()> {
    sqlx::query("UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?")
        .bind(survivor)
        .bind(now.to_rfc3339())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let rowid: i64 = sqlx::query_scalar("SELECT rowid FROM customers WHERE id = ?").bind(id).fetch_one(&mut *conn).await?;
    match survivor {
        Some(_) => {
            sqlx::query("DELETE FROM customers_fts WHERE rowid = ?").bind(rowid).execute(&mut *conn).await?;
        }
        None => {
            let customer = get(conn, id).await?.ok_or_else(|| crate::CoreError::CustomerNotFound(id.to_string()))?;
            index(conn, rowid, &customer).await?;
        }
    }
    Ok(())
}

/// Every live customer's identity keys, for matching a large import in memory instead of
/// two lookups per row: (platform id → id, phone → id, e-mail → id), oldest customer first.
pub(crate) async fn identity_index(
    conn: &mut SqliteConnection,
) -> Result<(std::collections::HashMap<String, String>, std::collections::HashMap<String, String>, std::collections::HashMap<String, String>)> {
    use std::collections::HashMap;
    let mut by_user: HashMap<String, String> = HashMap::new();
    let mut by_phone: HashMap<String, String> = HashMap::new();
    let mut by_email: HashMap<String, String> = HashMap::new();
    let rows: Vec<(String, Option<String>, String, String, Option<String>, bool)> = sqlx::query_as(
        "SELECT id, user_id, phone, email, merged_into, deleted_batch IS NOT NULL FROM customers ORDER BY created_at, id",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (id, user_id, phone, email, merged_into, deleted) in rows {
        // The platform id is unique even among deleted customers: a row naming one brings
        // it back (see import), rather than failing on the unique index.
        if let Some(user_id) = user_id {
            by_user.entry(user_id).or_insert_with(|| merged_into.clone().unwrap_or_else(|| id.clone()));
        }
        if merged_into.is_some() || deleted {
            continue;
        }
        by_phone.entry(phone).or_insert_with(|| id.clone());
        if !email.is_empty() {
            by_email.entry(email).or_insert(id);
        }
    }
    Ok((by_user, by_phone, by_email))
}

pub(crate) async fn is_deleted(conn: &mut SqliteConnection, id: &str) -> Result<bool> {
    Ok(sqlx::query_scalar::<_, bool>("SELECT deleted_batch IS NOT NULL FROM customers WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .unwrap_or(false))
}

/// Brings deleted customers back: visible, counted and searchable again.
pub(crate) async fn undelete(conn: &mut SqliteConnection, ids: &[String]) -> Result<()> {
    for id in ids {
        sqlx::query("UPDATE customers SET deleted_batch = NULL, deleted_at = NULL WHERE id = ? AND deleted_batch IS NOT NULL")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        let rowid: i64 = sqlx::query_scalar("SELECT rowid FROM customers WHERE id = ?").bind(id).fetch_one(&mut *conn).await?;
        let customer = get(conn, id).await?.ok_or_else(|| crate::CoreError::CustomerNotFound(id.clone()))?;
        index(conn, rowid, &customer).await?;
    }
    Ok(())
}

/// The customers table's secondary indexes (name, SQL), so a bulk load can drop them and
/// build each once at the end: one sort per index instead of a B-tree insert per row per
/// index, which is what limits a million-row import. Unique indexes stay, because they
/// enforce rules during the load.
pub(crate) async fn drop_secondary_indexes(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master
         WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (name, _) in &indexes {
        sqlx::query(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\""))).execute(&mut *conn).await?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

pub(crate) async fn create_indexes(conn: &mut SqliteConnection, statements: &[String]) -> Result<()> {
    for sql in statements {
        sqlx::query(sql).execute(&mut *conn).await?;
    }
    Ok(())
}
