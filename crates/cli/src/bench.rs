//! `crm bench`: the performance figures of BENCHMARKS.md, measured on this machine in one
//! run, with the machine's own `sqlite3` CLI as the reference where DESIGN.md §5 names one.
//! Build with `--release` (`cargo xtask bench` does).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::Utc;
use eishro_core::customers::{self, CustomerFilter, CustomerSort, ImportOptions, Segment, SortColumn};
use eishro_core::staff::{self, Actor};
use eishro_core::{db, demo};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SizeReport {
    pub customers: u32,
    pub import_seconds: f64,
    pub import_rows_per_second: f64,
    pub reference_import_rows_per_second: Option<f64>,
    pub search_ms: Percentiles,
    pub list_page_ms: Percentiles,
    pub profile_ms: Percentiles,
    /// With `--orders-per-customer`: the order import and the full recompute.
    pub orders: Option<OrdersReport>,
    /// With `--tickets`: the support inbox.
    pub inbox: Option<InboxReport>,
}

#[derive(Debug, Serialize)]
pub struct InboxReport {
    pub tickets: u64,
    pub messages: u64,
    pub fill_seconds: f64,
    /// Opening a queue: its first page and the counts beside every queue.
    pub open_view_ms: Percentiles,
    /// Opening one ticket: conversation, SLA clocks, suggestion and customer panel.
    pub open_ticket_ms: Percentiles,
}

#[derive(Debug, Serialize)]
pub struct OrdersReport {
    pub orders: u64,
    pub ingest_orders_per_second: f64,
    pub recompute_seconds: f64,
    /// The daily job the next day: what a store runs every day.
    pub recompute_next_day_seconds: f64,
    pub recompute_next_day_updated: u64,
    /// The daily job a month later, when churn, engagement and RFM move for many.
    pub recompute_month_later_seconds: f64,
    pub recompute_month_later_changed: u64,
}

#[derive(Debug, Serialize)]
pub struct Percentiles {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
}

fn percentiles(mut samples: Vec<Duration>) -> Percentiles {
    samples.sort();
    let at = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples.get(i).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
    };
    Percentiles { p50: at(0.50), p95: at(0.95), p99: at(0.99) }
}

/// Queries staff really type: names in several spellings, partial phones in any format,
/// e-mail prefixes.
fn realistic_queries(n: usize, rng: &mut impl Rng) -> Vec<String> {
    let names = [
        "احمد", "أحمد", "أَحْمَد", "محمد", "مُحَمَّد", "فاطمه", "فاطمة", "عائشة", "عايشه", "ابراهيم", "إبراهيم",
        "مصطفي", "مصطفى", "عبدالله", "عبد الله", "اسامه", "الورفلي", "ورفلي", "المصراتي", "الزنتاني", "بن غشير",
        "سالم الورفلي", "خديجه الككلي", "يوسف", "نورة", "هدى الفيتوري", "اح", "محم", "فاط", "salem", "ahmed",
    ];
    (0..n)
        .map(|i| match i % 4 {
            0 | 1 => names.choose(rng).expect("non-empty").to_string(),
            2 => {
                let prefix = ["091", "092", "093", "094", "095", "096"].choose(rng).expect("non-empty");
                let digits: String = (0..rng.gen_range(1..5)).map(|_| char::from(b'0' + rng.gen_range(0..10))).collect();
                match rng.gen_range(0..3) {
                    0 => format!("{prefix}{digits}"),
                    1 => format!("+218 {} {digits}", &prefix[1..]),
                    _ => format!("00218{}{digits}", &prefix[1..]),
                }
            }
            _ => ["ahmed.", "mohamed.el", "fatima", "sara.g", "omar@", "salem.z"].choose(rng).expect("non-empty").to_string(),
        })
        .collect()
}

