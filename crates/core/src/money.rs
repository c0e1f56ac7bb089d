//! Money as integer dirhams. LYD has three decimals (1 dinar = 1000 dirhams), and a CRM
//! that is "correct to the dirham" cannot use binary floating point anywhere money flows.

use std::fmt;
use std::ops::{Add, Sub};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in Libyan dirhams. It crosses JSON as a decimal string with exactly three
/// decimals (`"1250.500"`), which every consumer can read exactly; a JSON number would be
/// read back as a float by JavaScript and spreadsheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, ts_rs::TS)]
#[ts(export)]
pub struct Money(#[ts(type = "string")] i64);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidAmount;

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_dirhams(dirhams: i64) -> Money {
        Money(dirhams)
    }

    pub const fn from_dinars(dinars: i64) -> Money {
        Money(dinars * 1000)
    }

    pub const fn dirhams(self) -> i64 {
        self.0
    }

    /// Parses `"12"`, `"12.5"`, `"12.500"`, `"-3.250"`; at most three decimals, ASCII or
    /// Arabic-Indic digits, `٫` accepted as the decimal separator.
    pub fn parse(input: &str) -> Result<Money, InvalidAmount> {
        let ascii = crate::arabic::ascii_digits(input.trim()).replace('٫', ".");
        let (negative, body) = match ascii.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, ascii.as_str()),
        };
        let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
        if whole.is_empty() || frac.len() > 3 {
            return Err(InvalidAmount);
        }
        if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidAmount);
        }
        let whole: i64 = whole.parse().map_err(|_| InvalidAmount)?;
        let frac_dirhams: i64 = format!("{frac:0<3}").parse().map_err(|_| InvalidAmount)?;
        let dirhams = whole
            .checked_mul(1000)
            .and_then(|d| d.checked_add(frac_dirhams))
            .ok_or(InvalidAmount)?;
        Ok(Money(if negative { -dirhams } else { dirhams }))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:03}", abs / 1000, abs % 1000)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        let text = String::deserialize(deserializer)?;
        Money::parse(&text).map_err(|_| serde::de::Error::custom("invalid LYD amount"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_three_decimals() {
        assert_eq!(Money::from_dirhams(1_250_500).to_string(), "1250.500");
        assert_eq!(Money::from_dirhams(5).to_string(), "0.005");
        assert_eq!(Money::from_dirhams(-3_250).to_string(), "-3.250");
        assert_eq!(Money::ZERO.to_string(), "0.000");
    }

    #[test]
    fn parses_what_staff_type() {
        assert_eq!(Money::parse("12"), Ok(Money::from_dirhams(12_000)));
        assert_eq!(Money::parse("12.5"), Ok(Money::from_dirhams(12_500)));
        assert_eq!(Money::parse("0.005"), Ok(Money::from_dirhams(5)));
        assert_eq!(Money::parse("١٢٫٥"), Ok(Money::from_dirhams(12_500)));
        assert_eq!(Money::parse("-3.25"), Ok(Money::from_dirhams(-3_250)));
        for bad in ["", "1.0005", "abc", "1,5", ".5", "99999999999999999"] {
            assert_eq!(Money::parse(bad), Err(InvalidAmount), "{bad}");
        }
    }

    #[test]
    fn json_round_trip_is_exact() {
        let m = Money::from_dirhams(123_456_789);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, "\"123456.789\"");
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
    }
}
