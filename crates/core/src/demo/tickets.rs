//! Demo tickets: a Libyan shop's support desk, with conversations in the dialect customers
//! write in (so intent detection and suggested replies have real material), every status,
//! assignees, ratings and SLA clocks. Written in bulk on SQLite's C API with the derived
//! fields computed by the same pure rules the use-cases use (status history, SLA due
//! instants, first-response and resolution times), so the benchmark can fill 200k tickets
//! and 2M messages in reasonable time.

use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::error::Result;
use crate::support::sla::{self, Pause, SlaSettings};
use crate::support::{intent, Category, Channel, Priority, TicketStatus};

/// (subject, the customer's opening words, follow-ups, the agent's replies, category).
type Scenario = (&'static str, &'static str, &'static [&'static str], &'static [&'static str], Category);

const SCENARIOS: &[Scenario] = &[
    (
        "وين طلبي؟",
        "السلام عليكم، وين طلبي؟ طلبته من أسبوع ولتوا ما وصلش",
        &["رقم الطلب عندي في الرسالة، شوفوه", "تمام، متى يوصل بالضبط؟", "وصل الحمد لله، مشكورين"],
        &["أهلاً بيك، ممكن رقم الطلب؟", "طلبك مع شركة الشحن وبيوصلك خلال يومين", "العفو، في الخدمة دائماً"],
        Category::Order,
    ),
    (
        "الدفع ما نجحش",
        "حاولت ندفع بسداد والدفع ما نجحش لكن الفلوس انخصمت",
        &["انخصمت مرتين من الحساب", "تمام نستنى"],
        &["نعتذر على الإزعاج، راجعنا العملية وبيرجع المبلغ خلال 3 أيام عمل", "تم إرجاع المبلغ لحسابك"],
        Category::Payment,
    ),
    (
        "تأخير في الشحن",
        "الطلبية متأخرة واجد، قالوا يومين وفاتت عشرة أيام",
        &["المندوب ما جاش لتوا", "وصلت اليوم"],
        &["عذراً للتأخير، تواصلنا مع شركة الشحن", "المندوب بيتصل بيك اليوم"],
        Category::Shipping,
    ),
    (
        "استفسار عن منتج",
        "نبي معلومات إضافية على هاتف Galaxy A55، فيه ضمان؟",
        &["واللون الأزرق متوفر؟"],
        &["الهاتف عليه ضمان سنة من الوكيل", "الأزرق متوفر، تقدر تطلبه من المتجر"],
        Category::Product,
    ),
    (
        "مقاس العباية",
        "العباية اللي وصلتني مقاسها صغير، نبي نبدلها",
        &["نبي المقاس الأكبر", "تمام شكراً"],
        &["ولا يهمك، نقدروا نبدلوها. شن المقاس اللي تبيه؟", "أرسلنا المندوب ياخذ العباية ويجيبلك المقاس الجديد"],
        Category::Product,
    ),
    (
        "شكوى على المندوب",
        "عندي شكوى على المندوب، كان تعامله سيء وما رضاش يستنى",
        &["نبي حل لهذا الموضوع"],
        &["نعتذر منك جداً، تم إبلاغ شركة التوصيل", "تم التحقيق مع المندوب ولن يتكرر"],
        Category::Other,
    ),
    (
        "ما نقدرش ندخل للحساب",
        "نسيت كلمة السر وما نقدرش ندخل للحساب من التطبيق",
        &["ما وصلنيش كود التحقق"],
        &["أرسلنا لك رابط تغيير كلمة السر على بريدك", "جرب مرة ثانية، الكود يوصل خلال دقيقة"],
        Category::Technical,
    ),
];

/// How a demo ticket ends up: its final status and whether it waited on the customer.
fn pick_status(rng: &mut ChaCha8Rng, age_days: i64) -> TicketStatus {
    if age_days > 14 {
        return if rng.gen_bool(0.75) { TicketStatus::Closed } else { TicketStatus::Resolved };
    }
    match rng.gen_range(0..100) {
        0..=24 => TicketStatus::Open,
        25..=54 => TicketStatus::InProgress,
        55..=69 => TicketStatus::WaitingResponse,
        70..=89 => TicketStatus::Resolved,
        _ => TicketStatus::Closed,
    }
}

/// Who the demo tickets are for: (customer id, their tier is gold or above).
pub(crate) struct DemoCustomer {
    pub id: String,
    pub valued: bool,
}

