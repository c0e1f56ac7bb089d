//! Store time. Instants are stored in UTC; days, "days since" and due dates follow the
//! store's calendar, Africa/Tripoli, which has been UTC+2 all year since 2013 (SQL uses
//! `date(instant, '+2 hours')` for the same rule).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

pub const TRIPOLI_OFFSET_HOURS: i64 = 2;

/// The store date of an instant.
pub fn store_date(instant: DateTime<Utc>) -> NaiveDate {
    (instant + Duration::hours(TRIPOLI_OFFSET_HOURS)).date_naive()
}

/// The instant of a date and time on the store's clock.
pub fn store_instant(local: NaiveDateTime) -> DateTime<Utc> {
    local.and_utc() - Duration::hours(TRIPOLI_OFFSET_HOURS)
}

/// The instant a store day starts.
pub fn day_start(date: NaiveDate) -> DateTime<Utc> {
    store_instant(date.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// The first day of the month after `date`'s.
pub fn next_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 { (date.year() + 1, 1) } else { (date.year(), date.month() + 1) };
    NaiveDate::from_ymd_opt(year, month, 1).expect("the first of a month exists")
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
    fn months_roll_over_the_year_and_days_start_at_22_00_utc() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(next_month(d(2026, 12, 15)), d(2027, 1, 1));
        assert_eq!(next_month(d(2026, 1, 31)), d(2026, 2, 1));
        assert_eq!(day_start(d(2026, 3, 1)).to_rfc3339(), "2026-02-28T22:00:00+00:00");
    }

    #[test]
    fn a_store_day_starts_at_22_00_utc() {
        let t = |s: &str| parse_instant(s).unwrap();
        assert_eq!(store_date(t("2026-11-20T21:59:59Z")).to_string(), "2026-11-20");
        assert_eq!(store_date(t("2026-11-20T22:00:00Z")).to_string(), "2026-11-21");
        assert_eq!(days_between(t("2026-11-20T21:30:00Z"), t("2026-11-20T22:30:00Z")), 1);
        assert_eq!(days_between(t("2026-11-20T08:00:00Z"), t("2026-11-20T20:00:00Z")), 0);
    }
}
