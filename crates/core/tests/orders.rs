//! Orders and the values derived from them (SPEC §2–§3, issue #4) on a real database:
//! history fields, tiers, idempotent re-sync, status changes and refunds, the upgrade
//! notice, follow-up tasks, historical imports, and bad order files.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{fresh, now};
use eishro_core::customers::{self, AddressDraft, CreateOptions, Customer, CustomerDraft, Segment};
use eishro_core::money::Money;
use eishro_core::orders::{self, IngestMode, OrderChange, OrderImportOptions, OrderInput, OrderItem, OrderStatus, StatusAt};
use eishro_core::segmentation::{self, ChurnBand, Reason};
use eishro_core::staff::Actor;
use eishro_core::tasks::{self, TaskType};
use eishro_core::CoreError;
use sqlx::SqlitePool;

async fn customer(pool: &SqlitePool, actor: &Actor, phone: &str) -> Customer {
    let draft = CustomerDraft {
        first_name: "سالم".into(),
        last_name: "الورفلي".into(),
        phone: phone.into(),
        email: format!("c{}@mail.ly", &phone[phone.len() - 4..]),
        addresses: vec![AddressDraft { city: "طرابلس".into(), area: "قرجي".into(), ..Default::default() }],
        ..Default::default()
    };
    customers::create(pool, actor, &draft, CreateOptions { now: now() - Duration::days(400), confirm_duplicate: false }).await.unwrap()
}

fn order(id: &str, customer_id: &str, dinars: i64, status: OrderStatus, created_at: DateTime<Utc>) -> OrderInput {
    OrderInput {
        id: id.into(),
        order_number: format!("#{id}"),
        customer_id: customer_id.into(),
        store_id: None,
        created_at,
        status,
        status_history: Vec::new(),
        total: Money::from_dinars(dinars),
        shipping_fee: Money::ZERO,
        refunded_amount: Money::ZERO,
        payment_method: "cash_on_delivery".into(),
        shipping_method: "courier".into(),
        voucher_code: None,
        items: vec![OrderItem {
            product_id: format!("p-{id}"),
            product_name: "عباية".into(),
            category: "ملابس".into(),
            brand: None,
            quantity: 1,
            unit_price: Money::from_dinars(dinars),
            line_total: Money::from_dinars(dinars),
            is_local_product: true,
        }],
    }
}

async fn reload(pool: &SqlitePool, id: &str) -> Customer {
    customers::get(pool, id).await.unwrap()
}

#[tokio::test]
async fn section_3_3_history_is_derived_from_counted_orders_and_a_resync_changes_nothing() {
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0911000001").await;
    let t0 = now() - Duration::days(20);
    orders::ingest(&pool, order("A", &c.id, 300, OrderStatus::Delivered, t0), IngestMode::Historical, now()).await.unwrap();
    let mut card = order("B", &c.id, 101, OrderStatus::Confirmed, t0 + Duration::days(5));
    card.payment_method = "card".into();
    orders::ingest(&pool, card, IngestMode::Historical, now()).await.unwrap();
    orders::ingest(&pool, order("C", &c.id, 999, OrderStatus::Pending, t0 + Duration::days(6)), IngestMode::Historical, now()).await.unwrap();
    orders::ingest(&pool, order("D", &c.id, 50, OrderStatus::Cancelled, t0 + Duration::days(7)), IngestMode::Historical, now()).await.unwrap();
    let got = reload(&pool, &c.id).await;
    assert_eq!(got.history.total_orders, 2, "pending and cancelled are not counted");
    assert_eq!(got.history.total_spent, Money::from_dinars(401));
    assert_eq!(got.history.average_order_value, Money::from_dirhams(200_500));
    assert_eq!(got.history.first_order_date, Some(t0));
    assert_eq!(got.history.last_order_date, Some(t0 + Duration::days(5)));
    // A tie (one order each) goes to the most recent.
    assert_eq!(got.history.preferred_payment_method, "card");
    assert_eq!(got.history.favorite_categories, vec!["ملابس"]);
    assert_eq!(got.segmentation.lifetime_value, Money::from_dirhams(100_250));
    assert_eq!(got.segmentation.segment, Segment::Bronze);

    let again = orders::ingest(&pool, order("A", &c.id, 300, OrderStatus::Delivered, t0), IngestMode::Historical, now()).await.unwrap();
    assert_eq!(again.change, OrderChange::Unchanged);
    assert_eq!(reload(&pool, &c.id).await.history, got.history, "credited once");

    // A partial refund lowers the net amount; a full refund drops the order.
    let mut partial = order("A", &c.id, 300, OrderStatus::Delivered, t0);
    partial.refunded_amount = Money::from_dinars(100);
    orders::ingest(&pool, partial, IngestMode::Historical, now()).await.unwrap();
    assert_eq!(reload(&pool, &c.id).await.history.total_spent, Money::from_dinars(301));
    let mut refunded = order("A", &c.id, 300, OrderStatus::Refunded, t0);
    refunded.refunded_amount = Money::from_dinars(300);
    orders::ingest(&pool, refunded, IngestMode::Historical, now()).await.unwrap();
    let after = reload(&pool, &c.id).await;
    assert_eq!((after.history.total_orders, after.history.total_spent), (1, Money::from_dinars(101)));
    assert_eq!(after.segmentation.segment, Segment::New, "LTV 25.250 is below bronze");
    let history = orders::customer_orders(&pool, &c.id).await.unwrap();
    assert_eq!(history.len(), 4);
    let a = history.iter().find(|o| o.input.id == "A").unwrap();
    assert_eq!(a.input.status_history.iter().map(|s| s.status).collect::<Vec<_>>(), vec![OrderStatus::Delivered, OrderStatus::Refunded]);
}

