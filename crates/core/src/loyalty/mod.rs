//! Loyalty (SPEC §4; issue #6): the points an order earns, the append-only ledger with
//! lots that expire first-in first-out, rewards and vouchers, campaigns and referral.
//!
//! The rules are pure and apart from storage: [`points`] (the PointsSystem formula with
//! its breakdown, campaign stacking, category shares, reversals for refunds) and [`lots`]
//! (FIFO consumption, expiry, a balance that never goes below zero).

pub mod campaigns;
pub mod lots;
pub mod rewards;
pub mod points;
