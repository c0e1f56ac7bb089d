//! The loyalty programme report for managers (SPEC §8.5, issue #6): points issued,
//! redeemed and expired per month, the redemption rate, the outstanding liability in
//! points and in dinars, each campaign's orders, revenue and points against the same
//! length of time before it, and the most redeemed rewards; with its charts.
//!
//! Everything is summed per store day and folded into months and campaign windows here.
//! A report on every customer reads the daily totals triggers keep (migration 10); one
//! narrowed to a tier or city sums the rows of its period, one pass over each table.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::campaigns::{Campaign, CampaignKind};
use crate::customers::Segment;
use crate::error::{CoreError, FieldError, Result};
use crate::i18n::Lang;
use crate::money::Money;
use crate::time::{day_start, next_month};

/// Which months and which customers the report covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LoyaltyReportQuery {
    /// The first month: any day in it.
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// The last month: any day in it.
    #[ts(type = "string")]
    pub to: NaiveDate,
    pub segment: Option<Segment>,
    pub city: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthPoints {
    /// `YYYY-MM`, store time.
    pub month: String,
    #[ts(type = "number")]
    pub issued: i64,
    #[ts(type = "number")]
    pub redeemed: i64,
    #[ts(type = "number")]
    pub expired: i64,
}

/// Orders, revenue and points over a stretch of days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Window {
    #[ts(type = "number")]
    pub orders: i64,
    pub revenue: Money,
    #[ts(type = "number")]
    pub points: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CampaignEffect {
    pub id: String,
    pub name: String,
    pub kind: CampaignKind,
    #[ts(type = "string")]
    pub start_date: NaiveDate,
    #[ts(type = "string")]
    pub end_date: NaiveDate,
    /// The days the campaign was on.
    pub during: Window,
    /// As many days just before it started.
    pub before: Window,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RewardRedemptions {
    pub reward_id: String,
    pub name: String,
    #[ts(type = "number")]
    pub vouchers: i64,
    #[ts(type = "number")]
    pub points: i64,
}

/// The report's charts as SVG, labelled in the language asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LoyaltyCharts {
    pub points_by_month: String,
    pub campaigns: String,
    pub rewards: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LoyaltyReport {
    pub months: Vec<MonthPoints>,
    #[ts(type = "number")]
    pub issued: i64,
    #[ts(type = "number")]
    pub redeemed: i64,
    #[ts(type = "number")]
    pub expired: i64,
    /// Points taken back from cancelled and refunded orders.
    #[ts(type = "number")]
    pub reversed: i64,
    /// Redeemed ÷ issued in the period, in percent to one decimal; none when nothing was issued.
    #[ts(type = "string | null")]
    pub redemption_rate: Option<Decimal>,
    /// What the customers in the filter hold now.
    #[ts(type = "number")]
    pub liability_points: i64,
    pub liability_value: Money,
    pub point_value: Money,
    pub campaigns: Vec<CampaignEffect>,
    pub top_rewards: Vec<RewardRedemptions>,
    pub charts: LoyaltyCharts,
}

/// Sums per store day, by what they count.
#[derive(Debug, Default)]
struct Daily {
    issued: BTreeMap<NaiveDate, i64>,
    /// Earned on orders only: a campaign's points.
    earned: BTreeMap<NaiveDate, i64>,
    redeemed: BTreeMap<NaiveDate, i64>,
    expired: BTreeMap<NaiveDate, i64>,
    reversed: BTreeMap<NaiveDate, i64>,
    orders: BTreeMap<NaiveDate, (i64, i64)>,
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).expect("every month has a first day")
}

/// The days a campaign was on, and as many days just before its start.
fn windows(campaign: &Campaign) -> (Vec<NaiveDate>, std::ops::Range<NaiveDate>) {
    let always_on = Campaign { active: true, ..campaign.clone() };
    let during: Vec<NaiveDate> = campaign.start_date.iter_days().take_while(|d| *d <= campaign.end_date).filter(|d| always_on.is_on(*d)).collect();
    let before = campaign.start_date - Duration::days(during.len() as i64)..campaign.start_date;
    (during, before)
}

/// A report over at most this many months: enough for five years side by side.
const MAX_MONTHS: usize = 60;

