//! Issue #5's end-to-end scenario on the real app: an agent opens the inbox, takes an
//! unassigned ticket, sees the suggested reply to «وين طلبي؟», sends it, is refused a move
//! SPEC §7.2 does not allow, resolves the ticket and records the customer's rating.
//! Screenshots in Arabic and English go to target/e2e-screenshots/.

use anyhow::Result;
use chrono::Utc;
use eishro_core::customers::{self, AddressDraft, CreateOptions, CustomerDraft};
use eishro_core::support::{tickets, Channel, NewTicket};
use eishro_core::{db, staff};
use eishro_e2e::App;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_takes_answers_resolves_and_rates_a_ticket() -> Result<()> {
    let app = App::start(|path| async move {
        let pool = db::open(&path).await?;
        let now = Utc::now();
        let actor = staff::Actor::Staff(staff::ensure_owner(&pool, now).await?);
        let draft = CustomerDraft {
            first_name: "هدى".into(),
            last_name: "الفيتوري".into(),
            phone: "0921234567".into(),
            email: "huda@mail.ly".into(),
            addresses: vec![AddressDraft { city: "بنغازي".into(), area: "الفويهات".into(), ..Default::default() }],
            ..Default::default()
        };
        let huda = customers::create(&pool, &actor, &draft, CreateOptions { now, confirm_duplicate: false }).await?;
        let new = NewTicket {
            customer_ref: huda.id.clone(),
            subject: "استفسار عن طلب".into(),
            description: "السلام عليكم".into(),
            channel: Some(Channel::Whatsapp),
            ..Default::default()
        };
        let ticket = tickets::create(&pool, &staff::Actor::Sync, new, now).await?;
        tickets::customer_message(&pool, &staff::Actor::Sync, &ticket.id, "وين طلبي؟", now).await?;
        pool.close().await;
        Ok(())
    })
    .await?;
    app.use_arabic().await?;

    app.click("[data-testid=nav-tickets]").await?;
    app.click("[data-testid=queue-unassigned]").await?;
    app.wait_text("[data-testid=ticket-row]", "استفسار عن طلب").await?;
    app.wait_text("[data-testid=queue-unassigned]", "1").await?;
    app.click("[data-testid=ticket-row]").await?;
    app.wait_text("[data-testid=ticket-subject]", "استفسار عن طلب").await?;
    app.wait_text("[data-testid=message-customer]", "وين طلبي؟").await?;
    app.wait_text("[data-testid=suggestion]", "حالة الطلب").await?;
    app.wait_text("[data-testid=suggested-text]", "سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟").await?;
    app.wait_text("[data-testid=customer-panel]", "هدى الفيتوري").await?;
    app.screenshot("35-inbox-ticket-ar").await?;

    // Take it: assigned to me, and the work starts.
    app.click("[data-testid=assign-to-me]").await?;
    app.wait_text("[data-testid=ticket-pane] [data-testid=status-badge]", "قيد المعالجة").await?;
    app.click("[data-testid=queue-mine]").await?;
    app.wait_text("[data-testid=queue-mine]", "1").await?;

    // The suggested reply, inserted and sent.
    app.click("[data-testid=use-suggestion]").await?;
    app.wait_still("[data-testid=reply-box]").await;
    let typed = app.eval("return document.querySelector('[data-testid=reply-box]').value").await?;
    assert_eq!(typed.as_str(), Some("سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟"));
    app.click("[data-testid=send-reply]").await?;
    app.wait_text("[data-testid=message-agent]", "هل يمكنك تزويدي برقم الطلب؟").await?;
    app.wait_text("[data-testid=sla-badge]", "أول رد: تم").await?;
    app.screenshot("36-inbox-replied-ar").await?;

    // Resolved, then a move SPEC §7.2 forbids is refused with the reason.
    app.select_option("[data-testid=status-select]", "محلولة").await?;
    app.wait_text("[data-testid=ticket-pane] [data-testid=status-badge]", "محلولة").await?;
    app.select_option("[data-testid=status-select]", "بانتظار رد العميل").await?;
    app.wait_text("[data-testid=ticket-error]", "لا يمكن نقل التذكرة من «محلولة» إلى «بانتظار رد العميل»").await?;
    app.wait_text("[data-testid=ticket-pane] [data-testid=status-badge]", "محلولة").await?;

    // The customer's rating feeds their satisfaction score.
    app.click("[data-testid=rate-5]").await?;
    app.wait_text("[data-testid=customer-panel]", "5.0").await?;
    app.screenshot("37-inbox-resolved-ar").await?;

    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("[data-testid=ticket-pane] [data-testid=status-badge]", "Resolved").await?;
    app.select_option("[data-testid=status-select]", "Waiting on customer").await?;
    app.wait_text("[data-testid=ticket-error]", "A ticket cannot go from “Resolved” to “Waiting on customer”").await?;
    app.screenshot("38-inbox-resolved-en").await?;
    app.click("[data-testid=queue-all]").await?;
    app.wait_text("[data-testid=ticket-row]", "Resolved").await?;
    app.screenshot("39-inbox-queue-en").await?;

    // The desk's calendar: a proposed holiday confirmed, saved, and the open tickets
    // re-timed under it.
    app.click("[data-testid=nav-settings]").await?;
    app.wait_text("[data-testid=proposed-holidays]", "Eid al-Fitr (day 1)").await?;
    app.wait_text("[data-testid=proposed-holidays]", "Shawwal").await?;
    app.click("[data-testid=holiday-confirm]").await?;
    app.wait_text("[data-testid=holidays]", "17 February").await?;
    app.click("[data-testid=save-sla]").await?;
    app.wait_text("[data-testid=desk-settings-message]", "Calendar and targets saved").await?;
    app.eval("document.querySelector('[data-testid=desk-settings]').scrollIntoView({block: 'start'}); return true").await?;
    app.screenshot("40-desk-settings-en").await?;
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("[data-testid=desk-settings-message]", "حُفظ التقويم والمهل").await?;
    app.wait_text("[data-testid=proposed-holidays]", "عيد الفطر").await?;
    app.eval("document.querySelector('[data-testid=proposed-holidays]').scrollIntoView({block: 'center'}); return true").await?;
    app.screenshot("41-desk-settings-ar").await?;
    app.close().await?;
    Ok(())
}
