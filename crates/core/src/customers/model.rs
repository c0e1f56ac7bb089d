//! The customer record of SPEC §1.1, shaped as the SPEC names it, because that shape is
//! also the JSON contract of the CLI, the UI and later the sync hub.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Lang;
use crate::money::Money;
use crate::phone::Operator;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Customer {
    pub id: String,
    pub user_id: Option<String>,
    /// Normalised (trimmed, lower-cased); empty for an incomplete record from import or sync.
    pub email: String,
    /// E.164; the same value as `contactInfo.primaryPhone` (SPEC §1.2).
    pub phone: String,
    pub phone_operator: Option<Operator>,
    pub personal_info: PersonalInfo,
    pub contact_info: ContactInfo,
    /// A list of addresses (SPEC §1.4), under the SPEC's field name.
    #[serde(rename = "address")]
    pub addresses: Vec<Address>,
    pub history: History,
    pub segmentation: Segmentation,
    pub interactions: Interactions,
    pub metadata: Metadata,
    pub account_manager_id: Option<String>,
    pub referral_code: String,
    pub referred_by: Option<String>,
    /// Set when a required field (e-mail) is missing; the UI asks staff to complete it.
    pub incomplete: bool,
}

impl Customer {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.personal_info.first_name, self.personal_info.last_name)
            .trim()
            .to_string()
    }

    pub fn default_address(&self) -> Option<&Address> {
        self.addresses.iter().find(|a| a.is_default)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonalInfo {
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub preferred_language: Lang,
    /// ISO 3166-1 alpha-2.
    pub nationality: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactInfo {
    pub primary_phone: String,
    pub secondary_phone: Option<String>,
    pub whatsapp: Option<String>,
    pub preferred_contact_method: ContactMethod,
    pub communication_preferences: CommunicationPreferences,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ContactMethod {
    Email,
    Sms,
    #[default]
    Whatsapp,
    Phone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum EmailFrequency {
    #[default]
    Daily,
    Weekly,
    Monthly,
}

/// Consent flags. Their changes are written to the consent log (SPEC §1.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommunicationPreferences {
    pub marketing_emails: bool,
    pub sms_notifications: bool,
    pub order_updates: bool,
    pub promotional_offers: bool,
    pub whatsapp_messages: bool,
    pub push_notifications: bool,
    pub email_frequency: EmailFrequency,
    pub email_categories: Vec<String>,
}

impl Default for CommunicationPreferences {
    /// SPEC §5.3 (consent defaults): order updates on, everything that markets or opens a
    /// channel needs an opt-in.
    fn default() -> Self {
        CommunicationPreferences {
            marketing_emails: false,
            sms_notifications: false,
            order_updates: true,
            promotional_offers: false,
            whatsapp_messages: false,
            push_notifications: false,
            email_frequency: EmailFrequency::Daily,
            email_categories: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Address {
    pub country: String,
    pub city: String,
    pub area: String,
    pub street: Option<String>,
    pub building: Option<String>,
    pub apartment: Option<String>,
    pub postal_code: Option<String>,
    pub coordinates: Option<Coordinates>,
    pub is_default: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Coordinates {
    pub lat: f64,
    pub lng: f64,
}

/// Derived from orders (SPEC §3.3); read-only here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct History {
    pub first_order_date: Option<DateTime<Utc>>,
    pub last_order_date: Option<DateTime<Utc>>,
    #[ts(type = "number")]
    pub total_orders: i64,
    pub total_spent: Money,
    pub average_order_value: Money,
    pub favorite_categories: Vec<String>,
    pub preferred_payment_method: String,
    pub preferred_shipping_method: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Segment {
    New,
    Bronze,
    Silver,
    Gold,
    Platinum,
    Vip,
}

impl Segment {
    pub const ALL: [Segment; 6] = [
        Segment::New,
        Segment::Bronze,
        Segment::Silver,
        Segment::Gold,
        Segment::Platinum,
        Segment::Vip,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Segment::New => "new",
            Segment::Bronze => "bronze",
            Segment::Silver => "silver",
            Segment::Gold => "gold",
            Segment::Platinum => "platinum",
            Segment::Vip => "vip",
        }
    }

    pub fn parse(s: &str) -> Option<Segment> {
        Segment::ALL.into_iter().find(|seg| seg.as_str() == s)
    }
}

/// Derived by segmentation (SPEC §2); read-only here.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Segmentation {
    pub segment: Segment,
    pub lifetime_value: Money,
    /// 0–1, a decimal (never f64) as SPEC §0.3 requires of ratios.
    #[ts(type = "string")]
    pub churn_risk: Decimal,
    #[ts(type = "string")]
    pub engagement_score: Decimal,
    #[ts(type = "string | null")]
    pub satisfaction_score: Option<Decimal>,
    pub segment_updated_at: Option<DateTime<Utc>>,
}

/// Platform activity counters (SPEC §1.6), from sync or import.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Interactions {
    pub last_activity_date: DateTime<Utc>,
    #[ts(type = "number")]
    pub total_logins: i64,
    #[ts(type = "number")]
    pub total_page_views: i64,
    #[ts(type = "number")]
    pub total_cart_additions: i64,
    #[ts(type = "number")]
    pub total_wishlist_items: i64,
    pub newsletter_subscription: bool,
    pub referral_source: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Metadata {
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub created_by: Option<String>,
    pub tags: Vec<String>,
    pub notes: String,
    #[ts(type = "Record<string, unknown>")]
    pub custom_fields: serde_json::Map<String, serde_json::Value>,
}

/// What staff can type into the create/edit form; everything derived is absent. Text is
/// raw here; [`super::validate::validate_draft`] turns it into a checked record.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CustomerDraft {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub secondary_phone: String,
    pub whatsapp: String,
    /// `YYYY-MM-DD`, or empty.
    pub date_of_birth: String,
    pub gender: Option<Gender>,
    pub preferred_language: Lang,
    pub nationality: String,
    pub preferred_contact_method: ContactMethod,
    pub communication_preferences: CommunicationPreferences,
    pub newsletter_subscription: bool,
    pub addresses: Vec<AddressDraft>,
    pub tags: Vec<String>,
    pub notes: String,
    #[ts(type = "Record<string, unknown>")]
    pub custom_fields: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct AddressDraft {
    pub country: String,
    pub city: String,
    pub area: String,
    pub street: String,
    pub building: String,
    pub apartment: String,
    pub postal_code: String,
    pub is_default: bool,
}

/// One row of the customer list: what the list shows, nothing more, so a page of a
/// million-customer store stays small.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerSummary {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub city: Option<String>,
    pub segment: Segment,
    pub total_spent: Money,
    pub lifetime_value: Money,
    pub incomplete: bool,
}

/// A change of one consent flag (SPEC §1.3): enough to prove consent later.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsentChange {
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: String,
    pub changed_at: DateTime<Utc>,
    /// A staff user id, `customer` (via sync) or `sync`.
    pub changed_by: String,
}

/// One audit-log entry: who changed what, when.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    #[ts(type = "Record<string, unknown>")]
    pub changes: serde_json::Value,
}

/// The profile screen in one round trip.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerProfile {
    pub customer: Customer,
    pub consent_log: Vec<ConsentChange>,
    pub audit_log: Vec<AuditEntry>,
    pub timeline: Vec<super::timeline::TimelineEntry>,
}
