//! The points ledger on a real database (SPEC §4.4–§4.6, issue #6): redemption issuing a
//! voucher, cancellation restoring points with their lots' expiry, adjustments with a
//! role check, the expiry job, the database refusing an overdraft, two redemptions racing
//! for the same points, and invariants over random sequences.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{fresh, now};
use eishro_core::customers::{self, AddressDraft, CreateOptions, CustomerDraft};
use eishro_core::loyalty::ledger::{self, EntryType, VoucherStatus};
use eishro_core::staff::{self, Actor, Role, StaffUser};
use eishro_core::CoreError;
use proptest::prelude::*;
use sqlx::SqlitePool;

async fn customer(pool: &SqlitePool, actor: &Actor) -> String {
    let draft = CustomerDraft {
        first_name: "مريم".into(),
        last_name: "الزليتني".into(),
        phone: "0944556677".into(),
        email: "mariam@mail.ly".into(),
        addresses: vec![AddressDraft { city: "زليتن".into(), area: "المركز".into(), ..Default::default() }],
        ..Default::default()
    };
    customers::create(pool, actor, &draft, CreateOptions { now: now() - Duration::days(30), confirm_duplicate: false }).await.unwrap().id
}

fn ids(error: CoreError) -> Vec<String> {
    match error {
        CoreError::Invalid(fields) => fields.into_iter().map(|f| f.message_id).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

async fn sums(pool: &SqlitePool, customer: &str) -> (i64, i64, i64) {
    let balance = ledger::balance(pool, customer).await.unwrap();
    let entries: i64 = sqlx::query_scalar("SELECT coalesce(sum(points), 0) FROM loyalty_entries WHERE customer_id = ?").bind(customer).fetch_one(pool).await.unwrap();
    let lots: i64 = sqlx::query_scalar("SELECT coalesce(sum(remaining), 0) FROM loyalty_lots WHERE customer_id = ?").bind(customer).fetch_one(pool).await.unwrap();
    (balance, entries, lots)
}

#[tokio::test]
async fn redeeming_free_shipping_issues_a_voucher_in_one_step() {
    let (_dir, pool, owner) = fresh().await;
    let mariam = customer(&pool, &owner).await;
    ledger::adjust(&pool, &owner, &mariam, 200, "تعويض عن تأخير", now()).await.unwrap();
    let voucher = ledger::redeem(&pool, &owner, &mariam, "reward_002", true, now()).await.unwrap();
    assert_eq!((voucher.reward_name.as_str(), voucher.points, voucher.status), ("شحن مجاني", 150, VoucherStatus::Issued));
    assert_eq!(voucher.code.len(), 10);
    assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 50);
    let error = ledger::redeem(&pool, &owner, &mariam, "reward_002", true, now()).await.unwrap_err();
    assert_eq!(ids(error), ["redeem-error-balance"]);
    assert_eq!(ledger::vouchers(&pool, &mariam).await.unwrap().len(), 1, "a refused redemption writes nothing");
    assert_eq!(sums(&pool, &mariam).await, (50, 50, 50));
    let history = ledger::history(&pool, &mariam).await.unwrap();
    assert_eq!(history[0].entry_type, EntryType::Redeem);
    assert_eq!(history[0].consumed_lots[0].points, 150);
    // Used by staff in standalone mode; a used voucher cannot be cancelled.
    ledger::use_voucher(&pool, &voucher.code.to_lowercase(), Some("EL-1"), now()).await.unwrap();
    assert_eq!(ids(ledger::cancel_voucher(&pool, &owner, &voucher.id, now()).await.unwrap_err()), ["voucher-error-not-issued"]);
}

/// SPEC §4.6: a cancelled voucher's points come back with their lots' expiry; those whose
/// lots expired meanwhile are expired again at once.
#[tokio::test]
async fn cancelling_a_voucher_restores_points_with_their_lots_expiry() {
    let (_dir, pool, owner) = fresh().await;
    let mariam = customer(&pool, &owner).await;
    ledger::adjust(&pool, &owner, &mariam, 100, "هدية", now()).await.unwrap();
    ledger::adjust(&pool, &owner, &mariam, 100, "هدية ثانية", now() + Duration::days(200)).await.unwrap();
    let later = now() + Duration::days(201);
    let voucher = ledger::redeem(&pool, &owner, &mariam, "reward_002", true, later).await.unwrap();
    // 100 from the first lot (expires after 365 days), 50 from the second.
    let after_expiry = now() + Duration::days(400);
    let cancelled = ledger::cancel_voucher(&pool, &owner, &voucher.id, after_expiry).await.unwrap();
    assert_eq!(cancelled.status, VoucherStatus::Cancelled);
    let history = ledger::history(&pool, &mariam).await.unwrap();
    let kinds: Vec<(EntryType, i64)> = history.iter().rev().map(|e| (e.entry_type, e.points)).collect();
    assert_eq!(
        kinds,
        [
            (EntryType::Adjustment, 100),
            (EntryType::Adjustment, 100),
            (EntryType::Redeem, -150),
            (EntryType::RedemptionCancel, 100),
            (EntryType::Expire, -100),
            (EntryType::RedemptionCancel, 50),
        ]
    );
    assert_eq!(sums(&pool, &mariam).await, (100, 100, 100), "50 live again plus the second lot's 50");
}

#[tokio::test]
async fn adjustments_need_a_manager_a_reason_and_cannot_overdraw() {
    let (_dir, pool, owner) = fresh().await;
    let mariam = customer(&pool, &owner).await;
    let agent = staff::add(&pool, "أمل", Role::Agent, now()).await.unwrap();
    let agent = Actor::Staff(StaffUser { id: agent.id, display_name: agent.display_name, role: Role::Agent });
    assert_eq!(ids(ledger::adjust(&pool, &agent, &mariam, 50, "سبب", now()).await.unwrap_err()), ["loyalty-error-role"]);
    assert_eq!(ids(ledger::adjust(&pool, &owner, &mariam, 50, "  ", now()).await.unwrap_err()), ["error-required"]);
    ledger::adjust(&pool, &owner, &mariam, 50, "تصحيح", now()).await.unwrap();
    let error = ledger::adjust(&pool, &owner, &mariam, -80, "خطأ", now()).await.unwrap_err();
    assert_eq!(ids(error), ["loyalty-error-overdraw"]);
    ledger::adjust(&pool, &owner, &mariam, -50, "تصحيح", now()).await.unwrap();
    assert_eq!(sums(&pool, &mariam).await, (0, 0, 0));
}

/// The database itself refuses a write that would take a balance below zero.
#[tokio::test]
async fn the_database_refuses_an_overdraft() {
    let (_dir, pool, owner) = fresh().await;
    let mariam = customer(&pool, &owner).await;
    ledger::adjust(&pool, &owner, &mariam, 30, "هدية", now()).await.unwrap();
    let overdraft = sqlx::query(
        "INSERT INTO loyalty_entries (id, customer_id, type, points, created_at, created_by) VALUES ('x', ?, 'redeem', -31, ?, 'test')",
    )
    .bind(&mariam)
    .bind(now().to_rfc3339())
    .execute(&pool)
    .await;
    assert!(overdraft.is_err());
    let edit = sqlx::query("UPDATE loyalty_entries SET points = 3000").execute(&pool).await;
    assert!(edit.is_err(), "append-only");
    assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 30);
}

