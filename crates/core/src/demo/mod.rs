//! The demo store: realistic Libyan customers so that a newcomer sees every feature at
//! work. Names come with the spelling variants staff meet in real data (hamza or not,
//! taa marbuta or haa), phones of all three operators, real cities and districts, and a
//! minority of customers with English names. Deterministic for a given seed.

use chrono::{DateTime, Datelike, Duration, Utc};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::SqlitePool;

mod orders;
mod tickets;

use crate::customers::{self, AddressDraft, CommunicationPreferences, ContactMethod, CustomerDraft, Gender};
use crate::error::{CoreError, Result};
use crate::i18n::Lang;
use crate::staff::Actor;

/// (spellings as registered, Latin transliteration for e-mails)
const MALE_NAMES: &[(&[&str], &str)] = &[
    (&["أحمد", "احمد"], "ahmed"),
    (&["محمد", "مُحمد"], "mohamed"),
    (&["علي"], "ali"),
    (&["عمر"], "omar"),
    (&["خالد"], "khaled"),
    (&["سالم"], "salem"),
    (&["مصطفى", "مصطفي"], "mustafa"),
    (&["إبراهيم", "ابراهيم"], "ibrahim"),
    (&["عبدالله", "عبد الله"], "abdullah"),
    (&["عبدالرحمن", "عبد الرحمن"], "abdulrahman"),
    (&["يوسف"], "yousef"),
    (&["أسامة", "اسامه"], "osama"),
    (&["مفتاح"], "muftah"),
    (&["الهادي", "الهادى"], "alhadi"),
    (&["صالح"], "saleh"),
    (&["فرج"], "faraj"),
    (&["عادل"], "adel"),
    (&["طارق"], "tarek"),
    (&["حمزة", "حمزه"], "hamza"),
    (&["معاذ"], "moaz"),
    (&["أنس", "انس"], "anas"),
    (&["وليد"], "walid"),
];

const FEMALE_NAMES: &[(&[&str], &str)] = &[
    (&["فاطمة", "فاطمه"], "fatima"),
    (&["عائشة", "عايشة"], "aisha"),
    (&["مريم"], "maryam"),
    (&["خديجة", "خديجه"], "khadija"),
    (&["أسماء", "اسماء"], "asma"),
    (&["سارة", "ساره"], "sara"),
    (&["نورا", "نورة"], "noura"),
    (&["هدى", "هدي"], "huda"),
    (&["آمنة", "امنة"], "amna"),
    (&["سلمى", "سلمي"], "salma"),
    (&["رحاب"], "rehab"),
    (&["إيمان", "ايمان"], "iman"),
    (&["زينب"], "zainab"),
    (&["حنان"], "hanan"),
    (&["ريم"], "reem"),
    (&["نسرين"], "nesrin"),
];

const FAMILY_NAMES: &[(&[&str], &str)] = &[
    (&["الورفلي"], "elwarfally"),
    (&["المصراتي"], "elmesrati"),
    (&["الزنتاني"], "ezzintani"),
    (&["الترهوني"], "tarhuni"),
    (&["الفيتوري"], "elfitouri"),
    (&["البرعصي"], "elbarassi"),
    (&["العبيدي"], "elobaidi"),
    (&["المقريف"], "magariaf"),
    (&["الككلي"], "elkikli"),
    (&["السويحلي"], "swehli"),
    (&["الغرياني"], "gheriani"),
    (&["بن غشير"], "benghashir"),
    (&["الشريف"], "elsherif"),
    (&["التاجوري"], "tajouri"),
    (&["الزوي"], "zway"),
    (&["المغربي"], "elmaghrabi"),
    (&["بوسهمين"], "busahmein"),
    (&["الجهاني"], "jehani"),
    (&["القماطي"], "gamati"),
    (&["الأطرش", "الاطرش"], "atrash"),
    (&["الدرسي"], "darsi"),
    (&["إمحمد", "امحمد"], "emhemmed"),
];

const ENGLISH_FIRST: &[&str] = &["Ahmed", "Mohamed", "Omar", "Sara", "Salem", "Khaled", "Mariam", "Yousef", "Nadia", "Adam"];
const ENGLISH_LAST: &[&str] = &["Elwarfally", "Tarhuni", "Swehli", "Gheriani", "Benghashir", "Elfitouri", "Jehani", "Smith"];

