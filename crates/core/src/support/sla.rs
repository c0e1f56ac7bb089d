//! The SLA clock (issue #5): first-response and resolution targets per priority, counted
//! in the store's business hours, and paused while the ticket waits on the customer or
//! stands resolved.
//!
//! Business hours come from the store calendar: working days (Libya's weekend is Friday
//! and Saturday), opening hours in store time, and holidays. Pure: the use-cases pass the
//! ticket's status history in and store the due instants that come out, so the inbox can
//! list overdue tickets with one indexed query.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Priority;
use crate::error::FieldError;
use crate::time::TRIPOLI_OFFSET_HOURS;

/// One day off the store keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Holiday {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub name: String,
}

/// When the store works (SPEC §9: the week starts on Saturday; the weekend is Friday and
/// Saturday by default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoreCalendar {
    /// 0 = Monday … 6 = Sunday, as chrono numbers them.
    pub working_days: Vec<u8>,
    #[ts(type = "string")]
    pub opens: NaiveTime,
    #[ts(type = "string")]
    pub closes: NaiveTime,
    pub holidays: Vec<Holiday>,
}

impl Default for StoreCalendar {
    fn default() -> Self {
        StoreCalendar {
            // Sunday to Thursday.
            working_days: vec![6, 0, 1, 2, 3],
            opens: NaiveTime::from_hms_opt(9, 0, 0).expect("valid"),
            closes: NaiveTime::from_hms_opt(17, 0, 0).expect("valid"),
            holidays: Vec::new(),
        }
    }
}

impl StoreCalendar {
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.working_days.is_empty() || self.working_days.iter().any(|d| *d > 6) {
            errors.push(FieldError::new("workingDays", "sla-error-working-days"));
        }
        if self.opens >= self.closes {
            errors.push(FieldError::new("closes", "sla-error-hours"));
        }
        errors
    }

    fn is_working(&self, date: NaiveDate) -> bool {
        self.working_days.contains(&(date.weekday().num_days_from_monday() as u8)) && !self.holidays.iter().any(|h| h.date == date)
    }

    /// The business window of a store date, in UTC, if the store works that day.
    fn window(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let offset = Duration::hours(TRIPOLI_OFFSET_HOURS);
        self.is_working(date).then(|| (date.and_time(self.opens).and_utc() - offset, date.and_time(self.closes).and_utc() - offset))
    }

    /// Business windows from `from` on, day by day (clipped to start at `from`). A
    /// calendar with no working day left gives none after ten years.
    fn windows_from(&self, from: DateTime<Utc>) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        let first = crate::time::store_date(from);
        (0..3660).filter_map(move |n| {
            let (start, end) = self.window(first + Duration::days(n))?;
            let start = start.max(from);
            (start < end).then_some((start, end))
        })
    }
}

/// Targets per priority, in business minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SlaTarget {
    pub priority: Priority,
    #[ts(type = "number")]
    pub first_response_minutes: i64,
    #[ts(type = "number")]
    pub resolution_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SlaSettings {
    pub targets: Vec<SlaTarget>,
    pub calendar: StoreCalendar,
}

impl Default for SlaSettings {
    fn default() -> Self {
        let target = |priority, first_response_minutes, resolution_hours: i64| SlaTarget {
            priority,
            first_response_minutes,
            resolution_minutes: resolution_hours * 60,
        };
        SlaSettings {
            // Proposed: an urgent ticket is answered within half an hour and solved within
            // half a working day; a low one within a working day and solved within six.
            targets: vec![
                target(Priority::Urgent, 30, 4),
                target(Priority::High, 60, 8),
                target(Priority::Medium, 4 * 60, 24),
                target(Priority::Low, 8 * 60, 48),
            ],
            calendar: StoreCalendar::default(),
        }
    }
}

impl SlaSettings {
    pub fn target(&self, priority: Priority) -> SlaTarget {
        self.targets.iter().find(|t| t.priority == priority).copied().unwrap_or_else(|| {
            SlaSettings::default().targets.into_iter().find(|t| t.priority == priority).expect("every priority has a default")
        })
    }

    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = self.calendar.check();
        for (i, t) in self.targets.iter().enumerate() {
            if t.first_response_minutes <= 0 || t.resolution_minutes <= 0 {
                errors.push(FieldError::new(format!("targets.{i}"), "sla-error-target"));
            }
        }
        errors
    }
}

