//! The `crm` binary as a script would use it: JSON out, exit codes, localised errors.

use assert_cmd::Command;
use serde_json::Value;

fn crm(db: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("crm").unwrap();
    cmd.arg("--db").arg(db).env_remove("EISHRO_CRM_DB");
    cmd
}

fn json(output: &[u8]) -> Value {
    serde_json::from_slice(output).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(output)))
}

#[test]
fn add_then_find_by_spelling_and_phone_then_show_with_spec_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    let added = crm(&db)
        .args(["customers", "add", "--first-name", "أَحْمَد", "--last-name", "الورفلي", "--phone", "091-234-5678",
            "--email", "Ahmed@Mail.ly", "--city", "طرابلس", "--area", "قرجي", "--json"])
        .assert()
        .success();
    let customer = json(&added.get_output().stdout);
    let id = customer["id"].as_str().unwrap().to_string();
    assert_eq!(customer["phone"], "+218912345678");
    assert_eq!(customer["contactInfo"]["primaryPhone"], "+218912345678");
    assert_eq!(customer["email"], "ahmed@mail.ly");
    assert_eq!(customer["personalInfo"]["preferredLanguage"], "ar");
    assert_eq!(customer["address"][0]["isDefault"], true);
    assert_eq!(customer["history"]["totalSpent"], "0.000");
    assert_eq!(customer["segmentation"]["segment"], "new");
    assert_eq!(customer["contactInfo"]["communicationPreferences"]["orderUpdates"], true);

    let found = crm(&db).args(["customers", "search", "احمد", "--json"]).assert().success();
    assert_eq!(json(&found.get_output().stdout)[0]["id"], id.as_str());
    let found = crm(&db).args(["customers", "search", "+218 91 234 5678", "--limit", "5", "--json"]).assert().success();
    assert_eq!(json(&found.get_output().stdout)[0]["id"], id.as_str());

    for reference in [id.as_str(), "0912345678", "ahmed@mail.ly"] {
        let shown = crm(&db).args(["customers", "show", reference, "--json"]).assert().success();
        assert_eq!(json(&shown.get_output().stdout)["id"], id.as_str(), "{reference}");
    }
}

#[test]
fn bad_input_fails_with_a_localised_reason_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    let failed = crm(&db)
        .args(["--lang", "en", "customers", "add", "--first-name", "", "--last-name", "x", "--phone", "123", "--email", "bad"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&failed.get_output().stderr).to_string();
    assert!(stderr.starts_with("crm: Some fields need correcting"), "{stderr}");
    assert!(stderr.contains("phone: Invalid phone number"), "{stderr}");
    let failed = crm(&db).args(["--lang", "ar", "customers", "show", "0999999999"]).assert().code(1);
    assert!(String::from_utf8_lossy(&failed.get_output().stderr).contains("«0999999999»"));
    let listed = crm(&db).args(["customers", "search", "x", "--json"]).assert().success();
    assert_eq!(json(&listed.get_output().stdout), Value::Array(vec![]));
}

#[test]
fn a_known_phone_needs_confirm_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    let add = |extra: &[&str]| {
        let mut cmd = crm(&db);
        cmd.args(["customers", "add", "--first-name", "سارة", "--last-name", "الككلي", "--phone", "0922345678", "--email", "s@mail.ly"]);
        cmd.args(extra);
        cmd.assert()
    };
    add(&[]).success();
    add(&[]).code(1);
    add(&["--confirm-duplicate"]).success();
}

#[test]
fn demo_fills_a_store_that_search_finds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    let out = crm(&db).args(["demo", "--customers", "500", "--seed", "3"]).assert().success();
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout).trim(), "500");
    let found = crm(&db).args(["customers", "search", "محمد", "--json"]).assert().success();
    let rows = json(&found.get_output().stdout);
    assert!(!rows.as_array().unwrap().is_empty());
}

#[test]
fn demo_if_new_fills_only_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    let first = crm(&db).args(["demo", "--if-new"]).assert().success();
    assert_eq!(String::from_utf8_lossy(&first.get_output().stdout).trim(), "3000");
    let again = crm(&db).args(["demo", "--if-new"]).assert().success();
    assert_eq!(String::from_utf8_lossy(&again.get_output().stdout).trim(), "0");
}

