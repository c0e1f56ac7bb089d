//! Issue #4's end-to-end scenario on the real app: import today's order file for a
//! customer who prefers the phone, see them rise to gold on the profile with their orders,
//! tier history and a welcome-call task, and close the task from "My tasks". Screenshots
//! in Arabic and English go to target/e2e-screenshots/.

use anyhow::Result;
use chrono::{Duration, Utc};
use eishro_core::customers::{self, AddressDraft, ContactMethod, CreateOptions, CustomerDraft};
use eishro_core::{db, staff};
use eishro_e2e::App;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imported_orders_raise_a_customer_to_gold_and_leave_a_task() -> Result<()> {
    let files = tempfile::tempdir()?;
    let csv = files.path().join("orders.csv");
    let mut text = String::from("order_id,order_number,customer_ref,created_at,status,total,payment_method,product_name,category,quantity,unit_price,is_local_product\n");
    let today = Utc::now() + Duration::hours(2);
    for n in 0..5 {
        let day = (today - Duration::days(40 - 8 * n)).format("%Y-%m-%d %H:%M");
        let status = if n == 4 { "confirmed" } else { "delivered" };
        text.push_str(&format!("W-{n},EL-20{n},0913334455,{day},{status},800,cash_on_delivery,زيت زيتون غرياني,منتجات غذائية,8,100,1\n"));
    }
    std::fs::write(&csv, text)?;

    let app = App::start(|path| async move {
        let pool = db::open(&path).await?;
        let now = Utc::now();
        let actor = staff::Actor::Staff(staff::ensure_owner(&pool, now).await?);
        let draft = CustomerDraft {
            first_name: "خديجة".into(),
            last_name: "المقريف".into(),
            phone: "0913334455".into(),
            email: "khadija@mail.ly".into(),
            preferred_contact_method: ContactMethod::Phone,
            addresses: vec![AddressDraft { city: "طرابلس".into(), area: "حي الأندلس".into(), ..Default::default() }],
            ..Default::default()
        };
        customers::create(&pool, &actor, &draft, CreateOptions { now, confirm_duplicate: false }).await?;
        pool.close().await;
        Ok(())
    })
    .await?;
    app.use_arabic().await?;

    // Today's orders, so they fire what sync would.
    app.click("[data-testid=import-orders]").await?;
    app.type_into("[data-testid=order-import-path]", &csv.display().to_string()).await?;
    app.click("[data-testid=order-import-live]").await?;
    app.click("[data-testid=order-import-run]").await?;
    app.wait_text("[data-testid=order-import-report]", "أُضيف 5").await?;
    app.wait_text("[data-testid=order-import-report]", "تغيّر مستوى 3").await?;
    app.screenshot("24-order-import-ar").await?;

    app.click("[data-testid=back]").await?;
    app.click("[data-testid=customer-row]").await?;
    app.wait_text("[data-testid=profile-name]", "خديجة المقريف").await?;
    app.wait_text("header, [data-testid=profile-name] ~ *", "ذهبي").await?;
    app.wait_text("[data-testid=total-spent]", "4.000,000").await?;
    app.wait_text("[data-testid=segment-history]", "طلب").await?;
    app.wait_text("[data-testid=customer-tasks]", "مكالمة ترحيب").await?;
    assert_eq!(app.count("[data-testid=order-row]").await?, 5);
    app.eval("document.querySelector('[data-testid=customer-orders]').scrollIntoView({block: 'center'}); return true").await?;
    // WebKitWebDriver will not click a table row; a keyboard user would press Enter on it.
    app.eval("document.querySelector('[data-testid=order-row]').click(); return true").await?;
    app.wait_text("[data-testid=order-line]", "زيت زيتون غرياني").await?;
    app.screenshot("25-profile-orders-ar").await?;
    app.eval("document.querySelector('[data-testid=segment-history]').scrollIntoView({block: 'center'}); return true").await?;
    app.screenshot("26-profile-value-ar").await?;

    // The delivered orders earned points; the breakdown shows how, and free shipping is
    // redeemed for a voucher.
    app.wait_text("[data-testid=loyalty-balance]", "نقطة").await?;
    app.eval("document.querySelector('[data-testid=loyalty-card]').scrollIntoView({block: 'start'}); return true").await?;
    app.click("[data-testid=breakdown-toggle]").await?;
    app.wait_text("[data-testid=breakdown]", "نقاط الشراء").await?;
    app.click("[data-testid=redeem-reward_002]").await?;
    app.wait_text("[data-testid=voucher-row]", "شحن مجاني").await?;
    app.wait_text("[data-testid=ledger]", "استبدال مكافأة").await?;
    // A manual correction: an overdraft is refused with the reason, a credit is recorded.
    app.click("[data-testid=adjust-open]").await?;
    app.type_into("[data-testid=adjust-points]", "-100000").await?;
    app.type_into("[data-testid=adjust-reason]", "تصحيح").await?;
    app.click("[data-testid=adjust-save]").await?;
    app.wait_text("[data-testid=loyalty-error]", "ولا يمكن خصم 100000").await?;
    app.type_into("[data-testid=adjust-points]", "25").await?;
    app.click("[data-testid=adjust-save]").await?;
    app.wait_text("[data-testid=ledger]", "تعديل يدوي").await?;
    app.eval("document.querySelector('[data-testid=loyalty-card]').scrollIntoView({block: 'start'}); return true").await?;
    app.screenshot("42-loyalty-card-ar").await?;

    // Standalone mode: an order typed in by hand counts at once.
    app.click("[data-testid=order-add]").await?;
    app.type_into("[data-testid=order-line-product-0]", "بسيسة").await?;
    app.type_into("[data-testid=order-line-quantity-0]", "2").await?;
    app.type_into("[data-testid=order-line-price-0]", "25").await?;
    app.screenshot("34-add-order-ar").await?;
    app.click("[data-testid=order-add-save]").await?;
    app.wait_text("[data-testid=total-spent]", "4.050,000").await?;
    app.wait_count("[data-testid=order-row]", 6).await?;

    // The task is in "My tasks"; done, it leaves the list.
    app.click("[data-testid=nav-tasks]").await?;
    app.wait_text("[data-testid=task-row]", "مكالمة ترحيب").await?;
    app.wait_text("[data-testid=task-row]", "خديجة المقريف").await?;
    app.screenshot("27-tasks-ar").await?;
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("[data-testid=task-row]", "Welcome call").await?;
    app.screenshot("28-tasks-en").await?;
    app.click("[data-testid=task-done]").await?;
    app.wait_text("[data-testid=tasks-empty]", "No open tasks").await?;

    app.click("[data-testid=nav-customers]").await?;
    app.click("[data-testid=customer-row]").await?;
    app.wait_text("[data-testid=customer-tasks]", "Done").await?;
    app.wait_text("[data-testid=rfm]", "111").await?;
    app.eval("document.querySelector('[data-testid=segment-history]').scrollIntoView({block: 'center'}); return true").await?;
    app.screenshot("29-profile-value-en").await?;
    app.wait_text("[data-testid=voucher-row]", "Valid").await?;
    app.click("[data-testid=breakdown-toggle]").await?;
    app.wait_text("[data-testid=breakdown]", "Purchase points").await?;
    app.eval("document.querySelector('[data-testid=loyalty-card]').scrollIntoView({block: 'start'}); return true").await?;
    app.screenshot("43-loyalty-card-en").await?;

    // The tiers overview and the settings: a lower margin shows its equivalent spend, and
    // saving it recomputes the customer down to silver.
    app.click("[data-testid=lang-toggle]").await?;
    app.click("[data-testid=nav-dashboards]").await?;
    app.wait_text("[data-testid=tier-gold]", "1").await?;
    app.wait_text("[data-testid=upgrades]", "3 ترقيات").await?;
    app.screenshot("30-segments-ar").await?;
    app.click("[data-testid=nav-settings]").await?;
    app.wait_text("[data-testid=tier-equivalent-gold]", "4.000,000").await?;
    app.type_into("[data-testid=settings-margin]", "0.2").await?;
    app.wait_text("[data-testid=tier-equivalent-gold]", "5.000,000").await?;
    app.screenshot("31-settings-ar").await?;
    app.click("[data-testid=save-tiers]").await?;
    app.wait_text("[data-testid=settings-message]", "تغيّر مستوى 1").await?;
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("[data-testid=settings-message]", "1 changed tier").await?;
    app.screenshot("32-settings-en").await?;
    app.click("[data-testid=nav-dashboards]").await?;
    app.wait_text("[data-testid=tier-silver]", "1").await?;
    app.wait_text("[data-testid=movements]", "Down").await?;
    app.screenshot("33-segments-en").await?;

    // The campaign calendar: next year's Ramadan proposed from Umm al-Qura and saved;
    // the catalogue shows SPEC's rewards and the programme's effective rebate.
    app.click("[data-testid=nav-loyalty]").await?;
    app.click("[data-testid=loyalty-tab-campaigns]").await?;
    app.click("[data-testid=campaign-propose]").await?;
    app.wait_text("[data-testid=campaign-draft]", "Ramadan").await?;
    app.screenshot("44-campaign-draft-en").await?;
    app.click("[data-testid=campaign-save]").await?;
    app.wait_text("[data-testid=campaigns]", "Ramadan Kareem").await?;
    app.wait_text("[data-testid=campaigns]", "AH").await?;
    app.screenshot("44-loyalty-en").await?;
    app.click("[data-testid=loyalty-tab-rewards]").await?;
    app.wait_text("[data-testid=rewards-catalogue]", "شحن مجاني").await?;
    app.wait_text("[data-testid=rebate]", "Effective rebate").await?;
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("[data-testid=rebate]", "الخصم الفعلي").await?;
    app.screenshot("45-loyalty-rewards-ar").await?;
    app.click("[data-testid=loyalty-tab-campaigns]").await?;
    app.wait_text("[data-testid=campaigns]", "رمضان كريم").await?;
    app.screenshot("45-loyalty-ar").await?;
    app.close().await?;
    Ok(())
}