#[tokio::test]
async fn section_3_4_a_live_rise_into_gold_is_announced_once_and_a_fall_is_not() {
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0911000002").await;
    // 5 orders of 800 LYD = 4000 spent, LTV 1000: exactly gold.
    for n in 0..4 {
        orders::ingest(&pool, order(&format!("H{n}"), &c.id, 800, OrderStatus::Delivered, now() - Duration::days(60 + n)), IngestMode::Historical, now())
            .await
            .unwrap();
    }
    assert_eq!(reload(&pool, &c.id).await.segmentation.segment, Segment::Silver);
    let live = orders::ingest(&pool, order("L1", &c.id, 800, OrderStatus::Confirmed, now() - Duration::hours(1)), IngestMode::Live, now())
        .await
        .unwrap();
    assert!(live.live);
    assert_eq!(live.segment_change.as_ref().map(|c| (c.previous, c.segment)), Some((Segment::Silver, Segment::Gold)));
    let notices = || async {
        sqlx::query_scalar::<_, String>("SELECT key FROM pending_notifications WHERE kind = 'segment_upgrade'").fetch_all(&pool).await.unwrap()
    };
    assert_eq!(notices().await, vec![format!("segment_upgrade:{}:gold", c.id)]);
    // Refunded: back to silver, recorded, not announced. Back up to gold: not announced twice.
    let mut refund = order("L1", &c.id, 800, OrderStatus::Refunded, now() - Duration::hours(1));
    refund.refunded_amount = Money::from_dinars(800);
    orders::ingest(&pool, refund, IngestMode::Live, now()).await.unwrap();
    orders::ingest(&pool, order("L2", &c.id, 800, OrderStatus::Confirmed, now()), IngestMode::Live, now()).await.unwrap();
    assert_eq!(notices().await.len(), 1, "at most one per customer per tier");
    let reasons: Vec<(String, String, String)> =
        sqlx::query_as("SELECT previous, segment, reason FROM segment_history WHERE customer_id = ? ORDER BY rowid").bind(&c.id).fetch_all(&pool).await.unwrap();
    let expect = [("new", "bronze"), ("bronze", "silver"), ("silver", "gold"), ("gold", "silver"), ("silver", "gold")];
    assert_eq!(reasons.iter().map(|(p, s, _)| (p.as_str(), s.as_str())).collect::<Vec<_>>(), expect);
    assert!(reasons.iter().all(|(_, _, r)| r == "order"));
}

