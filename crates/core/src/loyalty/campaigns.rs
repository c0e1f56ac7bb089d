//! Seasonal and monthly campaigns (SPEC §4.7): the kinds with their default points
//! multiplier and scope, who a campaign is for, when it is on (store-time dates; monthly
//! campaigns on the days the merchant picks), and the dates the app proposes for the Hijri
//! ones from the Umm al-Qura calendar, for the merchant to confirm or shift. Pure.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::points::{ApplicableCampaign, Scope};
use crate::calendar::{self, HijriDate};
use crate::customers::Segment;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CampaignKind {
    Ramadan,
    EidAlFitr,
    EidAlAdha,
    NationalDay,
    SchoolSeason,
    Monthly,
    Custom,
}

impl CampaignKind {
    pub const ALL: [CampaignKind; 7] = [
        CampaignKind::Ramadan,
        CampaignKind::EidAlFitr,
        CampaignKind::EidAlAdha,
        CampaignKind::NationalDay,
        CampaignKind::SchoolSeason,
        CampaignKind::Monthly,
        CampaignKind::Custom,
    ];

    /// SPEC §4.7's points for each kind: Ramadan ×2 on the whole order, the Eids ×1.5,
    /// the national day ×2 on local products, the school season ×1.5 on its categories,
    /// monthly days ×1.5; a custom campaign starts without a bonus.
    pub fn default_points(self, school_categories: &[String]) -> (Decimal, Scope) {
        let one_and_a_half = Decimal::new(15, 1);
        match self {
            CampaignKind::Ramadan => (Decimal::from(2), Scope::Order),
            CampaignKind::EidAlFitr | CampaignKind::EidAlAdha | CampaignKind::Monthly => (one_and_a_half, Scope::Order),
            CampaignKind::NationalDay => (Decimal::from(2), Scope::LocalProducts),
            CampaignKind::SchoolSeason => (one_and_a_half, Scope::Categories { categories: school_categories.to_vec() }),
            CampaignKind::Custom => (Decimal::ONE, Scope::Order),
        }
    }
}

/// Who a campaign is for (SPEC §4.7 Resolution: its audience also limits its points
/// multiplier). Empty lists mean everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Audience {
    pub segments: Vec<Segment>,
    pub tags: Vec<String>,
    /// ISO country codes, e.g. `LY` for Libyan customers.
    pub nationalities: Vec<String>,
    /// Only customers whose birthday falls in the month of the order.
    pub birthday_month: bool,
}

/// What the audience rules ask of a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerFacts {
    pub segment: Segment,
    pub tags: Vec<String>,
    pub nationality: String,
    pub birth_month: Option<u32>,
}

impl Audience {
    pub fn includes(&self, customer: &CustomerFacts, on: NaiveDate) -> bool {
        (self.segments.is_empty() || self.segments.contains(&customer.segment))
            && (self.tags.is_empty() || self.tags.iter().any(|t| customer.tags.contains(t)))
            && (self.nationalities.is_empty() || self.nationalities.iter().any(|n| n.eq_ignore_ascii_case(&customer.nationality)))
            && (!self.birthday_month || customer.birth_month == Some(on.month()))
    }
}

/// A campaign as the merchant set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub kind: CampaignKind,
    #[ts(type = "string")]
    pub start_date: NaiveDate,
    #[ts(type = "string")]
    pub end_date: NaiveDate,
    #[ts(type = "string")]
    pub multiplier: Decimal,
    pub scope: Scope,
    pub audience: Audience,
    /// Days of the month a monthly campaign is on (1–31); other kinds ignore it.
    pub monthly_days: Vec<u8>,
    pub benefits: Vec<String>,
    pub active: bool,
}

impl Campaign {
    /// On for orders created on `date` (store time).
    pub fn is_on(&self, date: NaiveDate) -> bool {
        self.active
            && self.start_date <= date
            && date <= self.end_date
            && (self.kind != CampaignKind::Monthly || self.monthly_days.contains(&(date.day() as u8)))
    }
}

/// The campaigns whose multiplier applies to an order created on `date` by `customer`.
pub fn applicable(campaigns: &[Campaign], date: NaiveDate, customer: &CustomerFacts) -> Vec<ApplicableCampaign> {
    campaigns
        .iter()
        .filter(|c| c.is_on(date) && c.audience.includes(customer, date) && c.multiplier > Decimal::ONE)
        .map(|c| ApplicableCampaign { id: c.id.clone(), multiplier: c.multiplier, scope: c.scope.clone() })
        .collect()
}