/// Adds `count` tickets for randomly chosen `customers`, each with about
/// `messages_per_ticket` messages, assigned among `agents`. Runs on the caller's
/// transaction; returns (tickets, messages) written.
#[allow(clippy::too_many_arguments)]
pub(crate) fn add_tickets(
    db: &rusqlite::Connection,
    customers: &[DemoCustomer],
    agents: &[String],
    rng: &mut ChaCha8Rng,
    now: DateTime<Utc>,
    count: u64,
    messages_per_ticket: usize,
    days_back: i64,
) -> Result<(u64, u64)> {
    if customers.is_empty() {
        return Ok((0, 0));
    }
    let settings = SlaSettings::default();
    let smart = intent::SmartReplySettings::default();
    let period_of = |at: DateTime<Utc>| crate::time::store_date(at).format("%y%m").to_string();
    let mut insert_ticket = db.prepare_cached(
        "INSERT INTO tickets (id, ticket_number, customer_id, subject, description, priority, priority_rank, category, subcategory,
             status, channel, order_id, assigned_to, assigned_at, intent, satisfaction_rating, first_response_minutes,
             resolution_minutes, reopened_count, first_response_due, resolution_due, next_due, first_response_breached,
             resolution_breached, last_message_at, last_customer_message_at, message_count, created_at, updated_at, resolved_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, NULL, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut insert_message = db.prepare_cached(
        "INSERT INTO ticket_messages (id, ticket_id, sender, internal, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut insert_status = db.prepare_cached("INSERT INTO ticket_status_history (ticket_id, seq, status, at, actor) VALUES (?, ?, ?, ?, ?)")?;
    let mut counters: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    let mut messages_written = 0;
    for _ in 0..count {
        let customer = customers.choose(rng).expect("non-empty");
        let scenario = SCENARIOS.choose(rng).expect("non-empty");
        let (subject, opening, follow_ups, replies, category) = *scenario;
        let created = now - Duration::minutes(rng.gen_range(10..days_back.max(1) * 24 * 60));
        let age_days = (now - created).num_days();
        let status = pick_status(rng, age_days);
        let detected = intent::detect(opening, &smart);
        let priority = if rng.gen_bool(0.05) {
            Priority::Urgent
        } else if customer.valued || detected == intent::Intent::Complaint {
            Priority::High
        } else if rng.gen_bool(0.15) {
            Priority::Low
        } else {
            Priority::Medium
        };
        let channel = *[Channel::Whatsapp, Channel::Whatsapp, Channel::Platform, Channel::Phone, Channel::Email, Channel::Sms].choose(rng).expect("non-empty");
        let id = uuid::Uuid::now_v7().to_string();
        let period = period_of(created);
        let seq = counters.entry(period.clone()).or_insert(0);
        *seq += 1;
        let number = format!("T-DMO-{period}-{:04}", *seq);

        // The conversation: the customer opens, then turns alternate, minutes to hours apart.
        let answered = status != TicketStatus::Open || rng.gen_bool(0.2);
        let turns = if answered { messages_per_ticket.max(1) } else { 1 };
        let mut at = created;
        let mut history: Vec<(TicketStatus, DateTime<Utc>)> = vec![(TicketStatus::Open, created)];
        let mut first_reply: Option<DateTime<Utc>> = None;
        let mut last_customer = created;
        let agent = agents.choose(rng).cloned();
        let mut written_here = 0i64;
        // Written after the ticket, which they refer to.
        let mut thread: Vec<(bool, &str, DateTime<Utc>)> = Vec::new();
        for turn in 0..turns {
            let from_customer = turn % 2 == 0;
            let body = if turn == 0 {
                opening
            } else if from_customer {
                follow_ups[(turn / 2 - 1).min(follow_ups.len() - 1) % follow_ups.len()]
            } else {
                replies[(turn / 2).min(replies.len() - 1)]
            };
            if turn > 0 {
                let gap = rng.gen_range(5..if from_customer { 600 } else { 240 });
                let next = at + Duration::minutes(gap);
                if next >= now {
                    break;
                }
                at = next;
            }
            thread.push((from_customer, body, at));
            messages_written += 1;
            written_here += 1;
            if from_customer {
                last_customer = at;
            } else if first_reply.is_none() {
                first_reply = Some(at);
                history.push((TicketStatus::InProgress, at));
            }
        }
        let last_message = at;
        // The final status, after the last message.
        let end = (last_message + Duration::minutes(rng.gen_range(5..120))).min(now);
        let mut resolved_at = None;
        let mut closed_at = None;
        match status {
            TicketStatus::Open => {}
            TicketStatus::InProgress => {
                if first_reply.is_none() {
                    history.push((TicketStatus::InProgress, end));
                }
            }
            TicketStatus::WaitingResponse => history.push((TicketStatus::WaitingResponse, end)),
            TicketStatus::Resolved | TicketStatus::Closed => {
                history.push((TicketStatus::Resolved, end));
                resolved_at = Some(end);
                if status == TicketStatus::Closed {
                    let closed = (end + Duration::days(rng.gen_range(0..8))).min(now);
                    history.push((TicketStatus::Closed, closed));
                    closed_at = Some(closed);
                }
            }
        }
        let pauses = pauses(&history);
        let target = settings.target(priority);
        let stopped = if status.is_active() { None } else { resolved_at };
        let first_clock = sla::clock(&settings.calendar, target.first_response_minutes, created, first_reply.or(stopped), &pauses, now);
        let resolution_clock = sla::clock(&settings.calendar, target.resolution_minutes, created, stopped, &pauses, now);
        let next_due = [&first_clock.due_at, &resolution_clock.due_at].into_iter().flatten().min().cloned();
        let rating = (!status.is_active() && rng.gen_bool(0.6)).then(|| *[5, 5, 5, 4, 4, 4, 3, 2, 1].choose(rng).expect("non-empty"));
        let assigned = if status == TicketStatus::Open && rng.gen_bool(0.7) { None } else { agent.clone() };
        insert_ticket.execute(rusqlite::params![
            id,
            number,
            customer.id,
            subject,
            opening,
            priority.as_str(),
            priority.rank(),
            category.as_str(),
            status.as_str(),
            channel.as_str(),
            assigned,
            assigned.as_ref().map(|_| created.to_rfc3339()),
            detected.as_str(),
            rating,
            first_reply.map(|r| (r - created).num_minutes()),
            resolved_at.map(|r| (r - created).num_minutes()),
            first_clock.due_at,
            resolution_clock.due_at,
            next_due,
            first_clock.breached,
            resolution_clock.breached,
            last_message.to_rfc3339(),
            last_customer.to_rfc3339(),
            written_here,
            created.to_rfc3339(),
            history.last().map_or(created, |h| h.1).to_rfc3339(),
            resolved_at.map(|r| r.to_rfc3339()),
            closed_at.map(|c| c.to_rfc3339()),
        ])?;
        for (from_customer, body, at) in thread {
            insert_message.execute(rusqlite::params![
                uuid::Uuid::now_v7().to_string(),
                id,
                if from_customer { "customer" } else { "agent" },
                false,
                if from_customer { None } else { agent.as_deref() },
                body,
                at.to_rfc3339(),
            ])?;
        }
        for (seq, (s, when)) in history.iter().enumerate() {
            insert_status.execute(rusqlite::params![id, seq as i64 + 1, s.as_str(), when.to_rfc3339(), "demo"])?;
        }
    }
    // Counters continue after the demo's numbers.
    for (period, last) in counters {
        db.prepare_cached(
            "INSERT INTO ticket_counters (device_code, period, last) VALUES ('DMO', ?1, ?2)
             ON CONFLICT (device_code, period) DO UPDATE SET last = max(last, excluded.last)",
        )?
        .execute(rusqlite::params![period, last])?;
    }
    db.execute_batch(
        "UPDATE customers SET satisfaction_score = (
             SELECT printf('%d.%d', ((20 * sum(t.satisfaction_rating) + count(t.satisfaction_rating)) / (2 * count(t.satisfaction_rating))) / 10,
                                    ((20 * sum(t.satisfaction_rating) + count(t.satisfaction_rating)) / (2 * count(t.satisfaction_rating))) % 10)
             FROM tickets t WHERE t.customer_id = customers.id AND t.satisfaction_rating IS NOT NULL AND t.merged_into IS NULL)
         WHERE id IN (SELECT customer_id FROM tickets WHERE satisfaction_rating IS NOT NULL);",
    )?;
    Ok((count, messages_written))
}

/// The same pauses the use-cases derive from a ticket's history.
fn pauses(history: &[(TicketStatus, DateTime<Utc>)]) -> Vec<Pause> {
    crate::support::tickets::pauses(history)
}
