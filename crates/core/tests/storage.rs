//! Customer use-cases on a real SQLite file with the migrations applied (SPEC §1).

use eishro_core::customers::{self, AddressDraft, CreateOptions, CustomerDraft};
use eishro_core::error::{CoreError, ErrorCode};
use eishro_core::staff::Actor;
use eishro_core::demo;
use sqlx::SqlitePool;

mod common;
use common::{fresh, now};

fn draft(first: &str, last: &str, phone: &str, email: &str) -> CustomerDraft {
    CustomerDraft {
        first_name: first.into(),
        last_name: last.into(),
        phone: phone.into(),
        email: email.into(),
        addresses: vec![AddressDraft { city: "طرابلس".into(), area: "قرجي".into(), ..Default::default() }],
        ..Default::default()
    }
}

fn create_options() -> CreateOptions {
    CreateOptions { now: now(), confirm_duplicate: false }
}

#[tokio::test]
async fn section_1_2_any_spelling_and_any_phone_format_find_the_customer() {
    let (_dir, pool, actor) = fresh().await;
    let created = customers::create(&pool, &actor, &draft("أحمد", "الورفلي", "0912345678", "ahmed@mail.ly"), create_options())
        .await
        .unwrap();
    assert_eq!(created.phone, "+218912345678");
    assert_eq!(created.contact_info.primary_phone, created.phone);

    for query in ["احمد", "أحمد", "أَحْمَد", "احـــمد", "احم", "ورفلي", "الورفلي", "احمد الورفلي",
        "0912345678", "+218912345678", "00218912345678", "091 234 5678", "٠٩١٢٣٤٥٦٧٨", "0912", "ahmed@mail.ly", "AHMED"] {
        let found = customers::search(&pool, query, 50).await.unwrap();
        assert_eq!(found.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec![created.id.as_str()], "query {query:?}");
    }
    for query in ["محمد", "0922345678", "sara@"] {
        assert!(customers::search(&pool, query, 50).await.unwrap().is_empty(), "query {query:?}");
    }
}

#[tokio::test]
async fn compound_abd_names_are_found_written_either_way() {
    let (_dir, pool, actor) = fresh().await;
    let joined = customers::create(&pool, &actor, &draft("عبدالله", "السويحلي", "0922345678", "a@mail.ly"), create_options()).await.unwrap();
    let split = customers::create(&pool, &actor, &draft("عبد الله", "الككلي", "0932345678", "b@mail.ly"), create_options()).await.unwrap();
    for query in ["عبدالله", "عبد الله"] {
        let mut ids: Vec<String> = customers::search(&pool, query, 50).await.unwrap().into_iter().map(|c| c.id).collect();
        ids.sort();
        let mut expected = vec![joined.id.clone(), split.id.clone()];
        expected.sort();
        assert_eq!(ids, expected, "query {query:?}");
    }
}

#[tokio::test]
async fn bad_input_writes_nothing() {
    let (_dir, pool, actor) = fresh().await;
    let mut bad = draft("", "الورفلي", "12345", "ahmed@");
    bad.date_of_birth = "2030-01-01".into();
    let err = customers::create(&pool, &actor, &bad, create_options()).await.unwrap_err();
    let CoreError::Invalid(fields) = &err else { panic!("expected invalid input, got {err:?}") };
    let mut names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    names.sort();
    assert_eq!(names, vec!["dateOfBirth", "email", "firstName", "phone"]);
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(customers::count(&pool).await.unwrap(), 0);
    let audit: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log").fetch_one(&pool).await.unwrap();
    assert_eq!(audit, 0);
    // The message reaches the user in their language.
    assert!(err.localized(eishro_core::i18n::Lang::Ar).contains("رقم الهاتف غير صحيح"));
    assert!(err.localized(eishro_core::i18n::Lang::En).contains("Invalid phone number"));
}