/// Dates the app proposes for a campaign kind in a Gregorian year: Ramadan from 1 Ramadan
/// to the day before 1 Shawwal, Eid al-Fitr 1–3 Shawwal, Eid al-Adha 10–13 Dhu al-Hijjah
/// (Umm al-Qura), the national day 17 February. The others are the merchant's to set.
pub fn proposed_dates(kind: CampaignKind, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let hijri_span = |month: u8, first: u8, end_month: u8, end_day: u8| {
        let start_year = calendar::hijri(NaiveDate::from_ymd_opt(year, 1, 1)?).year;
        (start_year..=start_year + 1).find_map(|hy| {
            let start = calendar::gregorian(HijriDate { year: hy, month, day: first })?;
            let end = calendar::gregorian(HijriDate { year: hy, month: end_month, day: end_day })?;
            (start.year() == year).then_some((start, end))
        })
    };
    match kind {
        CampaignKind::Ramadan => {
            let (start, next) = hijri_span(9, 1, 10, 1)?;
            Some((start, next.pred_opt()?))
        }
        CampaignKind::EidAlFitr => hijri_span(10, 1, 10, 3),
        CampaignKind::EidAlAdha => hijri_span(12, 10, 12, 13),
        CampaignKind::NationalDay => Some((NaiveDate::from_ymd_opt(year, 2, 17)?, NaiveDate::from_ymd_opt(year, 2, 17)?)),
        CampaignKind::SchoolSeason | CampaignKind::Monthly | CampaignKind::Custom => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn campaign(kind: CampaignKind, start: NaiveDate, end: NaiveDate) -> Campaign {
        let (multiplier, scope) = kind.default_points(&["قرطاسية".to_string()]);
        Campaign {
            id: format!("{kind:?}"),
            name: String::new(),
            kind,
            start_date: start,
            end_date: end,
            multiplier,
            scope,
            audience: Audience::default(),
            monthly_days: Vec::new(),
            benefits: Vec::new(),
            active: true,
        }
    }

    /// Issue #6: 1 Ramadan 1447 = 2026-02-18, 1 Shawwal 1447 = 2026-03-20, 10 Dhu al-Hijjah
    /// 1447 = 2026-05-27.
    #[test]
    fn hijri_campaigns_are_proposed_from_umm_al_qura() {
        assert_eq!(proposed_dates(CampaignKind::Ramadan, 2026), Some((d(2026, 2, 18), d(2026, 3, 19))));
        assert_eq!(proposed_dates(CampaignKind::EidAlFitr, 2026), Some((d(2026, 3, 20), d(2026, 3, 22))));
        assert_eq!(proposed_dates(CampaignKind::EidAlAdha, 2026), Some((d(2026, 5, 27), d(2026, 5, 30))));
        assert_eq!(proposed_dates(CampaignKind::NationalDay, 2027), Some((d(2027, 2, 17), d(2027, 2, 17))));
        assert_eq!(proposed_dates(CampaignKind::SchoolSeason, 2026), None);
        let (start, end) = proposed_dates(CampaignKind::Ramadan, 2025).unwrap();
        assert_eq!((start, end), (d(2025, 3, 1), d(2025, 3, 29)));
    }

    #[test]
    fn default_points_per_kind() {
        assert_eq!(CampaignKind::Ramadan.default_points(&[]), (Decimal::from(2), Scope::Order));
        assert_eq!(CampaignKind::NationalDay.default_points(&[]), (Decimal::from(2), Scope::LocalProducts));
        assert_eq!(CampaignKind::EidAlAdha.default_points(&[]).0, Decimal::new(15, 1));
    }

    #[test]
    fn campaigns_apply_on_their_days_to_their_audience() {
        let ramadan = campaign(CampaignKind::Ramadan, d(2026, 2, 18), d(2026, 3, 19));
        let mut monthly = campaign(CampaignKind::Monthly, d(2026, 1, 1), d(2026, 12, 31));
        monthly.monthly_days = vec![1, 15];
        let mut libyan = campaign(CampaignKind::NationalDay, d(2026, 2, 17), d(2026, 2, 17));
        libyan.audience.nationalities = vec!["LY".into()];
        let campaigns = [ramadan, monthly, libyan];
        let huda = CustomerFacts { segment: Segment::Silver, tags: vec![], nationality: "LY".into(), birth_month: Some(3) };
        let ids = |date: NaiveDate, who: &CustomerFacts| applicable(&campaigns, date, who).into_iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(d(2026, 2, 17), &huda), ["NationalDay"]);
        assert_eq!(ids(d(2026, 3, 1), &huda), ["Ramadan", "Monthly"]);
        assert_eq!(ids(d(2026, 3, 20), &huda), Vec::<String>::new());
        let visitor = CustomerFacts { nationality: "TN".into(), ..huda.clone() };
        assert!(ids(d(2026, 2, 17), &visitor).is_empty(), "the audience limits the multiplier");
        let birthday = Audience { birthday_month: true, ..Default::default() };
        assert!(birthday.includes(&huda, d(2026, 3, 5)) && !birthday.includes(&huda, d(2026, 4, 5)));
        let gold_only = Audience { segments: vec![Segment::Gold, Segment::Platinum, Segment::Vip], ..Default::default() };
        assert!(!gold_only.includes(&huda, d(2026, 3, 5)));
    }
}
