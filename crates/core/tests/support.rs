//! The support desk on a real database (SPEC §7, issue #5): ticket numbers and defaults,
//! the status machine through the use-cases, first-response and resolution times, the
//! SLA due instants, assignment, CSAT, merging, the inbox queues, automatic transitions,
//! attachments and canned replies.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{fresh, now};
use eishro_core::customers::{self, AddressDraft, CreateOptions, Customer, CustomerDraft};
use eishro_core::money::Money;
use eishro_core::orders::{self, IngestMode, OrderInput, OrderItem, OrderStatus};
use eishro_core::staff::{self, Actor, Role};
use eishro_core::support::inbox::{self, InboxFilter, Queue};
use eishro_core::support::{self, attachments, canned, tickets, Assignee, Category, Channel, Intent, NewTicket, Priority, ReplyKind, TicketStatus};
use eishro_core::CoreError;
use sqlx::SqlitePool;

async fn customer(pool: &SqlitePool, actor: &Actor, first: &str, phone: &str) -> Customer {
    let draft = CustomerDraft {
        first_name: first.into(),
        last_name: "المصراتي".into(),
        phone: phone.into(),
        email: format!("c{phone}@mail.ly"),
        addresses: vec![AddressDraft { city: "مصراتة".into(), area: "الزروق".into(), ..Default::default() }],
        ..Default::default()
    };
    customers::create(pool, actor, &draft, CreateOptions { now: now() - Duration::days(200), confirm_duplicate: false }).await.unwrap()
}

fn new_ticket(customer: &Customer, subject: &str, description: &str) -> NewTicket {
    NewTicket { customer_ref: customer.phone.clone(), subject: subject.into(), description: description.into(), channel: Some(Channel::Whatsapp), ..Default::default() }
}

