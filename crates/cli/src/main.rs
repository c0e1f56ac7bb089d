//! `crm`: the command-line face of EISHRO CRM, for scripting, tests and bulk chores.
//! Each subcommand parses its arguments, calls one core use-case and prints JSON (with
//! `--json`) or a short human summary. No business rule lives here.
//!
//! Exit codes: 0 success, 1 the command failed (the reason is on stderr), 2 bad usage.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

// mimalloc: a bulk import allocates tens of millions of small strings and rows, and
// spent a quarter of its time in the system allocator (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod loyalty;
mod tickets;

use anyhow::Context;
use chrono::Utc;
use clap::{Args, Parser, Subcommand};
use std::sync::atomic::{AtomicBool, Ordering};

use eishro_core::customers::{
    self, AddressDraft, ConsentFlag, CreateOptions, CustomFieldMatch, CustomerDraft, CustomerFilter, ExportFormat, Segment,
};
use eishro_core::money::Money;
use eishro_core::orders::{self, IngestMode};
use eishro_core::segmentation::{self, ChurnBand};
use eishro_core::i18n::Lang;
use eishro_core::staff::{self, Actor};
use eishro_core::{db, demo, workspace, CoreError};

#[derive(Parser)]
#[command(name = "crm", version, about = "EISHRO CRM from the command line")]
struct Cli {
    /// The workspace database (default: $EISHRO_CRM_DB, else the app-data folder).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Language of messages: ar or en (default: from $LANG, else ar).
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find, show and add customers.
    #[command(subcommand)]
    Customers(CustomersCommand),
    /// Import records from a CSV or XLSX file.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export records to CSV or XLSX.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Tiers and the values derived from orders.
    #[command(subcommand)]
    Segments(SegmentsCommand),
    /// The support desk: open, list, show and work tickets.
    #[command(subcommand)]
    Tickets(tickets::TicketsCommand),
    /// Points: balance, history, redeem a reward, adjust by hand.
    #[command(subcommand)]
    Loyalty(loyalty::LoyaltyCommand),
    /// The intent of a customer's message and the reply SPEC §7.7 suggests.
    Intent {
        message: String,
        #[arg(long)]
        json: bool,
    },
    /// Measure import, search, list and profile at several store sizes (BENCHMARKS.md).
    Bench {
        /// Store sizes, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "10000,100000,1000000")]
        sizes: Vec<u32>,
        /// Where to keep the generated files and databases (default: a temporary folder).
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        /// Also import this many orders per customer and time a full recompute (issue #4).
        #[arg(long, default_value_t = 0)]
        orders_per_customer: u32,
        /// Also fill the support desk with this many tickets (ten messages each) and time
        /// opening inbox queues and tickets (issue #5).
        #[arg(long, default_value_t = 0)]
        tickets: u64,
        #[arg(long)]
        json: bool,
    },
    /// Fill the database with a realistic Libyan demo store.
    Demo {
        #[arg(long, default_value_t = 1000)]
        customers: u32,
        #[arg(long, default_value_t = 2025)]
        seed: u64,
        /// Only on a new, empty store (what `cargo xtask run` uses on a first start); an
        /// existing store, or one whose owner chose to start empty, is left alone.
        #[arg(long)]
        if_new: bool,
    },
}

