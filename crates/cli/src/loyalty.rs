//! `crm loyalty …`: a customer's points for scripts and tests. Each subcommand calls one
//! core use-case and prints JSON (with `--json`) or a line for people.

use std::io::Write;

use crate::print_json as print;

use chrono::{DateTime, Utc};
use clap::Subcommand;
use eishro_core::customers;
use eishro_core::loyalty::ledger;
use eishro_core::staff::Actor;

#[derive(Subcommand)]
pub enum LoyaltyCommand {
    /// The points balance: `{"balance": N}`.
    Balance {
        #[arg(value_name = "CUSTOMER_REF")]
        customer: String,
        #[arg(long)]
        json: bool,
    },
    /// Every ledger entry, newest first, with breakdowns and the lots debits consumed.
    History {
        #[arg(value_name = "CUSTOMER_REF")]
        customer: String,
        #[arg(long)]
        json: bool,
    },
    /// Redeem a reward (reward_001, reward_002 …) for a voucher.
    Redeem {
        #[arg(value_name = "CUSTOMER_REF")]
        customer: String,
        #[arg(long)]
        reward: String,
        #[arg(long)]
        json: bool,
    },
    /// The breakdown of an order's points (SPEC §4.2): `{"orderId", "lines": [...], "totalPoints"}`.
    Explain {
        #[arg(value_name = "ORDER_ID")]
        order: String,
        #[arg(long)]
        json: bool,
    },
    /// Correct a balance by hand (managers and the owner), with the reason.
    Adjust {
        #[arg(value_name = "CUSTOMER_REF")]
        customer: String,
        #[arg(long, allow_hyphen_values = true)]
        points: i64,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// The expiry job (the app runs it hourly): lots past their last day and vouchers
    /// past theirs expire. `{"lots", "points", "vouchers"}`.
    Expire {
        #[arg(long)]
        json: bool,
    },
    /// The loyalty report (SPEC §8.5) over whole months, YYYY-MM to YYYY-MM; `--svg DIR`
    /// also writes its charts there.
    Report {
        #[arg(long, value_name = "YYYY-MM")]
        from: String,
        #[arg(long, value_name = "YYYY-MM")]
        to: String,
        #[arg(long, value_parser = parse_segment)]
        segment: Option<eishro_core::customers::Segment>,
        #[arg(long)]
        city: Option<String>,
        #[arg(long, value_name = "DIR")]
        svg: Option<std::path::PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

fn parse_segment(text: &str) -> Result<eishro_core::customers::Segment, String> {
    eishro_core::customers::Segment::parse(text).ok_or_else(|| format!("unknown segment {text:?}"))
}

/// The first day of a `YYYY-MM` month, or the usage error in the CLI's language.
fn month(text: &str, lang: eishro_core::i18n::Lang) -> anyhow::Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d")
        .map_err(|_| anyhow::anyhow!("{}", eishro_core::i18n::text(lang, "error-invalid-month")))
}

pub async fn run(
    command: LoyaltyCommand,
    pool: &sqlx::SqlitePool,
    actor: &Actor,
    lang: eishro_core::i18n::Lang,
    now: DateTime<Utc>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    match command {
        LoyaltyCommand::Balance { customer, json } => {
            let id = customers::resolve_ref(pool, &customer).await?;
            let balance = ledger::balance(pool, &id).await?;
            if json {
                print(out, &serde_json::json!({ "customerId": id, "balance": balance }))?;
            } else {
                writeln!(out, "{balance}")?;
            }
        }
        LoyaltyCommand::History { customer, json } => {
            let id = customers::resolve_ref(pool, &customer).await?;
            let entries = ledger::history(pool, &id).await?;
            if json {
                print(out, &entries)?;
            } else {
                for e in &entries {
                    writeln!(out, "{}\t{}\t{:+}\t{}", e.created_at, e.entry_type.as_str(), e.points, e.note)?;
                }
            }
        }
        LoyaltyCommand::Redeem { customer, reward, json } => {
            let id = customers::resolve_ref(pool, &customer).await?;
            // Standalone mode knows no stock: a gift is assumed available; sync will say.
            let voucher = ledger::redeem(pool, actor, &id, &reward, true, now).await?;
            if json {
                print(out, &voucher)?;
            } else {
                writeln!(out, "{}\t{}\t{}", voucher.code, voucher.reward_name, voucher.expires_at)?;
            }
        }
        LoyaltyCommand::Explain { order, json } => {
            let Some(entry) = ledger::explain(pool, &order).await? else {
                anyhow::bail!("{}", eishro_core::i18n::message(lang, "loyalty-no-earn", &[("order".to_string(), order)].into_iter().collect()));
            };
            let breakdown = entry.breakdown.unwrap_or_else(|| eishro_core::loyalty::points::Breakdown { lines: vec![], purchase_points: 0, bonus_points: 0, total_points: entry.points });
            if json {
                print(
                    out,
                    &serde_json::json!({
                        "orderId": entry.order_id,
                        "customerId": entry.customer_id,
                        "lines": breakdown.lines,
                        "purchasePoints": breakdown.purchase_points,
                        "bonusPoints": breakdown.bonus_points,
                        "totalPoints": breakdown.total_points,
                    }),
                )?;
            } else {
                for line in &breakdown.lines {
                    writeln!(out, "{}\t{:+}", line.line, line.points)?;
                }
                writeln!(out, "total\t{}", breakdown.total_points)?;
            }
        }
        LoyaltyCommand::Report { from, to, segment, city, svg, json } => {
            let query = eishro_core::loyalty::report::LoyaltyReportQuery { from: month(&from, lang)?, to: month(&to, lang)?, segment, city };
            let report = eishro_core::loyalty::report::loyalty_report(pool, &query, lang).await?;
            if let Some(dir) = svg {
                std::fs::create_dir_all(&dir)?;
                for (name, chart) in [("points-by-month", &report.charts.points_by_month), ("campaigns", &report.charts.campaigns), ("rewards", &report.charts.rewards)] {
                    std::fs::write(dir.join(format!("{name}.svg")), chart)?;
                }
            }
            if json {
                print(out, &report)?;
            } else {
                for m in &report.months {
                    writeln!(out, "{}	+{}	-{}	-{}", m.month, m.issued, m.redeemed, m.expired)?;
                }
                writeln!(out, "liability	{}	{}", report.liability_points, report.liability_value)?;
            }
        }
        LoyaltyCommand::Expire { json } => {
            let run = ledger::run_expiry(pool, now).await?;
            if json {
                print(out, &serde_json::json!({ "lots": run.lots, "points": run.points, "vouchers": run.vouchers }))?;
            } else {
                writeln!(out, "{}\t{}\t{}", run.lots, run.points, run.vouchers)?;
            }
        }
        LoyaltyCommand::Adjust { customer, points, reason, json } => {
            let id = customers::resolve_ref(pool, &customer).await?;
            let entry = ledger::adjust(pool, actor, &id, points, &reason, now).await?;
            if json {
                print(out, &entry)?;
            } else {
                writeln!(out, "{:+}", entry.points)?;
            }
        }
    }
    Ok(())
}
