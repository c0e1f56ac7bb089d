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
    /// A delivered order of this many dinars, now.
    Order(i64),
    /// Refund this share (in tenths) of an order's total more, or all of it.
    Refund(usize, i64),
    Cancel(usize),
    /// The platform sends an order again as it last was.
    Resync(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1..400i64).prop_map(Step::Credit),
        (1..300i64).prop_map(Step::Debit),
        Just(Step::Redeem),
        Just(Step::CancelLatest),
        (1..200i64).prop_map(Step::Advance),
        (10..300i64).prop_map(Step::Order),
        (0..8usize, 1..11i64).prop_map(|(i, tenths)| Step::Refund(i, tenths)),
        (0..8usize).prop_map(Step::Cancel),
        (0..8usize).prop_map(Step::Resync),
    ]
}

fn delivered(id: &str, customer: &str, dinars: i64, at: DateTime<Utc>) -> eishro_core::orders::OrderInput {
    use eishro_core::money::Money;
    use eishro_core::orders::{OrderInput, OrderItem, OrderStatus, StatusAt};
    OrderInput {
        id: id.into(),
        order_number: format!("EL-{id}"),
        customer_id: customer.into(),
        store_id: None,
        created_at: at,
        status: OrderStatus::Delivered,
        status_history: vec![StatusAt { status: OrderStatus::Delivered, at }],
        total: Money::from_dinars(dinars),
        shipping_fee: Money::ZERO,
        refunded_amount: Money::ZERO,
        payment_method: "cash_on_delivery".into(),
        shipping_method: "home_delivery".into(),
        voucher_code: None,
        items: vec![OrderItem {
            product_id: "p".into(),
            product_name: "تمر".into(),
            category: "منتجات غذائية".into(),
            brand: None,
            quantity: 1,
            unit_price: Money::from_dinars(dinars),
            line_total: Money::from_dinars(dinars),
            is_local_product: true,
        }],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Over any sequence of orders, refunds, order cancellations and re-syncs, credits,
    /// debits, redemptions, voucher cancellations and days passing: the balance equals the
    /// sum of the entries and of the live lots, is never negative, no order is credited
    /// twice, and no point expires before its lot's date.
    #[test]
    fn the_ledger_always_adds_up(steps in proptest::collection::vec(step(), 1..25)) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let (_dir, pool, owner) = fresh().await;
            let mariam = customer(&pool, &owner).await;
            use eishro_core::money::Money;
            use eishro_core::orders::{self, IngestMode, OrderStatus};
            let mut at: DateTime<Utc> = now();
            // Each order as the platform last sent it.
            let mut sent: Vec<eishro_core::orders::OrderInput> = Vec::new();
            for step in steps {
                match step {
                    Step::Order(dinars) => {
                        let order = delivered(&format!("P{}", sent.len()), &mariam, dinars, at);
                        orders::ingest(&pool, order.clone(), IngestMode::Live, at).await.unwrap();
                        sent.push(order);
                    }
                    Step::Refund(i, tenths) if !sent.is_empty() => {
                        let n = i % sent.len();
                        let mut order = sent[n].clone();
                        if order.status != OrderStatus::Cancelled {
                            let more = Money::from_dirhams(order.total.dirhams() * tenths / 10);
                            order.refunded_amount = Money::from_dirhams((order.refunded_amount.dirhams() + more.dirhams()).min(order.total.dirhams()));
                            order.status = OrderStatus::Refunded;
                            orders::ingest(&pool, order.clone(), IngestMode::Live, at).await.unwrap();
                            sent[n] = order;
                        }
                    }
                    Step::Cancel(i) if !sent.is_empty() => {
                        let n = i % sent.len();
                        let mut order = sent[n].clone();
                        order.status = OrderStatus::Cancelled;
                        orders::ingest(&pool, order.clone(), IngestMode::Live, at).await.unwrap();
                        sent[n] = order;
                    }
                    Step::Resync(i) if !sent.is_empty() => {
                        orders::ingest(&pool, sent[i % sent.len()].clone(), IngestMode::Live, at).await.unwrap();
                    }
                    Step::Refund(..) | Step::Cancel(_) | Step::Resync(_) => {}
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
            let twice: i64 = sqlx::query_scalar("SELECT count(*) FROM (SELECT order_id FROM loyalty_entries WHERE type = 'earn' GROUP BY order_id HAVING count(*) > 1)")
                .fetch_one(&pool)
                .await
                .unwrap();
            assert_eq!(twice, 0, "no order credited twice");
            // However often an order came back, it never took back more than it earned.
            let over: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM (SELECT e.order_id FROM loyalty_entries e WHERE e.order_id IS NOT NULL AND e.referred_customer_id IS NULL
                 GROUP BY e.order_id HAVING -sum(CASE WHEN e.type = 'reversal' THEN e.points - e.unrecovered ELSE 0 END) > sum(CASE WHEN e.type = 'earn' THEN e.points ELSE 0 END))",
            )
            .fetch_one(&pool)
            .await
            .unwrap();
            assert_eq!(over, 0, "no order reversed more than it earned");
            // The daily totals the reports read, kept by triggers through every refund,
            // cancellation and re-sync, equal the rows (days that sum to nothing aside).
            let differ = |sql: &'static str| {
                let pool = pool.clone();
                async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
            };
            assert_eq!(differ("SELECT count(*) FROM (SELECT day, orders, revenue FROM daily_order_totals WHERE orders <> 0 OR revenue <> 0
                 EXCEPT SELECT date(created_at, '+2 hours'), count(*), sum(total - refunded_amount) FROM orders
                 WHERE status IN ('confirmed', 'shipped', 'delivered') GROUP BY 1)").await, 0);
            assert_eq!(differ("SELECT count(*) FROM (SELECT date(created_at, '+2 hours'), count(*), sum(total - refunded_amount) FROM orders
                 WHERE status IN ('confirmed', 'shipped', 'delivered') GROUP BY 1 EXCEPT SELECT day, orders, revenue FROM daily_order_totals)").await, 0);
            assert_eq!(differ("SELECT count(*) FROM (SELECT day, kind, points FROM daily_points WHERE points <> 0
                 EXCEPT SELECT date(created_at, '+2 hours'), type, -sum(points) FROM loyalty_entries WHERE type IN ('expire', 'reversal') GROUP BY 1, 2
                 EXCEPT SELECT date(issued_at, '+2 hours'), 'redeemed', sum(points) FROM vouchers WHERE status <> 'cancelled' GROUP BY 1
                 EXCEPT SELECT date(l.earned_at, '+2 hours'), CASE e.type WHEN 'earn' THEN 'earn' ELSE 'other' END, sum(l.points)
                     FROM loyalty_lots l JOIN loyalty_entries e ON e.id = l.entry_id WHERE e.type IN ('earn', 'referral', 'adjustment') GROUP BY 1, 2)").await, 0);
        });
    }
}

mod earning {
    use super::*;
    use chrono::TimeZone;
    use eishro_core::loyalty::campaigns::{Audience, Campaign, CampaignKind};
    use eishro_core::loyalty::points::Scope;
    use eishro_core::loyalty::{self, LoyaltySettings};
    use eishro_core::money::Money;
    use eishro_core::orders::{self, IngestMode, OrderInput, OrderItem, OrderStatus, StatusAt};
    use rust_decimal::Decimal;

    fn order(id: &str, customer: &str, created: DateTime<Utc>, status: OrderStatus, refunded: i64) -> OrderInput {
        let item = |name: &str, category: &str, dinars: i64| OrderItem {
            product_id: name.into(),
            product_name: name.into(),
            category: category.into(),
            brand: None,
            quantity: 1,
            unit_price: Money::from_dinars(dinars),
            line_total: Money::from_dinars(dinars),
            is_local_product: false,
        };
        OrderInput {
            id: id.into(),
            order_number: format!("EL-{id}"),
            customer_id: customer.into(),
            store_id: None,
            created_at: created,
            status,
            status_history: vec![StatusAt { status, at: created + Duration::hours(30) }],
            total: Money::from_dinars(110),
            shipping_fee: Money::from_dinars(10),
            refunded_amount: Money::from_dinars(refunded),
            payment_method: "cash_on_delivery".into(),
            shipping_method: "home_delivery".into(),
            voucher_code: None,
            items: vec![item("عطر عود", "عطور", 60), item("كريم", "تجميل", 40)],
        }
    }

    async fn ramadan_store(pool: &SqlitePool, owner: &Actor) {
        let settings = LoyaltySettings { bonus_categories: vec!["عطور".into(), "تجميل".into()], ..Default::default() };
        loyalty::save_settings(pool, owner, settings, now()).await.unwrap();
        let campaign = Campaign {
            id: "ramadan".into(),
            name: "رمضان كريم".into(),
            kind: CampaignKind::Ramadan,
            start_date: "2026-02-18".parse().unwrap(),
            end_date: "2026-03-19".parse().unwrap(),
            multiplier: Decimal::from(2),
            scope: Scope::Order,
            audience: Audience::default(),
            monthly_days: vec![],
            benefits: vec![],
            active: true,
        };
        loyalty::save_campaign(pool, &campaign, now()).await.unwrap();
    }

    /// A new campaign starts from its kind's Umm al-Qura dates; saved, it is listed.
    #[tokio::test]
    async fn a_campaign_template_proposes_ramadan_and_saves() {
        let (_dir, pool, owner) = fresh().await;
        ramadan_store(&pool, &owner).await;
        let mut eid = loyalty::campaign_template(&pool, CampaignKind::EidAlFitr, 2026, now().date_naive()).await.unwrap();
        assert_eq!((eid.start_date.to_string(), eid.end_date.to_string(), eid.multiplier), ("2026-03-20".into(), "2026-03-22".into(), Decimal::new(15, 1)));
        eid.name = "عيد الفطر".into();
        loyalty::save_campaign(&pool, &eid, now()).await.unwrap();
        let names: Vec<String> = loyalty::list_campaigns(&pool).await.unwrap().into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["عيد الفطر", "رمضان كريم"]);
        let unnamed = Campaign { name: " ".into(), ..eid };
        assert_eq!(ids(loyalty::save_campaign(&pool, &unnamed, now()).await.unwrap_err()), ["error-required"]);
    }

    /// SPEC §4.2's worked example through the order flow: a new customer's 100 LYD of
    /// bonus-category items (shipping excluded) during Ramadan earns 450 points, once.
    #[tokio::test]
    async fn a_ramadan_order_earns_the_worked_example_once() {
        let (_dir, pool, owner) = fresh().await;
        let mariam = customer(&pool, &owner).await;
        ramadan_store(&pool, &owner).await;
        let in_ramadan = Utc.with_ymd_and_hms(2026, 2, 25, 12, 0, 0).unwrap();
        let delivered = order("R1", &mariam, in_ramadan, OrderStatus::Delivered, 0);
        for _ in 0..3 {
            orders::ingest(&pool, delivered.clone(), IngestMode::Live, now()).await.unwrap();
        }
        assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 450);
        let history = ledger::history(&pool, &mariam).await.unwrap();
        assert_eq!(history.len(), 1, "credited once however often it syncs");
        let lines: Vec<(String, i64)> = history[0].breakdown.as_ref().unwrap().lines.iter().map(|l| (l.line.clone(), l.points)).collect();
        assert_eq!(lines, [("purchasePoints".to_string(), 100), ("newCustomerBonus".into(), 50), ("categoryBonus".into(), 75), ("campaignBonus:ramadan".into(), 225)]);
        assert_eq!(history[0].campaign_id.as_deref(), Some("ramadan"));
    }

    /// SPEC §4.3: a partial refund reverses in proportion, once; a full one the rest.
    #[tokio::test]
    async fn refunds_reverse_exactly_once_however_often_the_order_syncs() {
        let (_dir, pool, owner) = fresh().await;
        let mariam = customer(&pool, &owner).await;
        ramadan_store(&pool, &owner).await;
        let in_ramadan = Utc.with_ymd_and_hms(2026, 2, 25, 12, 0, 0).unwrap();
        orders::ingest(&pool, order("R1", &mariam, in_ramadan, OrderStatus::Delivered, 0), IngestMode::Live, now()).await.unwrap();
        // 55 of 110 refunded: half the order, half the points.
        let partial = order("R1", &mariam, in_ramadan, OrderStatus::Refunded, 55);
        for _ in 0..2 {
            orders::ingest(&pool, partial.clone(), IngestMode::Live, now()).await.unwrap();
        }
        assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 225);
        orders::ingest(&pool, order("R1", &mariam, in_ramadan, OrderStatus::Refunded, 110), IngestMode::Live, now()).await.unwrap();
        orders::ingest(&pool, order("R1", &mariam, in_ramadan, OrderStatus::Refunded, 110), IngestMode::Live, now()).await.unwrap();
        assert_eq!(sums(&pool, &mariam).await, (0, 0, 0));
        let reversals: i64 = sqlx::query_scalar("SELECT count(*) FROM loyalty_entries WHERE type = 'reversal'").fetch_one(&pool).await.unwrap();
        assert_eq!(reversals, 2);
    }

    /// A reversal after the points were spent cannot go below zero: the shortfall is
    /// recorded as unrecovered. A cancellation before earning credits nothing.
    #[tokio::test]
    async fn a_reversal_of_spent_points_records_what_it_could_not_recover() {
        let (_dir, pool, owner) = fresh().await;
        let mariam = customer(&pool, &owner).await;
        let created = now() - Duration::days(3);
        orders::ingest(&pool, order("A", &mariam, created, OrderStatus::Confirmed, 0), IngestMode::Live, now()).await.unwrap();
        orders::ingest(&pool, order("A", &mariam, created, OrderStatus::Cancelled, 0), IngestMode::Live, now()).await.unwrap();
        assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 0, "never delivered, never earned");
        // A new customer's 100 LYD earns 150; 150 buys free shipping; then it is cancelled.
        orders::ingest(&pool, order("B", &mariam, created, OrderStatus::Delivered, 0), IngestMode::Live, now()).await.unwrap();
        assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 150);
        ledger::redeem(&pool, &owner, &mariam, "reward_002", true, now()).await.unwrap();
        orders::ingest(&pool, order("B", &mariam, created, OrderStatus::Cancelled, 0), IngestMode::Live, now()).await.unwrap();
        let history = ledger::history(&pool, &mariam).await.unwrap();
        assert_eq!((history[0].entry_type, history[0].points, history[0].unrecovered), (EntryType::Reversal, 0, 150));
        assert_eq!(sums(&pool, &mariam).await, (0, 0, 0));
    }

    /// SPEC §3.3: historical orders earn, dated when they were delivered, so a lot already
    /// past its expiry expires at the next run; orders before the programme start earn
    /// nothing.
    #[tokio::test]
    async fn historical_orders_earn_on_their_delivery_date() {
        let (_dir, pool, owner) = fresh().await;
        let mariam = customer(&pool, &owner).await;
        let settings = LoyaltySettings { program_start_date: Some("2025-01-01".parse().unwrap()), ..Default::default() };
        loyalty::save_settings(&pool, &owner, settings, now()).await.unwrap();
        let old = order("OLD", &mariam, now() - Duration::days(400), OrderStatus::Delivered, 0);
        let older = order("OLDER", &mariam, Utc.with_ymd_and_hms(2024, 6, 1, 10, 0, 0).unwrap(), OrderStatus::Delivered, 0);
        let mut csv = String::from("order_id,customer_ref,created_at,status,total,shipping_fee,product_name,category,quantity,unit_price\n");
        for o in [&old, &older] {
            csv.push_str(&format!("{},{},{},delivered,110,10,عطر,عطور,1,100\n", o.id, "0944556677", o.created_at.to_rfc3339()));
        }
        let options = orders::OrderImportOptions { now: now(), mode: IngestMode::Historical, cancel: None };
        let report = orders::import_orders(&pool, &owner, csv.as_bytes(), options, |_, _| {}).await.unwrap();
        assert_eq!((report.inserted, report.rejected.len()), (2, 0));
        let history = ledger::history(&pool, &mariam).await.unwrap();
        assert_eq!(history.len(), 1, "the 2024 order is before the programme started");
        assert_eq!(history[0].points, 150, "still a new customer: 100 points and half again");
        let earned = history[0].earned_at.as_deref().and_then(eishro_core::time::parse_instant);
        assert_eq!(earned, Some(old.created_at), "the entry knows it was earned at delivery, not at the import");
        let run = ledger::run_expiry(&pool, now()).await.unwrap();
        assert_eq!((run.lots, run.points), (1, 150), "delivered 400 days ago: its lot has expired");
        assert_eq!(sums(&pool, &mariam).await, (0, 0, 0));
    }

    /// SPEC §4.8: the referrer is paid once, when the referred customer's first counted
    /// order is delivered, and loses it if that order is cancelled.
    #[tokio::test]
    async fn referral_bonus_is_paid_once_and_reversed_with_the_order() {
        let (_dir, pool, owner) = fresh().await;
        let mariam = customer(&pool, &owner).await;
        let draft = CustomerDraft {
            first_name: "سعاد".into(),
            last_name: "الترهوني".into(),
            phone: "0925556677".into(),
            email: "suad@mail.ly".into(),
            addresses: vec![AddressDraft { city: "ترهونة".into(), area: "المركز".into(), ..Default::default() }],
            ..Default::default()
        };
        let suad = customers::create(&pool, &owner, &draft, CreateOptions { now: now() - Duration::days(10), confirm_duplicate: false }).await.unwrap().id;
        sqlx::query("UPDATE customers SET referred_by = ? WHERE id = ?").bind(&mariam).bind(&suad).execute(&pool).await.unwrap();
        let created = now() - Duration::days(2);
        for id in ["S1", "S2"] {
            orders::ingest(&pool, order(id, &suad, created + Duration::minutes(if id == "S1" { 0 } else { 5 }), OrderStatus::Delivered, 0), IngestMode::Live, now()).await.unwrap();
        }
        assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 100, "paid once, for the first order");
        orders::ingest(&pool, order("S1", &suad, created, OrderStatus::Cancelled, 0), IngestMode::Live, now()).await.unwrap();
        assert_eq!(ledger::balance(&pool, &mariam).await.unwrap(), 0);
    }

    /// SPEC §8.5's loyalty report: points per month by the day they were earned, the
    /// redemption rate, the liability, a campaign against as many days before it, the top
    /// rewards; narrowed to a city, and charted with month names in each language.
    #[tokio::test]
    async fn the_loyalty_report_counts_by_earning_day_and_compares_campaigns() {
        use eishro_core::i18n::Lang;
        use eishro_core::loyalty::report::{self, LoyaltyReportQuery};
        let (_dir, pool, owner) = fresh().await;
        let mariam = customer(&pool, &owner).await;
        let draft = CustomerDraft {
            first_name: "علي".into(),
            last_name: "الفيتوري".into(),
            phone: "0913334455".into(),
            email: "ali@mail.ly".into(),
            addresses: vec![AddressDraft { city: "طرابلس".into(), area: "سوق الجمعة".into(), ..Default::default() }],
            ..Default::default()
        };
        let ali = customers::create(&pool, &owner, &draft, CreateOptions { now: now() - Duration::days(300), confirm_duplicate: false }).await.unwrap().id;
        ramadan_store(&pool, &owner).await;
        // Both are new customers buying 100 LYD of bonus-category items: 450 points in
        // Ramadan (the worked example), 225 without a campaign.
        let in_ramadan = Utc.with_ymd_and_hms(2026, 2, 25, 12, 0, 0).unwrap();
        let before_ramadan = Utc.with_ymd_and_hms(2026, 2, 5, 12, 0, 0).unwrap();
        orders::ingest(&pool, order("R1", &mariam, in_ramadan, OrderStatus::Delivered, 0), IngestMode::Live, now()).await.unwrap();
        orders::ingest(&pool, order("B1", &ali, before_ramadan, OrderStatus::Delivered, 0), IngestMode::Live, now()).await.unwrap();
        ledger::redeem(&pool, &owner, &mariam, "reward_002", true, now()).await.unwrap();

        let query = LoyaltyReportQuery { from: "2026-01-01".parse().unwrap(), to: "2026-11-30".parse().unwrap(), segment: None, city: None };
        let everyone = report::loyalty_report(&pool, &query, Lang::Ar).await.unwrap();
        let month = |m: &str| everyone.months.iter().find(|x| x.month == m).cloned().unwrap();
        assert_eq!(everyone.months.len(), 11);
        assert_eq!((month("2026-02").issued, month("2026-11").redeemed, month("2026-11").issued), (675, 150, 0));
        assert_eq!((everyone.issued, everyone.redeemed, everyone.expired, everyone.reversed), (675, 150, 0, 0));
        assert_eq!(everyone.redemption_rate.map(|r| r.to_string()), Some("22.2".into()));
        assert_eq!(everyone.liability_points, 525);
        assert_eq!(everyone.liability_value.dirhams(), 525 * everyone.point_value.dirhams());
        let ramadan = &everyone.campaigns[0];
        assert_eq!((ramadan.during.orders, ramadan.during.revenue, ramadan.during.points), (1, Money::from_dinars(110), 450));
        assert_eq!((ramadan.before.orders, ramadan.before.revenue, ramadan.before.points), (1, Money::from_dinars(110), 225));
        assert_eq!((everyone.top_rewards[0].name.as_str(), everyone.top_rewards[0].vouchers, everyone.top_rewards[0].points), ("شحن مجاني", 1, 150));
        assert!(everyone.charts.points_by_month.contains("\u{2068}فبراير 2026\u{2069}"), "Arabic month names label the chart");
        assert!(everyone.charts.campaigns.contains("رمضان كريم") && everyone.charts.rewards.contains("شحن مجاني"));

        let zliten = LoyaltyReportQuery { city: Some("زليتن".into()), ..query.clone() };
        let narrowed = report::loyalty_report(&pool, &zliten, Lang::En).await.unwrap();
        assert_eq!((narrowed.issued, narrowed.liability_points, narrowed.campaigns[0].before.orders), (450, 300, 0));
        assert!(narrowed.charts.points_by_month.contains("Feb 2026"));

        let backwards = LoyaltyReportQuery { from: query.to, to: query.from, ..query };
        assert_eq!(ids(report::loyalty_report(&pool, &backwards, Lang::Ar).await.unwrap_err()), ["report-error-period"]);
    }

    /// A merge hands the merged customer's points to the survivor with their lots: the
    /// same expiry, the order they were earned on (so cancelling that order later takes
    /// them back from the survivor), the vouchers too; undo hands back what is left.
    #[tokio::test]
    async fn a_merge_transfers_points_with_their_lots_and_undo_returns_what_is_left() {
        let (_dir, pool, owner) = fresh().await;
        let survivor = customer(&pool, &owner).await;
        let draft = CustomerDraft {
            first_name: "مريم".into(),
            last_name: "الزليتني".into(),
            phone: "0915556677".into(),
            email: "mariam.z@mail.ly".into(),
            addresses: vec![AddressDraft { city: "زليتن".into(), area: "المركز".into(), ..Default::default() }],
            ..Default::default()
        };
        let merged = customers::create(&pool, &owner, &draft, CreateOptions { now: now() - Duration::days(20), confirm_duplicate: false }).await.unwrap().id;
        ledger::adjust(&pool, &owner, &survivor, 40, "هدية ترحيب", now()).await.unwrap();
        // A new customer's 100 LYD earns 150 points, 200 more come by hand, and 100 of the
        // order's (the oldest) buy a discount.
        let created = now() - Duration::days(5);
        orders::ingest(&pool, order("M1", &merged, created, OrderStatus::Delivered, 0), IngestMode::Live, now()).await.unwrap();
        ledger::adjust(&pool, &owner, &merged, 200, "تعويض", now()).await.unwrap();
        let voucher = ledger::redeem(&pool, &owner, &merged, "reward_001", true, now()).await.unwrap();
        assert_eq!(ledger::balance(&pool, &merged).await.unwrap(), 250);
        let expiries = |customer: String| {
            let pool = pool.clone();
            async move {
                sqlx::query_as::<_, (Option<String>, String, i64)>("SELECT order_id, expires_at, remaining FROM loyalty_lots WHERE customer_id = ? AND remaining > 0 ORDER BY earned_at, expires_at")
                    .bind(customer)
                    .fetch_all(&pool)
                    .await
                    .unwrap()
            }
        };
        let before = expiries(merged.clone()).await;

        let record = customers::merge(&pool, &owner, &survivor, &merged, &customers::MergeChoices { take_from_merged: vec![] }, now()).await.unwrap();
        assert_eq!(sums(&pool, &merged).await, (0, 0, 0));
        assert_eq!(sums(&pool, &survivor).await, (290, 290, 290));
        let after = expiries(survivor.clone()).await;
        for lot in &before {
            assert!(after.contains(lot), "{lot:?} moved as it was: {after:?}");
        }
        assert_eq!(ledger::vouchers(&pool, &survivor).await.unwrap()[0].id, voucher.id, "the voucher moved too");

        // The order, now the survivor's, is cancelled: its 150 points come back, first the
        // 50 left in its own lot, then oldest first.
        orders::ingest(&pool, order("M1", &survivor, created, OrderStatus::Cancelled, 0), IngestMode::Live, now()).await.unwrap();
        let history = ledger::history(&pool, &survivor).await.unwrap();
        assert_eq!((history[0].entry_type, history[0].points, history[0].unrecovered), (EntryType::Reversal, -150, 0));
        let own: i64 = sqlx::query_scalar("SELECT remaining FROM loyalty_lots WHERE customer_id = ? AND order_id = 'M1'").bind(&survivor).fetch_one(&pool).await.unwrap();
        assert_eq!(own, 0);
        assert_eq!(sums(&pool, &survivor).await, (140, 140, 140));

        // Undo hands back what is left of the lots the merge brought: 140 of the 200.
        customers::undo_merge(&pool, &owner, &record.id, now()).await.unwrap();
        assert_eq!(sums(&pool, &survivor).await, (0, 0, 0));
        assert_eq!(sums(&pool, &merged).await, (140, 140, 140));

        // Points moving between records are not points issued: the report counts the 40,
        // 150 and 200 given, whatever the merge and its undo moved.
        use eishro_core::loyalty::report::{self, LoyaltyReportQuery};
        let month = crate::now().date_naive();
        let query = LoyaltyReportQuery { from: month - Duration::days(40), to: month, segment: None, city: None };
        let issued = report::loyalty_report(&pool, &query, eishro_core::i18n::Lang::En).await.unwrap().issued;
        assert_eq!(issued, 390);
        assert_eq!(ledger::vouchers(&pool, &merged).await.unwrap()[0].id, voucher.id);
    }

    /// The report on everyone reads the daily totals the database keeps; a filtered one
    /// reads the rows. On the demo store (orders, refunds, expiry month by month,
    /// redemptions, a cancelled voucher, a merge) the totals equal the rows summed over
    /// every tier.
    #[tokio::test]
    async fn the_daily_totals_agree_with_the_rows() {
        use eishro_core::customers::Segment;
        use eishro_core::i18n::Lang;
        use eishro_core::loyalty::report::{self, LoyaltyReportQuery};
        let (_dir, pool, owner) = fresh().await;
        eishro_core::demo::fill(&pool, eishro_core::demo::DemoOptions { customers: 400, seed: 8, now: now() }, |_, _| {}).await.unwrap();
        let issued: Vec<(String, String)> =
            sqlx::query_as("SELECT id, customer_id FROM vouchers WHERE status = 'issued' ORDER BY id LIMIT 2").fetch_all(&pool).await.unwrap();
        ledger::cancel_voucher(&pool, &owner, &issued[0].0, now()).await.unwrap();
        let pair: Vec<String> = sqlx::query_scalar("SELECT customer_id FROM loyalty_balances WHERE balance > 0 ORDER BY customer_id LIMIT 2").fetch_all(&pool).await.unwrap();
        customers::merge(&pool, &owner, &pair[0], &pair[1], &customers::MergeChoices { take_from_merged: vec![] }, now()).await.unwrap();

        let query = LoyaltyReportQuery { from: "2023-01-01".parse().unwrap(), to: now().date_naive(), segment: None, city: None };
        let everyone = report::loyalty_report(&pool, &query, Lang::Ar).await.unwrap();
        assert!(everyone.issued > 0 && everyone.redeemed > 0 && everyone.expired > 0 && !everyone.campaigns.is_empty(), "the demo exercises every figure");
        let mut months = vec![(0i64, 0i64, 0i64); everyone.months.len()];
        let (mut reversed, mut liability) = (0, 0);
        let mut campaigns = vec![(0i64, 0i64, 0i64, 0i64); everyone.campaigns.len()];
        for segment in [Segment::New, Segment::Bronze, Segment::Silver, Segment::Gold, Segment::Platinum, Segment::Vip] {
            let part = report::loyalty_report(&pool, &LoyaltyReportQuery { segment: Some(segment), ..query.clone() }, Lang::Ar).await.unwrap();
            for (sum, m) in months.iter_mut().zip(&part.months) {
                *sum = (sum.0 + m.issued, sum.1 + m.redeemed, sum.2 + m.expired);
            }
            reversed += part.reversed;
            liability += part.liability_points;
            for (sum, c) in campaigns.iter_mut().zip(&part.campaigns) {
                *sum = (sum.0 + c.during.orders, sum.1 + c.during.revenue.dirhams(), sum.2 + c.during.points, sum.3 + c.before.orders);
            }
        }
        let expected: Vec<(i64, i64, i64)> = everyone.months.iter().map(|m| (m.issued, m.redeemed, m.expired)).collect();
        assert_eq!(months, expected);
        assert_eq!((reversed, liability), (everyone.reversed, everyone.liability_points));
        let expected: Vec<(i64, i64, i64, i64)> =
            everyone.campaigns.iter().map(|c| (c.during.orders, c.during.revenue.dirhams(), c.during.points, c.before.orders)).collect();
        assert_eq!(campaigns, expected);
    }

    /// Settings and campaigns that cannot work are refused with every reason, and the
    /// stored ones stay as they were.
    #[tokio::test]
    async fn bad_settings_and_campaigns_are_refused_and_change_nothing() {
        let (_dir, pool, owner) = fresh().await;
        ramadan_store(&pool, &owner).await;
        let before = loyalty::settings(&pool).await.unwrap();
        let bad = LoyaltySettings {
            points_per_dinar: Decimal::ZERO,
            multipliers: eishro_core::loyalty::points::Multipliers { new_customer: Decimal::new(5, 1), ..before.multipliers.clone() },
            point_value: Money::from_dirhams(-1),
            ..before.clone()
        };
        let error = loyalty::save_settings(&pool, &owner, bad, now()).await.unwrap_err();
        assert_eq!(ids(error), ["loyalty-error-rate", "loyalty-error-multiplier", "loyalty-error-point-value"]);
        assert_eq!(loyalty::settings(&pool).await.unwrap(), before);

        let stored = loyalty::list_campaigns(&pool).await.unwrap();
        let never = Campaign {
            id: "monthly".into(),
            name: "أيام التوفير".into(),
            kind: CampaignKind::Monthly,
            monthly_days: vec![],
            scope: Scope::Categories { categories: vec![" ".into()] },
            ..stored[0].clone()
        };
        assert_eq!(ids(loyalty::save_campaign(&pool, &never, now()).await.unwrap_err()), ["campaign-error-monthly-days", "campaign-error-categories"]);
        assert_eq!(loyalty::list_campaigns(&pool).await.unwrap(), stored);
    }
}
