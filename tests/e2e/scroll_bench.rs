//! How the customer list scrolls over a large store, in the real app (BENCHMARKS.md):
//! frame times while flinging through the list, how long rows take to fill after a jump,
//! and whether the last customer can be reached. Ignored by `cargo test`; run with
//! `cargo xtask bench --ui` (E2E_SCROLL_CUSTOMERS sets the store size, default 1M).

use std::time::{Duration, Instant};

use anyhow::{ensure, Result};
use chrono::Utc;
use eishro_core::customers::{self, ImportOptions};
use eishro_core::{db, demo, staff};
use eishro_e2e::App;
use serde_json::Value;

/// Scrolls by `step` pixels every animation frame for `millis`, recording each frame's
/// length and whether any visible row was still waiting for its page.
const FLING: &str = r#"
const [step, millis, done] = arguments;
const list = document.querySelector('[data-testid=customer-list]');
const frames = []; let waiting = 0; let last = performance.now(); const start = last;
let first = true;
function frame(now) {
  if (!first) {
    frames.push(now - last);
    if (list.querySelector('.list-row:not([data-testid=customer-row])')) waiting++;
  }
  first = false; last = now;
  list.scrollTop += step;
  if (now - start < millis) requestAnimationFrame(frame);
  else done({ frames, waiting, scrollTop: list.scrollTop, scrollHeight: list.scrollHeight });
}
requestAnimationFrame(frame);
"#;

/// Jumps to `fraction` of the list and reports the milliseconds until the rows there are
/// rendered and every one shows a customer.
const JUMP: &str = r#"
const [fraction, total, done] = arguments;
const expected = Math.round(fraction * (total - 1));
const list = document.querySelector('[data-testid=customer-list]');
const start = performance.now();
list.scrollTop = (list.scrollHeight - list.clientHeight) * fraction;
function check() {
  const rows = list.querySelectorAll('.list-row');
  const waiting = list.querySelector('.list-row:not([data-testid=customer-row])');
  const indexes = Array.from(list.querySelectorAll('[data-index]')).map(e => Number(e.dataset.index));
  const there = indexes.length > 0 && Math.min(...indexes) <= expected && Math.max(...indexes) >= expected - 40;
  if (there && rows.length > 0 && !waiting) done({ millis: performance.now() - start, last: Math.max(...indexes) });
  else if (performance.now() - start > 10000) done({ millis: null, last: null });
  else requestAnimationFrame(check);
}
requestAnimationFrame(check);
"#;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement; run with cargo xtask bench --ui"]
async fn scroll_a_large_customer_list() -> Result<()> {
    let size: u32 = std::env::var("E2E_SCROLL_CUSTOMERS").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let app = App::start(|path| async move {
        let started = Instant::now();
        let mut csv = Vec::new();
        demo::customers_csv(size, 2025, &mut csv)?;
        let pool = db::open(&path).await?;
        let actor = staff::Actor::Staff(staff::ensure_owner(&pool, Utc::now()).await?);
        customers::import(&pool, &actor, &csv, ImportOptions { now: Utc::now(), mapping: None, cancel: None }, |_, _| {}).await?;
        pool.close().await;
        eprintln!("scroll bench: a store of {size} rows built in {:.0?}", started.elapsed());
        Ok(())
    })
    .await?;
    app.use_arabic().await?;
    app.find("[data-testid=customer-row]").await?;
    let total = customers::count(&db::open(&app.db).await?).await?;

    let mut report = Vec::new();
    for (name, step) in [("idle (no scrolling)", 0), ("steady scroll (10 rows a frame)", 440), ("fling (100 rows a frame)", 4400)] {
        let result = app.eval_async(&FLING.replace("arguments;", &format!("[{step}, 4000, arguments[0]];"))).await?;
        let mut frames: Vec<f64> = result["frames"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
        frames.sort_by(f64::total_cmp);
        let waiting = result["waiting"].as_u64().unwrap_or(0);
        report.push(format!(
            "| {name} | {} | {:.1} / {:.1} / {:.1} | {:.0}% |",
            frames.len(),
            percentile(&frames, 0.5),
            percentile(&frames, 0.95),
            frames.last().copied().unwrap_or_default(),
            100.0 * waiting as f64 / frames.len().max(1) as f64,
        ));
    }
    let mut jumps = Vec::new();
    for fraction in ["0.25", "0.5", "0.75", "1"] {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let result = app.eval_async(&JUMP.replace("arguments;", &format!("[{fraction}, {total}, arguments[0]];"))).await?;
        jumps.push((fraction, result["millis"].as_f64(), result["last"].as_u64()));
    }
    println!("\nUI list scrolling, {total} customers (p50 / p95 / max frame ms; share of frames with a row still loading):\n");
    println!("| motion | frames | frame ms p50 / p95 / max | frames waiting for rows |\n|---|---|---|---|");
    for line in &report {
        println!("{line}");
    }
    println!("\n| jump to | rows filled after ms | last row rendered (of {total}) |\n|---|---|---|");
    for (fraction, millis, last) in &jumps {
        let shown = last.map_or("none".to_string(), |l| (l + 1).to_string());
        println!("| {fraction} | {} | {shown} |", millis.map_or("never".to_string(), |m| format!("{m:.0}")));
    }
    app.screenshot("bench-scroll-end-ar").await?;
    let reached = jumps.last().and_then(|(_, _, last)| *last).map(|l| l + 1);
    ensure!(reached == Some(total), "scrolled to the end, the list shows row {reached:?} of {total}");
    app.close().await?;
    Ok(())
}
