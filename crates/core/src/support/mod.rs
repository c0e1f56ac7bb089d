//! The support desk (SPEC §7; issue #5): tickets and their conversation, the inbox queues
//! agents work all day, assignment, the SLA clock, smart replies, canned replies,
//! attachments and CSAT.
//!
//! The rules are pure and live apart from storage: the status machine ([`status`]), intent
//! detection and suggested replies ([`intent`]), and the business-hours SLA clock
//! ([`sla`]). The use-cases ([`tickets`], [`inbox`], [`canned`], [`attachments`]) each run
//! in one transaction and ask those rules before they write.

pub mod attachments;
pub mod canned;
pub mod inbox;
pub mod intent;
pub mod sla;
pub mod status;
pub mod template;
pub mod tickets;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use intent::{Intent, SmartReplySettings};
pub use sla::SlaSettings;
pub use status::TicketStatus;
pub use tickets::*;

/// SQL for "still to be worked on", written exactly as the partial indexes of migration 6
/// say it, so that SQLite uses them.
pub(crate) const ACTIVE: &str = "status IN ('open', 'in_progress', 'waiting_response')";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Priority {
    Low,
    Medium,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::Low, Priority::Medium, Priority::High, Priority::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    pub fn parse(text: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The queue sorts on it, highest first.
    pub fn rank(self) -> i64 {
        self as i64
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Category {
    Order,
    Payment,
    Shipping,
    Product,
    Technical,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [Category::Order, Category::Payment, Category::Shipping, Category::Product, Category::Technical, Category::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Order => "order",
            Category::Payment => "payment",
            Category::Shipping => "shipping",
            Category::Product => "product",
            Category::Technical => "technical",
            Category::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// Where a ticket came from, and where replies go (SPEC §7.1 Addition, §7.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    Email,
    Sms,
    Whatsapp,
    Phone,
    Platform,
}

impl Channel {
    pub const ALL: [Channel; 5] = [Channel::Email, Channel::Sms, Channel::Whatsapp, Channel::Phone, Channel::Platform];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
            Channel::Whatsapp => "whatsapp",
            Channel::Phone => "phone",
            Channel::Platform => "platform",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Sender {
    Customer,
    Agent,
    System,
}

impl Sender {
    pub fn as_str(self) -> &'static str {
        match self {
            Sender::Customer => "customer",
            Sender::Agent => "agent",
            Sender::System => "system",
        }
    }

    pub fn parse(text: &str) -> Option<Sender> {
        [Sender::Customer, Sender::Agent, Sender::System].into_iter().find(|s| s.as_str() == text)
    }
}

/// The desk's settings beyond the SLA and smart replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SupportSettings {
    /// Subcategories offered per category (SPEC §7.1: free text or a list per category).
    pub subcategories: Vec<(Category, Vec<String>)>,
    /// Days a ticket waits on the customer before it is resolved by itself, and days a
    /// resolved ticket stays before it closes (SPEC §7.2, proposed: 7 and 7).
    #[ts(type = "number")]
    pub auto_resolve_after_days: i64,
    #[ts(type = "number")]
    pub auto_close_after_days: i64,
    /// Send the suggested reply by itself as a `system` message (SPEC §7.7: off unless the
    /// workspace turns it on; for WhatsApp, `features.automatedResponses`).
    pub auto_reply: bool,
    /// Attachment limits (SPEC §7.6, proposed: 10 MB; images and PDF).
    #[ts(type = "number")]
    pub max_attachment_bytes: u64,
    pub allowed_attachment_types: Vec<String>,
}

impl Default for SupportSettings {
    fn default() -> Self {
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        SupportSettings {
            subcategories: vec![
                (Category::Order, list(&["تعديل الطلب", "إلغاء الطلب", "طلب ناقص"])),
                (Category::Payment, list(&["الدفع عند الاستلام", "سداد", "موبي كاش", "استرجاع مبلغ"])),
                (Category::Shipping, list(&["تأخير", "عنوان خاطئ", "تلف أثناء الشحن"])),
                (Category::Product, list(&["مقاس", "جودة", "استبدال"])),
                (Category::Technical, list(&["الدخول للحساب", "التطبيق"])),
            ],
            auto_resolve_after_days: 7,
            auto_close_after_days: 7,
            auto_reply: false,
            max_attachment_bytes: 10 * 1024 * 1024,
            allowed_attachment_types: list(&["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"]),
        }
    }
}

pub(crate) const SETTINGS_KEY: &str = "support.settings";
pub(crate) const SLA_KEY: &str = "support.sla";
pub(crate) const SMART_REPLIES_KEY: &str = "support.smartReplies";

pub async fn settings(pool: &sqlx::SqlitePool) -> crate::Result<SupportSettings> {
    Ok(crate::settings::get(pool, SETTINGS_KEY).await?.unwrap_or_default())
}

pub async fn sla_settings(pool: &sqlx::SqlitePool) -> crate::Result<SlaSettings> {
    Ok(crate::settings::get(pool, SLA_KEY).await?.unwrap_or_default())
}

pub async fn smart_reply_settings(pool: &sqlx::SqlitePool) -> crate::Result<SmartReplySettings> {
    Ok(crate::settings::get(pool, SMART_REPLIES_KEY).await?.unwrap_or_default())
}

/// Saves the SLA targets and calendar, and re-times every active ticket under them in the
/// same transaction.
pub async fn save_sla_settings(
    pool: &sqlx::SqlitePool,
    actor: &crate::staff::Actor,
    new: SlaSettings,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::Result<()> {
    let errors = new.check();
    if !errors.is_empty() {
        return Err(crate::CoreError::Invalid(errors));
    }
    let mut tx = pool.begin().await?;
    crate::settings::set_on(&mut tx, actor, SLA_KEY, &new, now).await?;
    tickets::retime_active(&mut tx, &new, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Saves the desk's settings (subcategories, automatic moves, auto-reply, attachment
/// limits), refusing values that would break the desk.
pub async fn save_settings(pool: &sqlx::SqlitePool, actor: &crate::staff::Actor, new: SupportSettings, now: chrono::DateTime<chrono::Utc>) -> crate::Result<()> {
    use crate::error::FieldError;
    let mut errors = Vec::new();
    if !(1..=90).contains(&new.auto_resolve_after_days) {
        errors.push(FieldError::new("autoResolveAfterDays", "support-error-days").with_arg("max", 90));
    }
    if !(1..=90).contains(&new.auto_close_after_days) {
        errors.push(FieldError::new("autoCloseAfterDays", "support-error-days").with_arg("max", 90));
    }
    if new.max_attachment_bytes == 0 || new.max_attachment_bytes > 50 * 1024 * 1024 {
        errors.push(FieldError::new("maxAttachmentBytes", "support-error-attachment-size").with_arg("max", 50));
    }
    if !errors.is_empty() {
        return Err(crate::CoreError::Invalid(errors));
    }
    crate::settings::set(pool, actor, SETTINGS_KEY, &new, now).await
}

/// Saves the intent keywords and reply templates (SPEC §7.7: keywords are settings,
/// stored verbatim). Every intent keeps at least one keyword, and a reply may use only
/// placeholders the desk can fill.
pub async fn save_smart_reply_settings(
    pool: &sqlx::SqlitePool,
    actor: &crate::staff::Actor,
    new: SmartReplySettings,
    now: chrono::DateTime<chrono::Utc>,
) -> crate::Result<()> {
    use crate::error::FieldError;
    let mut errors = Vec::new();
    for (i, rule) in new.rules.iter().enumerate() {
        if rule.keywords.iter().all(|k| k.trim().is_empty()) {
            errors.push(FieldError::new(format!("rules.{i}.keywords"), "error-required"));
        }
    }
    let known = template::ReplyContext {
        first_name: Some("x".into()),
        last_name: Some("x".into()),
        order_number: Some("x".into()),
        ticket_number: Some("x".into()),
        agent_name: Some("x".into()),
    };
    for (intent, reply) in &new.replies {
        for (lang, text) in [("ar", &reply.ar), ("en", &reply.en)] {
            if text.trim().is_empty() {
                errors.push(FieldError::new(format!("replies.{}.{lang}", intent.as_str()), "error-required"));
            } else if let Err((_, missing)) = template::fill(text, &known) {
                errors.push(FieldError::new(format!("replies.{}.{lang}", intent.as_str()), "canned-error-placeholder").with_arg("placeholder", missing.join(", ")));
            }
        }
    }
    if !errors.is_empty() {
        return Err(crate::CoreError::Invalid(errors));
    }
    crate::settings::set(pool, actor, SMART_REPLIES_KEY, &new, now).await
}

/// Everything the desk's settings card edits, in one read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeskSettings {
    pub support: SupportSettings,
    pub sla: SlaSettings,
    pub smart_replies: SmartReplySettings,
}

pub async fn desk_settings(pool: &sqlx::SqlitePool) -> crate::Result<DeskSettings> {
    Ok(DeskSettings { support: settings(pool).await?, sla: sla_settings(pool).await?, smart_replies: smart_reply_settings(pool).await? })
}
