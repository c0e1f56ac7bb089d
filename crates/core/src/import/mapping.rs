//! Which column holds which customer field. Detected from English and Arabic headers as
//! merchants' exports name them, shown to staff with a preview, changeable, and saved for
//! the next file from the same platform.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::arabic::fold;

/// A customer field an import column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportField {
    UserId,
    FirstName,
    LastName,
    /// "Name" in one column: split at the first space into first and last name.
    FullName,
    Phone,
    Email,
    SecondaryPhone,
    Whatsapp,
    DateOfBirth,
    Gender,
    Nationality,
    PreferredLanguage,
    City,
    Area,
    Street,
    Tags,
    Notes,
}

impl ImportField {
    pub const ALL: [ImportField; 17] = [
        ImportField::UserId,
        ImportField::FirstName,
        ImportField::LastName,
        ImportField::FullName,
        ImportField::Phone,
        ImportField::Email,
        ImportField::SecondaryPhone,
        ImportField::Whatsapp,
        ImportField::DateOfBirth,
        ImportField::Gender,
        ImportField::Nationality,
        ImportField::PreferredLanguage,
        ImportField::City,
        ImportField::Area,
        ImportField::Street,
        ImportField::Tags,
        ImportField::Notes,
    ];

    /// Header spellings seen in store exports and hand-made sheets, folded.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            ImportField::UserId => &["user id", "userid", "customer id", "platform id", "رقم العميل", "معرف العميل"],
            ImportField::FirstName => &["first name", "firstname", "given name", "الاسم", "الاسم الاول", "اسم"],
            ImportField::LastName => &["last name", "lastname", "surname", "family name", "اللقب", "اسم العائله", "العائله"],
            ImportField::FullName => &["name", "full name", "fullname", "customer name", "customer", "الاسم الكامل", "اسم العميل", "الاسم بالكامل"],
            ImportField::Phone => &["phone", "phone number", "mobile", "mobile number", "tel", "telephone", "الهاتف", "رقم الهاتف", "الجوال", "رقم الجوال", "الموبايل", "النقال", "هاتف"],
            ImportField::Email => &["email", "e mail", "email address", "mail", "البريد الالكتروني", "البريد", "الايميل", "ايميل"],
            ImportField::SecondaryPhone => &["secondary phone", "phone 2", "other phone", "هاتف اضافي", "هاتف اخر", "رقم اخر"],
            ImportField::Whatsapp => &["whatsapp", "whatsapp number", "واتساب", "رقم الواتساب", "رقم واتساب"],
            ImportField::DateOfBirth => &["date of birth", "dob", "birthday", "birth date", "تاريخ الميلاد", "الميلاد"],
            ImportField::Gender => &["gender", "sex", "الجنس", "النوع"],
            ImportField::Nationality => &["nationality", "country", "الجنسيه"],
            ImportField::PreferredLanguage => &["language", "preferred language", "اللغه", "لغه التواصل"],
            ImportField::City => &["city", "town", "المدينه"],
            ImportField::Area => &["area", "district", "neighbourhood", "neighborhood", "region", "المنطقه", "الحي"],
            ImportField::Street => &["street", "address", "address line", "الشارع", "العنوان"],
            ImportField::Tags => &["tags", "labels", "الوسوم", "التصنيفات"],
            ImportField::Notes => &["notes", "note", "comments", "ملاحظات", "ملاحظه"],
        }
    }
}

/// Which column fills which field. Columns no field names are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ColumnMapping {
    /// Field → the header of the column that fills it, as written in the file.
    pub columns: BTreeMap<ImportField, String>,
}

fn normalise_header(header: &str) -> String {
    fold(&header.replace(['_', '-', '.'], " "))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl ColumnMapping {
    /// Guesses the mapping from the headers; each field takes the first column that names it.
    pub fn detect(headers: &[String]) -> ColumnMapping {
        let mut columns = BTreeMap::new();
        for header in headers {
            let key = normalise_header(header);
            let found = ImportField::ALL.into_iter().find(|f| f.synonyms().contains(&key.as_str()));
            if let Some(field) = found {
                columns.entry(field).or_insert_with(|| header.clone());
            }
        }
        // A sheet with one "name" column and a "first name" column means the latter.
        if columns.contains_key(&ImportField::FirstName) && columns.contains_key(&ImportField::LastName) {
            columns.remove(&ImportField::FullName);
        }
        ColumnMapping { columns }
    }

    /// Column index of each mapped field in this file's headers; headers the file lacks
    /// are reported back so the caller can refuse the mapping.
    pub fn resolve(&self, headers: &[String]) -> Result<BTreeMap<ImportField, usize>, Vec<String>> {
        let mut resolved = BTreeMap::new();
        let mut missing = Vec::new();
        for (field, header) in &self.columns {
            let wanted = normalise_header(header);
            match headers.iter().position(|h| h == header || normalise_header(h) == wanted) {
                Some(index) => {
                    resolved.insert(*field, index);
                }
                None => missing.push(header.clone()),
            }
        }
        if missing.is_empty() {
            Ok(resolved)
        } else {
            Err(missing)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn english_and_arabic_headers_are_recognised() {
        let mapping = ColumnMapping::detect(&headers(&["First_Name", "Last Name", "Phone", "E-mail", "City", "Area"]));
        assert_eq!(mapping.columns.get(&ImportField::FirstName).map(String::as_str), Some("First_Name"));
        assert_eq!(mapping.columns.get(&ImportField::Email).map(String::as_str), Some("E-mail"));
        assert_eq!(mapping.columns.len(), 6);

        let arabic = ColumnMapping::detect(&headers(&["الاسم", "اللقب", "رقم الهاتف", "البريد الإلكتروني", "المدينة", "المنطقة", "ملاحظات"]));
        let fields: Vec<ImportField> = arabic.columns.keys().copied().collect();
        assert_eq!(
            fields,
            vec![ImportField::FirstName, ImportField::LastName, ImportField::Phone, ImportField::Email, ImportField::City, ImportField::Area, ImportField::Notes]
        );
    }

    #[test]
    fn a_single_name_column_is_a_full_name() {
        let mapping = ColumnMapping::detect(&headers(&["Customer Name", "Mobile"]));
        assert!(mapping.columns.contains_key(&ImportField::FullName));
        assert!(mapping.columns.contains_key(&ImportField::Phone));
    }

    #[test]
    fn resolving_reports_headers_the_file_lacks() {
        let mut mapping = ColumnMapping::default();
        mapping.columns.insert(ImportField::Phone, "الهاتف".into());
        mapping.columns.insert(ImportField::Email, "Email".into());
        let resolved = mapping.resolve(&headers(&["email", "الهاتف"])).unwrap();
        assert_eq!(resolved[&ImportField::Phone], 1);
        assert_eq!(resolved[&ImportField::Email], 0);
        assert_eq!(mapping.resolve(&headers(&["x"])), Err(vec!["الهاتف".to_string(), "Email".to_string()]));
    }
}
