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

pub async fn run(sizes: &[u32], dir: Option<PathBuf>, queries: usize) -> Result<Vec<SizeReport>> {
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
        pool.close().await;
        reports.push(SizeReport {
            customers: size,
            import_seconds,
            import_rows_per_second: size as f64 / import_seconds,
            reference_import_rows_per_second: reference,
            search_ms: percentiles(search),
            list_page_ms: percentiles(list),
            profile_ms: percentiles(profile),
        });
    }
    Ok(reports)
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
    out
}