/// (city, areas, weight)
const CITIES: &[(&str, &[&str], u32)] = &[
    ("طرابلس", &["قرجي", "سوق الجمعة", "تاجوراء", "جنزور", "الظهرة", "حي الأندلس", "بن عاشور", "عين زارة", "الفرناج", "السراج"], 40),
    ("بنغازي", &["الفويهات", "الصابري", "الكيش", "سيدي حسين", "البركة", "الليثي", "بوعطني"], 22),
    ("مصراتة", &["الزروق", "قصر أحمد", "الغيران", "زاوية المحجوب"], 10),
    ("الزاوية", &["الحرشة", "المطرد"], 5),
    ("البيضاء", &["شحات", "الوسيطة"], 4),
    ("سبها", &["المنشية", "الجديد", "القرضة"], 4),
    ("زليتن", &["الطوبة", "سوق الثلاثاء"], 3),
    ("الخمس", &["الحديقة", "سوق الخميس"], 3),
    ("طبرق", &["المنارة", "الشرقية"], 3),
    ("غريان", &["القواسم", "الأصابعة"], 2),
    ("سرت", &["الجيزة البحرية", "الحي رقم 2"], 2),
    ("أجدابيا", &["الحي الصناعي", "الشرقية"], 2),
];

const TAGS: &[&str] = &["جملة", "مؤثر", "شكوى سابقة", "عميل شركات", "يفضل الدفع عند الاستلام"];
const EMAIL_DOMAINS: &[&str] = &["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "ltt.ly"];

const BRANCHES: &[&str] = &["طرابلس - قرقارش", "بنغازي - الفويهات", "مصراتة - وسط المدينة"];
const SIZES: &[&str] = &["S", "M", "L", "XL", "XXL"];

/// The custom fields a Libyan fashion and electronics store typically adds (SPEC §1.7).
fn demo_field_definitions() -> Vec<customers::CustomFieldDefinition> {
    use customers::{CustomFieldDefinition, CustomFieldKind};
    vec![
        CustomFieldDefinition {
            key: "preferredBranch".into(),
            label: "الفرع المفضل".into(),
            label_en: "Preferred branch".into(),
            kind: CustomFieldKind::Text,
            allowed_values: BRANCHES.iter().map(|b| b.to_string()).collect(),
        },
        CustomFieldDefinition {
            key: "wholesale".into(),
            label: "تاجر جملة".into(),
            label_en: "Wholesale buyer".into(),
            kind: CustomFieldKind::Boolean,
            allowed_values: Vec::new(),
        },
        CustomFieldDefinition {
            key: "clothingSizes".into(),
            label: "المقاسات".into(),
            label_en: "Clothing sizes".into(),
            kind: CustomFieldKind::List,
            allowed_values: SIZES.iter().map(|s| s.to_string()).collect(),
        },
    ]
}

fn demo_field_values(rng: &mut ChaCha8Rng) -> serde_json::Map<String, serde_json::Value> {
    let mut values = serde_json::Map::new();
    if rng.gen_bool(0.6) {
        values.insert("preferredBranch".into(), BRANCHES.choose(rng).expect("non-empty").to_string().into());
    }
    if rng.gen_bool(0.08) {
        values.insert("wholesale".into(), true.into());
    }
    if rng.gen_bool(0.3) {
        let count = rng.gen_range(1..=2);
        let sizes: Vec<serde_json::Value> = SIZES.choose_multiple(rng, count).map(|s| s.to_string().into()).collect();
        values.insert("clothingSizes".into(), sizes.into());
    }
    values
}

#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub customers: u32,
    pub seed: u64,
    pub now: DateTime<Utc>,
}

