//! Which customers a list, an export or a bulk action covers: the search text and the
//! filters staff set, as one value every use-case shares.

use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteArguments;
use sqlx::Arguments;
use ts_rs::TS;

use super::model::Segment;
use super::search::match_expression;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CustomerFilter {
    /// Search text (name in any spelling, phone in any format, e-mail); empty for all.
    pub query: String,
    pub segments: Vec<Segment>,
    pub city: Option<String>,
    pub tag: Option<String>,
}

impl CustomerFilter {
    /// True when the filter selects by tier alone, so its total is in `segment_counts`.
    pub(crate) fn is_tiers_only(&self) -> bool {
        self.query.trim().is_empty()
            && self.city.as_deref().is_none_or(|c| c.trim().is_empty())
            && self.tag.as_deref().is_none_or(|t| t.trim().is_empty())
    }

    /// The SQL condition on `customers` (aliased `c`) and its arguments. Values are always
    /// bound, never spliced.
    pub(crate) fn condition(&self) -> (String, SqliteArguments<'static>) {
        // Merged-away records are kept only for undo; no list shows them.
        let mut clauses: Vec<String> = vec!["c.merged_into IS NULL".to_string()];
        let mut args = SqliteArguments::default();
        let bind = |args: &mut SqliteArguments<'static>, value: String| {
            args.add(value).expect("a string always binds");
        };
        if !self.query.trim().is_empty() {
            // Text with nothing searchable in it matches nobody, as the search box does.
            match match_expression(&self.query) {
                Some(expression) => {
                    clauses.push("c.rowid IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)".into());
                    bind(&mut args, expression);
                }
                None => clauses.push("0".into()),
            }
        }
        if !self.segments.is_empty() {
            let marks = vec!["?"; self.segments.len()].join(", ");
            clauses.push(format!("c.segment IN ({marks})"));
            for segment in &self.segments {
                bind(&mut args, segment.as_str().to_string());
            }
        }
        if let Some(city) = self.city.as_ref().filter(|c| !c.trim().is_empty()) {
            clauses.push("c.city = ?".into());
            bind(&mut args, city.trim().to_string());
        }
        if let Some(tag) = self.tag.as_ref().filter(|t| !t.trim().is_empty()) {
            clauses.push("EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?)".into());
            bind(&mut args, tag.trim().to_string());
        }
        let sql = clauses.join(" AND ");
        (sql, args)
    }
}

/// A sortable column of the customer list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SortColumn {
    #[default]
    UpdatedAt,
    CreatedAt,
    Name,
    City,
    Segment,
    TotalSpent,
    LifetimeValue,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CustomerSort {
    pub column: SortColumn,
    pub descending: bool,
}

impl CustomerSort {
    /// The ORDER BY clause; `id` breaks ties so pages never overlap or skip.
    pub(crate) fn order_by(self) -> String {
        let direction = if self.descending { "DESC" } else { "ASC" };
        let columns: &[&str] = match self.column {
            SortColumn::UpdatedAt => &["c.updated_at"],
            SortColumn::CreatedAt => &["c.created_at"],
            SortColumn::Name => &["c.first_name", "c.last_name"],
            SortColumn::City => &["c.city"],
            // Tier rank, not alphabetical order.
            SortColumn::Segment => &["CASE c.segment WHEN 'new' THEN 1 WHEN 'bronze' THEN 2 WHEN 'silver' THEN 3 WHEN 'gold' THEN 4 WHEN 'platinum' THEN 5 ELSE 6 END"],
            SortColumn::TotalSpent => &["c.total_spent"],
            SortColumn::LifetimeValue => &["c.lifetime_value"],
        };
        let mut parts: Vec<String> = columns.iter().map(|c| format!("{c} {direction}")).collect();
        parts.push(format!("c.id {direction}"));
        parts.join(", ")
    }
}
