//! The daily totals the reports read (migration 10): counted orders and their net amount
//! by the store day they were created, and points by store day and kind. Kept here, by
//! the few functions that write orders, ledger entries and vouchers, so a report on a
//! million-customer store reads a few hundred rows. A large import gathers its order
//! changes in [`OrderTotals`] and writes each day once.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::Result;
use crate::time::store_date;

/// What a point movement counts as in the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PointsKind {
    /// An order's points, by the day they were earned.
    Earn,
    /// Referral bonuses and manual credits, by the day they were given.
    Other,
    /// Points that expired, by the day the job took them.
    Expire,
    /// Points taken back from a cancelled or refunded order, by the day.
    Reversal,
    /// Points on vouchers not cancelled, by the day the voucher was issued.
    Redeemed,
}

impl PointsKind {
    fn as_str(self) -> &'static str {
        match self {
            PointsKind::Earn => "earn",
            PointsKind::Other => "other",
            PointsKind::Expire => "expire",
            PointsKind::Reversal => "reversal",
            PointsKind::Redeemed => "redeemed",
        }
    }
}

/// Adds `points` (negative to take away) to a day's total of `kind`.
pub(crate) fn add_points(db: &rusqlite::Connection, at: DateTime<Utc>, kind: PointsKind, points: i64) -> Result<()> {
    if points == 0 {
        return Ok(());
    }
    db.prepare_cached(
        "INSERT INTO daily_points (day, kind, points) VALUES (?, ?, ?)
         ON CONFLICT (day, kind) DO UPDATE SET points = points + excluded.points",
    )?
    .execute(rusqlite::params![store_date(at).to_string(), kind.as_str(), points])?;
    Ok(())
}

/// Changes to the daily order totals, gathered and then written once per day.
#[derive(Debug, Default)]
pub(crate) struct OrderTotals(BTreeMap<NaiveDate, (i64, i64)>);

impl OrderTotals {
    /// An order counted on the day it was created, with its net amount, comes in (`+1`)
    /// or goes out (`-1`).
    pub(crate) fn count(&mut self, created: DateTime<Utc>, net: i64, sign: i64) {
        let day = self.0.entry(store_date(created)).or_default();
        day.0 += sign;
        day.1 += sign * net;
    }

    pub(crate) fn write(self, db: &rusqlite::Connection) -> Result<()> {
        let mut upsert = db.prepare_cached(
            "INSERT INTO daily_order_totals (day, orders, revenue) VALUES (?, ?, ?)
             ON CONFLICT (day) DO UPDATE SET orders = orders + excluded.orders, revenue = revenue + excluded.revenue",
        )?;
        for (day, (orders, revenue)) in self.0 {
            if orders != 0 || revenue != 0 {
                upsert.execute(rusqlite::params![day.to_string(), orders, revenue])?;
            }
        }
        Ok(())
    }
}
