//! Issue #6's end-to-end scenario on the real app: a customer's order during the last
//! Ramadan shows its points breakdown with the campaign's bonus (SPEC §4.2's worked
//! example, 450 points), free shipping is redeemed for a voucher, and the loyalty report
//! renders its charts with Arabic labels, narrows to a city, follows a new value per
//! point, and reads in English. Screenshots go to target/e2e-screenshots/.

use anyhow::{Context, Result};
use chrono::{Datelike, Duration, NaiveDate, Utc};
use eishro_core::customers::{self, AddressDraft, CreateOptions, CustomerDraft};
use eishro_core::loyalty::campaigns::{self, Audience, Campaign, CampaignKind};
use eishro_core::loyalty::{self, LoyaltySettings};
use eishro_core::money::Money;
use eishro_core::orders::{self, IngestMode, OrderInput, OrderItem, OrderStatus, StatusAt};
use eishro_core::{db, staff};
use eishro_e2e::App;

/// The latest Ramadan that began at least a week ago, by the Umm al-Qura proposal.
fn last_ramadan(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    [today.year(), today.year() - 1]
        .into_iter()
        .filter_map(|year| campaigns::proposed_dates(CampaignKind::Ramadan, year))
        .find(|(start, _)| *start + Duration::days(7) < today)
        .expect("a Ramadan began within the last two years")
}