fn reference_import(csv: &Path, dir: &Path) -> Option<f64> {
    let db = dir.join("reference.db");
    let _ = std::fs::remove_file(&db);
    let start = Instant::now();
    let status = Command::new("sqlite3")
        .arg(&db)
        .arg(".mode csv")
        .arg(format!(".import {} reference", csv.display()))
        .status()
        .ok()?;
    let elapsed = start.elapsed();
    let _ = std::fs::remove_file(&db);
    status.success().then_some(elapsed.as_secs_f64())
}

pub async fn run(sizes: &[u32], dir: Option<PathBuf>, queries: usize, orders_per_customer: u32, tickets: u64) -> Result<Vec<SizeReport>> {
    let temp = tempfile::tempdir()?;
    let dir = dir.unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir)?;
    let mut reports = Vec::new();
    for &size in sizes {
        eprintln!("bench: {size} customers");
        let csv_path = dir.join(format!("customers-{size}.csv"));
        demo::customers_csv(size, 2025, std::io::BufWriter::new(std::fs::File::create(&csv_path)?))?;
        let bytes = std::fs::read(&csv_path)?;
        let reference = reference_import(&csv_path, &dir).map(|secs| size as f64 / secs);

        let db_path = dir.join(format!("bench-{size}.db"));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db_path.display()));
        }
        let pool = db::open(&db_path).await?;
        let now = Utc::now();
        let actor = Actor::Staff(staff::ensure_owner(&pool, now).await?);
        let start = Instant::now();
        let report = customers::import(&pool, &actor, &bytes, ImportOptions { now, mapping: None, cancel: None }, |_, _| {})
            .await
            .context("importing the benchmark file")?;
        let import_seconds = start.elapsed().as_secs_f64();
        eprintln!("  import: {import_seconds:.2}s, {} inserted, {} merged, {} rejected", report.inserted, report.merged, report.rejected.len());

        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let mut search = Vec::with_capacity(queries);
        for query in realistic_queries(queries, &mut rng) {
            let start = Instant::now();
            customers::search(&pool, &query, 50).await?;
            search.push(start.elapsed());
        }

        let segments = [Segment::New, Segment::Bronze, Segment::Silver, Segment::Gold];
        let sorts = [SortColumn::TotalSpent, SortColumn::Name, SortColumn::UpdatedAt, SortColumn::CreatedAt];
        let mut list = Vec::new();
        for i in 0..200 {
            let filter = CustomerFilter { segments: vec![segments[i % segments.len()]], ..Default::default() };
            let sort = CustomerSort { column: sorts[i % sorts.len()], descending: i % 2 == 0 };
            let start = Instant::now();
            customers::list(&pool, &filter, sort, 0, 100).await?;
            list.push(start.elapsed());
        }

        let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM customers ORDER BY random() LIMIT 200").fetch_all(&pool).await?;
        let mut profile = Vec::new();
        for id in &ids {
            let start = Instant::now();
            customers::profile(&pool, id).await?;
            profile.push(start.elapsed());
        }
        let orders = if orders_per_customer > 0 { Some(orders_phase(&pool, &actor, &dir, size, orders_per_customer).await?) } else { None };
        let inbox = if tickets > 0 { Some(inbox_phase(&pool, &actor, tickets).await?) } else { None };
        pool.close().await;
        reports.push(SizeReport {
            customers: size,
            import_seconds,
            import_rows_per_second: size as f64 / import_seconds,
            reference_import_rows_per_second: reference,
            search_ms: percentiles(search),
            list_page_ms: percentiles(list),
            profile_ms: percentiles(profile),
            orders,
            inbox,
        });
    }
    Ok(reports)
}

