//! Importing orders from a store platform's export (CSV or XLSX), one row per line item
//! (SPEC §3.1; issue #4's column list). Rows are grouped into orders by `order_id`; each
//! order is checked as a whole and goes through the same ingest use-case as sync, so an
//! order whose any row is wrong is rejected entirely (nothing half-applied) and re-importing
//! a file changes nothing. The whole import is one transaction.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use super::{ingest_on, IngestMode, OrderChange, OrderInput, OrderItem, OrderStatus};
use crate::customers::{self, RejectedRow};
use crate::error::{CoreError, FieldError, Result};
use crate::i18n::Lang;
use crate::import::{read_table, TableRow};
use crate::money::Money;
use crate::phone::PhoneE164;
use crate::segmentation;
use crate::staff::Actor;

pub struct OrderImportOptions<'a> {
    pub now: DateTime<Utc>,
    /// Historical (the default: a migration or backfill, fires nothing) or live.
    pub mode: IngestMode,
    pub cancel: Option<&'a AtomicBool>,
}

/// `{"inserted","updated","unchanged","customersCreated","rejected":[{line,field,reason}]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderImportReport {
    #[ts(type = "number")]
    pub inserted: u64,
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    /// Customers created because an order named a phone no customer had.
    #[ts(type = "number")]
    pub customers_created: u64,
    /// Customers whose tier changed.
    #[ts(type = "number")]
    pub tier_changes: u64,
    pub rejected: Vec<RejectedRow>,
    pub encoding: String,
}

