//! The points ledger (SPEC §4.4–§4.6): append-only entries, the lots credits make, and
//! the use-cases that move points — redeem a reward for a voucher, cancel a voucher,
//! adjust by hand, expire lots. Every debit asks [`super::lots`] which lots it takes; the
//! database refuses any write that would take a balance below zero (migration 8), so a
//! bug here fails loudly instead of overdrawing.

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

use super::lots::{self, Consumption, Lot, Taken};
use super::rewards::{self, Reward, RewardType};
use super::settings_on;
use crate::daily_totals::{self, PointsKind};
use crate::error::{CoreError, FieldError, Result};
use crate::money::Money;
use crate::staff::{Actor, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EntryType {
    Earn,
    Referral,
    Adjustment,
    RedemptionCancel,
    Redeem,
    Reversal,
    Expire,
}

impl EntryType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryType::Earn => "earn",
            EntryType::Referral => "referral",
            EntryType::Adjustment => "adjustment",
            EntryType::RedemptionCancel => "redemption_cancel",
            EntryType::Redeem => "redeem",
            EntryType::Reversal => "reversal",
            EntryType::Expire => "expire",
        }
    }

    fn parse(text: &str) -> EntryType {
        serde_json::from_value(serde_json::Value::String(text.to_string()))
            .unwrap_or(EntryType::Adjustment)
    }
}

/// One ledger entry as the profile's loyalty card and `crm loyalty history` show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LedgerEntry {
    pub id: String,
    pub customer_id: String,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub entry_type: EntryType,
    #[ts(type = "number")]
    pub points: i64,
    pub order_id: Option<String>,
    pub voucher_id: Option<String>,
    pub campaign_id: Option<String>,
    pub breakdown: Option<super::points::Breakdown>,
    pub lot_expires_at: Option<String>,
    pub consumed_lots: Vec<Taken>,
    #[ts(type = "number")]
    pub unrecovered: i64,
    pub created_at: String,
    pub created_by: String,
    pub note: String,
    /// A credit's place in time: when the points were earned (a historical order's
    /// delivery, not the day it was imported).
    pub earned_at: Option<String>,
}

const ENTRY_COLUMNS: &str = "id, customer_id, type, points, order_id, voucher_id, campaign_id, breakdown, lot_expires_at, consumed_lots,
     unrecovered, created_at, created_by, note,
     (SELECT l.earned_at FROM loyalty_lots l WHERE l.entry_id = loyalty_entries.id) AS earned_at";

fn entry_from_row(row: &sqlx::sqlite::SqliteRow) -> LedgerEntry {
    let json = |column: &str| row.get::<Option<String>, _>(column);
    LedgerEntry {
        id: row.get("id"),
        customer_id: row.get("customer_id"),
        entry_type: EntryType::parse(row.get("type")),
        points: row.get("points"),
        order_id: row.get("order_id"),
        voucher_id: row.get("voucher_id"),
        campaign_id: row.get("campaign_id"),
        breakdown: json("breakdown").and_then(|b| serde_json::from_str(&b).ok()),
        lot_expires_at: row.get("lot_expires_at"),
        consumed_lots: json("consumed_lots")
            .and_then(|c| serde_json::from_str(&c).ok())
            .unwrap_or_default(),
        unrecovered: row.get("unrecovered"),
        created_at: row.get("created_at"),
        earned_at: row.get("earned_at"),
        created_by: row.get("created_by"),
        note: row.get("note"),
    }
}

pub async fn balance(pool: &SqlitePool, customer_id: &str) -> Result<i64> {
    balance_on(&mut *pool.acquire().await?, customer_id).await
}