fn field_ids(error: CoreError) -> Vec<String> {
    match error {
        CoreError::Invalid(fields) => fields.into_iter().map(|f| f.message_id).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn at(minutes: i64) -> DateTime<Utc> {
    now() + Duration::minutes(minutes)
}

#[tokio::test]
async fn a_new_ticket_gets_a_number_defaults_and_sla_due_instants() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let ticket = tickets::create(&pool, &actor, new_ticket(&huda, "استفسار", "وين طلبي؟ طلبته من أسبوع"), now()).await.unwrap();
    let parts: Vec<&str> = ticket.ticket_number.split('-').collect();
    assert_eq!((parts[0], parts[1].len(), parts[2], parts[3]), ("T", 3, "2611", "0001"), "{}", ticket.ticket_number);
    assert_eq!(ticket.status, TicketStatus::Open);
    assert_eq!(ticket.priority, Priority::Medium);
    assert_eq!(ticket.category, Category::Order, "proposed by the order_status intent");
    assert_eq!(ticket.intent, Some(Intent::OrderStatus));
    // Tuesday 11:30 in Tripoli, medium: first response in 4 business hours, resolution in 24.
    assert_eq!(ticket.first_response_due.as_deref(), Some(at(4 * 60).to_rfc3339().as_str()));
    assert!(ticket.resolution_due.is_some());
    let second = tickets::create(&pool, &actor, new_ticket(&huda, "شكوى", "الخدمة سيئة ومش راضي"), now()).await.unwrap();
    assert!(second.ticket_number.ends_with("-0002"));
    assert_eq!((second.priority, second.category), (Priority::High, Category::Other), "a complaint is high priority");

    let error = tickets::create(&pool, &actor, NewTicket { customer_ref: "0910000000".into(), ..Default::default() }, now()).await.unwrap_err();
    assert_eq!(field_ids(error), ["error-required", "error-required", "error-customer-not-found"]);
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM tickets").fetch_one(&pool).await.unwrap();
    assert_eq!(count, 2, "a refused ticket writes nothing");
}

#[tokio::test]
async fn gold_customers_get_high_priority_by_default() {
    let (_dir, pool, actor) = fresh().await;
    let salem = customer(&pool, &actor, "سالم", "0911234567").await;
    let input = OrderInput {
        id: "G-1".into(),
        order_number: "EL-1001".into(),
        customer_id: salem.id.clone(),
        store_id: None,
        created_at: now() - Duration::days(10),
        status: OrderStatus::Delivered,
        status_history: Vec::new(),
        total: Money::from_dinars(4_000),
        shipping_fee: Money::ZERO,
        refunded_amount: Money::ZERO,
        payment_method: "cash_on_delivery".into(),
        shipping_method: "local".into(),
        voucher_code: None,
        items: vec![OrderItem {
            product_id: "P1".into(),
            product_name: "هاتف".into(),
            category: "إلكترونيات".into(),
            brand: None,
            quantity: 1,
            unit_price: Money::from_dinars(4_000),
            line_total: Money::from_dinars(4_000),
            is_local_product: false,
        }],
    };
    for n in 0..5 {
        let mut o = input.clone();
        o.id = format!("G-{n}");
        o.order_number = format!("EL-100{n}");
        orders::ingest(&pool, o, IngestMode::Historical, now()).await.unwrap();
    }
    let salem = customers::get(&pool, &salem.id).await.unwrap();
    assert!(salem.segmentation.segment >= customers::Segment::Gold, "{:?}", salem.segmentation.segment);
    let mut new = new_ticket(&salem, "سؤال", "عندي سؤال عن الفاتورة");
    new.order_ref = Some("EL-1003".into());
    let ticket = tickets::create(&pool, &actor, new, now()).await.unwrap();
    assert_eq!(ticket.priority, Priority::High);
    assert_eq!(ticket.order_number.as_deref(), Some("EL-1003"));
    let mut wrong = new_ticket(&salem, "سؤال", "x");
    wrong.order_ref = Some("EL-9999".into());
    assert_eq!(field_ids(tickets::create(&pool, &actor, wrong, now()).await.unwrap_err()), ["ticket-error-order"]);
}

/// The whole life of a ticket through the use-cases, with SPEC §7.5's metrics.
#[tokio::test]
async fn a_ticket_moves_through_its_statuses_and_keeps_its_metrics() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let id = tickets::create(&pool, &actor, new_ticket(&huda, "الطلب متأخر", "ما وصل الطلب"), now()).await.unwrap().id;

    // An internal note is not a response.
    tickets::reply(&pool, &actor, &id, ReplyKind::Note, "نتصل بشركة الشحن {{غداً}}", at(5)).await.unwrap();
    let t = tickets::get(&pool, &id).await.unwrap();
    assert_eq!((t.status, t.first_response_time), (TicketStatus::Open, None));

    tickets::reply(&pool, &actor, &id, ReplyKind::Reply, "ممكن رقم الطلب؟", at(42)).await.unwrap();
    let t = tickets::get(&pool, &id).await.unwrap();
    assert_eq!((t.status, t.first_response_time), (TicketStatus::InProgress, Some(42)));
    assert_eq!(t.first_response_due, None, "met");

    tickets::set_status(&pool, &actor, &id, TicketStatus::WaitingResponse, at(43)).await.unwrap();
    assert_eq!(tickets::get(&pool, &id).await.unwrap().resolution_due, None, "paused while waiting on the customer");
    let outcome = tickets::customer_message(&pool, &Actor::Sync, &id, "رقم الطلب EL-2201", at(90)).await.unwrap();
    assert!(!outcome.new_ticket);
    assert_eq!(outcome.ticket.status, TicketStatus::InProgress);
    assert!(outcome.ticket.resolution_due.is_some(), "running again");

    let resolved = tickets::set_status(&pool, &actor, &id, TicketStatus::Resolved, at(150)).await.unwrap();
    assert_eq!((resolved.resolution_time, resolved.resolved_at.as_deref()), (Some(2.5), Some(at(150).to_rfc3339().as_str())));
    let csat: i64 = sqlx::query_scalar("SELECT count(*) FROM pending_notifications WHERE kind = 'csat_request'").fetch_one(&pool).await.unwrap();
    assert_eq!(csat, 1, "SPEC §7.2: resolving sends the CSAT request");

    // The customer writes again: reopened, and resolved again later recomputes the time.
    let reopened = tickets::customer_message(&pool, &Actor::Sync, &id, "لسه ما وصلني", at(200)).await.unwrap().ticket;
    assert_eq!((reopened.status, reopened.reopened_count), (TicketStatus::Open, 1));
    let again = tickets::set_status(&pool, &actor, &id, TicketStatus::Resolved, at(300)).await.unwrap();
    assert_eq!(again.resolution_time, Some(5.0));
    let closed = tickets::set_status(&pool, &actor, &id, TicketStatus::Closed, at(301)).await.unwrap();
    assert_eq!(closed.closed_at.as_deref(), Some(at(301).to_rfc3339().as_str()));

    // Closed is terminal: staff cannot move it, agents cannot reply, and a customer's
    // message opens a new ticket that refers to it.
    let error = tickets::set_status(&pool, &actor, &id, TicketStatus::Open, at(302)).await.unwrap_err();
    assert_eq!(field_ids(error), ["ticket-error-transition"]);
    assert_eq!(field_ids(tickets::reply(&pool, &actor, &id, ReplyKind::Reply, "مرحبا", at(302)).await.unwrap_err()), ["ticket-error-closed"]);
    let follow_up = tickets::customer_message(&pool, &Actor::Sync, &id, "وين طلبي؟", at(400)).await.unwrap();
    assert!(follow_up.new_ticket);
    assert_ne!(follow_up.ticket.id, id);
    assert_eq!(follow_up.ticket.related_ticket_id.as_deref(), Some(id.as_str()));
    assert_eq!(follow_up.ticket.status, TicketStatus::Open);

    let history: Vec<String> = sqlx::query_scalar("SELECT status FROM ticket_status_history WHERE ticket_id = ? ORDER BY seq").bind(&id).fetch_all(&pool).await.unwrap();
    assert_eq!(history, ["open", "in_progress", "waiting_response", "in_progress", "resolved", "open", "resolved", "closed"]);
}

