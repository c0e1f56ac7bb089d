//! `crm tickets …` and `crm intent …`: the support desk for scripts and tests. Each
//! subcommand calls one core use-case and prints the result as JSON (with `--json`) or a
//! line for people.

use std::io::Write;

use crate::print_json as print;

use chrono::{DateTime, Utc};
use clap::Subcommand;
use eishro_core::i18n::{self, Lang};
use eishro_core::staff::Actor;
use eishro_core::support::inbox::{self, InboxFilter, Queue};
use eishro_core::support::{self, intent, tickets, Assignee, Category, Channel, NewTicket, Priority, ReplyKind, TicketStatus};

#[derive(Subcommand)]
pub enum TicketsCommand {
    /// Open a ticket for a customer (an id, a phone in any format, or an e-mail).
    Create {
        #[arg(long, value_name = "CUSTOMER_REF")]
        customer: String,
        #[arg(long)]
        subject: String,
        #[arg(long)]
        description: String,
        /// Default: high for gold, platinum and VIP customers and for complaints, else medium.
        #[arg(long, value_parser = ["low", "medium", "high", "urgent"])]
        priority: Option<String>,
        /// Default: what the description's intent proposes.
        #[arg(long, value_parser = ["order", "payment", "shipping", "product", "technical", "other"])]
        category: Option<String>,
        #[arg(long)]
        subcategory: Option<String>,
        #[arg(long, value_parser = ["email", "sms", "whatsapp", "phone", "platform"])]
        channel: Option<String>,
        /// The order's id or number.
        #[arg(long)]
        order: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A queue of the inbox, sorted by priority and then oldest first.
    List {
        #[arg(long, default_value = "open", value_parser = ["mine", "unassigned", "open", "waiting", "overdue", "all"])]
        queue: String,
        #[arg(long, value_parser = ["open", "in_progress", "waiting_response", "resolved", "closed"])]
        status: Option<String>,
        #[arg(long, value_parser = ["low", "medium", "high", "urgent"])]
        priority: Option<String>,
        #[arg(long, value_parser = ["order", "payment", "shipping", "product", "technical", "other"])]
        category: Option<String>,
        /// A ticket number, or a customer's name, phone or e-mail.
        #[arg(long)]
        search: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u64,
        #[arg(long, default_value_t = 0)]
        offset: u64,
        #[arg(long)]
        json: bool,
    },
    /// A ticket with its conversation, SLA clocks, suggested reply and customer.
    Show {
        #[arg(value_name = "TICKET")]
        ticket: String,
        #[arg(long)]
        json: bool,
    },
    /// Add a message: an agent reply (default), an internal note, or the customer's words.
    Reply {
        #[arg(value_name = "TICKET")]
        ticket: String,
        body: String,
        #[arg(long, conflicts_with = "from_customer")]
        note: bool,
        #[arg(long)]
        from_customer: bool,
        #[arg(long)]
        json: bool,
    },
    /// Move a ticket to a status (SPEC §7.2's transitions only).
    Status {
        #[arg(value_name = "TICKET")]
        ticket: String,
        #[arg(value_parser = ["open", "in_progress", "waiting_response", "resolved", "closed"])]
        status: String,
        #[arg(long)]
        json: bool,
    },
    /// Assign a ticket to a staff user, to yourself, in turn, or to nobody.
    Assign {
        #[arg(value_name = "TICKET")]
        ticket: String,
        #[arg(long, group = "who")]
        to: Option<String>,
        #[arg(long, group = "who")]
        me: bool,
        #[arg(long, group = "who")]
        round_robin: bool,
        #[arg(long, group = "who")]
        nobody: bool,
        #[arg(long)]
        json: bool,
    },
    /// Record the customer's 1–5 rating of a resolved ticket.
    Rate {
        #[arg(value_name = "TICKET")]
        ticket: String,
        rating: i64,
        #[arg(long)]
        json: bool,
    },
    /// Merge OTHER into KEEP (the same customer's tickets).
    Merge {
        keep: String,
        other: String,
        #[arg(long)]
        json: bool,
    },
}

fn label(lang: Lang, id: &str, key: &str, value: &str) -> String {
    i18n::message(lang, id, &[(key.to_string(), value.to_string())].into_iter().collect())
}

/// A ticket as one line: number, status, priority, customer, subject.
fn line_of(lang: Lang, number: &str, status: TicketStatus, priority: Priority, customer: &str, subject: &str) -> String {
    format!(
        "{number}\t{}\t{}\t{customer}\t{subject}",
        label(lang, "ticket-status", "status", status.as_str()),
        label(lang, "ticket-priority", "priority", priority.as_str()),
    )
}

fn line(lang: Lang, t: &tickets::Ticket) -> String {
    line_of(lang, &t.ticket_number, t.status, t.priority, &t.customer_name, &t.subject)
}

pub async fn run(
    command: TicketsCommand,
    pool: &sqlx::SqlitePool,
    actor: &Actor,
    lang: Lang,
    now: DateTime<Utc>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let staff_id = match actor {
        Actor::Staff(user) => user.id.clone(),
        _ => String::new(),
    };
    match command {
        TicketsCommand::Create { customer, subject, description, priority, category, subcategory, channel, order, json } => {
            let new = NewTicket {
                customer_ref: customer,
                subject,
                description,
                priority: priority.as_deref().and_then(Priority::parse),
                category: category.as_deref().and_then(Category::parse),
                subcategory,
                channel: channel.as_deref().and_then(Channel::parse),
                order_ref: order,
            };
            let ticket = tickets::create(pool, actor, new, now).await?;
            if json {
                print(out, &ticket)?;
            } else {
                writeln!(out, "{}", line(lang, &ticket))?;
            }
        }
        TicketsCommand::List { queue, status, priority, category, search, limit, offset, json } => {
            let filter = InboxFilter {
                queue: Queue::parse(&queue).unwrap_or_default(),
                priority: priority.as_deref().and_then(Priority::parse),
                category: category.as_deref().and_then(Category::parse),
                status: status.as_deref().and_then(TicketStatus::parse),
                search,
            };
            let page = inbox::page(pool, &staff_id, &filter, offset, limit, now).await?;
            if json {
                print(out, &page)?;
            } else {
                for row in &page.rows {
                    writeln!(out, "{}", line_of(lang, &row.ticket_number, row.status, row.priority, &row.customer_name, &row.subject))?;
                }
                writeln!(out, "{} / {}", page.rows.len(), page.total)?;
            }
        }
        TicketsCommand::Show { ticket, json } => {
            let id = tickets::resolve_ref(pool, &ticket).await?;
            let detail = tickets::detail(pool, &id, now).await?;
            if json {
                print(out, &detail)?;
            } else {
                writeln!(out, "{}", line(lang, &detail.ticket))?;
                for m in &detail.messages {
                    writeln!(out, "  [{}] {}: {}", m.created_at, m.sender.as_str(), m.body)?;
                }
            }
        }
        TicketsCommand::Reply { ticket, body, note, from_customer, json } => {
            let id = tickets::resolve_ref(pool, &ticket).await?;
            if from_customer {
                let outcome = tickets::customer_message(pool, actor, &id, &body, now).await?;
                if json {
                    print(out, &outcome)?;
                } else {
                    writeln!(out, "{}", line(lang, &outcome.ticket))?;
                }
            } else {
                let kind = if note { ReplyKind::Note } else { ReplyKind::Reply };
                let message = tickets::reply(pool, actor, &id, kind, &body, now).await?;
                if json {
                    print(out, &message)?;
                } else {
                    writeln!(out, "{}", message.id)?;
                }
            }
        }
        TicketsCommand::Status { ticket, status, json } => {
            let id = tickets::resolve_ref(pool, &ticket).await?;
            let to = TicketStatus::parse(&status).expect("clap checked the value");
            let ticket = tickets::set_status(pool, actor, &id, to, now).await?;
            if json {
                print(out, &ticket)?;
            } else {
                writeln!(out, "{}", line(lang, &ticket))?;
            }
        }
        TicketsCommand::Assign { ticket, to, me, round_robin, nobody, json } => {
            let id = tickets::resolve_ref(pool, &ticket).await?;
            let assignee = match (to, me, round_robin, nobody) {
                (Some(staff), ..) => Assignee::Staff { id: staff },
                (None, true, ..) => Assignee::Staff { id: staff_id.clone() },
                (None, false, true, _) => Assignee::RoundRobin,
                _ => Assignee::Nobody,
            };
            let ticket = tickets::assign(pool, actor, &id, assignee, now).await?;
            if json {
                print(out, &ticket)?;
            } else {
                writeln!(out, "{}\t{}", line(lang, &ticket), ticket.assignee_name.unwrap_or_default())?;
            }
        }
        TicketsCommand::Rate { ticket, rating, json } => {
            let id = tickets::resolve_ref(pool, &ticket).await?;
            let ticket = tickets::rate(pool, &id, rating, now).await?;
            if json {
                print(out, &ticket)?;
            } else {
                writeln!(out, "{}", line(lang, &ticket))?;
            }
        }
        TicketsCommand::Merge { keep, other, json } => {
            let keep = tickets::resolve_ref(pool, &keep).await?;
            let other = tickets::resolve_ref(pool, &other).await?;
            let ticket = tickets::merge(pool, actor, &keep, &other, now).await?;
            if json {
                print(out, &ticket)?;
            } else {
                writeln!(out, "{}", line(lang, &ticket))?;
            }
        }
    }
    Ok(())
}

/// `crm intent MESSAGE`: the intent SPEC §7.7 detects and the reply it suggests, from the
/// message alone (an order number in it fills the reply; without one, the reply asks).
pub async fn intent(pool: &sqlx::SqlitePool, message: &str, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let settings = support::smart_reply_settings(pool).await?;
    let detected = intent::detect(message, &settings);
    let context = intent::ReplyContext { order_number: intent::order_number_in(message), ..Default::default() };
    let reply = intent::suggested_reply(detected, &context, &settings, Lang::Ar);
    if json {
        print(out, &serde_json::json!({ "intent": detected, "reply": reply }))?;
    } else {
        writeln!(out, "{}\n{reply}", detected.as_str())?;
    }
    Ok(())
}