async fn balance_on(conn: &mut SqliteConnection, customer_id: &str) -> Result<i64> {
    let balance: Option<i64> =
        sqlx::query_scalar("SELECT balance FROM loyalty_balances WHERE customer_id = ?")
            .bind(customer_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(balance.unwrap_or(0))
}

/// A customer's entries, newest first.
pub async fn history(pool: &SqlitePool, customer_id: &str) -> Result<Vec<LedgerEntry>> {
    let rows = sqlx::query(&format!("SELECT {ENTRY_COLUMNS} FROM loyalty_entries WHERE customer_id = ? ORDER BY created_at DESC, rowid DESC"))
        .bind(customer_id)
        .fetch_all(pool)
        .await?;
    Ok(rows.iter().map(entry_from_row).collect())
}

/// A credit to write: the entry and the lot it makes.
pub(crate) struct Credit<'a> {
    pub customer_id: &'a str,
    pub entry_type: EntryType,
    pub points: i64,
    pub order_id: Option<&'a str>,
    pub voucher_id: Option<&'a str>,
    pub campaign_id: Option<&'a str>,
    pub referred_customer_id: Option<&'a str>,
    pub breakdown: Option<&'a super::points::Breakdown>,
    pub refunded_at_earn: Option<Money>,
    pub expires_at: DateTime<Utc>,
    /// The lot's place in the FIFO order: now, except for points coming back to where they
    /// were (a cancelled voucher).
    pub earned_at: Option<DateTime<Utc>>,
    pub created_by: &'a str,
    pub note: &'a str,
}

/// Writes a credit and its lot. On SQLite's C API, inside the caller's transaction, so the
/// bulk earning of an order import and the one-off use-cases share it.
impl<'a> Credit<'a> {
    /// A credit with no links and no breakdown, earned now: callers set what differs.
    pub(crate) fn new(customer_id: &'a str, entry_type: EntryType, points: i64, expires_at: DateTime<Utc>, created_by: &'a str) -> Credit<'a> {
        Credit {
            customer_id,
            entry_type,
            points,
            order_id: None,
            voucher_id: None,
            campaign_id: None,
            referred_customer_id: None,
            breakdown: None,
            refunded_at_earn: None,
            expires_at,
            earned_at: None,
            created_by,
            note: "",
        }
    }
}