/// Adds `options.customers` demo customers, in transactions of a few thousand rows so a
/// large demo does not hold one huge journal, reporting progress after each.
pub async fn fill(pool: &SqlitePool, options: DemoOptions, mut progress: impl FnMut(u32, u32)) -> Result<u32> {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    // Custom-field values come from their own stream, so adding them left every other
    // demo value as it was for the same seed.
    let mut field_rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x00c0_ffee);
    let actor = Actor::Sync;
    if customers::custom_field_definitions(pool).await?.is_empty() {
        customers::save_custom_field_definitions(pool, &actor, demo_field_definitions(), options.now).await?;
    }
    // The loyalty programme the demo orders earn under: Libyan food products as bonus
    // categories, and this year's and last year's seasonal campaigns.
    demo_loyalty_programme(pool, options.now).await?;
    // Orders too come from their own stream, for the same reason.
    let mut order_rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x0_0de_0000_u64);
    let mut phones: Vec<String> = Vec::new();
    let mut done = 0;
    while done < options.customers {
        let batch = (options.customers - done).min(5000);
        let mut tx = pool.begin().await?;
        let mut made = Vec::with_capacity(batch as usize);
        for _ in 0..batch {
            let draft = demo_draft(&mut rng, &mut phones);
            let created = options.now - Duration::minutes(rng.gen_range(0..3 * 365 * 24 * 60));
            let valid = customers::validate_draft(
                &draft,
                customers::ValidationOptions { today: options.now.date_naive(), email_required: false },
            )
            .expect("demo drafts are valid by construction");
            let mut customer = customers::new_customer(valid, &actor, created);
            customer.interactions.total_logins = rng.gen_range(0..200);
            customer.interactions.total_page_views = customer.interactions.total_logins * rng.gen_range(3..15);
            customer.interactions.total_cart_additions = rng.gen_range(0..40);
            customer.interactions.total_wishlist_items = rng.gen_range(0..12);
            customer.interactions.last_activity_date = created + Duration::minutes(rng.gen_range(0..=(options.now - created).num_minutes().max(0)));
            customer.interactions.referral_source = Some(["search", "ads", "referral", "facebook", "instagram"].choose(&mut rng).expect("non-empty").to_string());
            customer.metadata.created_by = Some("demo".to_string());
            customer.metadata.custom_fields = demo_field_values(&mut field_rng);
            customer.metadata.updated_at = customer.interactions.last_activity_date;
            made.push(customer);
        }
        customers::store_insert_many(&mut tx, &made, &actor, options.now).await?;
        orders::add_orders(&mut tx, &made, &mut order_rng, options.now).await?;
        tx.commit().await?;
        done += batch;
        progress(done, options.customers);
    }
    // Everything the orders imply, derived once for everyone: history, tiers, churn, RFM.
    // (Were the fill stopped halfway, the daily recompute would catch up.)
    crate::segmentation::rebuild_all(pool, options.now, crate::segmentation::Reason::Import, |_, _| {}).await?;
    // The orders earned points on their delivery dates; lots older than a year expire,
    // month by month as the daily job would have done, so the loyalty report has a past.
    demo_expiry(pool, options.now).await?;
    demo_redemptions(pool, &mut ChaCha8Rng::seed_from_u64(options.seed ^ 0x0005_e11d), options.now).await?;
    // The support desk: about one ticket for every eight customers, over the last 90 days.
    let mut ticket_rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x7_1c4e_7000_u64);
    add_support_desk(pool, &mut ticket_rng, options.now, u64::from(done / 8).max(1), 4, 90).await?;
    Ok(done)
}

/// A store's loyalty programme as a Libyan merchant might set it up.
async fn demo_loyalty_programme(pool: &SqlitePool, now: DateTime<Utc>) -> Result<()> {
    use crate::loyalty::campaigns::{Audience, Campaign, CampaignKind};
    let existing: i64 = sqlx::query_scalar("SELECT count(*) FROM campaigns").fetch_one(pool).await?;
    if existing > 0 {
        return Ok(());
    }
    let settings = crate::loyalty::LoyaltySettings { bonus_categories: vec!["منتجات غذائية".into()], ..Default::default() };
    crate::loyalty::save_settings(pool, &Actor::Sync, settings.clone(), now).await?;
    let this_year = now.year();
    let names = [
        (CampaignKind::Ramadan, "رمضان كريم"),
        (CampaignKind::EidAlFitr, "عيد الفطر المبارك"),
        (CampaignKind::EidAlAdha, "عيد الأضحى المبارك"),
        (CampaignKind::NationalDay, "العيد الوطني — ادعم المنتج الليبي"),
    ];
    for year in [this_year - 1, this_year] {
        for (kind, name) in names {
            let Some((start, end)) = crate::loyalty::campaigns::proposed_dates(kind, year) else { continue };
            let (multiplier, scope) = kind.default_points(&settings.school_categories);
            let campaign = Campaign {
                id: format!("{}-{year}", serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()),
                name: format!("{name} {year}"),
                kind,
                start_date: start,
                end_date: end,
                multiplier,
                scope,
                audience: if kind == CampaignKind::NationalDay { Audience { nationalities: vec!["LY".into()], ..Default::default() } } else { Audience::default() },
                monthly_days: Vec::new(),
                benefits: Vec::new(),
                active: true,
            };
            crate::loyalty::save_campaign(pool, &campaign, now).await?;
        }
    }
    Ok(())
}

