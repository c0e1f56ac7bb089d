//! The foundation's end-to-end scenario on the real app: create a customer with an Arabic
//! name and a local phone, find it by the name without hamza and by the phone in another
//! format, open the profile, switch to English and back. Screenshots in both languages go
//! to target/e2e-screenshots/.

use anyhow::Result;
use eishro_core::{db, demo};
use eishro_e2e::App;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_find_and_open_a_customer_in_arabic_and_english() -> Result<()> {
    let app = App::start(|_| async { Ok(()) }).await?;

    // An empty store offers the demo; this desk starts empty.
    app.use_arabic().await?;
    app.wait_text("[data-testid=first-run-demo]", "فتح المتجر التجريبي").await?;
    app.screenshot("01-first-run-ar").await?;
    app.click("[data-testid=first-run-empty]").await?;

    // Saving an empty form is refused field by field, in Arabic, and writes nothing.
    app.click("[data-testid=new-customer]").await?;
    app.click("[data-testid=save-customer]").await?;
    app.wait_text("[data-testid=form-error]", "بعض الحقول تحتاج إلى تصحيح").await?;
    app.wait_text("form", "هذا الحقل مطلوب").await?;
    app.type_into("[data-testid=field-phone]", "12345").await?;
    app.click("[data-testid=save-customer]").await?;
    app.wait_text("form", "رقم الهاتف غير صحيح").await?;
    app.screenshot("02-form-errors-ar").await?;

    app.type_into("[data-testid=field-firstName]", "أحمد").await?;
    app.type_into("[data-testid=field-lastName]", "الورفلي").await?;
    app.type_into("[data-testid=field-phone]", "091-234-5678").await?;
    app.type_into("[data-testid=field-email]", "ahmed.warfally@mail.ly").await?;
    app.type_into("[data-testid=field-address-city]", "طرابلس").await?;
    app.type_into("[data-testid=field-address-area]", "قرجي").await?;
    app.click("[data-testid=save-customer]").await?;
    app.wait_text("[data-testid=profile-name]", "أحمد الورفلي").await?;
    app.wait_text("[data-testid=profile-phone]", "+218912345678").await?;

    // Found by the name typed without hamza, and by the phone in international format.
    app.click("[data-testid=back]").await?;
    app.type_into("[data-testid=search-input]", "احمد").await?;
    app.wait_text("[data-testid=customer-row]", "الورفلي").await?;
    app.screenshot("03-search-by-name-ar").await?;
    app.type_into("[data-testid=search-input]", "+218 91 234 5678").await?;
    app.wait_text("[data-testid=customer-row]", "+218912345678").await?;
    assert_eq!(app.count("[data-testid=customer-row]").await?, 1);
    app.click("[data-testid=customer-row]").await?;
    app.wait_text("[data-testid=profile-name]", "أحمد الورفلي").await?;
    assert_eq!(app.eval("return document.documentElement.dir").await?, "rtl");
    app.wait_text("[data-testid=timeline]", "أُنشئ العميل").await?;
    app.screenshot("04-profile-ar").await?;

    // English, left to right, then back to Arabic.
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("body", "Order history").await?;
    assert_eq!(app.eval("return document.documentElement.dir").await?, "ltr");
    app.screenshot("05-profile-en").await?;
    app.click("[data-testid=back]").await?;
    app.wait_text("h3", "Customers").await?;
    app.screenshot("06-list-en").await?;
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("h3", "العملاء").await?;
    assert_eq!(app.eval("return document.documentElement.dir").await?, "rtl");

    // The database holds exactly the one customer the form saved; the refused saves wrote nothing.
    let pool = db::open(&app.db).await?;
    assert_eq!(eishro_core::customers::count(&pool).await?, 1);
    pool.close().await;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_store_lists_customers_in_both_languages() -> Result<()> {
    let app = App::start(|path| async move {
        let pool = db::open(&path).await?;
        let now = chrono::Utc::now();
        demo::fill(&pool, demo::DemoOptions { customers: 3000, seed: 2025, now }, |_, _| {}).await?;
        pool.close().await;
        Ok(())
    })
    .await?;
    // ar-LY groups thousands with a dot (CLDR): 3.000 customers.
    app.use_arabic().await?;
    app.wait_text("[data-testid=customer-count]", "3.000").await?;
    app.find("[data-testid=customer-row]").await?;
    // Virtualised: a screenful of rows in the DOM, not three thousand.
    let rows = app.count("[data-testid=customer-row]").await?;
    assert!(rows > 5 && rows < 100, "{rows} rows rendered");
    app.screenshot("07-demo-list-ar").await?;

    // A saved view brings back its sort and columns.
    app.click("[data-testid=sort-name]").await?;
    app.click("[data-testid=save-view]").await?;
    app.type_into("[data-testid=view-name]", "حسب الاسم").await?;
    app.click("[data-testid=view-save-confirm]").await?;
    app.wait_text("[aria-sort=ascending]", "الاسم").await?;
    app.select_option("[data-testid=saved-views]", "حسب الاسم").await?;
    app.wait_text("[aria-sort=ascending]", "الاسم").await?;

    // A bulk action covers the whole filtered result, not only the rows on screen.
    app.type_into("[data-testid=filter-city]", "طرابلس").await?;
    app.settle().await;
    app.click("[data-testid=bulk-actions]").await?;
    app.click("[data-testid=bulk-add-tag]").await?;
    app.type_into("[data-testid=bulk-tag-input]", "عرض رمضان").await?;
    app.screenshot("07b-bulk-tag-ar").await?;
    app.click("[data-testid=bulk-tag-confirm]").await?;
    let notice = app.wait_text("[data-testid=list-notice]", "أُضيف الوسم").await?;
    assert!(notice.contains("عرض رمضان"), "{notice}");

    // Ticked rows narrow a bulk action to themselves.
    app.eval("const boxes = document.querySelectorAll('[data-testid=select-row]'); boxes[1].click(); boxes[2].click(); return true;").await?;
    app.wait_text("[data-testid=bulk-actions]", "(2)").await?;
    app.click("[data-testid=bulk-actions]").await?;
    app.click("[data-testid=bulk-add-tag]").await?;
    app.type_into("[data-testid=bulk-tag-input]", "متابعة").await?;
    app.screenshot("07d-bulk-selection-ar").await?;
    app.click("[data-testid=bulk-tag-confirm]").await?;
    app.wait_text("[data-testid=list-notice]", "لعميلين").await?;

    // Deleting a whole filtered result asks first, and can be undone at once.
    app.type_into("[data-testid=filter-city]", "سبها").await?;
    app.settle().await;
    app.click("[data-testid=bulk-actions]").await?;
    app.click("[data-testid=bulk-delete]").await?;
    app.wait_text("[data-testid=bulk-delete-confirm]", "حذف").await?;
    app.screenshot("07c-bulk-delete-confirm-ar").await?;
    app.click("[data-testid=bulk-delete-confirm]").await?;
    app.wait_text("[data-testid=list-notice]", "حُذف").await?;
    app.wait_text("[data-testid=no-results]", "لا يوجد").await?;
    app.click("[data-testid=undo-delete]").await?;
    app.wait_text("[data-testid=list-notice]", "استُعيد").await?;
    app.find("[data-testid=customer-row]").await?;
    app.type_into("[data-testid=filter-city]", " ").await?;
    app.type_into("[data-testid=search-input]", "مصطفي").await?;
    app.wait_text("[data-testid=customer-row]", "مصطف").await?;
    app.screenshot("08-demo-search-ar").await?;
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("body", "Membership tier").await?;
    app.screenshot("09-demo-search-en").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn custom_fields_are_defined_filled_in_shown_and_filtered_on() -> Result<()> {
    use fantoccini::key::Key;
    let app = App::start(|_| async { Ok(()) }).await?;
    app.use_arabic().await?;
    app.click("[data-testid=first-run-empty]").await?;

    // A key that is not a key is refused, and nothing is saved.
    app.click("[data-testid=open-custom-fields]").await?;
    app.wait_text("h3", "الحقول الإضافية").await?;
    app.click("[data-testid=add-custom-field]").await?;
    app.type_into("[data-testid=definition-key-0]", "فرع").await?;
    app.type_into("[data-testid=definition-label-0]", "الفرع").await?;
    app.click("[data-testid=save-custom-fields]").await?;
    app.wait_text("[data-testid=custom-field-row-0]", "المفتاح يبدأ بحرف لاتيني").await?;
    app.screenshot("17-custom-fields-refused-ar").await?;

    app.type_into("[data-testid=definition-key-0]", "branch").await?;
    app.type_into("[data-testid=definition-label-en-0]", "Branch").await?;
    let enter = char::from(Key::Enter).to_string();
    let allowed = app.find("[data-testid=definition-allowed-0]").await?;
    allowed.send_keys(&format!("قرقارش{enter}")).await?;
    allowed.send_keys(&format!("الفويهات{enter}")).await?;
    app.click("[data-testid=add-custom-field]").await?;
    app.type_into("[data-testid=definition-key-1]", "wholesale").await?;
    app.type_into("[data-testid=definition-label-1]", "تاجر جملة").await?;
    app.type_into("[data-testid=definition-label-en-1]", "Wholesale buyer").await?;
    app.select_option("[data-testid=definition-kind-1]", "نعم / لا").await?;
    app.click("[data-testid=save-custom-fields]").await?;
    app.wait_text("[data-testid=custom-fields-message]", "حُفظت الحقول الإضافية").await?;
    app.screenshot("18-custom-fields-saved-ar").await?;

    // The form edits them; the profile shows them under their Arabic labels.
    app.click("[data-testid=back]").await?;
    app.click("[data-testid=new-customer]").await?;
    app.type_into("[data-testid=field-firstName]", "سالم").await?;
    app.type_into("[data-testid=field-lastName]", "المصراتي").await?;
    app.type_into("[data-testid=field-phone]", "0925551234").await?;
    app.type_into("[data-testid=field-email]", "salem@mail.ly").await?;
    app.type_into("[data-testid=field-address-city]", "طرابلس").await?;
    app.type_into("[data-testid=field-address-area]", "قرقارش").await?;
    app.select_option("[data-testid=custom-field-branch]", "قرقارش").await?;
    app.click("[data-testid=custom-field-wholesale]").await?;
    app.click("[data-testid=save-customer]").await?;
    app.wait_text("[data-testid=custom-value-branch]", "قرقارش").await?;
    app.wait_text("[data-testid=custom-value-wholesale]", "نعم").await?;
    app.screenshot("19-custom-fields-profile-ar").await?;

    app.click("[data-testid=back]").await?;
    app.click("[data-testid=new-customer]").await?;
    app.type_into("[data-testid=field-firstName]", "هدى").await?;
    app.type_into("[data-testid=field-lastName]", "الفيتوري").await?;
    app.type_into("[data-testid=field-phone]", "0915554321").await?;
    app.type_into("[data-testid=field-email]", "huda@mail.ly").await?;
    app.type_into("[data-testid=field-address-city]", "بنغازي").await?;
    app.type_into("[data-testid=field-address-area]", "الفويهات").await?;
    app.select_option("[data-testid=custom-field-branch]", "الفويهات").await?;
    app.click("[data-testid=save-customer]").await?;
    app.wait_text("[data-testid=custom-value-branch]", "الفويهات").await?;

    // The list filters on a custom field's value.
    app.click("[data-testid=back]").await?;
    app.wait_text("[data-testid=customer-row]", "الفيتوري").await?;
    app.click("[data-testid=more-filters]").await?;
    app.select_option("[data-testid=filter-custom-field]", "الفرع").await?;
    app.select_option("[data-testid=filter-custom-value]", "قرقارش").await?;
    app.wait_text("[data-testid=customer-count]", "عميل واحد").await?;
    app.wait_text("[data-testid=customer-row]", "المصراتي").await?;
    assert_eq!(app.count("[data-testid=customer-row]").await?, 1);
    app.screenshot("20-custom-field-filter-ar").await?;

    // In English the fields carry their English labels.
    app.click("[data-testid=lang-toggle]").await?;
    app.wait_text("body", "Custom field").await?;
    app.screenshot("21-custom-field-filter-en").await?;
    app.click("[data-testid=customer-row]").await?;
    app.wait_text("body", "Wholesale buyer").await?;
    app.wait_text("[data-testid=custom-value-wholesale]", "Yes").await?;
    app.screenshot("22-custom-fields-profile-en").await?;
    app.click("[data-testid=back]").await?;
    app.click("[data-testid=open-custom-fields]").await?;
    app.wait_text("[data-testid=custom-fields-hint]", "Removing a field keeps its saved values").await?;
    // The definitions load after the hint shows: wait for the second one before reading it.
    app.find("[data-testid=definition-kind-1]").await?;
    assert_eq!(app.eval("return document.querySelector('[data-testid=definition-kind-1]').value").await?, "Yes / no");
    app.screenshot("23-custom-fields-en").await?;
    app.close().await?;
    Ok(())
}