const MONTHS_AR: [&str; 12] = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ramadan_order_earns_its_breakdown_and_the_loyalty_report_renders() -> Result<()> {
    let (start, end) = last_ramadan(Utc::now().date_naive());
    let ordered = start + Duration::days(7);
    let app = App::start(move |path| async move {
        let pool = db::open(&path).await?;
        let now = Utc::now();
        let owner = staff::Actor::Staff(staff::ensure_owner(&pool, now).await?);
        let settings = LoyaltySettings { bonus_categories: vec!["عطور".into(), "تجميل".into()], ..Default::default() };
        loyalty::save_settings(&pool, &owner, settings, now).await?;
        let ramadan = Campaign {
            id: format!("ramadan-{}", start.year()),
            name: "رمضان كريم".into(),
            kind: CampaignKind::Ramadan,
            start_date: start,
            end_date: end,
            multiplier: 2.into(),
            scope: eishro_core::loyalty::points::Scope::Order,
            audience: Audience::default(),
            monthly_days: Vec::new(),
            benefits: Vec::new(),
            active: true,
        };
        loyalty::save_campaign(&pool, &ramadan, now).await?;
        let draft = CustomerDraft {
            first_name: "فاطمة".into(),
            last_name: "الزوي".into(),
            phone: "0925551234".into(),
            email: "fatima@mail.ly".into(),
            addresses: vec![AddressDraft { city: "بنغازي".into(), area: "الفويهات".into(), ..Default::default() }],
            ..Default::default()
        };
        let fatima = customers::create(&pool, &owner, &draft, CreateOptions { now: now - Duration::days(500), confirm_duplicate: false }).await?.id;
        // SPEC §4.2's worked example: a new customer's 100 LYD of bonus-category items
        // (and 10 LYD shipping) during Ramadan.
        let created = ordered.and_hms_opt(12, 0, 0).expect("noon").and_utc();
        let item = |name: &str, category: &str, dinars: i64| OrderItem {
            product_id: name.into(),
            product_name: name.into(),
            category: category.into(),
            brand: None,
            quantity: 1,
            unit_price: Money::from_dinars(dinars),
            line_total: Money::from_dinars(dinars),
            is_local_product: false,
        };
        let order = OrderInput {
            id: "R-1".into(),
            order_number: "EL-1447".into(),
            customer_id: fatima,
            store_id: None,
            created_at: created,
            status: OrderStatus::Delivered,
            status_history: vec![StatusAt { status: OrderStatus::Delivered, at: created + Duration::hours(30) }],
            total: Money::from_dinars(110),
            shipping_fee: Money::from_dinars(10),
            refunded_amount: Money::ZERO,
            payment_method: "cash_on_delivery".into(),
            shipping_method: "home_delivery".into(),
            voucher_code: None,
            items: vec![item("عطر عود", "عطور", 60), item("كريم ليلي", "تجميل", 40)],
        };
        orders::ingest(&pool, order, IngestMode::Historical, now).await?;
        pool.close().await;
        Ok(())
    })
    .await?;
    app.use_arabic().await?;

    // The profile: 450 points, and the Ramadan order's breakdown line by line.
    app.click("[data-testid=customer-row]").await?;
    app.wait_text("[data-testid=profile-name]", "فاطمة الزوي").await?;
    app.wait_text("[data-testid=loyalty-balance]", "450 نقطة").await?;
    app.eval("document.querySelector('[data-testid=loyalty-card]').scrollIntoView({block: 'start'}); return true").await?;
    app.click("[data-testid=breakdown-toggle]").await?;
    app.wait_text("[data-testid=breakdown]", "نقاط الشراء").await?;
    app.wait_text("[data-testid=breakdown]", "مكافأة الحملة (رمضان كريم)").await?;
    app.wait_text("[data-testid=breakdown]", "225").await?;
    app.wait_text("[data-testid=breakdown]", "450").await?;
    // Imported today, earned in Ramadan: the ledger row says both.
    app.wait_text("[data-testid=earned-on]", "اكتُسبت في").await?;
    app.screenshot("46-loyalty-ramadan-breakdown-ar").await?;
    app.click("[data-testid=redeem-reward_002]").await?;
    app.wait_text("[data-testid=voucher-row]", "شحن مجاني").await?;
    app.wait_text("[data-testid=loyalty-balance]", "300 نقطة").await?;

    // The report, in Arabic: what was issued and redeemed, the month named in Arabic on
    // the chart, the campaign against the month before it, the top reward.
    app.click("[data-testid=nav-loyalty]").await?;
    app.wait_text("[data-testid=kpi-issued]", "450 نقطة").await?;
    app.wait_text("[data-testid=kpi-redeemed]", "150 نقطة").await?;
    app.wait_text("[data-testid=kpi-rate]", "33,3").await?;
    let month = format!("{} {}", MONTHS_AR[ordered.month0() as usize], ordered.year());
    app.wait_text("[data-testid=chart-points] svg", &month).await.with_context(|| format!("the chart names {month}"))?;
    app.wait_text("[data-testid=campaign-effects]", "رمضان كريم").await?;
    app.wait_text("[data-testid=chart-rewards] svg", "شحن مجاني").await?;
    app.screenshot("47-loyalty-report-ar").await?;
    app.eval("document.querySelector('[data-testid=chart-campaigns]').scrollIntoView({block: 'start'}); return true").await?;
    app.screenshot("48-loyalty-report-campaigns-ar").await?;

    // Narrowed to Tripoli, where nobody redeemed anything.
    app.type_into("[data-testid=report-city]", "طرابلس").await?;
    app.wait_text("[data-testid=no-rewards]", "لم تُستبدل").await?;
    app.type_into("[data-testid=report-city]", "").await?;
    app.wait_text("[data-testid=chart-rewards] svg", "شحن مجاني").await?;

    // A point worth half a dinar: the 300 outstanding points are a 150 LYD liability.
    app.click("[data-testid=loyalty-tab-settings]").await?;
    app.type_into("[data-testid=loyalty-point-value]", "0.500").await?;
    app.click("[data-testid=loyalty-settings-save]").await?;
    app.wait_text("[data-testid=loyalty-settings-saved]", "حُفظت").await?;
    app.screenshot("50-loyalty-settings-ar").await?;
    app.click("[data-testid=loyalty-tab-report]").await?;
    app.wait_text("[data-testid=kpi-liability]", "150,000").await?;

    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("[data-testid=kpi-issued]", "450 points").await?;
    app.wait_text("[data-testid=chart-points] svg", &format!("{} {}", ordered.format("%b"), ordered.year())).await?;
    app.wait_text("[data-testid=chart-campaigns] svg", "Orders during").await?;
    app.screenshot("49-loyalty-report-en").await?;
    app.close().await?;
    Ok(())
}