impl OrderImportReport {
    pub fn localize(&mut self, lang: Lang) {
        RejectedRow::localize_all(&mut self.rejected, lang);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Column {
    OrderId = 0,
    OrderNumber,
    CustomerRef,
    CreatedAt,
    Status,
    Total,
    ShippingFee,
    RefundedAmount,
    PaymentMethod,
    ShippingMethod,
    ProductId,
    ProductName,
    Category,
    Brand,
    Quantity,
    UnitPrice,
    IsLocalProduct,
}

impl Column {
    const COUNT: usize = Column::IsLocalProduct as usize + 1;
}

/// Header spellings, compared after folding (Arabic letter variants, case, separators).
const HEADERS: &[(Column, &[&str])] = &[
    (Column::OrderId, &["order_id", "order id", "id", "رقم الطلب الداخلي", "معرف الطلب"]),
    (Column::OrderNumber, &["order_number", "order number", "order no", "رقم الطلب"]),
    (Column::CustomerRef, &["customer_ref", "customer", "customer id", "customer_id", "phone", "العميل", "هاتف العميل", "الهاتف"]),
    (Column::CreatedAt, &["created_at", "created at", "date", "order date", "تاريخ الطلب", "التاريخ"]),
    (Column::Status, &["status", "order status", "الحالة", "حالة الطلب"]),
    (Column::Total, &["total", "order total", "الاجمالي", "اجمالي الطلب", "المجموع"]),
    (Column::ShippingFee, &["shipping_fee", "shipping fee", "رسوم الشحن", "الشحن"]),
    (Column::RefundedAmount, &["refunded_amount", "refunded amount", "refund", "المبلغ المسترد", "المسترد"]),
    (Column::PaymentMethod, &["payment_method", "payment method", "payment", "طريقة الدفع"]),
    (Column::ShippingMethod, &["shipping_method", "shipping method", "طريقة الشحن", "طريقة التوصيل"]),
    (Column::ProductId, &["product_id", "product id", "sku", "رقم المنتج", "رمز المنتج"]),
    (Column::ProductName, &["product_name", "product name", "product", "المنتج", "اسم المنتج"]),
    (Column::Category, &["category", "الفئة", "التصنيف", "القسم"]),
    (Column::Brand, &["brand", "العلامة التجارية", "الماركة"]),
    (Column::Quantity, &["quantity", "qty", "الكمية"]),
    (Column::UnitPrice, &["unit_price", "unit price", "price", "سعر الوحدة", "السعر"]),
    (Column::IsLocalProduct, &["is_local_product", "local product", "local", "منتج محلي", "محلي"]),
];

fn normalise_header(header: &str) -> String {
    crate::arabic::fold(header).replace(['_', '-'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn detect_columns(headers: &[String]) -> HashMap<Column, usize> {
    let mut found = HashMap::new();
    for (index, header) in headers.iter().enumerate() {
        let normal = normalise_header(header);
        if let Some((column, _)) = HEADERS.iter().find(|(column, names)| {
            !found.contains_key(column) && names.iter().any(|name| normalise_header(name) == normal)
        }) {
            found.insert(*column, index);
        }
    }
    found
}

/// `YYYY-MM-DD HH:MM[:SS]` (or with a `T`), what platform exports mostly write, read
/// without chrono's format interpreter: a million-order file spends seconds in it.
fn store_time_fast(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if !(b.len() == 16 || b.len() == 19) || b[4] != b'-' || b[7] != b'-' || !(b[10] == b' ' || b[10] == b'T') || b[13] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let seconds = if b.len() == 19 {
        if b[16] != b':' {
            return None;
        }
        number(17..19)?
    } else {
        0
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?.and_hms_opt(number(11..13)?, number(14..16)?, seconds)
}

/// Instants as platforms write them: RFC 3339, or a date and time (or a date alone) in
/// store time.
fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    let text = crate::arabic::ascii_digits(text.trim());
    if let Some(local) = store_time_fast(&text) {
        return Some(crate::time::store_instant(local));
    }
    if let Some(instant) = crate::time::parse_instant(&text) {
        return Some(instant);
    }
    let local = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&text, f).ok())
        .or_else(|| {
            ["%Y-%m-%d", "%d/%m/%Y"].iter().find_map(|f| NaiveDate::parse_from_str(&text, f).ok()).and_then(|d| d.and_hms_opt(12, 0, 0))
        })?;
    Some(crate::time::store_instant(local))
}

fn parse_flag(text: &str) -> Option<bool> {
    match crate::arabic::fold(text.trim()).as_str() {
        "" | "0" | "false" | "no" | "n" | "لا" => Some(false),
        "1" | "true" | "yes" | "y" | "نعم" => Some(true),
        _ => None,
    }
}

/// One order's rows, as read, with the problems found while reading them.
struct Group {
    first_line: u64,
    lines: Vec<u64>,
    input: OrderInput,
    customer_ref: String,
    errors: Vec<(u64, FieldError)>,
}

pub async fn import_orders(
    pool: &SqlitePool,
    actor: &Actor,
    bytes: &[u8],
    options: OrderImportOptions<'_>,
    mut progress: impl FnMut(u64, u64),
) -> Result<OrderImportReport> {
    let table = read_table(bytes).map_err(CoreError::NotATable)?;
    let columns = detect_columns(&table.headers);
    let required = [Column::OrderId, Column::CustomerRef, Column::CreatedAt, Column::Status, Column::Total];
    let missing: Vec<FieldError> = required
        .iter()
        .filter(|c| !columns.contains_key(c))
        .map(|c| FieldError::new("mapping", "import-error-missing-column").with_arg("column", format!("{c:?}")))
        .collect();
    if !missing.is_empty() {
        return Err(CoreError::Invalid(missing));
    }
    let mut report = OrderImportReport { encoding: table.encoding.to_string(), ..Default::default() };
    let groups = group_rows(&table.rows, &columns);
    let total = groups.len() as u64;
    // A large historical file gets a large page cache for its one transaction, given back
    // however the import ends; a connection that cannot give it back is not reused.
    let bulk = options.mode == IngestMode::Historical && groups.len() >= BULK_FROM;
    let mut conn = pool.acquire().await?;
    if bulk {
        crate::db::set_cache(&mut conn, crate::db::BULK_CACHE_KIB).await?;
    }
    let result = ingest_groups(&mut conn, actor, groups, &options, &mut report, &mut progress).await;
    if bulk && crate::db::set_cache(&mut conn, crate::db::CACHE_KIB).await.is_err() {
        drop(conn.detach());
    }
    result?;
    report.rejected.sort_by_key(|r| r.line);
    progress(total, total);
    Ok(report)
}

/// From this many orders in a historical file, the import runs with the bulk page cache.
const BULK_FROM: usize = 200_000;

/// Resolves, checks and ingests the grouped orders in one transaction on `conn`.
async fn ingest_groups(
    conn: &mut sqlx::SqliteConnection,
    actor: &Actor,
    groups: Vec<Group>,
    options: &OrderImportOptions<'_>,
    report: &mut OrderImportReport,
    progress: &mut impl FnMut(u64, u64),
) -> Result<()> {
    use sqlx::Connection;
    let total = groups.len() as u64;
    let cancelled = || options.cancel.is_some_and(|c| c.load(Ordering::Relaxed));

    let mut tx = conn.begin().await?;
    // The segmentation and loyalty rules, read once for every order in the file.
    let rules = crate::db::on_c_api(&mut tx, crate::loyalty::earning::context).await?;
    let settings = &rules.segmentation;
    let mut created_for: HashMap<String, String> = HashMap::new();
    // Most customers have several orders in a file: each reference is looked up once, all
    // of them in one pass on the C API.
    let resolved: HashMap<String, Option<String>> = crate::db::on_c_api(&mut tx, |db| {
        let mut resolved = HashMap::new();
        for group in &groups {
            if !resolved.contains_key(&group.customer_ref) {
                let found = match customers::resolve_ref_c(db, &group.customer_ref) {
                    Ok(id) => Some(id),
                    Err(CoreError::CustomerNotFound(_)) => None,
                    Err(e) => return Err(e),
                };
                resolved.insert(group.customer_ref.clone(), found);
            }
        }
        Ok(resolved)
    })
    .await?;
    let mut historical: Vec<OrderInput> = Vec::new();
    for (n, mut group) in groups.into_iter().enumerate() {
        if n % 500 == 0 {
            if cancelled() {
                return Err(CoreError::Cancelled);
            }
            progress(n as u64, total);
        }
        let mut errors = std::mem::take(&mut group.errors);
        let known = resolved.get(&group.customer_ref).cloned().flatten();
        match known {
            Some(id) => group.input.customer_id = id,
            None => match PhoneE164::parse(&group.customer_ref) {
                // An order for a phone no customer has creates that customer.
                Ok(phone) if errors.is_empty() => {
                    let id = match created_for.get(phone.as_str()) {
                        Some(id) => id.clone(),
                        None => {
                            let id = customers::create_from_phone(&mut tx, actor, phone.clone(), options.now).await?;
                            created_for.insert(phone.as_str().to_string(), id.clone());
                            report.customers_created += 1;
                            id
                        }
                    };
                    group.input.customer_id = id;
                }
                Ok(_) => {}
                Err(_) => errors.push((group.first_line, FieldError::new("customerRef", "order-error-unknown-customer").with_arg("ref", &group.customer_ref))),
            },
        }
        if errors.is_empty() {
            for e in super::validate(&group.input, options.now) {
                let line = e
                    .field
                    .strip_prefix("items.")
                    .and_then(|rest| rest.split('.').next())
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| group.lines.get(i).copied())
                    .unwrap_or(group.first_line);
                errors.push((line, e));
            }
        }
        if !errors.is_empty() {
            report.rejected.extend(errors.into_iter().map(|(line, e)| RejectedRow {
                line,
                field: e.field,
                reason: String::new(),
                reason_id: e.message_id,
                args: e.args,
            }));
            continue;
        }
        if options.mode == IngestMode::Historical {
            historical.push(group.input);
            continue;
        }
        // A live file fires each order's effects in order, as sync would.
        let outcome = ingest_on(&mut tx, group.input, options.mode, options.now, &rules).await?;
        match outcome.change {
            OrderChange::Inserted => report.inserted += 1,
            OrderChange::Updated => report.updated += 1,
            OrderChange::Unchanged => report.unchanged += 1,
        }
        if outcome.segment_change.is_some() {
            report.tier_changes += 1;
        }
    }
    if !historical.is_empty() {
        if cancelled() {
            return Err(CoreError::Cancelled);
        }
        let batch = super::ingest_historical(&mut tx, historical, options.now, settings).await?;
        report.inserted += batch.inserted;
        report.updated += batch.updated;
        report.unchanged += batch.unchanged;
        report.tier_changes += batch.tier_changes;
    }
    if cancelled() {
        return Err(CoreError::Cancelled);
    }
    // RFM ranks customers against each other, so new orders rescore everyone (a
    // historical batch has done so already).
    if options.mode == IngestMode::Live && report.inserted + report.updated > 0 {
        segmentation::recompute_all_on(&mut tx, settings, options.now, segmentation::Reason::Import, segmentation::History::Stored, |_, _| {})
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

fn group_rows(rows: &[TableRow], columns: &HashMap<Column, usize>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // Millions of rows: each order id hashed once, and each column's position looked up
    // once for the file rather than once per cell.
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    let mut position = [None; Column::COUNT];
    for (column, &index) in columns {
        position[*column as usize] = Some(index);
    }
    for row in rows {
        let cell = |column: Column| position[column as usize].and_then(|i| row.cells.get(i)).map(|s| s.trim()).unwrap_or("");
        let id = cell(Column::OrderId).to_string();
        let slot = match by_id.get(&id) {
            Some(&slot) if !id.is_empty() => slot,
            _ => {
                let mut errors = Vec::new();
                let line = row.line;
                let money = |column: Column, field: &str, errors: &mut Vec<(u64, FieldError)>| {
                    let text = cell(column);
                    if text.is_empty() {
                        return Money::ZERO;
                    }
                    Money::parse(text).unwrap_or_else(|_| {
                        errors.push((line, FieldError::new(field, "error-invalid-amount")));
                        Money::ZERO
                    })
                };
                let total = money(Column::Total, "total", &mut errors);
                let shipping_fee = money(Column::ShippingFee, "shippingFee", &mut errors);
                let refunded_amount = money(Column::RefundedAmount, "refundedAmount", &mut errors);
                if cell(Column::Total).is_empty() {
                    errors.push((line, FieldError::new("total", "error-required")));
                }
                let status = OrderStatus::parse(cell(Column::Status)).unwrap_or_else(|| {
                    errors.push((line, FieldError::new("status", "order-error-status").with_arg("value", cell(Column::Status))));
                    OrderStatus::Pending
                });
                let created_at = parse_instant(cell(Column::CreatedAt)).unwrap_or_else(|| {
                    errors.push((line, FieldError::new("createdAt", "order-error-date").with_arg("value", cell(Column::CreatedAt))));
                    DateTime::<Utc>::UNIX_EPOCH
                });
                if id.is_empty() {
                    errors.push((line, FieldError::new("id", "error-required")));
                }
                let order_number = cell(Column::OrderNumber);
                groups.push(Group {
                    first_line: line,
                    lines: Vec::new(),
                    customer_ref: cell(Column::CustomerRef).to_string(),
                    input: OrderInput {
                        id: id.clone(),
                        order_number: if order_number.is_empty() { id.clone() } else { order_number.to_string() },
                        customer_id: String::new(),
                        store_id: None,
                        created_at,
                        status,
                        status_history: Vec::new(),
                        total,
                        shipping_fee,
                        refunded_amount,
                        payment_method: cell(Column::PaymentMethod).to_string(),
                        shipping_method: cell(Column::ShippingMethod).to_string(),
                        voucher_code: None,
                        items: Vec::new(),
                    },
                    errors,
                });
                by_id.insert(id.clone(), groups.len() - 1);
                groups.len() - 1
            }
        };
        let group = &mut groups[slot];
        let product_id = cell(Column::ProductId);
        let product_name = cell(Column::ProductName);
        if product_id.is_empty() && product_name.is_empty() {
            // An order-level row with no line item.
            continue;
        }
        let quantity_text = crate::arabic::ascii_digits(cell(Column::Quantity));
        let quantity: i64 = if quantity_text.is_empty() {
            1
        } else {
            quantity_text.parse().unwrap_or_else(|_| {
                group.errors.push((row.line, FieldError::new("quantity", "order-error-quantity")));
                1
            })
        };
        let unit_price = Money::parse(cell(Column::UnitPrice)).unwrap_or_else(|_| {
            group.errors.push((row.line, FieldError::new("unitPrice", "error-invalid-amount")));
            Money::ZERO
        });
        let is_local_product = parse_flag(cell(Column::IsLocalProduct)).unwrap_or_else(|| {
            group.errors.push((row.line, FieldError::new("isLocalProduct", "order-error-flag")));
            false
        });
        let brand = cell(Column::Brand);
        group.lines.push(row.line);
        group.input.items.push(OrderItem {
            product_id: product_id.to_string(),
            product_name: product_name.to_string(),
            category: cell(Column::Category).to_string(),
            brand: (!brand.is_empty()).then(|| brand.to_string()),
            quantity,
            unit_price,
            line_total: Money::from_dirhams(unit_price.dirhams().saturating_mul(quantity.max(0))),
            is_local_product,
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_english_headers_map_to_the_same_columns() {
        let headers: Vec<String> = ["رقم الطلب الداخلي", "العميل", "تاريخ الطلب", "الحالة", "الإجمالي", "الكمية", "سعر الوحدة", "Product_Name"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let found = detect_columns(&headers);
        assert_eq!(found[&Column::OrderId], 0);
        assert_eq!(found[&Column::CustomerRef], 1);
        assert_eq!(found[&Column::Total], 4);
        assert_eq!(found[&Column::ProductName], 7);
    }

    #[test]
    fn the_fast_date_reader_agrees_with_chrono() {
        for text in ["2026-03-05 14:07", "2026-03-05T14:07", "2026-03-05 14:07:59", "2026-02-29 10:00", "2028-02-29 10:00", "2026-13-01 10:00", "2026-1-05 10:00", "2026-03-05 24:00", "2026-03-05x14:07", "٢٠٢٦-03-05 14:07"] {
            let slow = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"].iter().find_map(|f| NaiveDateTime::parse_from_str(text, f).ok());
            // The fast reader may leave a text to chrono, never read it differently.
            if let Some(fast) = store_time_fast(text) {
                assert_eq!(Some(fast), slow, "{text}");
            }
        }
        for common in ["2026-03-05 14:07", "2026-03-05T14:07:59"] {
            assert!(store_time_fast(common).is_some(), "{common}");
        }
        assert_eq!(store_time_fast("2026-02-29 10:00"), None, "no such day");
    }

    #[test]
    fn store_times_without_an_offset_are_tripoli_time() {
        assert_eq!(parse_instant("2026-03-01 14:30").unwrap().to_rfc3339(), "2026-03-01T12:30:00+00:00");
        assert_eq!(parse_instant("2026-03-01T14:30:00Z").unwrap().to_rfc3339(), "2026-03-01T14:30:00+00:00");
        assert_eq!(parse_instant("٢٠٢٦-٠٣-٠١").unwrap().to_rfc3339(), "2026-03-01T10:00:00+00:00");
        assert!(parse_instant("yesterday").is_none());
    }
}