pub(crate) fn credit(
    db: &rusqlite::Connection,
    credit: Credit<'_>,
    now: DateTime<Utc>,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    db.prepare_cached(
        "INSERT INTO loyalty_entries (id, customer_id, type, points, order_id, voucher_id, campaign_id, referred_customer_id, breakdown,
             refunded_at_earn, lot_expires_at, created_at, created_by, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(rusqlite::params![
        id,
        credit.customer_id,
        credit.entry_type.as_str(),
        credit.points,
        credit.order_id,
        credit.voucher_id,
        credit.campaign_id,
        credit.referred_customer_id,
        credit.breakdown.map(|b| serde_json::to_string(b).unwrap_or_default()),
        credit.refunded_at_earn.map(|m| m.dirhams()),
        credit.expires_at.to_rfc3339(),
        now.to_rfc3339(),
        credit.created_by,
        credit.note,
    ])?;
    db.prepare_cached("INSERT INTO loyalty_lots (entry_id, customer_id, order_id, earned_at, expires_at, points, remaining) VALUES (?, ?, ?, ?, ?, ?, ?)")?
        .execute(rusqlite::params![
            id,
            credit.customer_id,
            credit.order_id,
            credit.earned_at.unwrap_or(now).to_rfc3339(),
            credit.expires_at.to_rfc3339(),
            credit.points,
            credit.points,
        ])?;
    // The reports count points given, not points coming back from a cancelled voucher or
    // moving between records in a merge.
    let kind = match credit.entry_type {
        EntryType::Earn => Some(PointsKind::Earn),
        EntryType::Referral => Some(PointsKind::Other),
        EntryType::Adjustment if credit.note != MERGE_NOTE && credit.note != MERGE_UNDONE_NOTE => Some(PointsKind::Other),
        _ => None,
    };
    if let Some(kind) = kind {
        daily_totals::add_points(db, credit.earned_at.unwrap_or(now), kind, credit.points)?;
    }
    Ok(id)
}

fn lots_of(db: &rusqlite::Connection, customer_id: &str) -> Result<Vec<Lot>> {
    let mut select = db.prepare_cached("SELECT entry_id, earned_at, expires_at, remaining, order_id FROM loyalty_lots WHERE customer_id = ? AND remaining > 0")?;
    let rows = select.query_map([customer_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut lots = Vec::new();
    for row in rows {
        let (entry_id, earned, expires, remaining, order_id) = row?;
        if let (Some(earned_at), Some(expires_at)) = (
            crate::time::parse_instant(&earned),
            crate::time::parse_instant(&expires),
        ) {
            lots.push(Lot {
                entry_id,
                earned_at,
                expires_at,
                remaining,
                order_id,
            });
        }
    }
    Ok(lots)
}

/// A debit to write.
pub(crate) struct Debit<'a> {
    pub customer_id: &'a str,
    pub entry_type: EntryType,
    pub points: i64,
    /// A reversal takes its own order's lot first.
    pub own_order: Option<&'a str>,
    pub voucher_id: Option<&'a str>,
    /// The referred customer whose referral bonus this reverses.
    pub referred_customer_id: Option<&'a str>,
    /// A reversal records what it cannot take as `unrecovered`; anything else is refused.
    pub shortfall_allowed: bool,
    pub created_by: &'a str,
    pub note: &'a str,
}

/// Takes points from the customer's live lots, oldest first. Refused with
/// `shortfall_error` when the lots do not hold enough and a shortfall is not allowed.
impl<'a> Debit<'a> {
    /// A debit with no links that may not fall short: callers set what differs.
    pub(crate) fn new(customer_id: &'a str, entry_type: EntryType, points: i64, created_by: &'a str) -> Debit<'a> {
        Debit { customer_id, entry_type, points, own_order: None, voucher_id: None, referred_customer_id: None, shortfall_allowed: false, created_by, note: "" }
    }
}

pub(crate) fn debit(
    db: &rusqlite::Connection,
    debit: Debit<'_>,
    shortfall_error: &str,
    now: DateTime<Utc>,
) -> Result<(String, Consumption)> {
    let mut lots = lots_of(db, debit.customer_id)?;
    let used = lots::consume(&mut lots, debit.points, debit.own_order, now);
    if used.shortfall > 0 && !debit.shortfall_allowed {
        let balance = lots::live_balance(&lots, now) + used.points();
        return Err(CoreError::Invalid(vec![FieldError::new(
            "points",
            shortfall_error,
        )
        .with_arg("balance", balance)
        .with_arg("required", debit.points)]));
    }
    let id = write_debit(db, &debit, &used, now)?;
    Ok((id, used))
}

/// Writes a debit entry for what `used` takes, and takes it from the lots.
fn write_debit(db: &rusqlite::Connection, debit: &Debit<'_>, used: &Consumption, now: DateTime<Utc>) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    db.prepare_cached(
        "INSERT INTO loyalty_entries (id, customer_id, type, points, order_id, voucher_id, referred_customer_id, consumed_lots, unrecovered,
             created_at, created_by, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(rusqlite::params![
        id,
        debit.customer_id,
        debit.entry_type.as_str(),
        -used.points(),
        debit.own_order,
        debit.voucher_id,
        debit.referred_customer_id,
        serde_json::to_string(&used.taken).unwrap_or_default(),
        used.shortfall,
        now.to_rfc3339(),
        debit.created_by,
        debit.note,
    ])?;
    let mut update =
        db.prepare_cached("UPDATE loyalty_lots SET remaining = remaining - ? WHERE entry_id = ?")?;
    for taken in &used.taken {
        update.execute(rusqlite::params![taken.points, taken.entry_id])?;
    }
    if debit.entry_type == EntryType::Reversal {
        daily_totals::add_points(db, now, PointsKind::Reversal, used.points())?;
    }
    Ok(id)
}

/// The note on the two sides of a merge's transfer, and of its undo; the UI words them.
pub const MERGE_NOTE: &str = "merge";
pub const MERGE_UNDONE_NOTE: &str = "merge-undone";

/// Moves a customer's live points to another with their lots (a customer merge): one
/// adjustment on `from` taking every live lot, and for each lot an adjustment on `to`
/// with the same earn date, expiry and order, so FIFO, expiry and a later reversal of
/// that order work as if the points had been earned there. Entries are never rewritten,
/// so this is how points change hands. `only` limits it to those lots (an undo moving
/// back what a merge brought that is still there). Returns the new lots.
pub(crate) fn transfer(
    db: &rusqlite::Connection,
    from: &str,
    to: &str,
    only: Option<&[String]>,
    note: &str,
    created_by: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>> {
    let lots: Vec<Lot> = lots_of(db, from)?
        .into_iter()
        .filter(|l| l.remaining > 0 && l.expires_at > now && only.is_none_or(|ids| ids.contains(&l.entry_id)))
        .collect();
    if lots.is_empty() {
        return Ok(Vec::new());
    }
    let used = Consumption { taken: lots.iter().map(|l| Taken { entry_id: l.entry_id.clone(), points: l.remaining }).collect(), shortfall: 0 };
    write_debit(db, &Debit { note, ..Debit::new(from, EntryType::Adjustment, used.points(), created_by) }, &used, now)?;
    let mut moved = Vec::with_capacity(lots.len());
    for lot in &lots {
        moved.push(credit(
            db,
            Credit {
                order_id: lot.order_id.as_deref(),
                earned_at: Some(lot.earned_at),
                note,
                ..Credit::new(to, EntryType::Adjustment, lot.remaining, lot.expires_at, created_by)
            },
            now,
        )?);
    }
    Ok(moved)
}

/// A reward voucher (SPEC §4.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Voucher {
    pub id: String,
    pub code: String,
    pub reward_id: String,
    pub reward_name: String,
    pub customer_id: String,
    #[ts(type = "number")]
    pub points: i64,
    pub issued_at: String,
    pub expires_at: String,
    pub status: VoucherStatus,
    pub used_order_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VoucherStatus {
    Issued,
    Used,
    Expired,
    Cancelled,
}

impl VoucherStatus {
    fn parse(text: &str) -> VoucherStatus {
        serde_json::from_value(serde_json::Value::String(text.to_string()))
            .unwrap_or(VoucherStatus::Issued)
    }
}

const VOUCHER_COLUMNS: &str =
    "v.id, v.code, v.reward_id, r.name AS reward_name, v.customer_id, v.points, v.issued_at, v.expires_at, v.status, v.used_order_id";

fn voucher_from_row(row: &sqlx::sqlite::SqliteRow) -> Voucher {
    Voucher {
        id: row.get("id"),
        code: row.get("code"),
        reward_id: row.get("reward_id"),
        reward_name: row.get("reward_name"),
        customer_id: row.get("customer_id"),
        points: row.get("points"),
        issued_at: row.get("issued_at"),
        expires_at: row.get("expires_at"),
        status: VoucherStatus::parse(row.get("status")),
        used_order_id: row.get("used_order_id"),
    }
}

async fn voucher_on(conn: &mut SqliteConnection, id: &str) -> Result<Voucher> {
    let row = sqlx::query(&format!("SELECT {VOUCHER_COLUMNS} FROM vouchers v JOIN rewards r ON r.id = v.reward_id WHERE v.id = ?1 OR v.code = upper(?1)"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| CoreError::Invalid(vec![FieldError::new("voucher", "voucher-error-missing")]))?;
    Ok(voucher_from_row(&row))
}

pub async fn vouchers(pool: &SqlitePool, customer_id: &str) -> Result<Vec<Voucher>> {
    let rows = sqlx::query(&format!("SELECT {VOUCHER_COLUMNS} FROM vouchers v JOIN rewards r ON r.id = v.reward_id WHERE v.customer_id = ? ORDER BY v.issued_at DESC"))
        .bind(customer_id)
        .fetch_all(pool)
        .await?;
    Ok(rows.iter().map(voucher_from_row).collect())
}

pub async fn rewards(pool: &SqlitePool) -> Result<Vec<Reward>> {
    let rows = sqlx::query("SELECT id, name, points_required, type, value, max_discount, product_id, valid_for_days, category, active FROM rewards ORDER BY points_required, id")
        .fetch_all(pool)
        .await?;
    Ok(rows.iter().map(reward_from_row).collect())
}

fn reward_from_row(row: &sqlx::sqlite::SqliteRow) -> Reward {
    Reward {
        id: row.get("id"),
        name: row.get("name"),
        points_required: row.get("points_required"),
        reward_type: serde_json::from_value(serde_json::Value::String(row.get("type")))
            .unwrap_or(RewardType::Discount),
        value: row.get("value"),
        max_discount: row
            .get::<Option<i64>, _>("max_discount")
            .map(Money::from_dirhams),
        product_id: row.get("product_id"),
        valid_for_days: row.get("valid_for_days"),
        category: row.get("category"),
        active: row.get("active"),
    }
}

/// Redeems a reward (SPEC §4.6): checks every precondition first, then in one immediate
/// transaction debits `pointsRequired` (never another amount) from the oldest lots and
/// issues a voucher. Two redemptions racing for the same points are serialised by the
/// write lock: the second sees the first's debit and is refused.
pub async fn redeem(
    pool: &SqlitePool,
    actor: &Actor,
    customer_id: &str,
    reward_id: &str,
    in_stock: bool,
    now: DateTime<Utc>,
) -> Result<Voucher> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let reward = sqlx::query("SELECT id, name, points_required, type, value, max_discount, product_id, valid_for_days, category, active FROM rewards WHERE id = ?")
        .bind(reward_id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| reward_from_row(&row))
        .ok_or_else(|| CoreError::Invalid(vec![FieldError::new("reward", "redeem-error-missing")]))?;
    let settings = settings_on(&mut tx).await?;
    let balance = balance_on(&mut tx, customer_id).await?;
    let problems =
        rewards::redemption_problems(&reward, balance, settings.minimum_redemption, in_stock);
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    let voucher_id = uuid::Uuid::now_v7().to_string();
    let redeem = Debit {
        voucher_id: Some(&voucher_id),
        note: &reward.name,
        ..Debit::new(customer_id, EntryType::Redeem, reward.points_required, actor.audit_name())
    };
    let (entry_id, _) =
        crate::db::on_c_api(&mut tx, |db| debit(db, redeem, "redeem-error-balance", now)).await?;
    let mut rng = rand_chacha::ChaCha8Rng::from_entropy();
    // A clash among 32^10 codes is unlikely; the unique index makes one fail loudly.
    let code = rewards::voucher_code(&mut rng);
    sqlx::query(
        "INSERT INTO vouchers (id, code, reward_id, customer_id, points, redeem_entry_id, issued_at, expires_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'issued')",
    )
    .bind(&voucher_id)
    .bind(&code)
    .bind(&reward.id)
    .bind(customer_id)
    .bind(reward.points_required)
    .bind(&entry_id)
    .bind(now.to_rfc3339())
    .bind(rewards::end_of_day_plus(now, reward.valid_for_days).to_rfc3339())
    .execute(&mut *tx)
    .await?;
    let points = reward.points_required;
    crate::db::on_c_api(&mut tx, |db| daily_totals::add_points(db, now, PointsKind::Redeemed, points)).await?;
    let voucher = voucher_on(&mut tx, &voucher_id).await?;
    tx.commit().await?;
    Ok(voucher)
}

/// Staff cancel an unused voucher (SPEC §4.6): its points come back with the expiry of the
/// lots they came from; points whose lots have expired meanwhile are expired again at once.
pub async fn cancel_voucher(
    pool: &SqlitePool,
    actor: &Actor,
    voucher: &str,
    now: DateTime<Utc>,
) -> Result<Voucher> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let found = voucher_on(&mut tx, voucher).await?;
    if found.status != VoucherStatus::Issued {
        return Err(CoreError::Invalid(vec![FieldError::new(
            "voucher",
            "voucher-error-not-issued",
        )]));
    }
    let consumed: Option<String> = sqlx::query_scalar("SELECT consumed_lots FROM loyalty_entries e JOIN vouchers v ON v.redeem_entry_id = e.id WHERE v.id = ?")
        .bind(&found.id)
        .fetch_one(&mut *tx)
        .await?;
    let consumed: Vec<Taken> = consumed
        .and_then(|c| serde_json::from_str(&c).ok())
        .unwrap_or_default();
    for taken in consumed {
        let (earned, expires): (String, String) =
            sqlx::query_as("SELECT earned_at, expires_at FROM loyalty_lots WHERE entry_id = ?")
                .bind(&taken.entry_id)
                .fetch_one(&mut *tx)
                .await?;
        let expires_at = crate::time::parse_instant(&expires).unwrap_or(now);
        let restore = Credit {
            voucher_id: Some(&found.id),
            earned_at: crate::time::parse_instant(&earned),
            ..Credit::new(&found.customer_id, EntryType::RedemptionCancel, taken.points, expires_at, actor.audit_name())
        };
        let customer_id = found.customer_id.clone();
        crate::db::on_c_api(&mut tx, |db| {
            let restored = credit(db, restore, now)?;
            if expires_at <= now {
                expire_lot(db, &customer_id, &restored, taken.points, now)?;
            }
            Ok(())
        })
        .await?;
    }
    sqlx::query("UPDATE vouchers SET status = 'cancelled', closed_at = ? WHERE id = ?")
        .bind(now.to_rfc3339())
        .bind(&found.id)
        .execute(&mut *tx)
        .await?;
    // No longer redeemed, on the day it was.
    let issued = crate::time::parse_instant(&found.issued_at).unwrap_or(now);
    crate::db::on_c_api(&mut tx, |db| daily_totals::add_points(db, issued, PointsKind::Redeemed, -found.points)).await?;
    let voucher = voucher_on(&mut tx, &found.id).await?;
    tx.commit().await?;
    Ok(voucher)
}

/// Staff record that a voucher was used on an order (standalone mode; sync reports it
/// otherwise).
pub async fn use_voucher(
    pool: &SqlitePool,
    voucher: &str,
    order_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Voucher> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let found = voucher_on(&mut tx, voucher).await?;
    let expired = crate::time::parse_instant(&found.expires_at).is_some_and(|e| e <= now);
    if found.status != VoucherStatus::Issued || expired {
        return Err(CoreError::Invalid(vec![FieldError::new(
            "voucher",
            "voucher-error-not-issued",
        )]));
    }
    sqlx::query(
        "UPDATE vouchers SET status = 'used', used_order_id = ?, closed_at = ? WHERE id = ?",
    )
    .bind(order_id)
    .bind(now.to_rfc3339())
    .bind(&found.id)
    .execute(&mut *tx)
    .await?;
    let voucher = voucher_on(&mut tx, &found.id).await?;
    tx.commit().await?;
    Ok(voucher)
}

pub(crate) fn expire_lot(
    db: &rusqlite::Connection,
    customer_id: &str,
    lot: &str,
    points: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let taken = vec![Taken {
        entry_id: lot.to_string(),
        points,
    }];
    db.prepare_cached(
        "INSERT INTO loyalty_entries (id, customer_id, type, points, consumed_lots, created_at, created_by) VALUES (?, ?, 'expire', ?, ?, ?, 'system')",
    )?
    .execute(rusqlite::params![uuid::Uuid::now_v7().to_string(), customer_id, -points, serde_json::to_string(&taken).unwrap_or_default(), now.to_rfc3339()])?;
    db.prepare_cached("UPDATE loyalty_lots SET remaining = remaining - ? WHERE entry_id = ?")?
        .execute(rusqlite::params![points, lot])?;
    daily_totals::add_points(db, now, PointsKind::Expire, points)?;
    Ok(())
}

/// A manual correction (SPEC §4.4 Addition): managers and admins only, with a reason. A
/// credit makes a lot with the usual expiry; a debit that would overdraw is refused.
pub async fn adjust(
    pool: &SqlitePool,
    actor: &Actor,
    customer_id: &str,
    points: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<LedgerEntry> {
    let mut errors = Vec::new();
    if !matches!(actor, Actor::Staff(user) if matches!(user.role, Role::Manager | Role::Admin)) {
        errors.push(FieldError::new("actor", "loyalty-error-role"));
    }
    if reason.trim().is_empty() {
        errors.push(FieldError::new("reason", "error-required"));
    }
    if points == 0 {
        errors.push(FieldError::new("points", "loyalty-error-zero"));
    }
    if !errors.is_empty() {
        return Err(CoreError::Invalid(errors));
    }
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let known: Option<String> = sqlx::query_scalar("SELECT id FROM customers WHERE id = ?")
        .bind(customer_id)
        .fetch_optional(&mut *tx)
        .await?;
    if known.is_none() {
        return Err(CoreError::CustomerNotFound(customer_id.to_string()));
    }
    let settings = settings_on(&mut tx).await?;
    let id = if points > 0 {
        let expires_at = rewards::end_of_day_plus(now, settings.points_expiry_days);
        let adjustment = Credit { note: reason.trim(), ..Credit::new(customer_id, EntryType::Adjustment, points, expires_at, actor.audit_name()) };
        crate::db::on_c_api(&mut tx, |db| credit(db, adjustment, now)).await?
    } else {
        let debit_of = Debit { note: reason.trim(), ..Debit::new(customer_id, EntryType::Adjustment, -points, actor.audit_name()) };
        crate::db::on_c_api(&mut tx, |db| {
            debit(db, debit_of, "loyalty-error-overdraw", now)
        })
        .await?
        .0
    };
    let row = sqlx::query(&format!(
        "SELECT {ENTRY_COLUMNS} FROM loyalty_entries WHERE id = ?"
    ))
    .bind(&id)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(entry_from_row(&row))
}

/// What the daily job did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExpiryRun {
    #[ts(type = "number")]
    pub lots: u64,
    #[ts(type = "number")]
    pub points: u64,
    #[ts(type = "number")]
    pub vouchers: u64,
}

/// The daily job (SPEC §4.4, §4.6): one `expire` entry per lot for whatever remains of it
/// past its expiry, and unused vouchers past theirs marked expired (their points stay
/// spent).
pub async fn run_expiry(pool: &SqlitePool, now: DateTime<Utc>) -> Result<ExpiryRun> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let due: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT entry_id, customer_id, remaining FROM loyalty_lots WHERE remaining > 0 AND expires_at <= ? ORDER BY expires_at")
            .bind(now.to_rfc3339())
            .fetch_all(&mut *tx)
            .await?;
    let mut run = ExpiryRun::default();
    crate::db::on_c_api(&mut tx, |db| {
        for (lot, customer_id, remaining) in &due {
            expire_lot(db, customer_id, lot, *remaining, now)?;
            run.lots += 1;
            run.points += *remaining as u64;
        }
        Ok(())
    })
    .await?;
    run.vouchers = sqlx::query("UPDATE vouchers SET status = 'expired', closed_at = ?1 WHERE status = 'issued' AND expires_at <= ?1")
        .bind(now.to_rfc3339())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(run)
}