#[tokio::test]
async fn a_refused_transition_changes_nothing() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let id = tickets::create(&pool, &actor, new_ticket(&huda, "سؤال", "سؤال"), now()).await.unwrap().id;
    let before = tickets::get(&pool, &id).await.unwrap();
    for to in [TicketStatus::Open, TicketStatus::Closed] {
        let error = tickets::set_status(&pool, &actor, &id, to, at(10)).await.unwrap_err();
        let text = error.localized(eishro_core::i18n::Lang::Ar);
        assert!(text.contains("لا يمكن نقل التذكرة من «مفتوحة»"), "{text}");
    }
    assert_eq!(tickets::get(&pool, &id).await.unwrap(), before);
}

#[tokio::test]
async fn replies_with_an_unfilled_placeholder_are_refused() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let id = tickets::create(&pool, &actor, new_ticket(&huda, "سؤال", "سؤال"), now()).await.unwrap().id;
    let error = tickets::reply(&pool, &actor, &id, ReplyKind::Reply, "طلبك {{orderNumber}} في الطريق", at(1)).await.unwrap_err();
    assert_eq!(field_ids(error), ["ticket-error-placeholder"]);
    assert_eq!(field_ids(tickets::reply(&pool, &actor, &id, ReplyKind::Reply, "   ", at(1)).await.unwrap_err()), ["error-required"]);
    assert_eq!(tickets::get(&pool, &id).await.unwrap().message_count, 0);
}

#[tokio::test]
async fn assignment_by_hand_to_me_and_in_turn() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let amal = staff::add(&pool, "أمل", Role::Agent, now()).await.unwrap();
    let khaled = staff::add(&pool, "خالد", Role::Agent, now()).await.unwrap();
    let owner = staff::list(&pool).await.unwrap().into_iter().find(|s| s.role == Role::Admin).unwrap();
    staff::set_available(&pool, &owner.id, false).await.unwrap();
    let mut assigned = Vec::new();
    for n in 0..3 {
        let id = tickets::create(&pool, &actor, new_ticket(&huda, &format!("سؤال {n}"), "سؤال"), now()).await.unwrap().id;
        let t = tickets::assign(&pool, &actor, &id, Assignee::RoundRobin, at(1)).await.unwrap();
        assert_eq!(t.status, TicketStatus::InProgress, "assigning starts the work");
        assigned.push(t.assigned_to.unwrap());
    }
    assert_eq!(assigned, [amal.id.clone(), khaled.id.clone(), amal.id.clone()], "only available agents, in turn");

    let id = tickets::create(&pool, &actor, new_ticket(&huda, "آخر", "سؤال"), now()).await.unwrap().id;
    let mine = tickets::assign(&pool, &actor, &id, Assignee::Staff { id: owner.id.clone() }, at(2)).await.unwrap();
    assert_eq!(mine.assignee_name.as_deref(), Some(owner.display_name.as_str()));
    tickets::set_status(&pool, &actor, &id, TicketStatus::WaitingResponse, at(3)).await.unwrap();
    let error = tickets::assign(&pool, &actor, &id, Assignee::Nobody, at(4)).await.unwrap_err();
    assert_eq!(field_ids(error), ["ticket-error-unassign"], "SPEC §7.2: unassign only while open or in progress");
    let error = tickets::assign(&pool, &actor, &id, Assignee::Staff { id: "nobody".into() }, at(4)).await.unwrap_err();
    assert_eq!(field_ids(error), ["ticket-error-unknown-agent"]);
    for member in [&amal, &khaled] {
        staff::set_available(&pool, &member.id, false).await.unwrap();
    }
    let id = tickets::create(&pool, &actor, new_ticket(&huda, "ثالث", "سؤال"), now()).await.unwrap().id;
    assert_eq!(field_ids(tickets::assign(&pool, &actor, &id, Assignee::RoundRobin, at(5)).await.unwrap_err()), ["ticket-error-no-agent-available"]);
}

