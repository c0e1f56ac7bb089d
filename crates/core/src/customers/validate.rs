//! The rules a customer record must meet, shared by the form, the CLI, import and sync so
//! that no path can write what another would refuse. Pure: `today` is passed in.

use chrono::NaiveDate;

use super::model::{Address, CustomerDraft};
use crate::email::{Email, MAX_EMAIL_LEN};
use crate::error::FieldError;
use crate::phone::PhoneE164;

pub const MAX_NAME_LEN: usize = 100;
pub const MAX_ADDRESS_FIELD_LEN: usize = 200;
pub const MAX_NOTES_LEN: usize = 5000;
pub const MAX_TAG_LEN: usize = 50;
pub const MAX_TAGS: usize = 50;
pub const MAX_ADDRESSES: usize = 20;

/// A draft that passed every rule, with each value in its parsed type.
#[derive(Debug, Clone)]
pub struct ValidCustomer {
    pub first_name: String,
    pub last_name: String,
    pub email: Option<Email>,
    pub phone: PhoneE164,
    pub secondary_phone: Option<PhoneE164>,
    pub whatsapp: Option<PhoneE164>,
    pub date_of_birth: Option<NaiveDate>,
    pub draft: CustomerDraft,
    pub addresses: Vec<Address>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
pub struct ValidationOptions {
    pub today: NaiveDate,
    /// Records created in the app need an e-mail; import and sync may lack one and are
    /// then flagged incomplete (SPEC §1.2).
    pub email_required: bool,
}

pub fn validate_draft(
    draft: &CustomerDraft,
    options: ValidationOptions,
) -> Result<ValidCustomer, Vec<FieldError>> {
    let mut errors = Vec::new();

    let first_name = required_text(&draft.first_name, "firstName", MAX_NAME_LEN, &mut errors);
    let last_name = required_text(&draft.last_name, "lastName", MAX_NAME_LEN, &mut errors);

    let email = if draft.email.trim().is_empty() {
        if options.email_required {
            errors.push(FieldError::new("email", "error-required"));
        }
        None
    } else if draft.email.trim().chars().count() > MAX_EMAIL_LEN {
        errors.push(FieldError::new("email", "error-too-long").with_arg("max", MAX_EMAIL_LEN));
        None
    } else {
        match Email::parse(&draft.email) {
            Ok(email) => Some(email),
            Err(_) => {
                errors.push(FieldError::new("email", "error-invalid-email"));
                None
            }
        }
    };

    let phone = if draft.phone.trim().is_empty() {
        errors.push(FieldError::new("phone", "error-required"));
        None
    } else {
        match PhoneE164::parse(&draft.phone) {
            Ok(phone) => Some(phone),
            Err(_) => {
                errors.push(FieldError::new("phone", "error-invalid-phone"));
                None
            }
        }
    };
    let secondary_phone = optional_phone(&draft.secondary_phone, "secondaryPhone", &mut errors);
    let whatsapp = optional_phone(&draft.whatsapp, "whatsapp", &mut errors);

    let date_of_birth = match draft.date_of_birth.trim() {
        "" => None,
        text => match NaiveDate::parse_from_str(&crate::arabic::ascii_digits(text), "%Y-%m-%d") {
            Ok(date) if date > options.today => {
                errors.push(FieldError::new("dateOfBirth", "error-date-in-future"));
                None
            }
            Ok(date) if date < NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date") => {
                errors.push(FieldError::new("dateOfBirth", "error-date-too-old"));
                None
            }
            Ok(date) => Some(date),
            Err(_) => {
                errors.push(FieldError::new("dateOfBirth", "error-invalid-date"));
                None
            }
        },
    };

    let nationality = draft.nationality.trim();
    if !nationality.is_empty()
        && !(nationality.len() == 2 && nationality.chars().all(|c| c.is_ascii_alphabetic()))
    {
        errors.push(FieldError::new("nationality", "error-invalid-nationality"));
    }

    let addresses = validate_addresses(draft, &mut errors);

    let mut tags: Vec<String> = Vec::new();
    for tag in &draft.tags {
        let tag = tag.trim();
        if tag.is_empty() || tags.iter().any(|t| t == tag) {
            continue;
        }
        if tag.chars().count() > MAX_TAG_LEN {
            errors.push(FieldError::new("tags", "error-too-long").with_arg("max", MAX_TAG_LEN));
            break;
        }
        tags.push(tag.to_string());
    }
    if tags.len() > MAX_TAGS {
        errors.push(FieldError::new("tags", "error-too-many").with_arg("max", MAX_TAGS));
    }

