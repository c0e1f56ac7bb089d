//! Finding customers: the query is folded exactly as the index was, then becomes an FTS5
//! expression. Phone-like queries match the international digits by prefix, so any
//! format of any part of a number finds it; other text matches name and e-mail words by
//! prefix, every word required.

use sqlx::SqlitePool;

use super::model::CustomerSummary;
use super::store::{summary_from_row, SUMMARY_COLUMNS};
use crate::arabic::fold;
use crate::error::Result;
use crate::phone::search_digits;

pub const MAX_SEARCH_RESULTS: u32 = 200;

/// The FTS5 MATCH expression for a user's query, or `None` when nothing searchable is
/// left (punctuation only, an empty box).
pub fn match_expression(query: &str) -> Option<String> {
    if let Some(digits) = search_digits(query) {
        return Some(format!("phone : \"{digits}\"*"));
    }
    let folded = fold(query);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(format!("{{name email}} : ({})", words.join(" AND ")))
}

/// Customers matching `query`, newest first, at most `limit`. Newest-first rather than by
/// FTS rank: ranking must score every match, which for a common name in a million-customer
/// store is hundreds of thousands of rows, while rowid order stops after `limit`.
pub async fn search(pool: &SqlitePool, query: &str, limit: u32) -> Result<Vec<CustomerSummary>> {
    let Some(expression) = match_expression(query) else {
        return Ok(Vec::new());
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM customers
         WHERE rowid IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2)
         ORDER BY rowid DESC"
    );
    let rows = sqlx::query(&sql)
        .bind(&expression)
        .bind(limit.min(MAX_SEARCH_RESULTS))
        .fetch_all(pool)
        .await?;
    Ok(rows.iter().map(summary_from_row).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_fold_and_prefix_every_word() {
        assert_eq!(match_expression("أَحْمَد").as_deref(), Some("{name email} : (\"احمد\"*)"));
        assert_eq!(
            match_expression("سالم الورفلي").as_deref(),
            Some("{name email} : (\"سالم\"* AND \"الورفلي\"*)")
        );
        assert_eq!(match_expression("091 234").as_deref(), Some("phone : \"21891234\"*"));
        assert_eq!(
            match_expression("ahmed@mail").as_deref(),
            Some("{name email} : (\"ahmed\"* AND \"mail\"*)")
        );
        // FTS5 syntax in a query is searched for as words, never interpreted.
        assert_eq!(match_expression("\" OR *").as_deref(), Some("{name email} : (\"or\"*)"));
        assert_eq!(match_expression("\" * ( ) :"), None);
        assert_eq!(match_expression("   "), None);
    }
}