pub async fn loyalty_report(pool: &sqlx::SqlitePool, query: &LoyaltyReportQuery, lang: Lang) -> Result<LoyaltyReport> {
    if query.to < query.from {
        return Err(CoreError::Invalid(vec![FieldError::new("to", "report-error-period")]));
    }
    let months: Vec<NaiveDate> = std::iter::successors(Some(month_start(query.from)), |m| Some(next_month(*m))).take_while(|m| *m <= query.to).collect();
    if months.len() > MAX_MONTHS {
        return Err(CoreError::Invalid(vec![FieldError::new("from", "report-error-period-long").with_arg("months", MAX_MONTHS as i64)]));
    }
    let (first_day, end_day) = (months[0], next_month(*months.last().expect("at least one month")));
    let settings = super::settings(pool).await?;
    let campaigns: Vec<Campaign> = super::list_campaigns(pool)
        .await?
        .into_iter()
        .filter(|c| c.active && c.start_date < end_day && c.end_date >= first_day)
        .collect();
    // The days to sum over: the period, and every campaign's window before it.
    let earliest = campaigns.iter().map(|c| windows(c).1.start).chain([first_day]).min().expect("non-empty");
    let latest = campaigns.iter().map(|c| c.end_date + Duration::days(1)).chain([end_day]).max().expect("non-empty");
    let mut conn = pool.acquire().await?;
    let filter = Narrowing { segment: query.segment.map(Segment::as_str), city: query.city.as_deref().map(str::trim).filter(|c| !c.is_empty()) };
    // Orders matter only to the campaigns: their days, and as many before each.
    let campaign_days = campaigns.iter().map(|c| (windows(c).1.start, c.end_date + Duration::days(1))).reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
    let (daily, liability_points, top_rewards) =
        crate::db::on_c_api(&mut conn, |db| read(db, filter, (earliest, latest), (first_day, end_day), campaign_days)).await?;

    let in_period = |d: &NaiveDate| *d >= first_day && *d < end_day;
    let month_points: Vec<MonthPoints> = months
        .iter()
        .map(|m| {
            let in_month = |series: &BTreeMap<NaiveDate, i64>| series.range(*m..next_month(*m)).map(|(_, v)| v).sum::<i64>();
            MonthPoints { month: m.format("%Y-%m").to_string(), issued: in_month(&daily.issued), redeemed: in_month(&daily.redeemed), expired: in_month(&daily.expired) }
        })
        .collect();
    let total = |series: &BTreeMap<NaiveDate, i64>| series.iter().filter(|(d, _)| in_period(d)).map(|(_, v)| v).sum::<i64>();
    let (issued, redeemed) = (total(&daily.issued), total(&daily.redeemed));
    let redemption_rate = (issued > 0).then(|| (Decimal::from(redeemed) * Decimal::from(100) / Decimal::from(issued)).round_dp(1));
    let window = |days: &mut dyn Iterator<Item = NaiveDate>| {
        let mut w = Window::default();
        for day in days {
            let (orders, revenue) = daily.orders.get(&day).copied().unwrap_or_default();
            w.orders += orders;
            w.revenue = w.revenue + Money::from_dirhams(revenue);
            w.points += daily.earned.get(&day).copied().unwrap_or_default();
        }
        w
    };
    let effects: Vec<CampaignEffect> = campaigns
        .iter()
        .map(|c| {
            let (during, before) = windows(c);
            CampaignEffect {
                id: c.id.clone(),
                name: c.name.clone(),
                kind: c.kind,
                start_date: c.start_date,
                end_date: c.end_date,
                during: window(&mut during.into_iter()),
                before: window(&mut before.start.iter_days().take_while(|d| *d < before.end)),
            }
        })
        .collect();
    let charts = charts(lang, &month_points, &effects, &top_rewards)?;
    Ok(LoyaltyReport {
        issued,
        redeemed,
        expired: total(&daily.expired),
        reversed: total(&daily.reversed),
        redemption_rate,
        liability_points,
        liability_value: Money::from_dirhams(settings.point_value.dirhams().saturating_mul(liability_points)),
        point_value: settings.point_value,
        months: month_points,
        campaigns: effects,
        top_rewards,
        charts,
    })
}

/// Which customers a report covers: everyone, or one segment and/or city.
#[derive(Clone, Copy)]
struct Narrowing<'a> {
    segment: Option<&'a str>,
    city: Option<&'a str>,
}

impl Narrowing<'_> {
    /// The join that narrows rows whose `owner` column holds a customer id, taking its two
    /// values as parameters `?first` and the next; nothing when the report covers everyone,
    /// to spare the join.
    fn join(&self, owner: &str, first: usize) -> String {
        if self.segment.is_none() && self.city.is_none() {
            return String::new();
        }
        let second = first + 1;
        format!("JOIN customers c ON c.id = {owner} AND (?{first} IS NULL OR c.segment = ?{first}) AND (?{second} IS NULL OR c.city = ?{second})")
    }

    /// `leading` and then the filter's values when it joins.
    fn params<'p>(&'p self, leading: &[&'p dyn rusqlite::ToSql]) -> Vec<&'p dyn rusqlite::ToSql> {
        let mut params = leading.to_vec();
        if self.segment.is_some() || self.city.is_some() {
            params.push(&self.segment);
            params.push(&self.city);
        }
        params
    }
}

