//! The store's two calendars: Gregorian dates shown with their Hijri date (Umm al-Qura,
//! through ICU4X), and the public holidays a Libyan store is proposed for a year.
//!
//! Hijri holidays are only proposed: Libya announces its own moon sightings, so the
//! merchant confirms each date or shifts it a day before it counts (SLA business hours
//! now; seasonal loyalty campaigns later).

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A date in the Hijri calendar (Umm al-Qura).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HijriDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The Hijri date of a Gregorian day.
pub fn hijri(date: NaiveDate) -> HijriDate {
    let iso = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8).expect("a chrono date is a valid ISO date");
    let hijri = iso.to_calendar(Hijri::new_umm_al_qura());
    HijriDate { year: hijri.year().extended_year(), month: hijri.month().ordinal, day: hijri.day_of_month().0 }
}

/// The Gregorian day of a Hijri date, if that date exists.
pub fn gregorian(date: HijriDate) -> Option<NaiveDate> {
    let hijri = Date::try_new_hijri_with_calendar(date.year, date.month, date.day, Hijri::new_umm_al_qura()).ok()?;
    let iso: Date<Iso> = hijri.to_calendar(Iso);
    NaiveDate::from_ymd_opt(iso.year().extended_year(), u32::from(iso.month().ordinal), u32::from(iso.day_of_month().0))
}

/// The public holidays of Libya the app proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HolidayKind {
    /// 17 February.
    RevolutionDay,
    /// 1 May.
    LabourDay,
    /// 16 September (Omar al-Mukhtar).
    MartyrsDay,
    /// 23 October.
    LiberationDay,
    /// 24 December.
    IndependenceDay,
    /// 1 Muharram.
    IslamicNewYear,
    /// 12 Rabi' al-Awwal.
    Mawlid,
    /// 1–3 Shawwal.
    EidAlFitr,
    /// 9 Dhu al-Hijjah.
    ArafatDay,
    /// 10–12 Dhu al-Hijjah.
    EidAlAdha,
}

impl HolidayKind {
    /// Whether the date comes from a moon sighting, so the merchant must confirm it.
    pub fn is_hijri(self) -> bool {
        matches!(self, HolidayKind::IslamicNewYear | HolidayKind::Mawlid | HolidayKind::EidAlFitr | HolidayKind::ArafatDay | HolidayKind::EidAlAdha)
    }
}

/// One proposed day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProposedHoliday {
    pub kind: HolidayKind,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub hijri: HijriDate,
    /// The day of a several-day holiday (1 for the first day of Eid).
    pub day: u8,
}

/// The holidays proposed for a Gregorian year, in date order: the five fixed national
/// days and the Islamic holidays by the Umm al-Qura calendar.
pub fn proposed_holidays(year: i32) -> Vec<ProposedHoliday> {
    let mut out = Vec::new();
    let fixed = [
        (HolidayKind::RevolutionDay, 2, 17),
        (HolidayKind::LabourDay, 5, 1),
        (HolidayKind::MartyrsDay, 9, 16),
        (HolidayKind::LiberationDay, 10, 23),
        (HolidayKind::IndependenceDay, 12, 24),
    ];
    for (kind, month, day) in fixed {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            out.push(ProposedHoliday { kind, date, hijri: hijri(date), day: 1 });
        }
    }
    // (holiday, Hijri month, first day, days)
    let islamic = [
        (HolidayKind::IslamicNewYear, 1, 1, 1),
        (HolidayKind::Mawlid, 3, 12, 1),
        (HolidayKind::EidAlFitr, 10, 1, 3),
        (HolidayKind::ArafatDay, 12, 9, 1),
        (HolidayKind::EidAlAdha, 12, 10, 3),
    ];
    // A Gregorian year overlaps two Hijri years, sometimes three.
    let first = hijri(NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January exists")).year;
    for hijri_year in first..=first + 1 {
        for (kind, month, first_day, days) in islamic {
            for n in 0..days {
                let date = HijriDate { year: hijri_year, month, day: first_day + n };
                if let Some(gregorian) = gregorian(date).filter(|d| d.year() == year) {
                    out.push(ProposedHoliday { kind, date: gregorian, hijri: date, day: n + 1 });
                }
            }
        }
    }
    out.sort_by_key(|h| (h.date, h.day));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The dates issue #6 names: 1 Ramadan 1447 = 2026-02-18, 1 Shawwal 1447 = 2026-03-20,
    /// 10 Dhu al-Hijjah 1447 = 2026-05-27.
    #[test]
    fn umm_al_qura_both_ways() {
        for (gregorian_date, hijri_date) in [
            (d(2026, 2, 18), HijriDate { year: 1447, month: 9, day: 1 }),
            (d(2026, 3, 20), HijriDate { year: 1447, month: 10, day: 1 }),
            (d(2026, 5, 27), HijriDate { year: 1447, month: 12, day: 10 }),
            (d(2025, 3, 30), HijriDate { year: 1446, month: 10, day: 1 }),
            (d(2025, 6, 6), HijriDate { year: 1446, month: 12, day: 10 }),
        ] {
            assert_eq!(hijri(gregorian_date), hijri_date, "{gregorian_date}");
            assert_eq!(gregorian(hijri_date), Some(gregorian_date), "{hijri_date:?}");
        }
        assert_eq!(gregorian(HijriDate { year: 1447, month: 13, day: 1 }), None);
    }

    #[test]
    fn libyan_holidays_2025_to_2027() {
        let find = |year: i32, kind: HolidayKind, day: u8| proposed_holidays(year).into_iter().find(|h| h.kind == kind && h.day == day).map(|h| h.date);
        assert_eq!(find(2026, HolidayKind::RevolutionDay, 1), Some(d(2026, 2, 17)));
        assert_eq!(find(2026, HolidayKind::IndependenceDay, 1), Some(d(2026, 12, 24)));
        assert_eq!(find(2026, HolidayKind::EidAlFitr, 1), Some(d(2026, 3, 20)));
        assert_eq!(find(2026, HolidayKind::EidAlFitr, 3), Some(d(2026, 3, 22)));
        assert_eq!(find(2026, HolidayKind::ArafatDay, 1), Some(d(2026, 5, 26)));
        assert_eq!(find(2026, HolidayKind::EidAlAdha, 1), Some(d(2026, 5, 27)));
        assert_eq!(find(2025, HolidayKind::EidAlFitr, 1), Some(d(2025, 3, 30)));
        assert_eq!(find(2025, HolidayKind::EidAlAdha, 1), Some(d(2025, 6, 6)));
        // 2027: Eid al-Fitr around 9–10 March and Eid al-Adha around 16 May, as the
        // Umm al-Qura tables put them.
        let fitr = find(2027, HolidayKind::EidAlFitr, 1).unwrap();
        assert!((d(2027, 3, 8)..=d(2027, 3, 11)).contains(&fitr), "{fitr}");
        let adha = find(2027, HolidayKind::EidAlAdha, 1).unwrap();
        assert!((d(2027, 5, 15)..=d(2027, 5, 18)).contains(&adha), "{adha}");
        for year in 2025..=2027 {
            let all = proposed_holidays(year);
            assert!(all.windows(2).all(|w| w[0].date <= w[1].date), "in date order");
            assert!(all.iter().all(|h| h.date.year() == year));
            // Five fixed days, new year, Mawlid, three days of each Eid and Arafat: 14.
            assert_eq!(all.len(), 14, "{year}: {all:?}");
        }
    }
}