#[derive(Subcommand)]
enum CustomersCommand {
    /// Search by name (any Arabic spelling), phone (any format) or e-mail.
    Search {
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Show one customer. CUSTOMER_REF is an id, a phone in any format, or an e-mail.
    Show {
        #[arg(value_name = "CUSTOMER_REF")]
        customer: String,
        #[arg(long)]
        json: bool,
    },
    /// Add a customer, with the same rules as the app's form.
    Add(AddArgs),
}

#[derive(Subcommand)]
enum SegmentsCommand {
    /// Recompute every customer's tier, LTV, churn risk, engagement and RFM (what the
    /// daily job does), and print how many customers are in each tier. Tier changes are
    /// recorded in the segment history; nobody is messaged.
    Recompute {
        /// Also rebuild each customer's order history (counts, spend, dates, favourites)
        /// from the orders, in one transaction: a repair.
        #[arg(long)]
        from_orders: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Orders from a store platform's export, one row per line item (order_id,
    /// order_number, customer_ref, created_at, status, total, refunded_amount,
    /// payment_method, shipping_method, product_id, product_name, category, brand,
    /// quantity, unit_price, is_local_product; Arabic headers too). One transaction.
    Orders {
        path: PathBuf,
        /// A live import (standalone mode's routine order file): fresh status changes fire
        /// follow-up tasks and upgrade notices as sync would. Without it the import is
        /// historical and fires nothing.
        #[arg(long)]
        live: bool,
        #[arg(long)]
        json: bool,
    },
    /// Customers, deduplicated by platform id, phone and e-mail. One transaction: Ctrl-C
    /// or an error leaves the database as it was.
    Customers {
        path: PathBuf,
        /// A JSON column mapping, as `{"columns": {"phone": "رقم الهاتف", …}}`; default:
        /// detected from the headers.
        #[arg(long)]
        mapping: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Customers matching the filters, with headers in --lang.
    Customers {
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Where to write; default: standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

/// The list's filters, as flags (the same `CustomerFilter` the UI sends).
#[derive(clap::Args)]
struct FilterArgs {
    /// Search text, as in `customers search`.
    #[arg(long, default_value = "")]
    query: String,
    /// new, bronze, silver, gold, platinum or vip; repeatable.
    #[arg(long = "segment")]
    segments: Vec<String>,
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    tag: Option<String>,
    /// Total spent at least this many dinars (e.g. 250 or 250.500).
    #[arg(long, value_parser = parse_money)]
    spent_min: Option<Money>,
    /// Total spent at most this many dinars.
    #[arg(long, value_parser = parse_money)]
    spent_max: Option<Money>,
    /// Last order on or after this date (YYYY-MM-DD, Tripoli time).
    #[arg(long)]
    last_order_after: Option<chrono::NaiveDate>,
    /// Last order on or before this date.
    #[arg(long)]
    last_order_before: Option<chrono::NaiveDate>,
    /// A consent that must be given (marketingEmails, smsNotifications, orderUpdates,
    /// promotionalOffers, whatsappMessages, pushNotifications, newsletterSubscription); repeatable.
    #[arg(long = "consent", value_parser = parse_consent)]
    consents: Vec<ConsentFlag>,
    /// A custom field's value, as KEY=VALUE.
    #[arg(long, value_parser = parse_custom_field)]
    custom_field: Option<CustomFieldMatch>,
    /// Churn band: low, medium or high; repeatable.
    #[arg(long = "churn-band", value_parser = parse_churn_band)]
    churn_bands: Vec<ChurnBand>,
}

impl FilterArgs {
    fn into_filter(self) -> anyhow::Result<CustomerFilter> {
        let segments = self
            .segments
            .iter()
            .map(|s| Segment::parse(s).with_context(|| format!("unknown segment {s:?}")))
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(CustomerFilter {
            query: self.query,
            segments,
            city: self.city,
            tag: self.tag,
            total_spent_min: self.spent_min,
            total_spent_max: self.spent_max,
            last_order_after: self.last_order_after,
            last_order_before: self.last_order_before,
            consents: self.consents,
            custom_field: self.custom_field,
            churn_bands: self.churn_bands,
        })
    }
}

/// Progress of a long job as a percentage on one stderr line.
fn percent_on_stderr(done: u64, total: u64) {
    eprint!("\r{}%", done * 100 / total.max(1));
}

/// A value as pretty JSON on its own line: what every `--json` prints.
fn print_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

fn print_rejected(out: &mut impl Write, rows: &[customers::RejectedRow]) -> std::io::Result<()> {
    for row in rows {
        writeln!(out, "  line {}: {}: {}", row.line, row.field, row.reason)?;
    }
    Ok(())
}

/// A flag Ctrl-C sets, for the long imports: their one transaction is then rolled back.
fn cancel_on_ctrl_c() -> &'static AtomicBool {
    let cancel: &'static AtomicBool = Box::leak(Box::new(AtomicBool::new(false)));
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    cancel
}

fn parse_money(text: &str) -> Result<Money, String> {
    Money::parse(text).map_err(|_| format!("not an amount in dinars: {text:?}"))
}

fn parse_consent(text: &str) -> Result<ConsentFlag, String> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).map_err(|_| format!("unknown consent {text:?}"))
}

fn parse_churn_band(text: &str) -> Result<ChurnBand, String> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).map_err(|_| format!("unknown churn band {text:?}"))
}