/// The expiry job run at the end of every month the lots span, then today.
async fn demo_expiry(pool: &SqlitePool, now: DateTime<Utc>) -> Result<()> {
    let first: Option<String> = sqlx::query_scalar("SELECT min(expires_at) FROM loyalty_lots WHERE remaining > 0").fetch_one(pool).await?;
    let Some(mut month) = first.as_deref().and_then(crate::time::parse_instant).map(crate::time::store_date) else { return Ok(()) };
    loop {
        let next = crate::time::next_month(month);
        // The first instant of the next store month.
        let run_at = crate::time::day_start(next);
        if run_at >= now {
            break;
        }
        crate::loyalty::ledger::run_expiry(pool, run_at).await?;
        month = next;
    }
    crate::loyalty::ledger::run_expiry(pool, now).await?;
    Ok(())
}

/// Some customers have already spent points over the last few months: vouchers issued,
/// some used, some left to expire.
async fn demo_redemptions(pool: &SqlitePool, rng: &mut ChaCha8Rng, now: DateTime<Utc>) -> Result<()> {
    let rich: Vec<String> =
        sqlx::query_scalar("SELECT customer_id FROM loyalty_balances WHERE balance >= 150 ORDER BY customer_id").fetch_all(pool).await?;
    for customer in rich {
        if !rng.gen_bool(0.5) {
            continue;
        }
        // One to three rewards over the last ten months, oldest first.
        let mut days: Vec<i64> = (0..rng.gen_range(1..=3)).map(|_| rng.gen_range(1..300)).collect();
        days.sort_unstable_by(|a, b| b.cmp(a));
        for back in days {
            let reward = match rng.gen_range(0..10) {
                0..=4 => "reward_002",
                5..=8 => "reward_001",
                _ => "reward_003",
            };
            let issued = now - Duration::days(back) - Duration::minutes(rng.gen_range(0..600));
            let voucher = match crate::loyalty::ledger::redeem(pool, &Actor::Sync, &customer, reward, true, issued).await {
                Ok(voucher) => voucher,
                // Not enough points left for this one: the customer simply does not take it.
                Err(CoreError::Invalid(_)) => continue,
                Err(e) => return Err(e),
            };
            let expires = crate::time::parse_instant(&voucher.expires_at).unwrap_or(now);
            if expires > now && rng.gen_bool(0.5) {
                crate::loyalty::ledger::use_voucher(pool, &voucher.id, None, now).await?;
            }
        }
    }
    // Vouchers past their date close as the daily job would close them.
    crate::loyalty::ledger::run_expiry(pool, now).await?;
    Ok(())
}

/// Demo agents and tickets for the store's customers (also what the inbox benchmark fills
/// at 200k tickets). Returns (tickets, messages).
pub async fn add_support_desk(
    pool: &SqlitePool,
    rng: &mut ChaCha8Rng,
    now: DateTime<Utc>,
    tickets: u64,
    messages_per_ticket: usize,
    days_back: i64,
) -> Result<(u64, u64)> {
    let mut agents: Vec<String> = sqlx::query_scalar("SELECT id FROM staff_users WHERE role = 'agent'").fetch_all(pool).await?;
    if agents.is_empty() {
        for name in ["أمل الزوي", "خالد بن عمران", "سارة الككلي"] {
            agents.push(crate::staff::add(pool, name, crate::staff::Role::Agent, now).await?.id);
        }
    }
    let customers: Vec<(String, String)> =
        sqlx::query_as(&format!("SELECT id, segment FROM customers WHERE {}", crate::customers::LIVE)).fetch_all(pool).await?;
    let customers: Vec<tickets::DemoCustomer> = customers
        .into_iter()
        .map(|(id, segment)| tickets::DemoCustomer { id, valued: matches!(segment.as_str(), "gold" | "platinum" | "vip") })
        .collect();
    let mut tx = pool.begin().await?;
    let written = crate::db::on_c_api(&mut tx, |db| tickets::add_tickets(db, &customers, &agents, rng, now, tickets, messages_per_ticket, days_back)).await?;
    tx.commit().await?;
    Ok(written)
}

