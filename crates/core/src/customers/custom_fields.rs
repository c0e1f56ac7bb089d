//! Custom fields (SPEC §1.7): the workspace defines which extra keys a customer carries,
//! each with an Arabic label, a type and optionally the values allowed, so the profile can
//! show and edit them and the list can filter on them. Values under a key with no
//! definition (from an import or an older definition) are kept and shown read-only.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sqlx::SqlitePool;
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::staff::Actor;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CustomFieldKind {
    Text,
    Number,
    Boolean,
    /// An ISO date, `YYYY-MM-DD`.
    Date,
    /// A list of strings.
    List,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomFieldDefinition {
    /// The key in `customFields`: a letter, then letters, digits or `_`.
    pub key: String,
    /// The Arabic label (SPEC §1.7).
    pub label: String,
    /// The English label; empty shows the Arabic one.
    #[serde(default)]
    pub label_en: String,
    pub kind: CustomFieldKind,
    /// For text and list fields: the only values allowed; empty allows any.
    #[serde(default)]
    pub allowed_values: Vec<String>,
}

/// A filter on one custom field: customers whose value equals `value`, or, for a list
/// field, whose list contains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomFieldMatch {
    pub key: String,
    pub value: String,
}

const DEFINITIONS: &str = "customers.customFieldDefinitions";
const MAX_FIELDS: usize = 50;

pub async fn custom_field_definitions(pool: &SqlitePool) -> Result<Vec<CustomFieldDefinition>> {
    Ok(crate::settings::get(pool, DEFINITIONS).await?.unwrap_or_default())
}

/// Replaces the workspace's definitions after checking every one; nothing is saved when
/// any is wrong. Customers' stored values are left alone: a removed definition only makes
/// its values read-only.
pub async fn save_custom_field_definitions(
    pool: &SqlitePool,
    actor: &Actor,
    definitions: Vec<CustomFieldDefinition>,
    now: DateTime<Utc>,
) -> Result<Vec<CustomFieldDefinition>> {
    let definitions = check_definitions(definitions).map_err(CoreError::Invalid)?;
    crate::settings::set(pool, actor, DEFINITIONS, &definitions, now).await?;
    Ok(definitions)
}

pub(crate) fn is_valid_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && key.len() <= 40
}

fn check_definitions(definitions: Vec<CustomFieldDefinition>) -> std::result::Result<Vec<CustomFieldDefinition>, Vec<FieldError>> {
    let mut errors = Vec::new();
    if definitions.len() > MAX_FIELDS {
        errors.push(FieldError::new("definitions", "custom-field-error-too-many").with_arg("max", MAX_FIELDS));
    }
    let mut cleaned: Vec<CustomFieldDefinition> = Vec::with_capacity(definitions.len());
    for (n, mut definition) in definitions.into_iter().enumerate() {
        definition.key = definition.key.trim().to_string();
        definition.label = definition.label.trim().to_string();
        definition.label_en = definition.label_en.trim().to_string();
        let field = |name: &str| format!("definitions.{n}.{name}");
        if !is_valid_key(&definition.key) {
            errors.push(FieldError::new(field("key"), "custom-field-error-key"));
        } else if cleaned.iter().any(|d| d.key.eq_ignore_ascii_case(&definition.key)) {
            errors.push(FieldError::new(field("key"), "custom-field-error-duplicate-key").with_arg("key", &definition.key));
        }
        if definition.label.is_empty() {
            errors.push(FieldError::new(field("label"), "error-required"));
        }
        if definition.label.chars().count() > 60 || definition.label_en.chars().count() > 60 {
            errors.push(FieldError::new(field("label"), "error-too-long").with_arg("max", 60));
        }
        let mut allowed: Vec<String> = Vec::new();
        for value in definition.allowed_values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
            if !allowed.iter().any(|a| a == value) {
                allowed.push(value.to_string());
            }
        }
        if !allowed.is_empty() && !matches!(definition.kind, CustomFieldKind::Text | CustomFieldKind::List) {
            errors.push(FieldError::new(field("allowedValues"), "custom-field-error-values-for-kind"));
        }
        definition.allowed_values = allowed;
        cleaned.push(definition);
    }
    if errors.is_empty() {
        Ok(cleaned)
    } else {
        Err(errors)
    }
}