fn parse_custom_field(text: &str) -> Result<CustomFieldMatch, String> {
    let (key, value) = text.split_once('=').ok_or_else(|| format!("expected KEY=VALUE, got {text:?}"))?;
    Ok(CustomFieldMatch { key: key.trim().to_string(), value: value.trim().to_string() })
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Csv,
    Xlsx,
}

#[derive(Args)]
struct AddArgs {
    #[arg(long)]
    first_name: String,
    #[arg(long)]
    last_name: String,
    #[arg(long)]
    phone: String,
    #[arg(long, default_value = "")]
    email: String,
    #[arg(long, default_value = "")]
    city: String,
    #[arg(long, default_value = "")]
    area: String,
    /// YYYY-MM-DD
    #[arg(long, default_value = "")]
    date_of_birth: String,
    #[arg(long, value_delimiter = ',')]
    tags: Vec<String>,
    /// Save even if a customer with the same phone or e-mail exists.
    #[arg(long)]
    confirm_duplicate: bool,
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .or_else(|| std::env::var("LANG").ok().filter(|l| l.starts_with("en")).map(|_| Lang::En))
        .unwrap_or(Lang::Ar);
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("crm: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            match err.downcast_ref::<CoreError>() {
                Some(core) => eprintln!("crm: {}", core.localized(lang)),
                None => eprintln!("crm: {err:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

async fn run(cli: Cli, lang: Lang) -> anyhow::Result<()> {
    if let Command::Bench { sizes, dir, queries, orders_per_customer, tickets, json } = &cli.command {
        let reports = bench::run(sizes, dir.clone(), *queries, *orders_per_customer, *tickets).await?;
        let mut out = std::io::stdout().lock();
        if *json {
            print_json(&mut out, &reports)?;
        } else {
            write!(out, "{}", bench::markdown(&reports))?;
        }
        return Ok(());
    }
    let path = cli.db.unwrap_or_else(db::default_path);
    let pool = db::open(&path).await.with_context(|| format!("opening {}", path.display()))?;
    let now = Utc::now();
    let actor = Actor::Staff(staff::ensure_owner(&pool, now).await?);
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Tickets(command) => tickets::run(command, &pool, &actor, lang, now, &mut out).await?,
        Command::Intent { message, json } => tickets::intent(&pool, &message, json, &mut out).await?,
        Command::Loyalty(command) => loyalty::run(command, &pool, &actor, lang, now, &mut out).await?,
        Command::Customers(CustomersCommand::Search { query, limit, json }) => {
            let found = customers::search(&pool, &query, limit).await?;
            if json {
                print_json(&mut out, &found)?;
            } else {
                for c in &found {
                    writeln!(out, "{}\t{} {}\t{}\t{}", c.id, c.first_name, c.last_name, c.phone, c.email)?;
                }
            }
        }
        Command::Customers(CustomersCommand::Show { customer, json }) => {
            let id = customers::resolve_ref(&pool, &customer).await?;
            let customer = customers::get(&pool, &id).await?;
            if json {
                // The record as SPEC names its fields, with the derived values also at the
                // top level for scripts (issue #4).
                let mut value = serde_json::to_value(&customer)?;
                let derived = segmentation::derived_summary(&pool, &customer).await?;
                if let (Some(object), serde_json::Value::Object(extra)) = (value.as_object_mut(), serde_json::to_value(derived)?) {
                    object.extend(extra);
                }
                print_json(&mut out, &value)?;
            } else {
                writeln!(out, "{}\n{}\n{}\n{}", customer.full_name(), customer.phone, customer.email, customer.id)?;
            }
        }
        Command::Customers(CustomersCommand::Add(args)) => {
            let draft = CustomerDraft {
                first_name: args.first_name,
                last_name: args.last_name,
                phone: args.phone,
                email: args.email,
                date_of_birth: args.date_of_birth,
                tags: args.tags,
                addresses: vec![AddressDraft { city: args.city, area: args.area, is_default: true, ..Default::default() }],
                nationality: "LY".into(),
                ..Default::default()
            };
            let options = CreateOptions { now, confirm_duplicate: args.confirm_duplicate };
            let customer = customers::create(&pool, &actor, &draft, options).await?;
            if args.json {
                print_json(&mut out, &customer)?;
            } else {
                writeln!(out, "{}", customer.id)?;
            }
        }
        Command::Import(ImportCommand::Customers { path, mapping, json }) => {
            let bytes = std::fs::read(&path).map_err(|source| CoreError::File { path: path.display().to_string(), source })?;
            let mapping = match mapping {
                Some(file) => {
                    let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
                    Some(serde_json::from_str(&text).with_context(|| format!("{} is not a column mapping", file.display()))?)
                }
                None => None,
            };
            let cancel = cancel_on_ctrl_c();
            let options = customers::ImportOptions { now, mapping, cancel: Some(cancel) };
            let mut report = customers::import(&pool, &actor, &bytes, options, percent_on_stderr).await?;
            eprintln!();
            report.localize(lang);
            if json {
                print_json(&mut out, &report)?;
            } else {
                writeln!(out, "inserted {} · updated {} · merged {} · unchanged {} · rejected {}",
                    report.inserted, report.updated, report.merged, report.unchanged, report.rejected.len())?;
                print_rejected(&mut out, &report.rejected)?;
            }
        }
        Command::Import(ImportCommand::Orders { path, live, json }) => {
            let bytes = std::fs::read(&path).map_err(|source| CoreError::File { path: path.display().to_string(), source })?;
            let cancel = cancel_on_ctrl_c();
            let mode = if live { IngestMode::Live } else { IngestMode::Historical };
            let options = orders::OrderImportOptions { now, mode, cancel: Some(cancel) };
            let mut report = orders::import_orders(&pool, &actor, &bytes, options, percent_on_stderr).await?;
            eprintln!();
            report.localize(lang);
            if json {
                print_json(&mut out, &report)?;
            } else {
                writeln!(out, "inserted {} · updated {} · unchanged {} · customers created {} · tier changes {} · rejected {}",
                    report.inserted, report.updated, report.unchanged, report.customers_created, report.tier_changes, report.rejected.len())?;
                print_rejected(&mut out, &report.rejected)?;
            }
        }
        Command::Segments(SegmentsCommand::Recompute { from_orders, json }) => {
            let summary = if from_orders {
                segmentation::rebuild_all(&pool, now, segmentation::Reason::Daily, percent_on_stderr).await?
            } else {
                segmentation::recompute_all(&pool, now, segmentation::Reason::Daily, percent_on_stderr).await?
            };
            eprintln!();
            if json {
                print_json(&mut out, &summary)?;
            } else {
                writeln!(out, "{} customers, {} changed tier", summary.customers, summary.changed)?;
                for (segment, count) in &summary.tiers {
                    writeln!(out, "  {:<9} {count}", segment.as_str())?;
                }
            }
        }
        Command::Export(ExportCommand::Customers { format, output, filter }) => {
            let filter = filter.into_filter()?;
            let format = match format {
                Format::Csv => ExportFormat::Csv,
                Format::Xlsx => ExportFormat::Xlsx,
            };
            let (bytes, count) = customers::export(&pool, &filter, format, lang).await?;
            match output {
                Some(path) => {
                    std::fs::write(&path, &bytes).map_err(|source| CoreError::File { path: path.display().to_string(), source })?;
                    eprintln!("{count} → {}", path.display());
                }
                None => out.write_all(&bytes)?,
            }
        }
        Command::Bench { .. } => unreachable!("handled before opening the database"),
        Command::Demo { if_new: true, .. } => {
            let status = workspace::status(&pool, &path.display().to_string()).await?;
            let added = if status.needs_first_run_choice {
                workspace::open_demo_store(&pool, &actor, now, |p| eprint!("\r{}/{}", p.done, p.total)).await?
            } else {
                0
            };
            writeln!(out, "{added}")?;
        }
        Command::Demo { customers: count, seed, if_new: false } => {
            let mut err = std::io::stderr().lock();
            let added = demo::fill(&pool, demo::DemoOptions { customers: count, seed, now }, |done, total| {
                let _ = write!(err, "\r{done}/{total}");
            })
            .await?;
            eprintln!();
            writeln!(out, "{added}")?;
        }
    }
    out.flush()?;
    Ok(())
}