/// The breakdown an order's points were credited with (SPEC §4.2), by the order's id or
/// number; `None` when the order earned nothing (yet).
pub async fn explain(pool: &SqlitePool, order: &str) -> Result<Option<LedgerEntry>> {
    let row = sqlx::query(&format!(
        "SELECT {ENTRY_COLUMNS} FROM loyalty_entries WHERE type = 'earn'
           AND order_id = (SELECT id FROM orders WHERE id = ?1 OR order_number = ?1 ORDER BY id = ?1 DESC LIMIT 1)"
    ))
    .bind(order.trim())
    .fetch_optional(pool)
    .await?;
    Ok(row.as_ref().map(entry_from_row))
}

/// The profile's loyalty card: the balance, when the next points expire, the history with
/// breakdowns, the vouchers, and the rewards the balance can buy now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LoyaltyCard {
    #[ts(type = "number")]
    pub balance: i64,
    /// The soonest-expiring live lot: when, and how many points.
    pub next_expiry: Option<String>,
    #[ts(type = "number")]
    pub next_expiry_points: i64,
    pub entries: Vec<LedgerEntry>,
    pub vouchers: Vec<Voucher>,
    pub rewards: Vec<Reward>,
}

pub async fn card(pool: &SqlitePool, customer_id: &str, now: DateTime<Utc>) -> Result<LoyaltyCard> {
    let next: Option<(String, i64)> = sqlx::query_as(
        "SELECT expires_at, sum(remaining) FROM loyalty_lots WHERE customer_id = ?1 AND remaining > 0 AND expires_at > ?2
         GROUP BY expires_at ORDER BY expires_at LIMIT 1",
    )
    .bind(customer_id)
    .bind(now.to_rfc3339())
    .fetch_optional(pool)
    .await?;
    Ok(LoyaltyCard {
        balance: balance(pool, customer_id).await?,
        next_expiry_points: next.as_ref().map_or(0, |n| n.1),
        next_expiry: next.map(|n| n.0),
        entries: history(pool, customer_id).await?,
        vouchers: vouchers(pool, customer_id).await?,
        rewards: rewards(pool).await?.into_iter().filter(|r| r.active).collect(),
    })
}