#[test]
fn import_reports_json_and_export_writes_excel_friendly_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    let file = dir.path().join("customers.csv");
    std::fs::write(&file, "الاسم;اللقب;رقم الهاتف;البريد الإلكتروني\nأحمد;الورفلي;0912345678;ahmed@mail.ly\nسارة;الككلي;bad;\n").unwrap();
    let imported = crm(&db).args(["--lang", "en", "import", "customers"]).arg(&file).arg("--json").assert().success();
    let report = json(&imported.get_output().stdout);
    assert_eq!((report["inserted"].as_u64(), report["updated"].as_u64(), report["merged"].as_u64()), (Some(1), Some(0), Some(0)));
    assert_eq!(report["rejected"][0]["line"], 3);
    assert_eq!(report["rejected"][0]["field"], "phone");
    assert!(report["rejected"][0]["reason"].as_str().unwrap().starts_with("Invalid phone number"));

    let out = dir.path().join("out.csv");
    crm(&db).args(["--lang", "ar", "export", "customers", "--format", "csv", "--output"]).arg(&out).assert().success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{FEFF}الاسم الأول,اسم العائلة,رقم الهاتف"), "{text}");

    let binary = dir.path().join("photo.csv");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let failed = crm(&db).args(["--lang", "en", "import", "customers"]).arg(&binary).assert().code(1);
    assert!(String::from_utf8_lossy(&failed.get_output().stderr).contains("This file is not a table"));
    let missing = dir.path().join("missing.csv");
    let failed = crm(&db).args(["--lang", "ar", "import", "customers"]).arg(&missing).assert().code(1);
    let stderr = String::from_utf8_lossy(&failed.get_output().stderr).to_string();
    assert!(stderr.starts_with("crm: تعذّر استخدام الملف"), "{stderr}");
}

#[test]
fn bench_reports_every_size_it_was_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("crm")
        .unwrap()
        .args(["bench", "--sizes", "300,600", "--queries", "40", "--json", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let reports = json(&out.get_output().stdout);
    let sizes: Vec<u64> = reports.as_array().unwrap().iter().map(|r| r["customers"].as_u64().unwrap()).collect();
    assert_eq!(sizes, vec![300, 600]);
    for report in reports.as_array().unwrap() {
        assert!(report["import_rows_per_second"].as_f64().unwrap() > 0.0);
        assert!(report["search_ms"]["p95"].as_f64().unwrap() >= report["search_ms"]["p50"].as_f64().unwrap());
        assert!(report["orders"].is_null(), "orders are measured only when asked");
    }
    let out = Command::cargo_bin("crm")
        .unwrap()
        .args(["bench", "--sizes", "100", "--queries", "10", "--orders-per-customer", "2", "--json", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let orders = &json(&out.get_output().stdout)[0]["orders"];
    assert!(orders["orders"].as_u64().unwrap() >= 190, "two per customer: {orders}");
    assert!(orders["ingest_orders_per_second"].as_f64().unwrap() > 0.0 && orders["recompute_seconds"].as_f64().unwrap() > 0.0);
}

#[test]
fn export_takes_the_same_filters_as_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    crm(&db).args(["demo", "--customers", "300"]).assert().success();
    let rows = |extra: &[&str]| {
        let out = crm(&db).args(["--lang", "en", "export", "customers", "--format", "csv"]).args(extra).assert().success();
        String::from_utf8_lossy(&out.get_output().stdout).lines().count() - 1
    };
    let all = rows(&[]);
    assert_eq!(all, 300);
    let branch = rows(&["--custom-field", "preferredBranch=طرابلس - قرقارش"]);
    let branch_and_consent = rows(&["--custom-field", "preferredBranch=طرابلس - قرقارش", "--consent", "marketingEmails"]);
    assert!(0 < branch_and_consent && branch_and_consent < branch && branch < all, "{branch_and_consent} < {branch} < {all}");
    // The demo store's order history splits customers into buyers and the rest.
    let spent = rows(&["--spent-min", "0.001"]);
    let nothing = rows(&["--spent-max", "0"]);
    assert!(spent > 50 && nothing > 50 && spent + nothing == all, "{spent} + {nothing} = {all}");
    let ordered = rows(&["--last-order-after", "2000-01-01"]);
    assert!(ordered >= spent && ordered < all, "everyone who spent has a last order: {ordered} ≥ {spent}");
    assert!(rows(&["--churn-band", "high"]) > 0 && rows(&["--churn-band", "high", "--churn-band", "medium", "--churn-band", "low"]) == all);
    crm(&db).args(["export", "customers", "--spent-min", "a lot"]).assert().failure();
    crm(&db).args(["export", "customers", "--consent", "telepathy"]).assert().failure();
}

#[test]
fn orders_import_then_show_prints_the_derived_values_and_recompute_summarises_tiers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    crm(&db)
        .args(["customers", "add", "--first-name", "هدى", "--last-name", "الفيتوري", "--phone", "0921234567", "--email", "huda@mail.ly", "--city", "بنغازي", "--area", "الفويهات"])
        .assert()
        .success();
    let file = dir.path().join("orders.csv");
    let mut csv = String::from("رقم الطلب الداخلي,رقم الطلب,العميل,تاريخ الطلب,الحالة,الإجمالي,الكمية,سعر الوحدة,اسم المنتج,الفئة\n");
    for n in 0..5 {
        csv.push_str(&format!("{n},EL-{n},0921234567,2026-0{}-10,تم التوصيل,800,1,800,هاتف,إلكترونيات\n", n + 1));
    }
    csv.push_str("9,EL-9,0921234567,2026-06-10,confirmed,10,-2,5,قلم,قرطاسية\n");
    std::fs::write(&file, csv).unwrap();
    let imported = crm(&db).args(["--lang", "en", "import", "orders"]).arg(&file).arg("--json").assert().success();
    let report = json(&imported.get_output().stdout);
    assert_eq!((report["inserted"].as_u64(), report["tierChanges"].as_u64()), (Some(5), Some(1)), "a historical import derives once: new → gold");
    assert_eq!(report["rejected"][0]["line"], 7);
    assert_eq!(report["rejected"][0]["reason"], "The quantity must be a whole number above zero");

    let shown = crm(&db).args(["customers", "show", "+218 92 123 4567", "--json"]).assert().success();
    let customer = json(&shown.get_output().stdout);
    assert_eq!(customer["segment"], "gold");
    assert_eq!(customer["totalOrders"], 5);
    assert_eq!(customer["totalSpent"], "4000.000");
    assert_eq!(customer["lifetimeValue"], "1000.000");
    assert_eq!(customer["averageOrderValue"], "800.000");
    assert_eq!(customer["rfmCode"], "111", "the only customer with orders");
    assert!(customer["churnRisk"].is_string() && customer["engagementScore"].is_string());
    assert_eq!(customer["segmentation"]["segment"], "gold", "the record keeps SPEC's own layout too");

    let recomputed = crm(&db).args(["segments", "recompute", "--json"]).assert().success();
    let summary = json(&recomputed.get_output().stdout);
    assert_eq!(summary["customers"], 1);
    assert_eq!(summary["tiers"][3], serde_json::json!(["gold", 1]));
    let rebuilt = crm(&db).args(["segments", "recompute", "--from-orders", "--json"]).assert().success();
    let summary = json(&rebuilt.get_output().stdout);
    assert_eq!((summary["changed"].as_u64(), summary["tiers"][3].clone()), (Some(0), serde_json::json!(["gold", 1])), "the kept history is what the orders say");
}

#[test]
fn intent_prints_the_intent_and_the_suggested_reply() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    let asked = crm(&db).args(["intent", "وَيـــن طلبي؟", "--json"]).assert().success();
    let answer = json(&asked.get_output().stdout);
    assert_eq!(answer, serde_json::json!({ "intent": "order_status", "reply": "سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟" }));
    let asked = crm(&db).args(["intent", "الدفع ما نجحش، طلب رقم EL-1042", "--json"]).assert().success();
    assert_eq!(json(&asked.get_output().stdout)["intent"], "payment_issue");
    let asked = crm(&db).args(["intent", "وين طلبي رقم EL-1042", "--json"]).assert().success();
    assert_eq!(json(&asked.get_output().stdout)["reply"], "سأتحقق من حالة طلبك برقم EL-1042. يرجى الانتظار قليلاً.");
}