/// Imports `per_customer` orders for every customer as a historical platform export (one
/// line item each, statuses and dates spread like a real shop's), then recomputes
/// everyone, timing both.
async fn orders_phase(pool: &sqlx::SqlitePool, actor: &Actor, dir: &Path, customers: u32, per_customer: u32) -> Result<OrdersReport> {
    let phones: Vec<String> = sqlx::query_scalar("SELECT phone FROM customers WHERE merged_into IS NULL").fetch_all(pool).await?;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    let path = dir.join(format!("orders-{customers}.csv"));
    let mut csv = String::from("order_id,customer_ref,created_at,status,total,payment_method,product_name,category,quantity,unit_price\n");
    let statuses = ["delivered", "delivered", "delivered", "delivered", "confirmed", "cancelled", "refunded"];
    let mut count = 0u64;
    let now = Utc::now();
    for phone in &phones {
        for _ in 0..per_customer {
            let day = (now - chrono::Duration::minutes(rng.gen_range(60..3 * 365 * 24 * 60))).format("%Y-%m-%d %H:%M");
            let price = rng.gen_range(10..900);
            let status = statuses.choose(&mut rng).expect("non-empty");
            csv.push_str(&format!("B{count},{phone},{day},{status},{price},cash_on_delivery,منتج,ملابس,1,{price}\n"));
            count += 1;
        }
    }
    std::fs::write(&path, &csv)?;
    let options = eishro_core::orders::OrderImportOptions { now, mode: eishro_core::orders::IngestMode::Historical, cancel: None };
    let start = Instant::now();
    let report = eishro_core::orders::import_orders(pool, actor, csv.as_bytes(), options, |_, _| {}).await?;
    let ingest = start.elapsed().as_secs_f64();
    eprintln!("  orders: {count} in {ingest:.1}s, {} rejected", report.rejected.len());
    let start = Instant::now();
    eishro_core::segmentation::recompute_all(pool, now, eishro_core::segmentation::Reason::Daily, |_, _| {}).await?;
    let recompute_seconds = start.elapsed().as_secs_f64();
    eprintln!("  recompute: {recompute_seconds:.1}s");
    let start = Instant::now();
    let next_day = eishro_core::segmentation::recompute_all(pool, now + chrono::Duration::days(1), eishro_core::segmentation::Reason::Daily, |_, _| {}).await?;
    let recompute_next_day_seconds = start.elapsed().as_secs_f64();
    eprintln!("  recompute the next day: {recompute_next_day_seconds:.1}s, {} customers updated", next_day.updated);
    let month_later = now + chrono::Duration::days(30);
    let start = Instant::now();
    let later = eishro_core::segmentation::recompute_all(pool, month_later, eishro_core::segmentation::Reason::Daily, |_, _| {}).await?;
    let recompute_month_later_seconds = start.elapsed().as_secs_f64();
    let recompute_month_later_changed = later.updated;
    eprintln!("  recompute 30 days later: {recompute_month_later_seconds:.1}s, {} customers updated", later.updated);
    Ok(OrdersReport {
        orders: count,
        ingest_orders_per_second: count as f64 / ingest,
        recompute_seconds,
        recompute_next_day_seconds,
        recompute_next_day_updated: next_day.updated,
        recompute_month_later_seconds,
        recompute_month_later_changed,
    })
}