#[tokio::test]
async fn historical_and_stale_events_fire_nothing_but_count_in_full() {
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0911000003").await;
    sqlx::query("UPDATE customers SET preferred_contact_method = 'phone' WHERE id = ?").bind(&c.id).execute(&pool).await.unwrap();
    // Live mode, but the order was confirmed two days ago: a stale event.
    let mut stale = order("S1", &c.id, 30_000, OrderStatus::Confirmed, now() - Duration::days(3));
    stale.status_history = vec![StatusAt { status: OrderStatus::Confirmed, at: now() - Duration::days(2) }];
    let outcome = orders::ingest(&pool, stale, IngestMode::Live, now()).await.unwrap();
    assert!(!outcome.live);
    let got = reload(&pool, &c.id).await;
    assert_eq!(got.segmentation.segment, Segment::Bronze, "one order: LTV 7500 but only 1 order");
    let count = |table: &str| {
        let sql = format!("SELECT count(*) FROM {table}");
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(&sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!((count("pending_notifications").await, count("tasks").await), (0, 0));
    // An order created last week and shipped just now is a live event.
    let mut shipped = order("S1", &c.id, 30_000, OrderStatus::Shipped, now() - Duration::days(3));
    shipped.status_history = vec![StatusAt { status: OrderStatus::Shipped, at: now() - Duration::minutes(10) }];
    assert!(orders::ingest(&pool, shipped, IngestMode::Live, now()).await.unwrap().live);
}

#[tokio::test]
async fn section_3_5_follow_up_tasks_are_created_once_per_order_and_rule() {
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0911000004").await;
    sqlx::query("UPDATE customers SET preferred_contact_method = 'phone' WHERE id = ?").bind(&c.id).execute(&pool).await.unwrap();
    let first = order("T1", &c.id, 100, OrderStatus::Confirmed, now() - Duration::hours(2));
    orders::ingest(&pool, first.clone(), IngestMode::Live, now()).await.unwrap();
    orders::ingest(&pool, first, IngestMode::Live, now()).await.unwrap();
    let mine = tasks::my_open_tasks(&pool, &actor).await.unwrap();
    assert_eq!(mine.iter().map(|t| t.task_type).collect::<Vec<_>>(), vec![TaskType::WelcomeCall]);
    assert_eq!(mine[0].due_at, now() + Duration::hours(24));
    // Rising into platinum without an account manager: the managers are asked to assign
    // one; and the order itself gets an account-manager follow-up.
    for n in 0..8 {
        orders::ingest(&pool, order(&format!("P{n}"), &c.id, 1000, OrderStatus::Delivered, now() - Duration::days(30 + n)), IngestMode::Historical, now())
            .await
            .unwrap();
    }
    orders::ingest(&pool, order("T2", &c.id, 1000, OrderStatus::Confirmed, now() - Duration::minutes(5)), IngestMode::Live, now()).await.unwrap();
    assert_eq!(reload(&pool, &c.id).await.segmentation.segment, Segment::Platinum);
    let mut types: Vec<TaskType> = tasks::customer_tasks(&pool, &c.id).await.unwrap().into_iter().map(|t| t.task_type).collect();
    types.sort_by_key(|t| t.as_str());
    assert_eq!(types, vec![TaskType::AccountManagerFollowUp, TaskType::AssignAccountManager, TaskType::WelcomeCall]);
    let welcome = tasks::my_open_tasks(&pool, &actor).await.unwrap().into_iter().find(|t| t.task_type == TaskType::WelcomeCall).unwrap();
    tasks::close(&pool, &actor, &welcome.id, tasks::TaskStatus::Done, now()).await.unwrap();
    assert!(matches!(tasks::close(&pool, &actor, &welcome.id, tasks::TaskStatus::Cancelled, now()).await, Err(CoreError::Invalid(_))));
    // Switched off, a rule creates nothing.
    tasks::save_rules(&pool, &actor, tasks::TaskRules { welcome_call: false, ..Default::default() }, now()).await.unwrap();
    let other = customer(&pool, &actor, "0911000005").await;
    sqlx::query("UPDATE customers SET preferred_contact_method = 'phone' WHERE id = ?").bind(&other.id).execute(&pool).await.unwrap();
    orders::ingest(&pool, order("T3", &other.id, 100, OrderStatus::Confirmed, now()), IngestMode::Live, now()).await.unwrap();
    assert!(tasks::customer_tasks(&pool, &other.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn changing_the_tier_settings_recomputes_everyone_silently() {
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0911000006").await;
    for n in 0..3 {
        orders::ingest(&pool, order(&format!("R{n}"), &c.id, 700, OrderStatus::Delivered, now() - Duration::days(10 + n)), IngestMode::Historical, now())
            .await
            .unwrap();
    }
    assert_eq!(reload(&pool, &c.id).await.segmentation.segment, Segment::Silver);
    let mut settings = segmentation::settings(&pool).await.unwrap();
    settings.margin = "0.5".parse().unwrap();
    let summary = segmentation::save_settings(&pool, &actor, settings.clone(), now(), |_, _| {}).await.unwrap();
    assert_eq!((summary.customers, summary.changed), (1, 0), "the tier is the same");
    let got = reload(&pool, &c.id).await;
    assert_eq!((got.segmentation.lifetime_value, got.segmentation.segment), (Money::from_dinars(1050), Segment::Silver), "5 orders are needed for gold");
    settings.margin = "0".parse().unwrap();
    assert!(matches!(segmentation::tier_equivalents(&settings), Err(CoreError::Invalid(_))), "the screen shows why, too");
    assert!(matches!(segmentation::save_settings(&pool, &actor, settings, now(), |_, _| {}).await, Err(CoreError::Invalid(_))));
    assert_eq!(segmentation::settings(&pool).await.unwrap().margin, "0.5".parse().unwrap(), "a refused change saves nothing");
    assert_eq!(sqlx::query_scalar::<_, i64>("SELECT count(*) FROM pending_notifications").fetch_one(&pool).await.unwrap(), 0);
}

#[tokio::test]
async fn resolution_b_churn_counts_from_creation_without_orders_and_the_list_filters_by_band() {
    use eishro_core::customers::CustomerFilter;
    let (_dir, pool, actor) = fresh().await;
    let quiet = customer(&pool, &actor, "0911000007").await;
    let active = customer(&pool, &actor, "0911000008").await;
    orders::ingest(&pool, order("Q1", &active.id, 100, OrderStatus::Delivered, now() - Duration::days(3)), IngestMode::Historical, now()).await.unwrap();
    segmentation::recompute_all(&pool, now(), Reason::Daily, |_, _| {}).await.unwrap();
    let q = reload(&pool, &quiet.id).await;
    assert_eq!(q.segmentation.churn_risk, "0.3".parse().unwrap(), "created 400 days ago, never ordered");
    assert_eq!(reload(&pool, &active.id).await.segmentation.churn_risk, "0".parse().unwrap());
    let ids = |band| {
        let pool = pool.clone();
        async move {
            let filter = CustomerFilter { churn_bands: vec![band], ..Default::default() };
            customers::list(&pool, &filter, Default::default(), 0, 50).await.unwrap().rows.into_iter().map(|c| c.id).collect::<Vec<_>>()
        }
    };
    assert_eq!(ids(ChurnBand::High).await, vec![quiet.id.clone()]);
    assert_eq!(ids(ChurnBand::Low).await, vec![active.id.clone()]);
}

const ORDERS_CSV: &str = "order_id,order_number,customer_ref,created_at,status,total,refunded_amount,payment_method,shipping_method,product_id,product_name,category,brand,quantity,unit_price,is_local_product
1001,EL-1001,0911000009,2026-10-01 14:30,delivered,150.500,0,cash_on_delivery,courier,SKU-1,عباية سوداء,ملابس,,1,120.500,1
1001,EL-1001,0911000009,2026-10-01 14:30,delivered,150.500,0,cash_on_delivery,courier,SKU-2,وشاح,إكسسوارات,,2,15,1
1002,EL-1002,+218 92 555 0001,2026-10-02,confirmed,80,0,card,pickup,SKU-3,حذاء,أحذية,Bata,1,80,0
1003,EL-1003,0911000009,2026-10-03,shipped,99,0,card,courier,SKU-4,ساعة,إكسسوارات,,-1,99,0
1004,EL-1004,0911000009,2026-10-03,lost,50,0,card,courier,SKU-5,قلم,قرطاسية,,1,50,0
1005,EL-1005,0911000009,2026-10-03,refunded,50,60,card,courier,SKU-6,دفتر,قرطاسية,,1,50,0
1006,EL-1006,0911000009,2099-01-01,pending,50,0,card,courier,SKU-7,كتاب,كتب,,1,50,0
1007,EL-1007,0911000009,2026-10-04,delivered,500,0,card,courier,SKU-8,هاتف,إلكترونيات,,1,400,0
1008,EL-1008,someone@nowhere.ly,2026-10-04,delivered,10,0,card,courier,SKU-9,شاحن,إلكترونيات,,1,10,0
";

#[tokio::test]
async fn an_order_file_is_imported_with_bad_orders_rejected_whole_and_unknown_phones_created() {
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0911000009").await;
    let options = || OrderImportOptions { now: now(), mode: IngestMode::Historical, cancel: None };
    let mut report = orders::import_orders(&pool, &actor, ORDERS_CSV.as_bytes(), options(), |_, _| {}).await.unwrap();
    report.localize(eishro_core::i18n::Lang::En);
    assert_eq!((report.inserted, report.updated, report.unchanged, report.customers_created), (2, 0, 0, 1));
    let rejected: Vec<(u64, &str, &str)> = report.rejected.iter().map(|r| (r.line, r.field.as_str(), r.reason_id.as_str())).collect();
    assert_eq!(
        rejected,
        vec![
            (5, "items.0.quantity", "order-error-quantity"),
            (6, "status", "order-error-status"),
            (7, "refundedAmount", "order-error-refund-exceeds"),
            (8, "createdAt", "order-error-future"),
            (9, "total", "order-error-lines"),
            (10, "customerRef", "order-error-unknown-customer"),
        ]
    );
    assert!(report.rejected[1].reason.contains("lost"), "{}", report.rejected[1].reason);
    let got = reload(&pool, &c.id).await;
    assert_eq!((got.history.total_orders, got.history.total_spent), (1, Money::from_dirhams(150_500)), "only order 1001 counts for this customer");
    assert_eq!(orders::count(&pool).await.unwrap(), 2, "nothing of a rejected order was written");
    let created = customers::resolve_ref(&pool, "0925550001").await.unwrap();
    assert!(reload(&pool, &created).await.incomplete);
    // The same file again changes nothing.
    let again = orders::import_orders(&pool, &actor, ORDERS_CSV.as_bytes(), options(), |_, _| {}).await.unwrap();
    assert_eq!((again.inserted, again.updated, again.unchanged, again.customers_created), (0, 0, 2, 0));
    assert_eq!(reload(&pool, &c.id).await.history, got.history);
}

/// The acceptance property of issue #4: ingesting any sequence of order events, in any
/// order, each repeated any number of times, leaves the customer's derived values exactly
/// as ingesting only each order's final state into an empty store does.
#[test]
fn any_order_of_events_repeated_any_number_of_times_derives_what_a_fresh_start_does() {
    use proptest::prelude::*;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let statuses = prop::sample::select(OrderStatus::ALL.to_vec());
    // Per order: its total in dinars and 1–4 versions (status, refunded part in tenths).
    let order_versions = (1i64..3000, prop::collection::vec((statuses, 0i64..=10), 1..4));
    let events = prop::collection::vec(order_versions, 1..5).prop_flat_map(|orders| {
        let mut flat: Vec<(usize, usize)> = Vec::new();
        for (o, (_, versions)) in orders.iter().enumerate() {
            for v in 0..versions.len() {
                flat.push((o, v));
            }
        }
        let repeats = prop::collection::vec(prop::sample::select(flat.clone()), 0..6);
        (Just(orders), repeats, Just(flat))
            .prop_flat_map(|(orders, repeats, mut flat)| {
                flat.extend(repeats);
                (Just(orders), Just(flat).prop_shuffle())
            })
    });
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(24));
    runner
        .run(&events, |(orders, sequence)| {
            let version = |o: usize, v: usize, customer_id: &str| {
                let (dinars, versions) = &orders[o];
                let (status, tenths) = versions[v];
                let mut input = order(&format!("O{o}"), customer_id, *dinars, status, now() - Duration::days(10 * o as i64 + 1));
                input.refunded_amount = Money::from_dirhams(dinars * 1000 * tenths / 10);
                input.payment_method = ["cash", "card"][v % 2].into();
                input
            };
            let derived = |pool: SqlitePool, id: String| async move {
                let c = reload(&pool, &id).await;
                (c.history, c.segmentation.segment, c.segmentation.lifetime_value, c.segmentation.churn_risk, c.segmentation.engagement_score)
            };
            let (replayed, fresh_start) = runtime.block_on(async {
                let (_a, pool, actor) = fresh().await;
                let c = customer(&pool, &actor, "0913000001").await;
                let mut last: Vec<Option<usize>> = vec![None; orders.len()];
                for &(o, v) in &sequence {
                    orders::ingest(&pool, version(o, v, &c.id), IngestMode::Historical, now()).await.unwrap();
                    last[o] = Some(v);
                }
                let replayed = derived(pool, c.id).await;
                let (_b, pool, actor) = fresh().await;
                let c = customer(&pool, &actor, "0913000001").await;
                for (o, v) in last.iter().enumerate() {
                    orders::ingest(&pool, version(o, v.expect("every order has an event"), &c.id), IngestMode::Historical, now()).await.unwrap();
                }
                (replayed, derived(pool, c.id).await)
            });
            prop_assert_eq!(replayed, fresh_start);
            Ok(())
        })
        .unwrap();
}

#[tokio::test]
async fn section_8_1_rfm_scores_rank_customers_by_quintile_with_ties_equal() {
    let (_dir, pool, actor) = fresh().await;
    let mut ids = Vec::new();
    for n in 0..5i64 {
        let c = customer(&pool, &actor, &format!("091200000{n}")).await;
        // Spend 100..500; the bigger spender ordered more recently.
        orders::ingest(&pool, order(&format!("F{n}"), &c.id, 100 * (n + 1), OrderStatus::Delivered, now() - Duration::days(5 - n)), IngestMode::Historical, now())
            .await
            .unwrap();
        ids.push(c.id);
    }
    orders::ingest(&pool, order("F4b", &ids[4], 1, OrderStatus::Delivered, now() - Duration::days(1)), IngestMode::Historical, now()).await.unwrap();
    segmentation::recompute_all(&pool, now(), Reason::Daily, |_, _| {}).await.unwrap();
    let mut codes = Vec::new();
    for id in &ids {
        let c = reload(&pool, id).await;
        codes.push(segmentation::derived_summary(&pool, &c).await.unwrap().rfm_code.unwrap());
    }
    // Recency: 5,4,3,2,1 days → 1..5. Frequency: one order a month each, except the last
    // with two (ties score alike). Monetary: 100..501 LYD → 1..5.
    assert_eq!(codes, vec!["111", "212", "313", "414", "555"]);
    let top = segmentation::derived_summary(&pool, &reload(&pool, &ids[4]).await).await.unwrap();
    assert_eq!(top.rfm.unwrap().group, segmentation::RfmGroup::Champions);
    let never = customer(&pool, &actor, "0912000009").await;
    assert_eq!(segmentation::derived_summary(&pool, &never).await.unwrap().rfm, None, "no counted order, no RFM");
}

#[tokio::test]
async fn a_merge_moves_orders_and_tasks_to_the_survivor_and_its_undo_moves_them_back() {
    let (_dir, pool, actor) = fresh().await;
    let survivor = customer(&pool, &actor, "0914000001").await;
    let merged = customer(&pool, &actor, "0914000002").await;
    sqlx::query("UPDATE customers SET preferred_contact_method = 'phone' WHERE id = ?").bind(&merged.id).execute(&pool).await.unwrap();
    for n in 0..3 {
        orders::ingest(&pool, order(&format!("S{n}"), &survivor.id, 800, OrderStatus::Delivered, now() - Duration::days(40 + n)), IngestMode::Historical, now())
            .await
            .unwrap();
    }
    orders::ingest(&pool, order("M1", &merged.id, 800, OrderStatus::Confirmed, now() - Duration::hours(3)), IngestMode::Live, now()).await.unwrap();
    orders::ingest(&pool, order("M0", &merged.id, 800, OrderStatus::Delivered, now() - Duration::days(30)), IngestMode::Historical, now()).await.unwrap();
    assert_eq!(tasks::customer_tasks(&pool, &merged.id).await.unwrap().len(), 1, "a welcome call");
    let notices = || async { sqlx::query_scalar::<_, i64>("SELECT count(*) FROM pending_notifications").fetch_one(&pool).await.unwrap() };
    let before = notices().await;
    let record = customers::merge(&pool, &actor, &survivor.id, &merged.id, &customers::MergeChoices::default(), now()).await.unwrap();
    let after = reload(&pool, &survivor.id).await;
    assert_eq!((after.history.total_orders, after.history.total_spent), (5, Money::from_dinars(4000)), "no order lost, none counted twice");
    assert_eq!(after.segmentation.segment, Segment::Gold);
    assert_eq!(orders::customer_orders(&pool, &survivor.id).await.unwrap().len(), 5);
    assert_eq!(tasks::customer_tasks(&pool, &survivor.id).await.unwrap().len(), 1, "the task follows the customer");
    assert_eq!(notices().await, before, "a merge announces nothing");
    // An order that arrives for the survivor after the merge stays with it on undo.
    orders::ingest(&pool, order("S9", &survivor.id, 100, OrderStatus::Delivered, now() - Duration::days(1)), IngestMode::Historical, now()).await.unwrap();
    customers::undo_merge(&pool, &actor, &record.id, now()).await.unwrap();
    let (s, m) = (reload(&pool, &survivor.id).await, reload(&pool, &merged.id).await);
    assert_eq!((s.history.total_orders, m.history.total_orders), (4, 2));
    assert_eq!((s.segmentation.segment, m.segmentation.segment), (Segment::Silver, Segment::Bronze));
    assert_eq!(tasks::customer_tasks(&pool, &merged.id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_overview_counts_tiers_and_recent_moves_and_the_daily_job_runs_once_a_day() {
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0915000001").await;
    let _quiet = customer(&pool, &actor, "0915000002").await;
    for n in 0..3 {
        orders::ingest(&pool, order(&format!("V{n}"), &c.id, 800, OrderStatus::Delivered, now() - Duration::days(5 + n)), IngestMode::Historical, now())
            .await
            .unwrap();
    }
    let overview = segmentation::overview(&pool, now(), 30).await.unwrap();
    let line = |s: Segment| overview.tiers.iter().find(|t| t.segment == s).unwrap().clone();
    assert_eq!((line(Segment::Silver).customers, line(Segment::Silver).revenue), (1, Money::from_dinars(2400)));
    assert_eq!(line(Segment::New).customers, 1);
    assert_eq!(overview.tiers.first().unwrap().segment, Segment::Vip, "highest tier first");
    assert_eq!((overview.upgrades, overview.downgrades), (2, 0), "new → bronze → silver");
    assert!(segmentation::overview(&pool, now() + Duration::days(40), 30).await.unwrap().movements.is_empty());

    assert!(segmentation::run_daily_if_due(&pool, now()).await.unwrap());
    assert!(!segmentation::run_daily_if_due(&pool, now() + Duration::hours(1)).await.unwrap(), "once a store day");
    assert!(segmentation::run_daily_if_due(&pool, now() + Duration::days(1)).await.unwrap());
}

#[tokio::test]
async fn standalone_orders_are_entered_by_hand_and_moved_through_their_statuses() {
    use eishro_core::orders::{OrderDraft, OrderLineDraft};
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0916000001").await;
    let empty = orders::enter_by_hand(&pool, &c.id, OrderDraft::default(), now()).await;
    assert!(matches!(empty, Err(CoreError::Invalid(_))));
    assert_eq!(orders::count(&pool).await.unwrap(), 0);
    let draft = OrderDraft {
        payment_method: "cash_on_delivery".into(),
        shipping_fee: Some(Money::from_dinars(10)),
        items: vec![OrderLineDraft { product_name: "بسيسة".into(), category: "منتجات غذائية".into(), quantity: 3, unit_price: Money::from_dirhams(25_500), is_local_product: true }],
        ..Default::default()
    };
    let order = orders::enter_by_hand(&pool, &c.id, draft, now()).await.unwrap();
    assert_eq!((order.input.total, order.input.status), (Money::from_dirhams(86_500), OrderStatus::Confirmed), "3 × 25.500 + 10");
    assert!(order.input.order_number.starts_with("M-"));
    assert_eq!(reload(&pool, &c.id).await.history.total_spent, Money::from_dirhams(86_500));
    let delivered = orders::change_status(&pool, &order.input.id, OrderStatus::Delivered, None, now() + Duration::hours(30)).await.unwrap();
    assert_eq!(delivered.input.status_history.iter().map(|s| s.status).collect::<Vec<_>>(), vec![OrderStatus::Confirmed, OrderStatus::Delivered]);
    orders::change_status(&pool, &order.input.id, OrderStatus::Refunded, None, now() + Duration::days(3)).await.unwrap();
    let got = reload(&pool, &c.id).await;
    assert_eq!((got.history.total_orders, got.history.total_spent), (0, Money::ZERO), "a full refund drops the order");
}

#[tokio::test]
async fn section_3_2_live_status_changes_record_each_order_notification_once() {
    let (_dir, pool, actor) = fresh().await;
    let c = customer(&pool, &actor, "0917000001").await;
    let kinds = || async {
        sqlx::query_scalar::<_, String>("SELECT kind FROM pending_notifications ORDER BY rowid").fetch_all(&pool).await.unwrap()
    };
    let first = order("N1", &c.id, 100, OrderStatus::Confirmed, now() - Duration::hours(1));
    orders::ingest(&pool, first.clone(), IngestMode::Live, now()).await.unwrap();
    orders::ingest(&pool, first, IngestMode::Live, now()).await.unwrap();
    assert_eq!(kinds().await, vec!["order_confirmed", "first_order"]);
    // A jump from pending to delivered announces only the status it landed on.
    orders::ingest(&pool, order("N2", &c.id, 50, OrderStatus::Pending, now()), IngestMode::Live, now()).await.unwrap();
    orders::ingest(&pool, order("N2", &c.id, 50, OrderStatus::Delivered, now()), IngestMode::Live, now()).await.unwrap();
    assert_eq!(kinds().await, vec!["order_confirmed", "first_order", "order_delivered"]);
    // History fires nothing.
    orders::ingest(&pool, order("N3", &c.id, 50, OrderStatus::Shipped, now()), IngestMode::Historical, now()).await.unwrap();
    assert_eq!(kinds().await.len(), 3);
}

/// A historical file touching most of the store rebuilds the customers' sort indexes
/// around the recompute instead of maintaining them record by record: afterwards every
/// index is back, the records are derived, and sorted lists read them.
#[tokio::test]
async fn a_file_for_most_of_the_store_leaves_every_index_in_place() {
    let (_dir, pool, owner) = fresh().await;
    eishro_core::demo::fill(&pool, eishro_core::demo::DemoOptions { customers: 2_400, seed: 3, now: now() }, |_, _| {}).await.unwrap();
    let indexes = || async {
        sqlx::query_scalar::<_, String>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' ORDER BY name").fetch_all(&pool).await.unwrap()
    };
    let before = indexes().await;
    let phones: Vec<String> = sqlx::query_scalar("SELECT phone FROM customers WHERE merged_into IS NULL").fetch_all(&pool).await.unwrap();
    assert!(phones.len() >= 2_000);
    let mut csv = String::from("order_id,customer_ref,created_at,status,total,product_name,category,quantity,unit_price\n");
    for (n, phone) in phones.iter().enumerate() {
        csv.push_str(&format!("H-{n},{phone},2026-10-0{} 12:00,delivered,50,تمر,منتجات غذائية,1,50\n", 1 + n % 9));
    }
    let options = OrderImportOptions { now: now(), mode: IngestMode::Historical, cancel: None };
    let report = orders::import_orders(&pool, &owner, csv.as_bytes(), options, |_, _| {}).await.unwrap();
    assert_eq!((report.inserted as usize, report.rejected.len()), (phones.len(), 0));
    assert_eq!(indexes().await, before);
    let underived: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM customers c WHERE merged_into IS NULL
           AND total_orders <> (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.status IN ('confirmed', 'shipped', 'delivered'))",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(underived, 0, "every history counts the new orders");
    // The richest first, read through the rebuilt spend index.
    let sort = customers::CustomerSort { column: customers::SortColumn::TotalSpent, descending: true };
    let page = customers::list(&pool, &customers::CustomerFilter::default(), sort, 0, 50).await.unwrap();
    assert_eq!(page.total as usize, phones.len());
    assert!(page.rows.windows(2).all(|w| w[0].total_spent >= w[1].total_spent));
}