#[test]
fn tickets_are_created_listed_worked_and_refused_where_spec_says() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    crm(&db)
        .args(["customers", "add", "--first-name", "هدى", "--last-name", "الفيتوري", "--phone", "0921234567", "--email", "huda@mail.ly", "--city", "بنغازي", "--area", "الفويهات"])
        .assert()
        .success();
    let created = crm(&db)
        .args(["tickets", "create", "--customer", "0921234567", "--subject", "الطلب متأخر", "--description", "ما وصل الطلب", "--channel", "whatsapp", "--json"])
        .assert()
        .success();
    let ticket = json(&created.get_output().stdout);
    assert_eq!((ticket["status"].as_str(), ticket["category"].as_str()), (Some("open"), Some("shipping")));
    let number = ticket["ticketNumber"].as_str().unwrap().to_string();
    let listed = crm(&db).args(["tickets", "list", "--queue", "unassigned", "--json"]).assert().success();
    assert_eq!(json(&listed.get_output().stdout)["total"], 1);
    crm(&db).args(["tickets", "reply", &number, "نعتذر، نتابع مع شركة الشحن"]).assert().success();
    crm(&db).args(["tickets", "reply", &number, "وين وصل؟", "--from-customer"]).assert().success();
    let resolved = crm(&db).args(["tickets", "status", &number, "resolved", "--json"]).assert().success();
    assert_eq!(json(&resolved.get_output().stdout)["status"], "resolved");
    let refused = crm(&db).args(["--lang", "en", "tickets", "status", &number, "waiting_response"]).assert().failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("A ticket cannot go from “Resolved” to “Waiting on customer”"), "{stderr}");
    crm(&db).args(["tickets", "rate", &number, "5"]).assert().success();
    let shown = crm(&db).args(["tickets", "show", &number.to_lowercase(), "--json"]).assert().success();
    let detail = json(&shown.get_output().stdout);
    assert_eq!(detail["messages"].as_array().unwrap().len(), 2);
    assert_eq!(detail["ticket"]["satisfactionRating"], 5);
    assert_eq!(detail["customer"]["satisfactionScore"], "5.0");
}

