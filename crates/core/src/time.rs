//! Store time. Instants are stored in UTC; days, "days since" and due dates follow the
//! store's calendar, Africa/Tripoli, which has been UTC+2 all year since 2013 (SQL uses
//! `date(instant, '+2 hours')` for the same rule).

use chrono::{DateTime, Duration, NaiveDate, Utc};

pub const TRIPOLI_OFFSET_HOURS: i64 = 2;

/// The store date of an instant.
pub fn store_date(instant: DateTime<Utc>) -> NaiveDate {
    (instant + Duration::hours(TRIPOLI_OFFSET_HOURS)).date_naive()
}

/// Whole store days from `earlier` to `later` (0 on the same store day).
pub fn days_between(earlier: DateTime<Utc>, later: DateTime<Utc>) -> i64 {
    (store_date(later) - store_date(earlier)).num_days()
}

pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_day_starts_at_22_00_utc() {
        let t = |s: &str| parse_instant(s).unwrap();
        assert_eq!(store_date(t("2026-11-20T21:59:59Z")).to_string(), "2026-11-20");
        assert_eq!(store_date(t("2026-11-20T22:00:00Z")).to_string(), "2026-11-21");
        assert_eq!(days_between(t("2026-11-20T21:30:00Z"), t("2026-11-20T22:30:00Z")), 1);
        assert_eq!(days_between(t("2026-11-20T08:00:00Z"), t("2026-11-20T20:00:00Z")), 0);
    }
}
