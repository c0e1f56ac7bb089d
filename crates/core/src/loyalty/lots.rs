//! Points lots (SPEC §4.4): every credit is a lot that expires at the end of its earn day
//! plus the expiry days, in store time; debits consume lots oldest first (FIFO by earn
//! date). A reversal first takes what is left of its own order's lot. Nothing here can take
//! a balance below zero: what a debit cannot take is its shortfall, for the caller to
//! refuse (a redemption, an adjustment) or record as `unrecovered` (a reversal). Pure: the
//! ledger use-cases load the live lots, ask here, and write the entries this returns.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What is left of one credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lot {
    /// The credit entry that made it.
    pub entry_id: String,
    pub earned_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub remaining: i64,
    /// The order it was earned on, for reversals.
    pub order_id: Option<String>,
}

/// Points taken from one lot by a debit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Taken {
    pub entry_id: String,
    #[ts(type = "number")]
    pub points: i64,
}

/// What a debit takes from the lots, and what it could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consumption {
    pub taken: Vec<Taken>,
    pub shortfall: i64,
}

impl Consumption {
    pub fn points(&self) -> i64 {
        self.taken.iter().map(|t| t.points).sum()
    }
}

/// Takes `points` from the lots live at `now`: first from the lot earned on `own_order`
/// (a reversal), then oldest earned first. Lots are updated in place.
pub fn consume(lots: &mut [Lot], points: i64, own_order: Option<&str>, now: DateTime<Utc>) -> Consumption {
    let mut order: Vec<usize> = (0..lots.len()).filter(|&i| lots[i].remaining > 0 && lots[i].expires_at > now).collect();
    order.sort_by_key(|&i| {
        let own = own_order.is_some() && lots[i].order_id.as_deref() == own_order;
        (!own, lots[i].earned_at, lots[i].entry_id.clone())
    });
    let mut left = points.max(0);
    let mut taken = Vec::new();
    for i in order {
        if left == 0 {
            break;
        }
        let take = left.min(lots[i].remaining);
        lots[i].remaining -= take;
        left -= take;
        taken.push(Taken { entry_id: lots[i].entry_id.clone(), points: take });
    }
    Consumption { taken, shortfall: left }
}

/// The lots past their expiry at `now` that still hold points: each is expired by one
/// `expire` entry for what remains (SPEC §4.4's daily job).
pub fn expired(lots: &[Lot], now: DateTime<Utc>) -> Vec<Taken> {
    lots.iter().filter(|l| l.remaining > 0 && l.expires_at <= now).map(|l| Taken { entry_id: l.entry_id.clone(), points: l.remaining }).collect()
}

/// The balance the live lots hold.
pub fn live_balance(lots: &[Lot], now: DateTime<Utc>) -> i64 {
    lots.iter().filter(|l| l.expires_at > now).map(|l| l.remaining).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(day: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap() + Duration::days(day)
    }

    fn lot(id: &str, earned: i64, points: i64, order: Option<&str>) -> Lot {
        Lot { entry_id: id.into(), earned_at: t(earned), expires_at: t(earned + 365), remaining: points, order_id: order.map(str::to_string) }
    }

    #[test]
    fn debits_take_the_oldest_lots_first() {
        let mut lots = vec![lot("b", 20, 100, None), lot("a", 10, 50, None), lot("c", 30, 100, None)];
        let used = consume(&mut lots, 120, None, t(40));
        assert_eq!(used.taken, vec![Taken { entry_id: "a".into(), points: 50 }, Taken { entry_id: "b".into(), points: 70 }]);
        assert_eq!((used.shortfall, live_balance(&lots, t(40))), (0, 130));
    }

    #[test]
    fn a_reversal_takes_its_own_lot_first_and_never_goes_below_zero() {
        let mut lots = vec![lot("old", 1, 40, None), lot("order-7", 5, 30, Some("o7"))];
        let used = consume(&mut lots, 100, Some("o7"), t(10));
        assert_eq!(used.taken, vec![Taken { entry_id: "order-7".into(), points: 30 }, Taken { entry_id: "old".into(), points: 40 }]);
        assert_eq!((used.points(), used.shortfall), (70, 30), "the rest is unrecovered");
        assert_eq!(live_balance(&lots, t(10)), 0);
    }

    #[test]
    fn expired_lots_are_neither_consumed_nor_counted() {
        let mut lots = vec![lot("gone", 0, 80, None), lot("live", 300, 20, None)];
        assert_eq!(live_balance(&lots, t(366)), 20);
        let used = consume(&mut lots, 50, None, t(366));
        assert_eq!((used.points(), used.shortfall), (20, 30));
        assert_eq!(expired(&lots, t(366)), vec![Taken { entry_id: "gone".into(), points: 80 }]);
        assert!(expired(&lots, t(364)).is_empty(), "not before the lot's date");
    }
}