    if draft.notes.chars().count() > MAX_NOTES_LEN {
        errors.push(FieldError::new("notes", "error-too-long").with_arg("max", MAX_NOTES_LEN));
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let mut draft = draft.clone();
    draft.nationality = if nationality.is_empty() { "LY".to_string() } else { nationality.to_ascii_uppercase() };
    Ok(ValidCustomer {
        first_name: first_name.unwrap_or_default(),
        last_name: last_name.unwrap_or_default(),
        email,
        phone: phone.expect("no errors means the phone parsed"),
        secondary_phone,
        whatsapp,
        date_of_birth,
        draft,
        addresses,
        tags,
    })
}

fn required_text(value: &str, field: &str, max: usize, errors: &mut Vec<FieldError>) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        errors.push(FieldError::new(field, "error-required"));
        return None;
    }
    if trimmed.chars().count() > max {
        errors.push(FieldError::new(field, "error-too-long").with_arg("max", max));
        return None;
    }
    Some(trimmed.to_string())
}

fn optional_text(value: &str, field: &str, max: usize, errors: &mut Vec<FieldError>) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.chars().count() > max {
        errors.push(FieldError::new(field, "error-too-long").with_arg("max", max));
        return None;
    }
    Some(trimmed.to_string())
}

fn optional_phone(value: &str, field: &str, errors: &mut Vec<FieldError>) -> Option<PhoneE164> {
    if value.trim().is_empty() {
        return None;
    }
    match PhoneE164::parse(value) {
        Ok(phone) => Some(phone),
        Err(_) => {
            errors.push(FieldError::new(field, "error-invalid-phone"));
            None
        }
    }
}