/// A stretch of time when the clock stood still; `end` is `None` while it still does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
}

/// `window` minus every pause, as the pieces that remain, in order.
fn without_pauses(window: (DateTime<Utc>, DateTime<Utc>), pauses: &[Pause]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut pieces = vec![window];
    for pause in pauses {
        let end = pause.end.unwrap_or(DateTime::<Utc>::MAX_UTC);
        pieces = pieces
            .into_iter()
            .flat_map(|(a, b)| {
                let mut kept = Vec::new();
                if pause.start > a {
                    kept.push((a, b.min(pause.start)));
                }
                if end < b {
                    kept.push((a.max(end), b));
                }
                kept.into_iter().filter(|(a, b)| a < b)
            })
            .collect();
    }
    pieces
}

/// Business time between two instants, outside the pauses, in whole minutes.
pub fn business_minutes(calendar: &StoreCalendar, from: DateTime<Utc>, to: DateTime<Utc>, pauses: &[Pause]) -> i64 {
    let mut seconds = 0;
    for window in calendar.windows_from(from) {
        if window.0 >= to {
            break;
        }
        for (a, b) in without_pauses((window.0, window.1.min(to)), pauses) {
            seconds += (b - a).num_seconds();
        }
    }
    seconds / 60
}

/// The instant when `minutes` of business time outside the pauses have passed since
/// `from`; `None` while the clock is paused now (an open pause) or never gets there.
pub fn due(calendar: &StoreCalendar, from: DateTime<Utc>, minutes: i64, pauses: &[Pause]) -> Option<DateTime<Utc>> {
    if pauses.iter().any(|p| p.end.is_none()) {
        return None;
    }
    let mut left = Duration::minutes(minutes);
    for window in calendar.windows_from(from) {
        for (a, b) in without_pauses(window, pauses) {
            if b - a >= left {
                return Some(a + left);
            }
            left -= b - a;
        }
    }
    None
}

/// One SLA clock of a ticket as the inbox shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Clock {
    #[ts(type = "number")]
    pub target_minutes: i64,
    /// Business minutes used so far (until it was met).
    #[ts(type = "number")]
    pub elapsed_minutes: i64,
    /// When it is due; `None` while paused or once met.
    pub due_at: Option<String>,
    pub met: bool,
    pub breached: bool,
    pub paused: bool,
}

/// A clock that started at `from`, stopped at `stopped` (if it has), paused by `pauses`.
pub fn clock(calendar: &StoreCalendar, target_minutes: i64, from: DateTime<Utc>, stopped: Option<DateTime<Utc>>, pauses: &[Pause], now: DateTime<Utc>) -> Clock {
    let until = stopped.unwrap_or(now);
    let elapsed_minutes = business_minutes(calendar, from, until, pauses);
    let paused = stopped.is_none() && pauses.iter().any(|p| p.end.is_none());
    let due_at = if stopped.is_some() { None } else { due(calendar, from, target_minutes, pauses) };
    Clock {
        target_minutes,
        elapsed_minutes,
        due_at: due_at.map(|d| d.to_rfc3339()),
        met: stopped.is_some() && elapsed_minutes <= target_minutes,
        breached: elapsed_minutes > target_minutes || due_at.is_some_and(|d| d < now),
        paused,
    }
}