#[tokio::test]
async fn section_1_2_a_known_phone_or_email_needs_confirmation() {
    let (_dir, pool, actor) = fresh().await;
    let first = customers::create(&pool, &actor, &draft("فاطمة", "المصراتي", "0912345678", "f@mail.ly"), create_options()).await.unwrap();
    for (phone, email) in [("+218 91 234 5678", "other@mail.ly"), ("0922222222", " F@MAIL.LY ")] {
        let err = customers::create(&pool, &actor, &draft("فاطمه", "المصراتي", phone, email), create_options()).await.unwrap_err();
        let CoreError::PossibleDuplicate(existing) = err else { panic!("expected a duplicate warning") };
        assert_eq!(existing[0].id, first.id);
    }
    assert_eq!(customers::count(&pool).await.unwrap(), 1);
    customers::create(&pool, &actor, &draft("مريم", "المصراتي", "0912345678", "m@mail.ly"), CreateOptions { confirm_duplicate: true, ..create_options() })
        .await
        .unwrap();
    assert_eq!(customers::count(&pool).await.unwrap(), 2);
}

#[tokio::test]
async fn section_1_3_edits_write_the_consent_and_audit_logs() {
    let (_dir, pool, actor) = fresh().await;
    let created = customers::create(&pool, &actor, &draft("سالم", "الزنتاني", "0952345678", "s@mail.ly"), create_options()).await.unwrap();
    let mut edit = draft("سالم", "الزنتاني", "0952345678", "s@mail.ly");
    edit.communication_preferences.marketing_emails = true;
    edit.notes = "يفضل التوصيل مساءً".into();
    let later = now() + chrono::Duration::hours(2);
    let updated = customers::update(&pool, &actor, &created.id, &edit, later).await.unwrap();
    assert!(updated.contact_info.communication_preferences.marketing_emails);
    assert_eq!(updated.metadata.updated_at, later);

    let profile = customers::profile(&pool, &created.id).await.unwrap();
    let marketing: Vec<_> = profile.consent_log.iter().filter(|c| c.field == "marketingEmails").collect();
    assert_eq!(marketing.len(), 1, "the change; the default needed no entry");
    assert_eq!(marketing[0].old_value.as_deref(), Some("false"));
    assert_eq!(marketing[0].new_value, "true");
    assert_eq!(marketing[0].changed_by, actor.audit_name());
    assert_eq!(profile.audit_log[0].action, "updated");
    let changes = profile.audit_log[0].changes.as_object().unwrap();
    assert!(changes.contains_key("metadata.notes"));
    assert!(changes.contains_key("contactInfo.communicationPreferences.marketingEmails"));
    assert_eq!(profile.audit_log[1].action, "created");
    // The timeline tells the same story in one list: the edit, its consent change, creation.
    let kinds: Vec<&str> = profile.timeline.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, vec!["updated", "consent", "created"]);
    assert!(profile.timeline[0].fields.contains(&"metadata.notes".to_string()));
    assert_eq!(profile.timeline[1].detail["new"], "true");

    // Saving the same draft again changes nothing and logs nothing.
    customers::update(&pool, &actor, &created.id, &edit, later + chrono::Duration::hours(1)).await.unwrap();
    assert_eq!(customers::profile(&pool, &created.id).await.unwrap().audit_log.len(), 2);

    // The logs cannot be rewritten.
    assert!(sqlx::query("UPDATE consent_log SET new_value = 'false'").execute(&pool).await.is_err());
}

#[tokio::test]
async fn an_invalid_edit_changes_nothing() {
    let (_dir, pool, actor) = fresh().await;
    let created = customers::create(&pool, &actor, &draft("خالد", "الترهوني", "0942345678", "k@mail.ly"), create_options()).await.unwrap();
    let err = customers::update(&pool, &actor, &created.id, &draft("خالد", "الترهوني", "0942345678", ""), now()).await.unwrap_err();
    assert!(matches!(err, CoreError::Invalid(_)));
    assert_eq!(customers::get(&pool, &created.id).await.unwrap().email, "k@mail.ly");
}

#[tokio::test]
async fn customer_refs_name_a_customer_by_id_phone_or_email() {
    let (_dir, pool, actor) = fresh().await;
    let created = customers::create(&pool, &actor, &draft("مريم", "الفيتوري", "0962345678", "maryam@mail.ly"), create_options()).await.unwrap();
    for reference in [created.id.as_str(), "0962345678", "+218 96 234 5678", "00218962345678", "MARYAM@mail.ly"] {
        assert_eq!(customers::resolve_ref(&pool, reference).await.unwrap(), created.id, "{reference}");
    }
    for reference in ["", "0912345678", "nobody@mail.ly", "not-a-ref"] {
        assert!(matches!(customers::resolve_ref(&pool, reference).await, Err(CoreError::CustomerNotFound(_))), "{reference}");
    }
}