/// Runs `sql` and adds each (day, key, value) row into `into`.
fn per_day(db: &rusqlite::Connection, sql: &str, params: &[&dyn rusqlite::ToSql], mut into: impl FnMut(NaiveDate, &str, i64, i64)) -> Result<()> {
    let mut select = db.prepare(sql)?;
    let mut rows = select.query(params)?;
    while let Some(row) = rows.next()? {
        let day: String = row.get(0)?;
        let Ok(day) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else { continue };
        let key: String = row.get(1)?;
        into(day, &key, row.get(2)?, row.get(3)?);
    }
    Ok(())
}

/// Where the per-day sums come from: the daily totals the database keeps (migration 10)
/// for a report on everyone, or the rows themselves when a filter narrows the customers,
/// since the totals are not kept per tier or city. Both give the same figures (a test
/// compares them).
fn read(
    db: &rusqlite::Connection,
    filter: Narrowing<'_>,
    (from, to): (NaiveDate, NaiveDate),
    period: (NaiveDate, NaiveDate),
    campaign_days: Option<(NaiveDate, NaiveDate)>,
) -> Result<(Daily, i64, Vec<RewardRedemptions>)> {
    let everyone = filter.segment.is_none() && filter.city.is_none();
    // The totals are keyed by store day; the rows by instant.
    let bound = |day: NaiveDate| if everyone { day.to_string() } else { day_start(day).to_rfc3339() };
    let (first, last) = (bound(from), bound(to));
    let range = filter.params(&[&first, &last]);
    let mut daily = Daily::default();
    // Credits on the day they were earned (a historical order's points on its delivery
    // day), from their lots. Points a cancelled voucher gave back, and points a customer
    // merge moved from one record to another, were issued before.
    let credits = if everyone {
        "SELECT day, kind, points, 0 FROM daily_points WHERE day >= ?1 AND day < ?2 AND kind IN ('earn', 'other')".to_string()
    } else {
        format!(
            "SELECT date(l.earned_at, '+2 hours') AS day, CASE e.type WHEN 'earn' THEN 'earn' ELSE 'other' END, sum(l.points), 0 FROM loyalty_lots l
             JOIN loyalty_entries e ON e.id = l.entry_id {}
             WHERE l.earned_at >= ?1 AND l.earned_at < ?2 AND e.type IN ('earn', 'referral', 'adjustment')
               AND NOT (e.type = 'adjustment' AND e.note IN ('{}', '{}'))
             GROUP BY 1, 2",
            filter.join("l.customer_id", 3),
            super::ledger::MERGE_NOTE,
            super::ledger::MERGE_UNDONE_NOTE,
        )
    };
    per_day(db, &credits, &range, |day, kind, points, _| {
        *daily.issued.entry(day).or_default() += points;
        if kind == "earn" {
            *daily.earned.entry(day).or_default() += points;
        }
    })?;
    // Expiry and reversals on the day they were written.
    let debits = if everyone {
        "SELECT day, kind, points, 0 FROM daily_points WHERE day >= ?1 AND day < ?2 AND kind IN ('expire', 'reversal')".to_string()
    } else {
        format!(
            "SELECT date(e.created_at, '+2 hours') AS day, e.type, -sum(e.points), 0 FROM loyalty_entries e {}
             WHERE e.created_at >= ?1 AND e.created_at < ?2 AND e.type IN ('expire', 'reversal')
             GROUP BY day, e.type",
            filter.join("e.customer_id", 3)
        )
    };
    per_day(db, &debits, &range, |day, kind, points, _| {
        let series = if kind == "expire" { &mut daily.expired } else { &mut daily.reversed };
        *series.entry(day).or_default() += points;
    })?;
    // Redeemed: the points on vouchers that were not cancelled, on the day they were issued.
    let vouchers = if everyone {
        "SELECT day, kind, points, 0 FROM daily_points WHERE day >= ?1 AND day < ?2 AND kind = 'redeemed'".to_string()
    } else {
        format!(
            "SELECT date(v.issued_at, '+2 hours') AS day, '', sum(v.points), 0 FROM vouchers v {}
             WHERE v.issued_at >= ?1 AND v.issued_at < ?2 AND v.status <> 'cancelled'
             GROUP BY day",
            filter.join("v.customer_id", 3)
        )
    };
    per_day(db, &vouchers, &range, |day, _, points, _| {
        *daily.redeemed.entry(day).or_default() += points;
    })?;
    // Orders matter only to the campaigns: their days, and as many before each.
    if let Some((from, to)) = campaign_days {
        let orders = if everyone {
            "SELECT day, '', orders, revenue FROM daily_order_totals WHERE day >= ?1 AND day < ?2".to_string()
        } else {
            format!(
                "SELECT date(o.created_at, '+2 hours') AS day, '', count(*), sum(o.total - o.refunded_amount) FROM orders o {}
                 WHERE o.created_at >= ?1 AND o.created_at < ?2 AND o.{}
                 GROUP BY day",
                filter.join("o.customer_id", 3),
                crate::segmentation::COUNTED
            )
        };
        let (first, last) = (bound(from), bound(to));
        per_day(db, &orders, &filter.params(&[&first, &last]), |day, _, count, revenue| {
            daily.orders.insert(day, (count, revenue));
        })?;
    }
    let liability: i64 = db.query_row(
        &format!("SELECT coalesce(sum(b.balance), 0) FROM loyalty_balances b {}", filter.join("b.customer_id", 1)),
        filter.params(&[]).as_slice(),
        |r| r.get(0),
    )?;
    let (start, end) = (day_start(period.0).to_rfc3339(), day_start(period.1).to_rfc3339());
    let top = format!(
        "SELECT v.reward_id, r.name, count(*), sum(v.points) FROM vouchers v JOIN rewards r ON r.id = v.reward_id {}
         WHERE v.issued_at >= ?1 AND v.issued_at < ?2 AND v.status <> 'cancelled'
         GROUP BY v.reward_id ORDER BY count(*) DESC, sum(v.points) DESC LIMIT 5",
        filter.join("v.customer_id", 3)
    );
    let mut select = db.prepare(&top)?;
    let top_rewards = select
        .query_map(filter.params(&[&start, &end]).as_slice(), |r| {
            Ok(RewardRedemptions { reward_id: r.get(0)?, name: r.get(1)?, vouchers: r.get(2)?, points: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((daily, liability, top_rewards))
}

fn charts(lang: Lang, months: &[MonthPoints], campaigns: &[CampaignEffect], rewards: &[RewardRedemptions]) -> Result<LoyaltyCharts> {
    use eishro_charts::{Bars, Series};
    let text = |id: &str| crate::i18n::text(lang, id);
    let rtl = lang == Lang::Ar;
    let number = |v: i64| crate::i18n::number(lang, v);
    let month_name = |m: &MonthPoints| {
        let (year, month) = m.month.split_once('-').unwrap_or((&m.month, "1"));
        let args = BTreeMap::from([("month".to_string(), month.trim_start_matches('0').to_string()), ("year".to_string(), year.to_string())]);
        crate::i18n::message(lang, "report-month-short", &args)
    };
    let draw = |bars: &Bars, size| eishro_charts::bars(bars, size, &number).map_err(CoreError::from);
    let points_by_month = draw(
        &Bars {
            categories: months.iter().map(month_name).collect(),
            series: vec![
                Series { name: text("loyalty-report-issued"), values: months.iter().map(|m| m.issued).collect() },
                Series { name: text("loyalty-report-redeemed"), values: months.iter().map(|m| m.redeemed).collect() },
                Series { name: text("loyalty-report-expired"), values: months.iter().map(|m| m.expired).collect() },
            ],
            horizontal: false,
            rtl,
        },
        (860, 320),
    )?;
    let campaigns = draw(
        &Bars {
            categories: campaigns.iter().map(|c| c.name.clone()).collect(),
            series: vec![
                Series { name: text("loyalty-report-orders-before"), values: campaigns.iter().map(|c| c.before.orders).collect() },
                Series { name: text("loyalty-report-orders-during"), values: campaigns.iter().map(|c| c.during.orders).collect() },
            ],
            horizontal: true,
            rtl,
        },
        (860, (70 + 56 * campaigns.len() as u32).max(160)),
    )?;
    let rewards = draw(
        &Bars {
            categories: rewards.iter().map(|r| r.name.clone()).collect(),
            series: vec![Series { name: text("loyalty-report-vouchers"), values: rewards.iter().map(|r| r.vouchers).collect() }],
            horizontal: true,
            rtl,
        },
        (860, (50 + 40 * rewards.len() as u32).max(120)),
    )?;
    Ok(LoyaltyCharts { points_by_month, campaigns, rewards })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_is_compared_with_as_many_days_before_it() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let mut campaign = Campaign {
            id: "ramadan".into(),
            name: "رمضان".into(),
            kind: CampaignKind::Ramadan,
            start_date: d(2, 18),
            end_date: d(3, 19),
            multiplier: Decimal::TWO,
            scope: super::super::points::Scope::Order,
            audience: Default::default(),
            monthly_days: Vec::new(),
            benefits: Vec::new(),
            active: false,
        };
        let (during, before) = windows(&campaign);
        assert_eq!(during.len(), 30);
        assert_eq!(before, d(1, 19)..d(2, 18));
        // A monthly campaign is on only its days.
        campaign.kind = CampaignKind::Monthly;
        campaign.monthly_days = vec![1, 15];
        let (during, before) = windows(&campaign);
        assert_eq!(during, vec![d(3, 1), d(3, 15)]);
        assert_eq!(before, d(2, 16)..d(2, 18));
    }
}