/// SPEC §1.4: country, city and area are mandatory; a non-empty list has exactly one
/// default. A list where nobody ticked "default" gets its first address as the default,
/// which is what staff mean; two defaults is a real contradiction and is refused.
fn validate_addresses(draft: &CustomerDraft, errors: &mut Vec<FieldError>) -> Vec<Address> {
    // A form row left entirely blank is not an address.
    let drafts: Vec<_> = draft
        .addresses
        .iter()
        .filter(|a| {
            ![&a.country, &a.city, &a.area, &a.street, &a.building, &a.apartment, &a.postal_code]
                .iter()
                .all(|f| f.trim().is_empty())
        })
        .collect();
    if drafts.len() > MAX_ADDRESSES {
        errors.push(FieldError::new("addresses", "error-too-many").with_arg("max", MAX_ADDRESSES));
        return Vec::new();
    }
    let defaults = drafts.iter().filter(|a| a.is_default).count();
    if defaults > 1 {
        errors.push(FieldError::new("addresses", "error-address-one-default"));
    }
    let mut addresses = Vec::with_capacity(drafts.len());
    for (i, a) in drafts.iter().enumerate() {
        let path = |name: &str| format!("addresses.{i}.{name}");
        let country = if a.country.trim().is_empty() { "LY".to_string() } else { a.country.trim().to_ascii_uppercase() };
        if !(country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic())) {
            errors.push(FieldError::new(path("country"), "error-invalid-nationality"));
        }
        let city = required_text(&a.city, &path("city"), MAX_ADDRESS_FIELD_LEN, errors);
        let area = required_text(&a.area, &path("area"), MAX_ADDRESS_FIELD_LEN, errors);
        addresses.push(Address {
            country,
            city: city.unwrap_or_default(),
            area: area.unwrap_or_default(),
            street: optional_text(&a.street, &path("street"), MAX_ADDRESS_FIELD_LEN, errors),
            building: optional_text(&a.building, &path("building"), MAX_ADDRESS_FIELD_LEN, errors),
            apartment: optional_text(&a.apartment, &path("apartment"), MAX_ADDRESS_FIELD_LEN, errors),
            postal_code: optional_text(&a.postal_code, &path("postalCode"), 20, errors),
            coordinates: None,
            is_default: if defaults == 0 { i == 0 } else { a.is_default },
        });
    }
    addresses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::model::AddressDraft;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn options() -> ValidationOptions {
        ValidationOptions { today: today(), email_required: true }
    }

    fn valid_draft() -> CustomerDraft {
        CustomerDraft {
            first_name: "أحمد".into(),
            last_name: "الورفلي".into(),
            email: "Ahmed@Mail.ly".into(),
            phone: "091-234-5678".into(),
            addresses: vec![AddressDraft { city: "طرابلس".into(), area: "قرجي".into(), ..Default::default() }],
            ..Default::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors.iter().map(|e| (e.field.as_str(), e.message_id.as_str())).collect()
    }

    #[test]
    fn a_valid_draft_is_normalised() {
        let valid = validate_draft(&valid_draft(), options()).unwrap();
        assert_eq!(valid.phone.as_str(), "+218912345678");
        assert_eq!(valid.email.unwrap().as_str(), "ahmed@mail.ly");
        assert_eq!(valid.draft.nationality, "LY");
        assert_eq!(valid.addresses.len(), 1);
        assert!(valid.addresses[0].is_default, "the only address becomes the default");
        assert_eq!(valid.addresses[0].country, "LY");
    }

    #[test]
    fn each_bad_input_is_reported_on_its_field() {
        type Case = (&'static str, fn(&mut CustomerDraft), (&'static str, &'static str));
        let cases: Vec<Case> = vec![
            ("empty first name", |d| d.first_name = "  ".into(), ("firstName", "error-required")),
            ("empty last name", |d| d.last_name.clear(), ("lastName", "error-required")),
            ("long name", |d| d.first_name = "ا".repeat(101), ("firstName", "error-too-long")),
            ("invalid phone", |d| d.phone = "12345".into(), ("phone", "error-invalid-phone")),
            ("missing phone", |d| d.phone.clear(), ("phone", "error-required")),
            ("malformed email", |d| d.email = "ahmed@".into(), ("email", "error-invalid-email")),
            ("missing email", |d| d.email.clear(), ("email", "error-required")),
            ("long email", |d| d.email = format!("{}@mail.ly", "a".repeat(260)), ("email", "error-too-long")),
            ("birth in future", |d| d.date_of_birth = "2026-11-25".into(), ("dateOfBirth", "error-date-in-future")),
            ("birth 1850", |d| d.date_of_birth = "1850-01-01".into(), ("dateOfBirth", "error-date-too-old")),
            ("birth garbage", |d| d.date_of_birth = "31/12/1990".into(), ("dateOfBirth", "error-invalid-date")),
            ("bad whatsapp", |d| d.whatsapp = "abc".into(), ("whatsapp", "error-invalid-phone")),
            ("nationality", |d| d.nationality = "Libya".into(), ("nationality", "error-invalid-nationality")),
            ("address without city", |d| d.addresses[0].city.clear(), ("addresses.0.city", "error-required")),
            ("long notes", |d| d.notes = "x".repeat(5001), ("notes", "error-too-long")),
            ("long tag", |d| d.tags = vec!["t".repeat(51)], ("tags", "error-too-long")),
            (
                "two defaults",
                |d| {
                    d.addresses[0].is_default = true;
                    d.addresses.push(AddressDraft { city: "بنغازي".into(), area: "الفويهات".into(), is_default: true, ..Default::default() });
                },
                ("addresses", "error-address-one-default"),
            ),
        ];
        for (name, mutate, expected) in cases {
            let mut draft = valid_draft();
            mutate(&mut draft);
            let errors = validate_draft(&draft, options()).expect_err(name);
            assert_eq!(fields(&errors), vec![expected], "{name}");
        }
    }

    #[test]
    fn email_may_be_missing_for_import_and_sync() {
        let mut draft = valid_draft();
        draft.email.clear();
        let valid = validate_draft(&draft, ValidationOptions { email_required: false, ..options() }).unwrap();
        assert!(valid.email.is_none());
    }

    #[test]
    fn birthday_today_and_arabic_digits_are_accepted() {
        let mut draft = valid_draft();
        draft.date_of_birth = "٢٠٢٦-١١-٢٤".into();
        assert_eq!(validate_draft(&draft, options()).unwrap().date_of_birth, Some(today()));
    }

    #[test]
    fn blank_address_rows_and_duplicate_tags_are_dropped() {
        let mut draft = valid_draft();
        draft.addresses.push(AddressDraft::default());
        draft.tags = vec!["جملة".into(), " جملة ".into(), "".into(), "vip".into()];
        let valid = validate_draft(&draft, options()).unwrap();
        assert_eq!(valid.addresses.len(), 1);
        assert_eq!(valid.tags, vec!["جملة".to_string(), "vip".to_string()]);
    }
}
