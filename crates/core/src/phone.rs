//! Phone numbers as identities: every accepted phone is stored in E.164, because the
//! E.164 form is the dedupe key across imports, forms and sync (SPEC §1.2).
//!
//! Libyan staff type numbers every way: `0912345678`, `091-234-5678`, `00218912345678`,
//! `+218 91 234 5678`, or in Arabic-Indic digits. Parsing is delegated to the
//! `phonenumber` crate (libphonenumber's metadata) with Libya as the default region, after
//! the digits are folded to ASCII. The mobile operator is read from the national prefix.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::arabic::ascii_digits;

/// A valid phone number in E.164 form, e.g. `+218912345678`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhoneE164(String);

/// Libyan mobile operators, from the national prefix (091/093 Al-Madar, 092/094 Libyana,
/// 095/096 LTT). Fixed lines and foreign numbers have no operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Operator {
    AlMadar,
    Libyana,
    Ltt,
}

impl Operator {
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::AlMadar => "alMadar",
            Operator::Libyana => "libyana",
            Operator::Ltt => "ltt",
        }
    }

    pub fn parse(s: &str) -> Option<Operator> {
        match s {
            "alMadar" => Some(Operator::AlMadar),
            "libyana" => Some(Operator::Libyana),
            "ltt" => Some(Operator::Ltt),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidPhone;

impl PhoneE164 {
    /// Parses a phone as staff or a spreadsheet wrote it. Numbers without a country code
    /// are Libyan.
    pub fn parse(input: &str) -> Result<PhoneE164, InvalidPhone> {
        let ascii = ascii_digits(input);
        let trimmed: String = ascii
            .chars()
            .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}'))
            .collect();
        let trimmed = trimmed.trim();
        if trimmed.is_empty() || trimmed.chars().count() > 32 {
            return Err(InvalidPhone);
        }
        // Only digits and the usual separators; letters mean a typo, not a vanity number.
        if !trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.'))
        {
            return Err(InvalidPhone);
        }
        let number = phonenumber::parse(Some(phonenumber::country::Id::LY), trimmed)
            .map_err(|_| InvalidPhone)?;
        if !phonenumber::is_valid(&number) {
            return Err(InvalidPhone);
        }
        let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
        Ok(PhoneE164(e164))
    }

    /// Wraps a value read back from our own storage, which only ever holds parsed phones.
    pub fn from_stored(e164: String) -> PhoneE164 {
        PhoneE164(e164)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The Libyan mobile operator, if this is a Libyan mobile number.
    pub fn operator(&self) -> Option<Operator> {
        let national = self.0.strip_prefix("+218")?;
        match national.get(..2)? {
            "91" | "93" => Some(Operator::AlMadar),
            "92" | "94" => Some(Operator::Libyana),
            "95" | "96" => Some(Operator::Ltt),
            _ => None,
        }
    }

    /// The digits of the E.164 form without `+`: the form the search index holds, so that a
    /// partial number typed in any format is a prefix of it (see [`search_digits`]).
    pub fn digits(&self) -> &str {
        &self.0[1..]
    }
}

impl fmt::Display for PhoneE164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// If `query` looks like (part of) a phone number, the digits it must be a prefix of in
/// international form: `0912` → `218912`, `+218 91` → `21891`, `00218` → `218`,
/// `912345` → `218912345`. `None` for text that is not a phone.
pub fn search_digits(query: &str) -> Option<String> {
    let ascii = ascii_digits(query);
    let trimmed = ascii.trim();
    if trimmed.is_empty()
        || !trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.'))
    {
        return None;
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 2 {
        return None;
    }
    let international = if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if trimmed.starts_with('+') || digits.starts_with("218") {
        digits
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("218{rest}")
    } else if digits.starts_with('9') || digits.starts_with('2') {
        // A national number typed without its trunk zero: 912345678, 21 333 4444.
        format!("218{digits}")
    } else {
        digits
    };
    Some(international)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libyan_formats_normalise_to_e164() {
        let cases = [
            "0912345678",
            "091 234 5678",
            "091-234-5678",
            "00218912345678",
            "+218912345678",
            "+218 91 234 5678",
            "218912345678",
            "٠٩١٢٣٤٥٦٧٨",
            "+٢١٨٩١٢٣٤٥٦٧٨",
            "(091) 2345678",
        ];
        for input in cases {
            assert_eq!(
                PhoneE164::parse(input).map(|p| p.to_string()),
                Ok("+218912345678".to_string()),
                "{input}"
            );
        }
    }

    #[test]
    fn operators_come_from_the_national_prefix() {
        let cases = [
            ("0912345678", Some(Operator::AlMadar)),
            ("0932345678", Some(Operator::AlMadar)),
            ("0922345678", Some(Operator::Libyana)),
            ("0942345678", Some(Operator::Libyana)),
            ("0952345678", Some(Operator::Ltt)),
            ("0962345678", Some(Operator::Ltt)),
            ("+201001234567", None),
        ];
        for (input, operator) in cases {
            let phone = PhoneE164::parse(input).unwrap_or_else(|_| panic!("{input} is valid"));
            assert_eq!(phone.operator(), operator, "{input}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_phone() {
        for input in ["", "   ", "abc", "091234", "09123456789999", "0912a45678", "+"] {
            assert_eq!(PhoneE164::parse(input), Err(InvalidPhone), "{input:?}");
        }
    }

    #[test]
    fn search_digits_map_every_format_to_the_international_prefix() {
        let cases = [
            ("0912345678", Some("218912345678")),
            ("0912", Some("218912")),
            ("+218 91", Some("21891")),
            ("00218912", Some("218912")),
            ("912345", Some("218912345")),
            ("٠٩١٢", Some("218912")),
            ("احمد", None),
            ("1", None),
        ];
        for (input, expected) in cases {
            assert_eq!(search_digits(input).as_deref(), expected, "{input}");
        }
    }
}
