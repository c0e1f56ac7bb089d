//! Canned replies: texts agents reuse, in Arabic and English, with placeholders
//! (`{{firstName}}`, `{{orderNumber}}` …) filled from the ticket when inserted. What cannot
//! be filled stays visible in the draft and is named, and a reply still holding one is
//! refused when sent ([`super::tickets::reply`]).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

use super::template::{fill, ReplyContext};
use super::Category;
use crate::error::{CoreError, FieldError, Result};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CannedReply {
    pub id: String,
    pub title: String,
    pub body_ar: String,
    pub body_en: String,
    pub category: Option<Category>,
    pub active: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CannedReplyDraft {
    /// None to add a new one.
    pub id: Option<String>,
    pub title: String,
    pub body_ar: String,
    pub body_en: String,
    pub category: Option<Category>,
    pub active: bool,
}

/// The replies a new workspace starts with.
pub fn defaults() -> Vec<CannedReplyDraft> {
    let draft = |title: &str, ar: &str, en: &str, category| CannedReplyDraft {
        id: None,
        title: title.into(),
        body_ar: ar.into(),
        body_en: en.into(),
        category,
        active: true,
    };
    vec![
        draft(
            "ترحيب",
            "مرحباً {{firstName}}، شكراً لتواصلك مع خدمة العملاء. كيف يمكنني مساعدتك؟",
            "Hello {{firstName}}, thank you for contacting customer service. How can I help you?",
            None,
        ),
        draft(
            "الطلب في الطريق",
            "مرحباً {{firstName}}، طلبك رقم {{orderNumber}} خرج للتوصيل وسيصلك خلال يوم إلى يومين عمل.",
            "Hello {{firstName}}, your order {{orderNumber}} is out for delivery and will reach you within one to two working days.",
            Some(Category::Shipping),
        ),
        draft(
            "طلب رقم الطلب",
            "مرحباً {{firstName}}، ممكن تبعتلنا رقم الطلب باش نقدروا نتابعوه؟",
            "Hello {{firstName}}, could you send us the order number so we can follow it up?",
            Some(Category::Order),
        ),
        draft(
            "إغلاق التذكرة",
            "يسعدنا أننا قدرنا نساعدوك يا {{firstName}}. تذكرتك رقم {{ticketNumber}} مغلقة الآن، ولا تتردد في مراسلتنا في أي وقت.",
            "We're glad we could help, {{firstName}}. Your ticket {{ticketNumber}} is now closed; write to us any time.",
            None,
        ),
    ]
}

fn check(draft: &CannedReplyDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (field, text) in [("title", &draft.title), ("bodyAr", &draft.body_ar), ("bodyEn", &draft.body_en)] {
        if text.trim().is_empty() {
            errors.push(FieldError::new(field, "error-required"));
        }
    }
    for (field, text) in [("bodyAr", &draft.body_ar), ("bodyEn", &draft.body_en)] {
        // Only placeholders the desk can fill: a typo would block every reply using it.
        let known = ReplyContext {
            first_name: Some("x".into()),
            last_name: Some("x".into()),
            order_number: Some("x".into()),
            ticket_number: Some("x".into()),
            agent_name: Some("x".into()),
        };
        if let Err((_, missing)) = fill(text, &known) {
            errors.push(FieldError::new(field, "canned-error-placeholder").with_arg("placeholder", missing.join(", ")));
        }
    }
    errors
}

pub async fn save(pool: &SqlitePool, draft: CannedReplyDraft, now: DateTime<Utc>) -> Result<CannedReply> {
    let errors = check(&draft);
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let id = draft.id.clone().unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    sqlx::query(
        "INSERT INTO canned_replies (id, title, body_ar, body_en, category, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, body_ar = excluded.body_ar, body_en = excluded.body_en,
             category = excluded.category, active = excluded.active, updated_at = excluded.updated_at",
    )
    .bind(&id)
    .bind(draft.title.trim())
    .bind(draft.body_ar.trim())
    .bind(draft.body_en.trim())
    .bind(draft.category.map(Category::as_str))
    .bind(draft.active)
    .bind(now.to_rfc3339())
    .bind(now.to_rfc3339())
    .execute(pool)
    .await?;
    Ok(CannedReply { id, title: draft.title.trim().into(), body_ar: draft.body_ar.trim().into(), body_en: draft.body_en.trim().into(), category: draft.category, active: draft.active })
}

/// The canned replies, active ones only unless `all`; seeded with [`defaults`] the first
/// time the desk has none.
pub async fn list(pool: &SqlitePool, all: bool, now: DateTime<Utc>) -> Result<Vec<CannedReply>> {
    let any: i64 = sqlx::query_scalar("SELECT count(*) FROM canned_replies").fetch_one(pool).await?;
    if any == 0 {
        for draft in defaults() {
            save(pool, draft, now).await?;
        }
    }
    let rows = sqlx::query("SELECT id, title, body_ar, body_en, category, active FROM canned_replies WHERE active OR ? ORDER BY title")
        .bind(all)
        .fetch_all(pool)
        .await?;
    Ok(rows
        .iter()
        .map(|row| CannedReply {
            id: row.get("id"),
            title: row.get("title"),
            body_ar: row.get("body_ar"),
            body_en: row.get("body_en"),
            category: row.get::<Option<String>, _>("category").as_deref().and_then(Category::parse),
            active: row.get("active"),
        })
        .collect())
}

/// A canned reply filled for one ticket, in the customer's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FilledReply {
    pub text: String,
    /// Placeholders the ticket could not fill; the agent types them before sending.
    pub missing: Vec<String>,
}

pub async fn fill_for_ticket(pool: &SqlitePool, reply_id: &str, ticket_id: &str, agent_name: &str) -> Result<FilledReply> {
    let row = sqlx::query("SELECT body_ar, body_en FROM canned_replies WHERE id = ?")
        .bind(reply_id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| CoreError::Invalid(vec![FieldError::new("reply", "canned-error-missing")]))?;
    let ticket = super::tickets::get(pool, ticket_id).await?;
    let suggestion = super::tickets::suggest(pool, ticket_id).await?;
    let (first, last, language): (String, String, String) =
        sqlx::query_as("SELECT first_name, last_name, preferred_language FROM customers WHERE id = ?").bind(&ticket.customer_id).fetch_one(pool).await?;
    let body: String = match Lang::parse(&language).unwrap_or_default() {
        Lang::Ar => row.get("body_ar"),
        Lang::En => row.get("body_en"),
    };
    let context = ReplyContext {
        first_name: Some(first),
        last_name: Some(last),
        order_number: suggestion.order_number,
        ticket_number: Some(ticket.ticket_number),
        agent_name: Some(agent_name.to_string()),
    };
    Ok(match fill(&body, &context) {
        Ok(text) => FilledReply { text, missing: Vec::new() },
        Err((text, missing)) => FilledReply { text, missing },
    })
}