/// SPEC §2.6: the satisfaction score is the mean of the customer's ratings, one decimal.
#[tokio::test]
async fn ratings_feed_the_customers_satisfaction_score() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let mut ids = Vec::new();
    for n in 0..3 {
        let id = tickets::create(&pool, &actor, new_ticket(&huda, &format!("سؤال {n}"), "سؤال"), now()).await.unwrap().id;
        ids.push(id);
    }
    assert_eq!(field_ids(tickets::rate(&pool, &ids[0], 5, at(1)).await.unwrap_err()), ["ticket-error-rating-unresolved"]);
    for (id, rating) in ids.iter().zip([5, 4, 4]) {
        tickets::set_status(&pool, &actor, id, TicketStatus::Resolved, at(10)).await.unwrap();
        tickets::rate(&pool, id, rating, at(11)).await.unwrap();
    }
    assert_eq!(field_ids(tickets::rate(&pool, &ids[0], 6, at(12)).await.unwrap_err()), ["ticket-error-rating"]);
    let score: Option<String> = sqlx::query_scalar("SELECT satisfaction_score FROM customers WHERE id = ?").bind(&huda.id).fetch_one(&pool).await.unwrap();
    assert_eq!(score.as_deref(), Some("4.3"), "(5 + 4 + 4) / 3 = 4.33");
}

#[tokio::test]
async fn merging_interleaves_the_threads_and_closes_the_other_with_a_link() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let other_customer = customer(&pool, &actor, "سالم", "0911234567").await;
    let keep = tickets::create(&pool, &actor, new_ticket(&huda, "الطلب", "وين طلبي"), now()).await.unwrap().id;
    let other = tickets::create(&pool, &actor, new_ticket(&huda, "نفس الطلب", "ما وصل الطلب"), now()).await.unwrap().id;
    tickets::customer_message(&pool, &Actor::Sync, &keep, "أولى", at(1)).await.unwrap();
    tickets::customer_message(&pool, &Actor::Sync, &other, "ثانية", at(2)).await.unwrap();
    tickets::reply(&pool, &actor, &keep, ReplyKind::Reply, "ثالثة", at(3)).await.unwrap();
    tickets::customer_message(&pool, &Actor::Sync, &other, "رابعة", at(4)).await.unwrap();
    let foreign = tickets::create(&pool, &actor, new_ticket(&other_customer, "x", "y"), now()).await.unwrap().id;
    assert_eq!(field_ids(tickets::merge(&pool, &actor, &keep, &foreign, at(5)).await.unwrap_err()), ["ticket-error-merge-customer"]);
    assert_eq!(field_ids(tickets::merge(&pool, &actor, &keep, &keep, at(5)).await.unwrap_err()), ["ticket-error-merge-self"]);

    let merged = tickets::merge(&pool, &actor, &keep, &other, at(5)).await.unwrap();
    assert_eq!(merged.message_count, 4);
    let thread: Vec<String> = tickets::messages(&pool, &keep).await.unwrap().into_iter().map(|m| m.body).collect();
    assert_eq!(thread, ["أولى", "ثانية", "ثالثة", "رابعة"]);
    let closed = tickets::get(&pool, &other).await.unwrap();
    assert_eq!((closed.status, closed.merged_into.as_deref()), (TicketStatus::Closed, Some(keep.as_str())));
    let detail = tickets::detail(&pool, &keep, at(6)).await.unwrap();
    assert_eq!(detail.merged_from.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), [other.as_str()]);
}