#[tokio::test]
async fn the_demo_store_is_realistic_and_searchable() {
    let (_dir, pool, _actor) = fresh().await;
    let mut reports = Vec::new();
    let added = demo::fill(&pool, demo::DemoOptions { customers: 2000, seed: 7, now: now() }, |done, total| reports.push((done, total))).await.unwrap();
    assert_eq!(added, 2000);
    assert_eq!(reports.last(), Some(&(2000, 2000)));
    assert_eq!(customers::count(&pool).await.unwrap(), 2000);
    let ahmads = customers::search(&pool, "احمد", 200).await.unwrap();
    assert!(ahmads.len() > 10, "Ahmad is a common name: {}", ahmads.len());
    assert!(ahmads.iter().any(|c| c.first_name == "أحمد") && ahmads.iter().any(|c| c.first_name == "احمد"), "both spellings are in the demo data");
    let operators: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT phone_operator FROM customers WHERE phone_operator IS NOT NULL").fetch_all(&pool).await.unwrap();
    assert_eq!(operators.len(), 3, "{operators:?}");
    let english: i64 = sqlx::query_scalar("SELECT count(*) FROM customers WHERE preferred_language = 'en'").fetch_one(&pool).await.unwrap();
    assert!(english > 50 && english < 400, "a minority has English names: {english}");
    let page = customers::list(&pool, &Default::default(), Default::default(), 0, 50).await.unwrap();
    assert_eq!((page.total, page.rows.len()), (2000, 50));
    // An opt-in is provable: every customer who said yes to marketing e-mail has it logged.
    let unlogged: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM customers c WHERE c.marketing_emails = 1 AND NOT EXISTS
           (SELECT 1 FROM consent_log l WHERE l.customer_id = c.id AND l.field = 'marketingEmails' AND l.new_value = 'true')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let opted_in: i64 = sqlx::query_scalar("SELECT count(*) FROM customers WHERE marketing_emails = 1").fetch_one(&pool).await.unwrap();
    assert!(opted_in > 100 && unlogged == 0, "{opted_in} opted in, {unlogged} without a log entry");
    // Same seed, same store.
    let (_dir2, pool2, _) = fresh().await;
    demo::fill(&pool2, demo::DemoOptions { customers: 50, seed: 7, now: now() }, |_, _| {}).await.unwrap();
    let names = |p: SqlitePool| async move {
        sqlx::query_scalar::<_, String>("SELECT first_name || last_name || phone FROM customers ORDER BY phone, first_name").fetch_all(&p).await.unwrap()
    };
    let first_50: Vec<String> = {
        let (_d, p, _) = fresh().await;
        demo::fill(&p, demo::DemoOptions { customers: 50, seed: 7, now: now() }, |_, _| {}).await.unwrap();
        names(p).await
    };
    assert_eq!(names(pool2).await, first_50);
}

#[tokio::test]
async fn an_opt_in_given_at_creation_is_logged() {
    let (_dir, pool, actor) = fresh().await;
    let mut opted_in = draft("هدى", "الدرسي", "0912223344", "huda@mail.ly");
    opted_in.communication_preferences.whatsapp_messages = true;
    let created = customers::create(&pool, &actor, &opted_in, create_options()).await.unwrap();
    let log = customers::profile(&pool, &created.id).await.unwrap().consent_log;
    let fields: Vec<(&str, Option<&str>, &str)> = log.iter().map(|c| (c.field.as_str(), c.old_value.as_deref(), c.new_value.as_str())).collect();
    assert_eq!(fields, vec![("whatsappMessages", None, "true")]);
}