fn pick_weighted<'a>(rng: &mut ChaCha8Rng) -> &'a (&'static str, &'static [&'static str], u32) {
    let total: u32 = CITIES.iter().map(|c| c.2).sum();
    let mut n = rng.gen_range(0..total);
    for city in CITIES {
        if n < city.2 {
            return city;
        }
        n -= city.2;
    }
    &CITIES[0]
}

fn demo_draft(rng: &mut ChaCha8Rng, phones: &mut Vec<String>) -> CustomerDraft {
    let female = rng.gen_bool(0.45);
    let english = rng.gen_bool(0.08);
    let (first, last, translit) = if english {
        let first = *ENGLISH_FIRST.choose(rng).expect("non-empty");
        let last = *ENGLISH_LAST.choose(rng).expect("non-empty");
        (first.to_string(), last.to_string(), format!("{}.{}", first.to_lowercase(), last.to_lowercase()))
    } else {
        let names = if female { FEMALE_NAMES } else { MALE_NAMES };
        let (firsts, first_latin) = names.choose(rng).expect("non-empty");
        let (lasts, last_latin) = FAMILY_NAMES.choose(rng).expect("non-empty");
        let mut first = firsts.choose(rng).expect("non-empty").to_string();
        // Some staff type harakat or stretch names with tatweel when copying from chats.
        if rng.gen_bool(0.03) && first == "محمد" {
            first = "مُحَمَّد".to_string();
        }
        (first, lasts.choose(rng).expect("non-empty").to_string(), format!("{first_latin}.{last_latin}"))
    };
    // Families share one phone: about 2% reuse an earlier number (SPEC §1.2 keeps them apart).
    let phone = match phones.choose(rng) {
        Some(shared) if rng.gen_bool(0.02) => shared.clone(),
        _ => {
            let prefix = ["91", "92", "93", "94", "95", "96"][rng.gen_range(0..6)];
            let phone = format!("0{prefix}{:07}", rng.gen_range(0..10_000_000));
            phones.push(phone.clone());
            phone
        }
    };
    // A few records come from old spreadsheets without an e-mail: incomplete (SPEC §1.2).
    let email = if rng.gen_bool(0.05) {
        String::new()
    } else {
        format!("{translit}{}@{}", rng.gen_range(1..99_999), EMAIL_DOMAINS.choose(rng).expect("non-empty"))
    };
    let (city, areas, _) = pick_weighted(rng);
    let mut tags = Vec::new();
    if rng.gen_bool(0.15) {
        tags.push(TAGS.choose(rng).expect("non-empty").to_string());
    }
    let preferences = CommunicationPreferences {
        marketing_emails: rng.gen_bool(0.4),
        sms_notifications: rng.gen_bool(0.7),
        promotional_offers: rng.gen_bool(0.35),
        whatsapp_messages: rng.gen_bool(0.6),
        ..Default::default()
    };
    CustomerDraft {
        first_name: first,
        last_name: last,
        email,
        whatsapp: if rng.gen_bool(0.6) { phone.clone() } else { String::new() },
        phone,
        date_of_birth: if rng.gen_bool(0.4) {
            format!("{}-{:02}-{:02}", rng.gen_range(1960..2006), rng.gen_range(1..=12), rng.gen_range(1..=28))
        } else {
            String::new()
        },
        gender: if rng.gen_bool(0.7) { Some(if female { Gender::Female } else { Gender::Male }) } else { None },
        preferred_language: if english { Lang::En } else { Lang::Ar },
        nationality: if english && rng.gen_bool(0.3) { "GB".into() } else { "LY".into() },
        preferred_contact_method: [ContactMethod::Whatsapp, ContactMethod::Sms, ContactMethod::Phone, ContactMethod::Email][rng.gen_range(0..4)],
        communication_preferences: preferences,
        newsletter_subscription: rng.gen_bool(0.25),
        addresses: vec![AddressDraft {
            country: "LY".into(),
            city: city.to_string(),
            area: areas.choose(rng).expect("non-empty").to_string(),
            street: if rng.gen_bool(0.5) { format!("شارع {}", rng.gen_range(1..60)) } else { String::new() },
            is_default: true,
            ..Default::default()
        }],
        tags,
        ..Default::default()
    }
}

/// `count` demo customers as a CSV file with Arabic headers, as a merchant's spreadsheet
/// would hold them: what the import benchmark and manual tests feed to the importer.
pub fn customers_csv(count: u32, seed: u64, mut out: impl std::io::Write) -> std::io::Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut phones = Vec::new();
    let mut writer = csv::Writer::from_writer(&mut out);
    writer.write_record(["الاسم", "اللقب", "رقم الهاتف", "البريد الإلكتروني", "المدينة", "المنطقة", "تاريخ الميلاد", "الوسوم"])?;
    for _ in 0..count {
        let d = demo_draft(&mut rng, &mut phones);
        let (city, area) = d.addresses.first().map(|a| (a.city.as_str(), a.area.as_str())).unwrap_or(("", ""));
        writer.write_record([
            d.first_name.as_str(),
            d.last_name.as_str(),
            d.phone.as_str(),
            d.email.as_str(),
            city,
            area,
            d.date_of_birth.as_str(),
            &d.tags.join("،"),
        ])?;
    }
    writer.flush()
}
