//! Exporting customers to CSV or XLSX for Excel: headers in the staff's language, UTF-8 with
//! a BOM so Excel reads Arabic CSV correctly, and cells that would run as formulas
//! neutralised (CSV injection: a cell starting with `=`, `+`, `-` or `@`).

use serde::{Deserialize, Serialize};
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

use super::filter::CustomerFilter;
use crate::error::Result;
use crate::i18n::{self, Lang};
use crate::money::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

/// (header message id, SQL expression) of each exported column.
const COLUMNS: &[(&str, &str)] = &[
    ("field-first-name", "c.first_name"),
    ("field-last-name", "c.last_name"),
    ("field-phone", "c.phone"),
    ("field-email", "c.email"),
    ("field-city", "c.city"),
    ("field-segment", "c.segment"),
    ("field-total-orders", "c.total_orders"),
    ("field-total-spent", "c.total_spent"),
    ("field-lifetime-value", "c.lifetime_value"),
    ("field-tags", "(SELECT group_concat(tag, ', ') FROM customer_tags t WHERE t.customer_id = c.id)"),
    ("field-notes", "c.notes"),
    ("field-created-at", "c.created_at"),
];

/// The exported file's bytes and how many customers it holds.
pub async fn export(pool: &SqlitePool, filter: &CustomerFilter, format: ExportFormat, lang: Lang) -> Result<(Vec<u8>, u64)> {
    let (condition, args) = filter.condition();
    let select: Vec<&str> = COLUMNS.iter().map(|(_, expr)| *expr).collect();
    let sql = format!("SELECT {} FROM customers c WHERE {condition} ORDER BY c.created_at, c.rowid", select.join(", "));
    let rows = sqlx::query_with(&sql, args).fetch_all(pool).await?;
    let headers: Vec<String> = COLUMNS.iter().map(|(id, _)| i18n::text(lang, id)).collect();
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            COLUMNS
                .iter()
                .enumerate()
                .map(|(i, (id, _))| match *id {
                    "field-total-spent" | "field-lifetime-value" => Money::from_dirhams(row.get::<i64, _>(i)).to_string(),
                    "field-total-orders" => row.get::<i64, _>(i).to_string(),
                    "field-segment" => i18n::text(lang, &format!("segment-{}", row.get::<String, _>(i))),
                    _ => row.get::<Option<String>, _>(i).unwrap_or_default(),
                })
                .collect()
        })
        .collect();
    let count = table.len() as u64;
    let bytes = match format {
        ExportFormat::Csv => write_csv(&headers, &table),
        ExportFormat::Xlsx => write_xlsx(&headers, &table, lang),
    };
    Ok((bytes, count))
}

/// A cell Excel would evaluate gets a leading apostrophe, which Excel shows as text.
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

pub(super) fn write_csv(headers: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let _ = writer.write_record(headers.iter().map(|h| neutralise_formula(h).into_owned()));
        for row in rows {
            let _ = writer.write_record(row.iter().map(|c| neutralise_formula(c).into_owned()));
        }
        let _ = writer.flush();
    }
    out
}

fn write_xlsx(headers: &[String], rows: &[Vec<String>], lang: Lang) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    if lang == Lang::Ar {
        sheet.set_right_to_left(true);
    }
    let bold = Format::new().set_bold();
    for (col, header) in headers.iter().enumerate() {
        let _ = sheet.write_string_with_format(0, col as u16, header.as_str(), &bold);
    }
    // Every value is written as a string cell, which Excel never evaluates: that is the
    // XLSX form of neutralising formulas, and it keeps phones' leading "+".
    for (r, row) in rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            let _ = sheet.write_string((r + 1) as u32, col as u16, cell.as_str());
        }
    }
    workbook.save_to_buffer().unwrap_or_default()
}