#[tokio::test]
async fn saved_views_belong_to_their_staff_user() {
    use eishro_core::customers::{CustomerFilter, CustomerSort, ListColumn, SavedView, Segment, SortColumn};
    use eishro_core::staff::{Role, StaffUser};
    let (_dir, pool, owner) = fresh().await;
    let view = SavedView {
        name: " ذهبيون في بنغازي ".into(),
        filter: CustomerFilter { segments: vec![Segment::Gold], city: Some("بنغازي".into()), ..Default::default() },
        sort: CustomerSort { column: SortColumn::TotalSpent, descending: true },
        columns: vec![ListColumn::Name, ListColumn::Phone, ListColumn::TotalSpent],
    };
    let saved = customers::save_view(&pool, &owner, &view, now()).await.unwrap();
    assert_eq!(saved[0].name, "ذهبيون في بنغازي");
    // Saving under the same name replaces; another agent sees none of it.
    customers::save_view(&pool, &owner, &SavedView { name: "ذهبيون في بنغازي".into(), columns: vec![ListColumn::Name], ..view.clone() }, now()).await.unwrap();
    assert_eq!(customers::saved_views(&pool, &owner).await.unwrap()[0].columns, vec![ListColumn::Name]);
    let agent = Actor::Staff(StaffUser { id: "agent-1".into(), display_name: "سارة".into(), role: Role::Agent });
    assert!(customers::saved_views(&pool, &agent).await.unwrap().is_empty());
    for bad in [SavedView { name: "  ".into(), ..view.clone() }, SavedView { columns: vec![], ..view.clone() }, SavedView { name: "x".repeat(61), ..view.clone() }] {
        assert!(matches!(customers::save_view(&pool, &owner, &bad, now()).await, Err(CoreError::Invalid(_))));
    }
    assert!(customers::delete_view(&pool, &owner, "ذهبيون في بنغازي", now()).await.unwrap().is_empty());
}

#[tokio::test]
async fn bulk_tags_cover_the_whole_filtered_result() {
    use eishro_core::customers::{BulkTarget, CustomerFilter};
    let (_dir, pool, actor) = fresh().await;
    demo::fill(&pool, demo::DemoOptions { customers: 600, seed: 11, now: now() }, |_, _| {}).await.unwrap();
    let tripoli = CustomerFilter { city: Some("طرابلس".into()), ..Default::default() };
    let in_tripoli = customers::list(&pool, &tripoli, Default::default(), 0, 1).await.unwrap().total as u64;
    assert!(in_tripoli > 100, "more than a page: {in_tripoli}");
    let target = BulkTarget::Filter { filter: tripoli.clone() };
    assert_eq!(customers::add_tag(&pool, &actor, &target, " رمضان ", now()).await.unwrap(), in_tripoli);
    // Again: nobody lacks it any more.
    assert_eq!(customers::add_tag(&pool, &actor, &target, "رمضان", now()).await.unwrap(), 0);
    let tagged = CustomerFilter { tag: Some("رمضان".into()), ..Default::default() };
    assert_eq!(customers::list(&pool, &tagged, Default::default(), 0, 1).await.unwrap().total as u64, in_tripoli);
    let first = customers::list(&pool, &tagged, Default::default(), 0, 2).await.unwrap().rows;
    let selection = BulkTarget::Selection { ids: first.iter().map(|c| c.id.clone()).collect() };
    assert_eq!(customers::remove_tag(&pool, &actor, &selection, "رمضان", now()).await.unwrap(), 2);
    assert_eq!(customers::list(&pool, &tagged, Default::default(), 0, 1).await.unwrap().total as u64, in_tripoli - 2);
    let audit = customers::profile(&pool, &first[0].id).await.unwrap().audit_log;
    assert_eq!(audit[0].action, "bulkTag");
    // A blank tag is refused and changes nothing.
    assert!(matches!(customers::add_tag(&pool, &actor, &target, "  ", now()).await, Err(CoreError::Invalid(_))));
    assert!(matches!(customers::add_tag(&pool, &actor, &BulkTarget::Selection { ids: vec![] }, "x", now()).await, Ok(0)));
}