/// Checks a customer's custom values against the definitions: each defined key holds a
/// value of its type (and an allowed one); keys with no definition pass as they are.
/// `null` clears a value.
pub(crate) fn check_values(definitions: &[CustomFieldDefinition], values: &Map<String, Value>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for definition in definitions {
        let Some(value) = values.get(&definition.key).filter(|v| !v.is_null()) else {
            continue;
        };
        let field = format!("customFields.{}", definition.key);
        let allowed = |text: &str| definition.allowed_values.is_empty() || definition.allowed_values.iter().any(|a| a == text);
        let ok = match (definition.kind, value) {
            (CustomFieldKind::Text, Value::String(text)) => {
                if !allowed(text) {
                    errors.push(FieldError::new(&field, "custom-field-error-not-allowed").with_arg("value", text));
                }
                true
            }
            (CustomFieldKind::Number, Value::Number(_)) | (CustomFieldKind::Boolean, Value::Bool(_)) => true,
            (CustomFieldKind::Date, Value::String(text)) => NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
            (CustomFieldKind::List, Value::Array(items)) => {
                for item in items {
                    match item.as_str() {
                        Some(text) if allowed(text) => {}
                        Some(text) => errors.push(FieldError::new(&field, "custom-field-error-not-allowed").with_arg("value", text)),
                        None => errors.push(FieldError::new(&field, "custom-field-error-kind")),
                    }
                }
                true
            }
            _ => false,
        };
        if !ok {
            errors.push(FieldError::new(&field, "custom-field-error-kind"));
        }
    }
    errors
}

/// Drops the keys a form cleared (`null` or an empty string or list), so they leave the
/// record rather than staying as empty values.
pub(crate) fn without_empty(values: &Map<String, Value>) -> Map<String, Value> {
    values
        .iter()
        .filter(|(_, v)| match v {
            Value::Null => false,
            Value::String(s) => !s.trim().is_empty(),
            Value::Array(items) => !items.is_empty(),
            _ => true,
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn definition(key: &str, kind: CustomFieldKind, allowed: &[&str]) -> CustomFieldDefinition {
        CustomFieldDefinition {
            key: key.into(),
            label: "حقل".into(),
            label_en: String::new(),
            kind,
            allowed_values: allowed.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn definitions_need_a_key_a_label_and_values_only_where_they_mean_something() {
        let good = check_definitions(vec![definition("branch", CustomFieldKind::Text, &[" قرقارش ", "قرقارش", ""])]).unwrap();
        assert_eq!(good[0].allowed_values, vec!["قرقارش"], "trimmed, deduplicated, blanks dropped");
        let bad = check_definitions(vec![
            definition("1st", CustomFieldKind::Text, &[]),
            CustomFieldDefinition { label: " ".into(), ..definition("ok", CustomFieldKind::Number, &["5"]) },
            definition("OK", CustomFieldKind::Boolean, &[]),
        ])
        .unwrap_err();
        let found: Vec<(&str, &str)> = bad.iter().map(|e| (e.field.as_str(), e.message_id.as_str())).collect();
        assert_eq!(
            found,
            vec![
                ("definitions.0.key", "custom-field-error-key"),
                ("definitions.1.label", "error-required"),
                ("definitions.1.allowedValues", "custom-field-error-values-for-kind"),
                ("definitions.2.key", "custom-field-error-duplicate-key"),
            ]
        );
    }

    #[test]
    fn values_must_match_their_definition() {
        let definitions = vec![
            definition("branch", CustomFieldKind::Text, &["قرقارش", "الفويهات"]),
            definition("wholesale", CustomFieldKind::Boolean, &[]),
            definition("since", CustomFieldKind::Date, &[]),
            definition("sizes", CustomFieldKind::List, &["S", "M"]),
            definition("visits", CustomFieldKind::Number, &[]),
        ];
        let good = json!({"branch": "قرقارش", "wholesale": true, "since": "2024-02-29", "sizes": ["S"], "visits": 3, "legacy": {"x": 1}});
        assert!(check_values(&definitions, good.as_object().unwrap()).is_empty());
        let bad = json!({"branch": "مصراتة", "wholesale": "yes", "since": "2023-02-29", "sizes": ["XL", 1], "visits": "3"});
        let found: Vec<(String, String)> =
            check_values(&definitions, bad.as_object().unwrap()).into_iter().map(|e| (e.field, e.message_id)).collect();
        let expect = [
            ("customFields.branch", "custom-field-error-not-allowed"),
            ("customFields.wholesale", "custom-field-error-kind"),
            ("customFields.since", "custom-field-error-kind"),
            ("customFields.sizes", "custom-field-error-not-allowed"),
            ("customFields.sizes", "custom-field-error-kind"),
            ("customFields.visits", "custom-field-error-kind"),
        ];
        assert_eq!(found, expect.map(|(f, m)| (f.to_string(), m.to_string())));
    }
}