/// Fills the support desk with `tickets` demo tickets of ten messages each over a year,
/// then opens every inbox queue (with and without a priority or category filter) and
/// random tickets, timing each.
async fn inbox_phase(pool: &sqlx::SqlitePool, actor: &Actor, tickets: u64) -> Result<InboxReport> {
    use eishro_core::support::inbox::{self, InboxFilter, Queue};
    use eishro_core::support::{tickets as ticket_cases, Category, Priority};
    let now = Utc::now();
    let start = Instant::now();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
    let (tickets, messages) = demo::add_support_desk(pool, &mut rng, now, tickets, 10, 365).await?;
    let fill_seconds = start.elapsed().as_secs_f64();
    eprintln!("  tickets: {tickets} with {messages} messages in {fill_seconds:.1}s");
    let staff_id = match actor {
        Actor::Staff(user) => user.id.clone(),
        _ => String::new(),
    };
    // Views as agents open them: their own queue is someone's with tickets in it.
    let agent: String = sqlx::query_scalar("SELECT assigned_to FROM tickets WHERE assigned_to IS NOT NULL LIMIT 1")
        .fetch_optional(pool)
        .await?
        .unwrap_or(staff_id);
    let mut open_view = Vec::new();
    let mut by_queue: std::collections::BTreeMap<String, Vec<Duration>> = Default::default();
    for i in 0..300 {
        let queue = Queue::ALL[i % Queue::ALL.len()];
        let filter = InboxFilter {
            queue,
            priority: (i % 3 == 1).then_some(Priority::ALL[i % 4]),
            category: (i % 5 == 2).then_some(Category::ALL[i % 6]),
            ..Default::default()
        };
        let start = Instant::now();
        inbox::page(pool, &agent, &filter, 0, 50, now).await?;
        inbox::counts(pool, &agent, now).await?;
        open_view.push(start.elapsed());
        by_queue.entry(format!("{queue:?}{}{}", if filter.priority.is_some() { "+priority" } else { "" }, if filter.category.is_some() { "+category" } else { "" }))
            .or_default()
            .push(start.elapsed());
    }
    for (view, samples) in by_queue {
        let p = percentiles(samples);
        eprintln!("    {view}: p50 {:.1} ms, p95 {:.1} ms", p.p50, p.p95);
    }
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM tickets ORDER BY random() LIMIT 200").fetch_all(pool).await?;
    let mut open_ticket = Vec::new();
    for id in &ids {
        let start = Instant::now();
        ticket_cases::detail(pool, id, now).await?;
        open_ticket.push(start.elapsed());
    }
    Ok(InboxReport { tickets, messages, fill_seconds, open_view_ms: percentiles(open_view), open_ticket_ms: percentiles(open_ticket) })
}

/// The reports as the Markdown table BENCHMARKS.md holds.
pub fn markdown(reports: &[SizeReport]) -> String {
    let mut out = String::from(
        "| customers | import rows/s | sqlite3 .import rows/s | ratio | search p50 / p95 / p99 ms | list page p50 / p95 / p99 ms | profile p50 / p95 / p99 ms |\n|---|---|---|---|---|---|---|\n",
    );
    for r in reports {
        let reference = r.reference_import_rows_per_second.map(|v| format!("{v:.0}")).unwrap_or_else(|| "—".into());
        let ratio = r.reference_import_rows_per_second.map(|v| format!("{:.2}", r.import_rows_per_second / v)).unwrap_or_else(|| "—".into());
        let p = |p: &Percentiles| format!("{:.2} / {:.2} / {:.2}", p.p50, p.p95, p.p99);
        out.push_str(&format!(
            "| {} | {:.0} | {} | {} | {} | {} | {} |\n",
            r.customers, r.import_rows_per_second, reference, ratio, p(&r.search_ms), p(&r.list_page_ms), p(&r.profile_ms)
        ));
    }
    if reports.iter().any(|r| r.orders.is_some()) {
        out.push_str("\n| customers | orders | order ingest orders/s | full recompute s | the next day: s (customers updated) | 30 days later: s (customers updated) |\n|---|---|---|---|---|---|\n");
        for r in reports {
            if let Some(o) = &r.orders {
                out.push_str(&format!(
                    "| {} | {} | {:.0} | {:.2} | {:.2} ({}) | {:.2} ({}) |\n",
                    r.customers,
                    o.orders,
                    o.ingest_orders_per_second,
                    o.recompute_seconds,
                    o.recompute_next_day_seconds,
                    o.recompute_next_day_updated,
                    o.recompute_month_later_seconds,
                    o.recompute_month_later_changed
                ));
            }
        }
    }
    if reports.iter().any(|r| r.inbox.is_some()) {
        out.push_str("\n| customers | tickets | messages | open a queue p50 / p95 / p99 ms | open a ticket p50 / p95 / p99 ms |\n|---|---|---|---|---|\n");
        for r in reports {
            if let Some(i) = &r.inbox {
                let p = |p: &Percentiles| format!("{:.2} / {:.2} / {:.2}", p.p50, p.p95, p.p99);
                out.push_str(&format!("| {} | {} | {} | {} | {} |\n", r.customers, i.tickets, i.messages, p(&i.open_view_ms), p(&i.open_ticket_ms)));
            }
        }
    }
    out
}
