//! Which customers a list, an export or a bulk action covers: the search text and the
//! filters staff set, as one value every use-case shares.

use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteArguments;
use sqlx::Arguments;
use ts_rs::TS;

use chrono::NaiveDate;

use super::model::Segment;
use crate::money::Money;
use super::custom_fields::{is_valid_key, CustomFieldMatch};
use crate::segmentation::ChurnBand;
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
    /// Total spent at least / at most.
    pub total_spent_min: Option<Money>,
    pub total_spent_max: Option<Money>,
    /// Last counted order on or after / on or before (store dates).
    pub last_order_after: Option<NaiveDate>,
    pub last_order_before: Option<NaiveDate>,
    /// Every listed consent must be given.
    pub consents: Vec<ConsentFlag>,
    /// A custom field's value (SPEC §1.7).
    pub custom_field: Option<CustomFieldMatch>,
    /// Churn bands (SPEC §2.4); any of them.
    pub churn_bands: Vec<ChurnBand>,
}

/// A consent a filter can require (SPEC §1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ConsentFlag {
    MarketingEmails,
    SmsNotifications,
    OrderUpdates,
    PromotionalOffers,
    WhatsappMessages,
    PushNotifications,
    NewsletterSubscription,
}

impl ConsentFlag {
    fn column(self) -> &'static str {
        match self {
            ConsentFlag::MarketingEmails => "c.marketing_emails",
            ConsentFlag::SmsNotifications => "c.sms_notifications",
            ConsentFlag::OrderUpdates => "c.order_updates",
            ConsentFlag::PromotionalOffers => "c.promotional_offers",
            ConsentFlag::WhatsappMessages => "c.whatsapp_messages",
            ConsentFlag::PushNotifications => "c.push_notifications",
            ConsentFlag::NewsletterSubscription => "c.newsletter_subscription",
        }
    }
}

impl CustomerFilter {
    /// True when the filter selects by tier alone, so its total is in `segment_counts`.
    pub(crate) fn is_tiers_only(&self) -> bool {
        self.query.trim().is_empty()
            && self.city.as_deref().is_none_or(|c| c.trim().is_empty())
            && self.tag.as_deref().is_none_or(|t| t.trim().is_empty())
            && self.total_spent_min.is_none()
            && self.total_spent_max.is_none()
            && self.last_order_after.is_none()
            && self.last_order_before.is_none()
            && self.consents.is_empty()
            && self.custom_field.is_none()
            && self.churn_bands.is_empty()
    }

    /// The SQL condition on `customers` (aliased `c`) and its arguments. Values are always
    /// bound, never spliced.
    pub(crate) fn condition(&self) -> (String, SqliteArguments<'static>) {
        // Merged-away and deleted records are kept only for undo; no list shows them.
        let mut clauses: Vec<String> = vec![super::store::LIVE_C.to_string()];
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
        if let Some(min) = self.total_spent_min {
            clauses.push("c.total_spent >= ?".into());
            args.add(min.dirhams()).expect("an integer always binds");
        }
        if let Some(max) = self.total_spent_max {
            clauses.push("c.total_spent <= ?".into());
            args.add(max.dirhams()).expect("an integer always binds");
        }
        // Order instants are UTC; a store date covers Tripoli's day, which starts at 22:00
        // or 23:00 UTC the evening before. Comparing on the date prefix in store time keeps
        // the rule in one place: date(instant, '+2 hours') is Africa/Tripoli (no DST since 2013).
        if let Some(after) = self.last_order_after {
            clauses.push("date(c.last_order_date, '+2 hours') >= ?".into());
            bind(&mut args, after.format("%Y-%m-%d").to_string());
        }
        if let Some(before) = self.last_order_before {
            clauses.push("date(c.last_order_date, '+2 hours') <= ?".into());
            bind(&mut args, before.format("%Y-%m-%d").to_string());
        }
        for consent in &self.consents {
            clauses.push(format!("{} = 1", consent.column()));
        }
        if !self.churn_bands.is_empty() {
            let marks = vec!["?"; self.churn_bands.len()].join(", ");
            clauses.push(format!("c.churn_band IN ({marks})"));
            for band in &self.churn_bands {
                bind(&mut args, band.as_str().to_string());
            }
        }
        if let Some(wanted) = &self.custom_field {
            // json_each over a scalar yields the scalar itself, so one condition covers a
            // value equal to the wanted one and a list containing it. Text is compared as
            // text; a number or yes/no field stores JSON numbers and booleans, which
            // json_each gives as SQL numbers, so those compare as numbers.
            if is_valid_key(&wanted.key) {
                clauses.push("EXISTS (SELECT 1 FROM json_each(c.custom_fields, ?) j WHERE j.value = ? OR (j.type IN ('integer', 'real', 'true', 'false') AND j.value = ?))".into());
                bind(&mut args, format!("$.{}", wanted.key));
                let value = wanted.value.trim();
                bind(&mut args, value.to_string());
                let number: Option<f64> = match value {
                    "true" => Some(1.0),
                    "false" => Some(0.0),
                    other => other.parse().ok(),
                };
                args.add(number).expect("a number always binds");
            } else {
                clauses.push("0".into());
            }
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
    /// The ORDER BY clause; the rowid breaks ties so pages never overlap or skip, and every
    /// sort index already ends with it.
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
        parts.push(format!("c.rowid {direction}"));
        parts.join(", ")
    }
}