#[tokio::test]
async fn filters_by_spend_last_order_and_consent() {
    use eishro_core::customers::{ConsentFlag, CustomerFilter};
    use eishro_core::money::Money;
    let (_dir, pool, actor) = fresh().await;
    let a = customers::create(&pool, &actor, &draft("علي", "الزوي", "0911111111", "ali@mail.ly"), create_options()).await.unwrap();
    let mut opted = draft("مريم", "الشريف", "0922222222", "maryam@mail.ly");
    opted.communication_preferences.whatsapp_messages = true;
    let b = customers::create(&pool, &actor, &opted, create_options()).await.unwrap();
    // Order history arrives with the orders module; here it is set as that module will.
    sqlx::query("UPDATE customers SET total_spent = 450500, last_order_date = '2026-11-20T21:30:00+00:00' WHERE id = ?")
        .bind(&a.id)
        .execute(&pool)
        .await
        .unwrap();
    let ids = |filter: CustomerFilter| {
        let pool = pool.clone();
        async move { customers::list(&pool, &filter, Default::default(), 0, 50).await.unwrap().rows.into_iter().map(|c| c.id).collect::<Vec<_>>() }
    };
    assert_eq!(ids(CustomerFilter { total_spent_min: Some(Money::from_dinars(450)), ..Default::default() }).await, vec![a.id.clone()]);
    assert!(ids(CustomerFilter { total_spent_min: Some(Money::from_dirhams(450_501)), ..Default::default() }).await.is_empty());
    assert_eq!(ids(CustomerFilter { total_spent_max: Some(Money::ZERO), ..Default::default() }).await, vec![b.id.clone()]);
    // 21:30 UTC on the 20th is 23:30 on the 20th in Tripoli.
    let on = |d: u32| Some(chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap());
    assert_eq!(ids(CustomerFilter { last_order_after: on(20), last_order_before: on(20), ..Default::default() }).await, vec![a.id.clone()]);
    assert!(ids(CustomerFilter { last_order_after: on(21), ..Default::default() }).await.is_empty());
    assert_eq!(ids(CustomerFilter { consents: vec![ConsentFlag::WhatsappMessages], ..Default::default() }).await, vec![b.id.clone()]);
    assert_eq!(ids(CustomerFilter { consents: vec![ConsentFlag::OrderUpdates], ..Default::default() }).await.len(), 2);
}

#[tokio::test]
async fn a_bulk_delete_hides_everyone_it_covers_and_restore_brings_them_back() {
    use eishro_core::customers::{BulkTarget, CustomerFilter};
    let (_dir, pool, actor) = fresh().await;
    demo::fill(&pool, demo::DemoOptions { customers: 400, seed: 5, now: now() }, |_, _| {}).await.unwrap();
    let sabha = CustomerFilter { city: Some("سبها".into()), ..Default::default() };
    let page = customers::list(&pool, &sabha, Default::default(), 0, 500).await.unwrap();
    assert!(page.total > 0);
    let one = page.rows[0].clone();
    let batch = customers::delete(&pool, &actor, &BulkTarget::Filter { filter: sabha.clone() }, now()).await.unwrap();
    assert_eq!(batch.count, page.total as u64);
    assert_eq!(customers::count(&pool).await.unwrap(), 400 - batch.count);
    assert_eq!(customers::list(&pool, &sabha, Default::default(), 0, 10).await.unwrap().total, 0);
    assert!(customers::search(&pool, &one.phone, 10).await.unwrap().is_empty());
    assert!(matches!(customers::resolve_ref(&pool, &one.id).await, Err(CoreError::CustomerNotFound(_))));

    assert_eq!(customers::restore(&pool, &actor, &batch.id, now()).await.unwrap(), batch.count);
    assert_eq!(customers::count(&pool).await.unwrap(), 400);
    assert_eq!(customers::search(&pool, &one.phone, 10).await.unwrap()[0].id, one.id);
    let kinds: Vec<String> = customers::profile(&pool, &one.id).await.unwrap().audit_log.into_iter().map(|a| a.action).collect();
    assert_eq!(&kinds[..2], &["restored".to_string(), "deleted".to_string()]);
    assert!(matches!(customers::restore(&pool, &actor, &batch.id, now()).await, Err(CoreError::Invalid(_))));
}