#[tokio::test]
async fn lots_expire_at_the_end_of_their_last_day_never_before() {
    let (_dir, pool, owner) = fresh().await;
    let mariam = customer(&pool, &owner).await;
    ledger::adjust(&pool, &owner, &mariam, 120, "هدية", now()).await.unwrap();
    // now() is 11:30 on 24 November in Tripoli: the lot lasts to 23:59:59 that day a year
    // later, 21:59:59 UTC.
    let last_moment = now() + Duration::days(365) + Duration::hours(12) + Duration::minutes(29);
    assert_eq!(ledger::run_expiry(&pool, last_moment).await.unwrap().lots, 0);
    assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 120);
    let run = ledger::run_expiry(&pool, last_moment + Duration::seconds(60)).await.unwrap();
    assert_eq!((run.lots, run.points), (1, 120));
    assert_eq!(sums(&pool, &mariam).await, (0, 0, 0));
    assert_eq!(ledger::run_expiry(&pool, last_moment + Duration::days(1)).await.unwrap().lots, 0, "once");
}

/// Two redemptions racing for the same 150 points on one database: exactly one wins.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_redemptions_racing_for_the_same_points_one_succeeds() {
    let (_dir, pool, owner) = fresh().await;
    let mariam = customer(&pool, &owner).await;
    ledger::adjust(&pool, &owner, &mariam, 150, "هدية", now()).await.unwrap();
    let attempt = |pool: SqlitePool, actor: Actor, customer: String| tokio::spawn(async move { ledger::redeem(&pool, &actor, &customer, "reward_002", true, now()).await });
    let first = attempt(pool.clone(), owner.clone(), mariam.clone());
    let second = attempt(pool.clone(), owner.clone(), mariam.clone());
    let results = [first.await.unwrap(), second.await.unwrap()];
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
    let refused = results.into_iter().find_map(Result::err).unwrap();
    assert_eq!(ids(refused), ["redeem-error-balance"]);
    assert_eq!(sums(&pool, &mariam).await, (0, 0, 0));
}