#[tokio::test]
async fn the_inbox_queues_sort_count_and_mark_unread() {
    let (_dir, pool, actor) = fresh().await;
    let Actor::Staff(me) = &actor else { unreachable!() };
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let salem = customer(&pool, &actor, "سالم", "0911234567").await;
    let low = NewTicket { priority: Some(Priority::Low), ..new_ticket(&huda, "منخفضة", "سؤال") };
    let low = tickets::create(&pool, &actor, low, now()).await.unwrap();
    let urgent = NewTicket { priority: Some(Priority::Urgent), ..new_ticket(&salem, "عاجلة", "سؤال") };
    let urgent = tickets::create(&pool, &actor, urgent, at(10)).await.unwrap();
    let medium = tickets::create(&pool, &actor, new_ticket(&huda, "متوسطة", "سؤال"), at(5)).await.unwrap();
    let waiting = tickets::create(&pool, &actor, new_ticket(&salem, "بانتظار", "سؤال"), at(6)).await.unwrap();
    tickets::set_status(&pool, &actor, &waiting.id, TicketStatus::WaitingResponse, at(7)).await.unwrap();
    tickets::assign(&pool, &actor, &medium.id, Assignee::Staff { id: me.id.clone() }, at(8)).await.unwrap();

    let page = |filter: InboxFilter, when: DateTime<Utc>| {
        let pool = pool.clone();
        let me = me.id.clone();
        async move { inbox::page(&pool, &me, &filter, 0, 50, when).await.unwrap() }
    };
    let numbers = |p: &inbox::InboxPage| p.rows.iter().map(|r| r.subject.clone()).collect::<Vec<_>>();
    let open = page(InboxFilter::default(), at(20)).await;
    assert_eq!(numbers(&open), ["عاجلة", "متوسطة", "بانتظار", "منخفضة"], "priority first, then oldest");
    let unassigned = page(InboxFilter { queue: Queue::Unassigned, ..Default::default() }, at(20)).await;
    assert_eq!(unassigned.total, 3);
    let mine = page(InboxFilter { queue: Queue::Mine, ..Default::default() }, at(20)).await;
    assert_eq!(numbers(&mine), ["متوسطة"]);
    let waiting_page = page(InboxFilter { queue: Queue::Waiting, ..Default::default() }, at(20)).await;
    assert_eq!(numbers(&waiting_page), ["بانتظار"]);
    let by_priority = page(InboxFilter { priority: Some(Priority::Low), ..Default::default() }, at(20)).await;
    assert_eq!(numbers(&by_priority), ["منخفضة"]);
    // The urgent one's first response was due 30 business minutes after it came in.
    let overdue = page(InboxFilter { queue: Queue::Overdue, ..Default::default() }, at(60)).await;
    assert_eq!(numbers(&overdue), ["عاجلة"]);
    assert!(overdue.rows[0].overdue);
    let by_number = page(InboxFilter { queue: Queue::All, search: Some(low.ticket_number.to_lowercase()), ..Default::default() }, at(20)).await;
    assert_eq!(numbers(&by_number), ["منخفضة"]);
    let by_customer = page(InboxFilter { queue: Queue::All, search: Some("سالم".into()), ..Default::default() }, at(20)).await;
    assert_eq!(by_customer.total, 2);

    // Unread: the customer wrote after I last looked.
    tickets::customer_message(&pool, &Actor::Sync, &urgent.id, "؟؟", at(30)).await.unwrap();
    assert!(page(InboxFilter::default(), at(31)).await.rows[0].unread);
    tickets::mark_read(&pool, &me.id, &urgent.id, at(32)).await.unwrap();
    assert!(!page(InboxFilter::default(), at(33)).await.rows[0].unread);

    let counts = inbox::counts(&pool, &me.id, at(60)).await.unwrap();
    assert_eq!((counts.mine, counts.unassigned, counts.open, counts.waiting, counts.overdue), (1, 3, 4, 1, 1));

    let view = inbox::save_view(&pool, &me.id, "عاجل عندي", &InboxFilter { priority: Some(Priority::Urgent), ..Default::default() }, now()).await.unwrap();
    assert_eq!(inbox::views(&pool, &me.id).await.unwrap(), std::slice::from_ref(&view));
    inbox::delete_view(&pool, &me.id, &view.id).await.unwrap();
    assert!(inbox::views(&pool, &me.id).await.unwrap().is_empty());
}