#[tokio::test]
async fn section_1_7_custom_fields_are_checked_against_their_definitions_and_filterable() {
    use eishro_core::customers::{CustomFieldDefinition, CustomFieldKind, CustomFieldMatch, CustomerFilter};
    use serde_json::json;
    let (_dir, pool, actor) = fresh().await;
    let define = |key: &str, kind, allowed: &[&str]| CustomFieldDefinition {
        key: key.into(),
        label: "حقل".into(),
        label_en: String::new(),
        kind,
        allowed_values: allowed.iter().map(|s| s.to_string()).collect(),
    };
    // A wrong definition saves nothing.
    let refused = customers::save_custom_field_definitions(&pool, &actor, vec![define("bad key", CustomFieldKind::Text, &[])], now()).await;
    assert!(matches!(refused, Err(CoreError::Invalid(_))));
    assert!(customers::custom_field_definitions(&pool).await.unwrap().is_empty());
    customers::save_custom_field_definitions(
        &pool,
        &actor,
        vec![
            define("branch", CustomFieldKind::Text, &["قرقارش", "الفويهات"]),
            define("wholesale", CustomFieldKind::Boolean, &[]),
            define("sizes", CustomFieldKind::List, &[]),
            define("visits", CustomFieldKind::Number, &[]),
        ],
        now(),
    )
    .await
    .unwrap();

    let mut bad = draft("علي", "الزوي", "0911111111", "ali@mail.ly");
    bad.custom_fields = json!({"branch": "مصراتة"}).as_object().unwrap().clone();
    let Err(CoreError::Invalid(errors)) = customers::create(&pool, &actor, &bad, create_options()).await else { panic!("refused") };
    assert_eq!(errors[0].field, "customFields.branch");
    assert_eq!(customers::count(&pool).await.unwrap(), 0, "nothing written");

    let mut with = draft("علي", "الزوي", "0911111111", "ali@mail.ly");
    with.custom_fields =
        json!({"branch": "قرقارش", "wholesale": true, "sizes": ["L", "XL"], "visits": 3, "note": "", "legacy": "من النظام القديم"})
            .as_object()
            .unwrap()
            .clone();
    let a = customers::create(&pool, &actor, &with, create_options()).await.unwrap();
    assert!(!a.metadata.custom_fields.contains_key("note"), "an empty value is not stored");
    assert_eq!(a.metadata.custom_fields["legacy"], json!("من النظام القديم"), "an undefined key is kept as it is");
    let mut other = draft("مريم", "الشريف", "0922222222", "maryam@mail.ly");
    other.custom_fields = json!({"branch": "الفويهات", "wholesale": false, "visits": 30}).as_object().unwrap().clone();
    let b = customers::create(&pool, &actor, &other, create_options()).await.unwrap();

    let ids = |key: &str, value: &str| {
        let (pool, filter) = (pool.clone(), CustomerFilter { custom_field: Some(CustomFieldMatch { key: key.into(), value: value.into() }), ..Default::default() });
        async move { customers::list(&pool, &filter, Default::default(), 0, 50).await.unwrap().rows.into_iter().map(|c| c.id).collect::<Vec<_>>() }
    };
    assert_eq!(ids("branch", "قرقارش").await, vec![a.id.clone()]);
    assert_eq!(ids("wholesale", "true").await, vec![a.id.clone()]);
    assert_eq!(ids("wholesale", "false").await, vec![b.id.clone()]);
    assert_eq!(ids("sizes", "XL").await, vec![a.id.clone()], "a list contains the value");
    assert_eq!(ids("visits", "30").await, vec![b.id.clone()]);
    assert!(ids("visits", "3'; DROP TABLE customers; --").await.is_empty());
    assert!(ids("no such key!", "x").await.is_empty(), "a malformed key matches nobody");
}

#[tokio::test]
async fn pages_read_from_either_end_join_up_in_every_sort_order() {
    use eishro_core::customers::{CustomerFilter, CustomerSort, Segment, SortColumn};
    let (_dir, pool, _actor) = fresh().await;
    demo::fill(&pool, demo::DemoOptions { customers: 230, seed: 3, now: now() }, |_, _| {}).await.unwrap();
    // Ties and NULLs must keep their places when a page is read backwards.
    sqlx::query("UPDATE customers SET total_spent = (rowid % 4) * 1000, city = CASE WHEN rowid % 5 = 0 THEN NULL ELSE city END")
        .execute(&pool)
        .await
        .unwrap();
    let filters = [CustomerFilter::default(), CustomerFilter { segments: vec![Segment::New], ..Default::default() }, CustomerFilter { query: "محمد".into(), ..Default::default() }];
    for filter in &filters {
        for column in [SortColumn::TotalSpent, SortColumn::City, SortColumn::Name, SortColumn::Segment, SortColumn::UpdatedAt] {
            for descending in [false, true] {
                let sort = CustomerSort { column, descending };
                let whole = customers::list(&pool, filter, sort, 0, 500).await.unwrap();
                let mut paged = Vec::new();
                let mut offset = 0;
                while offset < whole.total + 20 {
                    paged.extend(customers::list(&pool, filter, sort, offset, 37).await.unwrap().rows.into_iter().map(|c| c.id));
                    offset += 37;
                }
                let expected: Vec<String> = whole.rows.into_iter().map(|c| c.id).collect();
                assert_eq!(paged, expected, "{column:?} descending={descending} query={:?}", filter.query);
            }
        }
    }
}