#[derive(Debug, Clone)]
enum Step {
    Credit(i64),
    Debit(i64),
    Redeem,
    CancelLatest,
    Advance(i64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1..400i64).prop_map(Step::Credit),
        (1..300i64).prop_map(Step::Debit),
        Just(Step::Redeem),
        Just(Step::CancelLatest),
        (1..200i64).prop_map(Step::Advance),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Over any sequence of credits, debits, redemptions, cancellations and days passing:
    /// the balance equals the sum of the entries and of the live lots, is never negative,
    /// and no point expires before its lot's date.
    #[test]
    fn the_ledger_always_adds_up(steps in proptest::collection::vec(step(), 1..25)) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let (_dir, pool, owner) = fresh().await;
            let mariam = customer(&pool, &owner).await;
            let mut at: DateTime<Utc> = now();
            for step in steps {
                match step {
                    Step::Credit(points) => { ledger::adjust(&pool, &owner, &mariam, points, "p", at).await.unwrap(); }
                    Step::Debit(points) => { let _ = ledger::adjust(&pool, &owner, &mariam, -points, "p", at).await; }
                    Step::Redeem => { let _ = ledger::redeem(&pool, &owner, &mariam, "reward_001", true, at).await; }
                    Step::CancelLatest => {
                        if let Some(v) = ledger::vouchers(&pool, &mariam).await.unwrap().into_iter().find(|v| v.status == VoucherStatus::Issued) {
                            ledger::cancel_voucher(&pool, &owner, &v.id, at).await.unwrap();
                        }
                    }
                    Step::Advance(days) => { at += Duration::days(days); }
                }
                ledger::run_expiry(&pool, at).await.unwrap();
                let (balance, entries, lots) = sums(&pool, &mariam).await;
                assert!(balance >= 0);
                assert_eq!((balance, entries), (lots, lots));
            }
            let early: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM loyalty_entries e, json_each(e.consumed_lots) j JOIN loyalty_lots l ON l.entry_id = json_extract(j.value, '$.entryId')
                 WHERE e.type = 'expire' AND e.created_at < l.expires_at",
            )
            .fetch_one(&pool)
            .await
            .unwrap();
            assert_eq!(early, 0, "no lot expired before its date");
        });
    }
}