/// The weekday a store week starts on (SPEC §9).
pub const WEEK_STARTS: Weekday = Weekday::Sat;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Store time (UTC+2) to UTC.
    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap() - Duration::hours(2)
    }

    #[test]
    fn a_working_day_counts_its_opening_hours_only() {
        let calendar = StoreCalendar::default();
        // Sunday 2026-11-22, 08:00 → 18:00: the eight hours from 09:00 to 17:00.
        assert_eq!(business_minutes(&calendar, local(2026, 11, 22, 8, 0), local(2026, 11, 22, 18, 0), &[]), 8 * 60);
        assert_eq!(business_minutes(&calendar, local(2026, 11, 22, 16, 30), local(2026, 11, 23, 9, 45), &[]), 30 + 45);
    }

    /// Thursday 16:00 to Sunday 10:00 over Friday and Saturday is two business hours.
    #[test]
    fn the_clock_stops_over_the_weekend() {
        let calendar = StoreCalendar::default();
        let thursday = local(2026, 11, 19, 16, 0);
        let sunday = local(2026, 11, 22, 10, 0);
        assert_eq!(business_minutes(&calendar, thursday, sunday, &[]), 120);
        // A one-hour first-response target set on Thursday at 16:30 falls due on Sunday at 09:30.
        assert_eq!(due(&calendar, local(2026, 11, 19, 16, 30), 60, &[]), Some(local(2026, 11, 22, 9, 30)));
    }

    #[test]
    fn a_holiday_is_not_a_working_day() {
        // Sunday 2026-12-20 … Thursday 2026-12-24 is Independence Day.
        let calendar = StoreCalendar {
            holidays: vec![Holiday { date: NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(), name: "عيد الاستقلال".into() }],
            ..StoreCalendar::default()
        };
        // Wednesday 16:00 → Sunday 10:00: Wednesday's last hour and Sunday's first.
        assert_eq!(business_minutes(&calendar, local(2026, 12, 23, 16, 0), local(2026, 12, 27, 10, 0), &[]), 120);
        assert_eq!(due(&calendar, local(2026, 12, 23, 16, 0), 90, &[]), Some(local(2026, 12, 27, 9, 30)));
    }

    /// A ticket opened on Wednesday at 10:00 with a 24 business-hour resolution target; it
    /// waits on the customer from Wednesday 12:00 to Sunday 11:00, over a weekend and the
    /// 24 December holiday. Only the hours it was being worked on count.
    #[test]
    fn waiting_on_the_customer_pauses_the_clock_across_a_weekend_and_a_holiday() {
        let calendar = StoreCalendar {
            holidays: vec![Holiday { date: NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(), name: "عيد الاستقلال".into() }],
            ..StoreCalendar::default()
        };
        let opened = local(2026, 12, 23, 10, 0);
        let waiting = Pause { start: local(2026, 12, 23, 12, 0), end: Some(local(2026, 12, 27, 11, 0)) };
        // Wednesday 10–12, then Sunday 11–17: 2 h + 6 h.
        assert_eq!(business_minutes(&calendar, opened, local(2026, 12, 27, 17, 0), &[waiting]), 8 * 60);
        // 24 h of business time: 2 h on Wednesday, 6 h on Sunday, 8 h Monday, 8 h Tuesday.
        assert_eq!(due(&calendar, opened, 24 * 60, &[waiting]), Some(local(2026, 12, 29, 17, 0)));
        // While it still waits, nothing is due and the clock says paused.
        let open_pause = Pause { start: waiting.start, end: None };
        let now = local(2026, 12, 28, 9, 0);
        let c = clock(&calendar, 24 * 60, opened, None, &[open_pause], now);
        assert_eq!((c.elapsed_minutes, c.paused, c.due_at.clone(), c.breached), (120, true, None, false));
        // Resumed, it is due later than without the pause, and not breached.
        let c = clock(&calendar, 24 * 60, opened, None, &[waiting], now);
        assert_eq!((c.elapsed_minutes, c.paused, c.breached), (8 * 60, false, false));
        assert_eq!(c.due_at, Some(local(2026, 12, 29, 17, 0).to_rfc3339()));
    }

    #[test]
    fn a_clock_is_breached_once_past_due_and_met_when_stopped_in_time() {
        let calendar = StoreCalendar::default();
        let opened = local(2026, 11, 22, 9, 0);
        let late = clock(&calendar, 60, opened, None, &[], local(2026, 11, 22, 10, 30));
        assert!(late.breached && !late.met);
        let answered = clock(&calendar, 60, opened, Some(local(2026, 11, 22, 9, 40)), &[], local(2026, 11, 22, 15, 0));
        assert_eq!((answered.met, answered.breached, answered.elapsed_minutes, answered.due_at), (true, false, 40, None));
    }

    #[test]
    fn calendars_and_targets_are_checked() {
        let mut settings = SlaSettings::default();
        assert!(settings.check().is_empty());
        settings.calendar.working_days.clear();
        settings.calendar.closes = settings.calendar.opens;
        settings.targets[0].first_response_minutes = 0;
        let ids: Vec<String> = settings.check().into_iter().map(|e| e.message_id).collect();
        assert_eq!(ids, ["sla-error-working-days", "sla-error-hours", "sla-error-target"]);
    }
}