/// SPEC §7.2: waiting 7 days resolves with a system message; resolved 7 days closes.
#[tokio::test]
async fn waiting_and_resolved_tickets_move_on_by_themselves() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let waiting = tickets::create(&pool, &actor, new_ticket(&huda, "بانتظار", "سؤال"), now()).await.unwrap().id;
    tickets::set_status(&pool, &actor, &waiting, TicketStatus::WaitingResponse, at(1)).await.unwrap();
    let resolved = tickets::create(&pool, &actor, new_ticket(&huda, "محلولة", "سؤال"), now()).await.unwrap().id;
    tickets::set_status(&pool, &actor, &resolved, TicketStatus::Resolved, at(1)).await.unwrap();
    let done = tickets::run_auto_transitions(&pool, now() + Duration::days(6)).await.unwrap();
    assert_eq!((done.resolved, done.closed), (0, 0));
    let done = tickets::run_auto_transitions(&pool, now() + Duration::days(7) + Duration::minutes(2)).await.unwrap();
    assert_eq!((done.resolved, done.closed), (1, 1));
    assert_eq!(tickets::get(&pool, &resolved).await.unwrap().status, TicketStatus::Closed);
    let t = tickets::get(&pool, &waiting).await.unwrap();
    assert_eq!(t.status, TicketStatus::Resolved);
    let thread = tickets::messages(&pool, &waiting).await.unwrap();
    assert_eq!(thread.last().map(|m| (m.sender, m.body.contains("7 أيام"))), Some((support::Sender::System, true)));
}

#[tokio::test]
async fn the_suggested_reply_for_where_is_my_order() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let id = tickets::create(&pool, &actor, new_ticket(&huda, "طلبي", "السلام عليكم"), now()).await.unwrap().id;
    tickets::customer_message(&pool, &Actor::Sync, &id, "وين طلبي؟", at(1)).await.unwrap();
    let suggestion = tickets::suggest(&pool, &id).await.unwrap();
    assert_eq!(suggestion.intent, Intent::OrderStatus);
    assert_eq!(suggestion.reply, "سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟", "no order known: the fallback asks for it");
    tickets::customer_message(&pool, &Actor::Sync, &id, "وين طلبي رقم EL-2201؟", at(2)).await.unwrap();
    let suggestion = tickets::suggest(&pool, &id).await.unwrap();
    assert_eq!(suggestion.reply, "سأتحقق من حالة طلبك برقم EL-2201. يرجى الانتظار قليلاً.");
    // With auto-reply on, a new customer message is answered by a system message that does
    // not count as the first response.
    let mut settings = support::settings(&pool).await.unwrap();
    settings.auto_reply = true;
    eishro_core::settings::set(&pool, &actor, "support.settings", &settings, now()).await.unwrap();
    tickets::customer_message(&pool, &Actor::Sync, &id, "شكوى: الخدمة سيئة", at(3)).await.unwrap();
    let thread = tickets::messages(&pool, &id).await.unwrap();
    let last = thread.last().unwrap();
    assert_eq!((last.sender, last.body.as_str()), (support::Sender::System, "عذراً لأي إزعاج سببته لك. سأحل مشكلتك في أقرب وقت ممكن."));
    let t = tickets::get(&pool, &id).await.unwrap();
    assert_eq!((t.first_response_time, t.priority), (None, Priority::High));
}

