//! Issue #3 on the real app: import a small Arabic CSV by path, fix the mapping of a column
//! the headers did not reveal, read the report, merge the duplicate pair it left, then
//! export the list and check the file Excel would open.

use anyhow::Result;
use eishro_e2e::App;
use serde_json::json;

const CSV: &str = "الاسم,اللقب,للتواصل,البريد الإلكتروني,المدينة,المنطقة\n\
أحمد,الورفلي,0912345678,ahmed@mail.ly,طرابلس,قرجي\n\
فاطمة,المصراتي,+218 92 234 5678,,بنغازي,الفويهات\n\
أحمد,الورفلي,+218912345678,,طرابلس,قرجي\n\
سارة,الككلي,12345,,مصراتة,الزروق\n\
احمد,الورفلى,0931111111,ahmed.w@mail.ly,طرابلس,قرجي\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_a_csv_fix_the_mapping_and_export() -> Result<()> {
    let files = tempfile::tempdir()?;
    let source = files.path().join("عملاء.csv");
    std::fs::write(&source, CSV)?;

    let app = App::start(|_| async { Ok(()) }).await?;
    app.use_arabic().await?;
    app.click("[data-testid=first-run-empty]").await?;
    app.click("[data-testid=import-customers]").await?;
    app.type_into("[data-testid=import-path]", source.to_str().unwrap()).await?;
    app.click("[data-testid=import-preview]").await?;
    app.wait_text("[data-testid=import-sample]", "الورفلي").await?;

    // "للتواصل" ("for contact") is not a header the app knows: staff map it to the phone.
    app.select_option("[data-testid=map-phone]", "للتواصل").await?;
    app.wait_text("[data-testid=import-run]", "5").await?;
    app.screenshot("10-import-mapping-ar").await?;
    app.click("[data-testid=import-run]").await?;
    app.wait_text("[data-testid=import-report]", "نتيجة الاستيراد").await?;
    assert_eq!(app.wait_text("[data-testid=report-inserted]", "3").await?, "3");
    assert_eq!(app.wait_text("[data-testid=report-merged]", "1").await?, "1");
    assert_eq!(app.wait_text("[data-testid=report-rejected]", "1").await?, "1");
    app.wait_text("[data-testid=import-report]", "رقم الهاتف غير صحيح").await?;
    app.screenshot("11-import-report-ar").await?;
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("[data-testid=import-report]", "Import report").await?;
    app.wait_text("[data-testid=import-report]", "Invalid phone number").await?;
    app.screenshot("12-import-report-en").await?;
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("[data-testid=import-report]", "نتيجة الاستيراد").await?;

    // Two Ahmad Al-Warfallis with different phones in one city: a duplicate pair to merge.
    app.click("[data-testid=import-close]").await?;
    app.wait_text("[data-testid=customer-count]", "3 عملاء").await?;
    app.click("[data-testid=open-duplicates]").await?;
    app.wait_text("[data-testid=duplicate-pair]", "نفس الاسم والمدينة").await?;
    app.screenshot("14-duplicates-ar").await?;
    app.click("[data-testid=duplicate-pair]").await?;
    app.find("[data-testid=compare-pair]").await?;
    app.screenshot("15-compare-ar").await?;
    app.click("[data-testid=merge-button]").await?;
    app.click("[data-testid=merge-confirm]").await?;
    app.wait_text("[data-testid=merge-done]", "دُمج").await?;
    app.screenshot("16-merged-ar").await?;
    app.click("[data-testid=duplicates-back]").await?;
    app.wait_text("[data-testid=customer-count]", "عميلان").await?;
    // The merged customer is still found, on the survivor, by its own phone.
    app.type_into("[data-testid=search-input]", "0931111111").await?;
    app.wait_text("[data-testid=no-results]", "لا يوجد").await?;
    app.type_into("[data-testid=search-input]", "الورفلي").await?;
    app.wait_text("[data-testid=customer-row]", "الورفلي").await?;
    assert_eq!(app.count("[data-testid=customer-row]").await?, 1);
    app.type_into("[data-testid=search-input]", " ").await?;

    // The list exported with Arabic headers.
    app.eval(&format!("window.__EISHRO_E2E_FILES__ = {}; return true;", json!(files.path()))).await?;
    app.click("[data-testid=export-customers]").await?;
    app.click("[data-testid=export-csv]").await?;
    app.wait_text("[data-testid=list-notice]", "customers.csv").await?;
    let exported = std::fs::read_to_string(files.path().join("customers.csv"))?;
    assert!(exported.starts_with("\u{FEFF}الاسم الأول,اسم العائلة,رقم الهاتف"), "{exported}");
    assert!(exported.contains("'+218912345678"));
    app.screenshot("13-after-import-list-ar").await?;
    app.close().await?;
    Ok(())
}
