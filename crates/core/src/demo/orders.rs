//! Demo orders: a Libyan online shop's history for the demo customers, so tiers, churn,
//! RFM, the profile's orders and the segments overview show real variety. Orders go
//! through the real ingest use-case as a historical import, so they fire nothing.

use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use sqlx::SqliteConnection;

use crate::customers::Customer;
use crate::error::Result;
use crate::money::Money;
use crate::orders::{self, OrderInput, OrderItem, OrderStatus, StatusAt};

/// (category, [(product, brand, price in dinars, made in Libya)]).
const CATALOGUE: &[(&str, &[(&str, &str, i64, bool)])] = &[
    ("ملابس", &[("عباية سوداء مطرزة", "", 185, true), ("جلابية رجالي", "", 140, true), ("قميص قطن", "LC Waikiki", 65, false), ("بدلة رياضية", "Adidas", 210, false)]),
    ("إلكترونيات", &[("هاتف Galaxy A55", "Samsung", 1650, false), ("سماعات لاسلكية", "JBL", 240, false), ("شاحن سريع", "Anker", 75, false), ("مكواة بخار", "Philips", 190, false)]),
    ("عطور", &[("عطر عود فاخر", "العربية للعود", 320, false), ("بخور ليبي", "", 45, true), ("مسك أبيض", "", 60, true)]),
    ("أحذية", &[("حذاء رياضي", "Nike", 380, false), ("شبشب جلد", "", 55, true), ("حذاء نسائي", "", 160, false)]),
    ("منتجات غذائية", &[("زيت زيتون غرياني 3 لتر", "", 95, true), ("تمر دقلة", "", 40, true), ("هريسة ليبية", "", 12, true), ("بسيسة", "", 25, true)]),
    ("مستلزمات منزلية", &[("طقم أواني", "Tefal", 450, false), ("سجاد يدوي", "", 600, true), ("مفارش قطن", "", 130, false)]),
    ("تجميل", &[("كريم ترطيب", "Nivea", 35, false), ("حناء طبيعية", "", 18, true), ("زيت أرغان", "", 70, false)]),
];

const PAYMENT: &[(&str, u32)] = &[("cash_on_delivery", 62), ("sadad", 14), ("mobicash", 10), ("card", 9), ("bank_transfer", 5)];
const SHIPPING: &[(&str, u32)] = &[("home_delivery", 78), ("store_pickup", 14), ("express", 8)];

fn weighted<'a>(rng: &mut ChaCha8Rng, table: &'a [(&'a str, u32)]) -> &'a str {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut n = rng.gen_range(0..total);
    for (value, weight) in table {
        if n < *weight {
            return value;
        }
        n -= weight;
    }
    table[0].0
}

/// How many orders a customer has placed: a third none, most a few, a small loyal core
/// many (so every tier, VIP included, appears in a store of a few thousand).
fn order_count(rng: &mut ChaCha8Rng) -> usize {
    match rng.gen_range(0..100) {
        0..=33 => 0,
        34..=69 => rng.gen_range(1..=2),
        70..=87 => rng.gen_range(3..=6),
        88..=96 => rng.gen_range(7..=14),
        _ => rng.gen_range(15..=30),
    }
}

/// Stores each customer's demo orders on the caller's transaction, deriving nothing;
/// returns how many.
pub(super) async fn add_orders(
    conn: &mut SqliteConnection,
    customers: &[Customer],
    rng: &mut ChaCha8Rng,
    now: DateTime<Utc>,
) -> Result<u64> {
    let mut added = 0;
    let mut inputs = Vec::new();
    for customer in customers {
        let count = order_count(rng);
        let since = customer.metadata.created_at;
        let span = (now - since).num_minutes().max(1);
        // Heavy buyers buy dearer things too.
        let basket = if count >= 15 { 3 } else { 1 };
        for n in 0..count {
            let created = since + Duration::minutes(rng.gen_range(0..span));
            let mut items = Vec::new();
            for _ in 0..rng.gen_range(1..=basket + 1) {
                let (category, products) = CATALOGUE.choose(rng).expect("non-empty");
                let (name, brand, dinars, local) = products.choose(rng).expect("non-empty");
                let quantity = if *dinars < 50 { rng.gen_range(1..=4) } else { 1 };
                let unit_price = Money::from_dinars(*dinars) + Money::from_dirhams([0, 250, 500, 750].choose(rng).copied().unwrap_or(0));
                items.push(OrderItem {
                    product_id: format!("SKU-{}", name.chars().filter(|c| c.is_alphanumeric()).count() * 97 + *dinars as usize),
                    product_name: name.to_string(),
                    category: category.to_string(),
                    brand: (!brand.is_empty()).then(|| brand.to_string()),
                    quantity,
                    unit_price,
                    line_total: Money::from_dirhams(unit_price.dirhams() * quantity),
                    is_local_product: *local,
                });
            }
            let shipping_fee = Money::from_dinars([0, 10, 15, 20].choose(rng).copied().unwrap_or(0));
            let total = items.iter().fold(shipping_fee, |sum, item| sum + item.line_total);
            let age = now - created;
            // Recent orders may still be on their way; a few are cancelled or refunded.
            let status = match rng.gen_range(0..100) {
                _ if age < Duration::days(2) => *[OrderStatus::Pending, OrderStatus::Confirmed, OrderStatus::Shipped].choose(rng).expect("non-empty"),
                0..=5 => OrderStatus::Cancelled,
                6..=8 => OrderStatus::Refunded,
                _ => OrderStatus::Delivered,
            };
            let refunded_amount = match status {
                OrderStatus::Refunded => total,
                OrderStatus::Delivered if rng.gen_bool(0.03) => items[0].line_total,
                _ => Money::ZERO,
            };
            let mut status_history = vec![StatusAt { status: OrderStatus::Confirmed, at: created + Duration::minutes(20) }];
            if matches!(status, OrderStatus::Delivered | OrderStatus::Refunded) {
                status_history.push(StatusAt { status: OrderStatus::Shipped, at: created + Duration::hours(20) });
                status_history.push(StatusAt { status: OrderStatus::Delivered, at: created + Duration::hours(rng.gen_range(30..96)) });
            }
            if status == OrderStatus::Refunded {
                status_history.push(StatusAt { status, at: created + Duration::days(rng.gen_range(5..12)) });
            }
            status_history.retain(|s| s.at <= now);
            let number = 100_000 + added;
            let input = OrderInput {
                // The whole customer id: the order id must be unique across every batch.
                id: format!("demo-{}-{n}", customer.id),
                order_number: format!("EL-{number}"),
                customer_id: customer.id.clone(),
                store_id: None,
                created_at: created,
                status,
                status_history,
                total,
                shipping_fee,
                refunded_amount,
                payment_method: weighted(rng, PAYMENT).to_string(),
                shipping_method: weighted(rng, SHIPPING).to_string(),
                voucher_code: None,
                items,
            };
            inputs.push(input);
            added += 1;
        }
    }
    // Stored only: `fill` derives every customer once when all batches are in.
    orders::store_historical(conn, inputs, now).await?;
    Ok(added)
}