#[tokio::test]
async fn attachments_are_checked_and_stored_under_generated_names() {
    let (dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let id = tickets::create(&pool, &actor, new_ticket(&huda, "فاتورة", "سؤال"), now()).await.unwrap().id;
    let folder = dir.path().join("attachments");
    let settings = support::SupportSettings { max_attachment_bytes: 1024, ..Default::default() };
    let pdf = b"%PDF-1.7 invoice".to_vec();
    let stored = attachments::attach(&pool, &folder, &id, None, "../../فاتورة.pdf", &pdf, &settings, now()).await.unwrap();
    assert_eq!((stored.filename.as_str(), stored.mime.as_str(), stored.size), ("فاتورة.pdf", "application/pdf", pdf.len() as u64));
    let (path, _) = attachments::path_of(&pool, &folder, &stored.id).await.unwrap();
    assert_eq!(path.parent(), Some(folder.as_path()));
    assert_eq!(std::fs::read(&path).unwrap(), pdf);
    assert!(!path.file_name().unwrap().to_string_lossy().contains("فاتورة"));

    let exe = b"MZ\x90\x00 not a picture".to_vec();
    let error = attachments::attach(&pool, &folder, &id, None, "photo.jpg", &exe, &settings, now()).await.unwrap_err();
    assert_eq!(field_ids(error), ["attachment-error-type"]);
    let big = [b"%PDF-".to_vec(), vec![b'x'; 2048]].concat();
    assert_eq!(field_ids(attachments::attach(&pool, &folder, &id, None, "big.pdf", &big, &settings, now()).await.unwrap_err()), ["attachment-error-size"]);
    let on_disk = dir.path().join("كبير.pdf");
    std::fs::write(&on_disk, &big).unwrap();
    assert_eq!(field_ids(attachments::attach_path(&pool, &folder, &id, &on_disk, &settings, now()).await.unwrap_err()), ["attachment-error-size"]);
    std::fs::write(&on_disk, &pdf).unwrap();
    assert_eq!(attachments::attach_path(&pool, &folder, &id, &on_disk, &settings, now()).await.unwrap().filename, "كبير.pdf");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 2, "refused files leave nothing behind");
    assert_eq!(attachments::of_ticket(&pool, &id).await.unwrap().len(), 2);
}

#[tokio::test]
async fn canned_replies_fill_from_the_ticket_and_name_what_is_missing() {
    let (_dir, pool, actor) = fresh().await;
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    let id = tickets::create(&pool, &actor, new_ticket(&huda, "سؤال", "سؤال"), now()).await.unwrap().id;
    let replies = canned::list(&pool, false, now()).await.unwrap();
    assert_eq!(replies.len(), 4, "seeded");
    let welcome = replies.iter().find(|r| r.title == "ترحيب").unwrap();
    let filled = canned::fill_for_ticket(&pool, &welcome.id, &id, "أمل").await.unwrap();
    assert_eq!(filled.text, "مرحباً هدى، شكراً لتواصلك مع خدمة العملاء. كيف يمكنني مساعدتك؟");
    let on_the_way = replies.iter().find(|r| r.title == "الطلب في الطريق").unwrap();
    let filled = canned::fill_for_ticket(&pool, &on_the_way.id, &id, "أمل").await.unwrap();
    assert_eq!(filled.missing, ["orderNumber"]);
    assert!(filled.text.contains("{{orderNumber}}"));
    let bad = canned::CannedReplyDraft { title: "x".into(), body_ar: "{{اسم}}".into(), body_en: "ok".into(), active: true, ..Default::default() };
    assert_eq!(field_ids(canned::save(&pool, bad, now()).await.unwrap_err()), ["canned-error-placeholder"]);
}

/// Each queue names the index it reads; every queue with every filter must still run.
#[tokio::test]
async fn every_queue_runs_with_every_filter() {
    let (_dir, pool, actor) = fresh().await;
    let Actor::Staff(me) = &actor else { unreachable!() };
    let huda = customer(&pool, &actor, "هدى", "0921234567").await;
    tickets::create(&pool, &actor, new_ticket(&huda, "سؤال", "وين طلبي"), now()).await.unwrap();
    for queue in Queue::ALL {
        for category in [None, Some(Category::Order)] {
            for priority in [None, Some(Priority::Medium)] {
                for search in [None, Some("هدى".to_string())] {
                    let filter = InboxFilter { queue, category, priority, status: None, search };
                    let page = inbox::page(&pool, &me.id, &filter, 0, 10, at(1)).await.unwrap_or_else(|e| panic!("{filter:?}: {e:?}"));
                    let expected = u64::from(!matches!(queue, Queue::Mine | Queue::Waiting | Queue::Overdue));
                    assert_eq!(page.total, expected, "{filter:?}");
                }
            }
        }
    }
}