#[test]
fn loyalty_balance_adjust_redeem_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    crm(&db)
        .args(["customers", "add", "--first-name", "مريم", "--last-name", "الزليتني", "--phone", "0944556677", "--email", "mariam@mail.ly", "--city", "زليتن", "--area", "المركز"])
        .assert()
        .success();
    let balance = crm(&db).args(["loyalty", "balance", "0944556677", "--json"]).assert().success();
    assert_eq!(json(&balance.get_output().stdout)["balance"], 0);
    crm(&db).args(["loyalty", "adjust", "0944556677", "--points", "200", "--reason", "تعويض", "--json"]).assert().success();
    let voucher = crm(&db).args(["loyalty", "redeem", "0944556677", "--reward", "reward_002", "--json"]).assert().success();
    let voucher = json(&voucher.get_output().stdout);
    assert_eq!((voucher["rewardName"].as_str(), voucher["status"].as_str()), (Some("شحن مجاني"), Some("issued")));
    let refused = crm(&db).args(["--lang", "en", "loyalty", "adjust", "0944556677", "--points", "-80", "--reason", "x"]).assert().failure();
    assert!(String::from_utf8_lossy(&refused.get_output().stderr).contains("The balance is only 50 points"));
    let balance = crm(&db).args(["loyalty", "balance", "+218944556677", "--json"]).assert().success();
    assert_eq!(json(&balance.get_output().stdout)["balance"], 50);
    let history = crm(&db).args(["loyalty", "history", "0944556677", "--json"]).assert().success();
    let history = json(&history.get_output().stdout);
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[0]["type"], "redeem");
}

#[test]
fn loyalty_explain_prints_an_orders_breakdown() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.db");
    crm(&db)
        .args(["customers", "add", "--first-name", "مريم", "--last-name", "الزليتني", "--phone", "0944556677", "--email", "mariam@mail.ly", "--city", "زليتن", "--area", "المركز"])
        .assert()
        .success();
    let file = dir.path().join("orders.csv");
    std::fs::write(&file, "order_id,order_number,customer_ref,created_at,status,total,shipping_fee,product_name,category,quantity,unit_price\nX1,EL-77,0944556677,2026-10-01 12:00,delivered,110,10,عطر,عطور,1,100\n").unwrap();
    crm(&db).args(["import", "orders"]).arg(&file).assert().success();
    let explained = crm(&db).args(["loyalty", "explain", "EL-77", "--json"]).assert().success();
    let breakdown = json(&explained.get_output().stdout);
    assert_eq!(breakdown["totalPoints"], 150);
    assert_eq!(breakdown["lines"][0]["line"], "purchasePoints");
    assert_eq!(breakdown["lines"][1]["line"], "newCustomerBonus");
    let missing = crm(&db).args(["--lang", "en", "loyalty", "explain", "nope"]).assert().failure();
    assert!(String::from_utf8_lossy(&missing.get_output().stderr).contains("has not earned points"));

    // The report counts the order's points in October, when they were earned, and writes
    // its charts; the expiry job finds nothing due.
    let charts = dir.path().join("charts");
    let report = crm(&db).args(["loyalty", "report", "--from", "2026-09", "--to", "2026-10", "--json", "--svg"]).arg(&charts).assert().success();
    let report = json(&report.get_output().stdout);
    assert_eq!((report["months"][1]["month"].as_str(), report["months"][1]["issued"].as_i64()), (Some("2026-10"), Some(150)));
    assert_eq!(report["liabilityPoints"], 150);
    assert!(std::fs::read_to_string(charts.join("points-by-month.svg")).unwrap().contains("أكتوبر 2026"));
    let bad = crm(&db).args(["--lang", "en", "loyalty", "report", "--from", "2026-13", "--to", "2026-10"]).assert().failure();
    assert!(String::from_utf8_lossy(&bad.get_output().stderr).contains("Invalid month"));
    let expired = crm(&db).args(["loyalty", "expire", "--json"]).assert().success();
    assert_eq!(json(&expired.get_output().stdout)["points"], 0);
}
