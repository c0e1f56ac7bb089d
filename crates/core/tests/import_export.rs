//! Importing merchants' customer files and exporting them back (issue #3, SPEC §1.2): each
//! kind of bad input gives the expected report, and what is refused changes nothing.

use std::sync::atomic::AtomicBool;

use eishro_core::customers::{self, CustomerFilter, ExportFormat, ImportOptions, ImportReport};
use eishro_core::error::{CoreError, ErrorCode};
use eishro_core::i18n::Lang;
use eishro_core::import::{ColumnMapping, ImportField, NotATable};
use eishro_core::staff::Actor;
use sqlx::SqlitePool;

mod common;
use common::{fresh, now};

async fn import(pool: &SqlitePool, actor: &Actor, bytes: &[u8]) -> Result<ImportReport, CoreError> {
    let mut report = customers::import(pool, actor, bytes, ImportOptions { now: now(), mapping: None, cancel: None }, |_, _| {}).await?;
    report.localize(Lang::En);
    Ok(report)
}

fn counts(r: &ImportReport) -> (u64, u64, u64, u64, usize) {
    (r.inserted, r.updated, r.merged, r.unchanged, r.rejected.len())
}

const ARABIC_CSV: &str = "الاسم,اللقب,رقم الهاتف,البريد الإلكتروني,المدينة,المنطقة\n\
أحمد,الورفلي,0912345678,ahmed@mail.ly,طرابلس,قرجي\n\
فاطمة,المصراتي,+218 92 234 5678,,بنغازي,الفويهات\n\
سالم,الزنتاني,٠٩٥٢٣٤٥٦٧٨,salem@mail.ly,مصراتة,الزروق\n";

#[tokio::test]
async fn arabic_headers_are_mapped_and_rows_imported() {
    let (_dir, pool, actor) = fresh().await;
    let report = import(&pool, &actor, ARABIC_CSV.as_bytes()).await.unwrap();
    assert_eq!(counts(&report), (3, 0, 0, 0, 0));
    assert_eq!(report.mapping.columns.get(&ImportField::Phone).map(String::as_str), Some("رقم الهاتف"));
    let fatima = customers::get(&pool, &customers::resolve_ref(&pool, "0922345678").await.unwrap()).await.unwrap();
    assert_eq!(fatima.personal_info.first_name, "فاطمة");
    assert!(fatima.incomplete, "imported without an e-mail: flagged incomplete (SPEC §1.2)");
    assert_eq!(fatima.addresses[0].area, "الفويهات");
    // Imported customers are found like any other.
    assert_eq!(customers::search(&pool, "فاطمه", 10).await.unwrap().len(), 1);
}

#[tokio::test]
async fn reimporting_the_same_file_changes_nothing() {
    let (_dir, pool, actor) = fresh().await;
    import(&pool, &actor, ARABIC_CSV.as_bytes()).await.unwrap();
    let audit_before: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log").fetch_one(&pool).await.unwrap();
    let again = import(&pool, &actor, ARABIC_CSV.as_bytes()).await.unwrap();
    assert_eq!(counts(&again), (0, 0, 0, 3, 0));
    assert_eq!(customers::count(&pool).await.unwrap(), 3);
    let audit_after: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log").fetch_one(&pool).await.unwrap();
    assert_eq!(audit_before, audit_after);
}

#[tokio::test]
async fn windows_1256_and_utf16_files_read_the_same() {
    let (_dir, pool, actor) = fresh().await;
    // Windows-1256 has no Arabic-Indic digits; Excel writes ASCII ones.
    let ascii_digits = ARABIC_CSV.replace("٠٩٥٢٣٤٥٦٧٨", "0952345678");
    let (cp1256, _, had_errors) = encoding_rs::WINDOWS_1256.encode(&ascii_digits);
    assert!(!had_errors);
    let report = import(&pool, &actor, &cp1256).await.unwrap();
    assert_eq!((report.encoding.as_str(), counts(&report)), ("windows-1256", (3, 0, 0, 0, 0)));

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(ARABIC_CSV.replace(',', "\t").encode_utf16().flat_map(|u| u.to_le_bytes()));
    let report = import(&pool, &actor, &utf16).await.unwrap();
    assert_eq!((report.encoding.as_str(), counts(&report)), ("UTF-16LE", (0, 0, 0, 3, 0)));
}

#[tokio::test]
async fn semicolons_and_english_headers() {
    let (_dir, pool, actor) = fresh().await;
    let csv = "First Name;Last Name;Mobile;E-mail;City;Area\nOmar;Swehli;0932345678;omar@mail.ly;Misrata;Zarrouq\n";
    let report = import(&pool, &actor, csv.as_bytes()).await.unwrap();
    assert_eq!(counts(&report), (1, 0, 0, 0, 0));
}

#[tokio::test]
async fn duplicate_rows_in_one_file_become_one_customer() {
    let (_dir, pool, actor) = fresh().await;
    let csv = "name,phone,email,tags\n\
        Ahmed Ali,0912345678,,wholesale\n\
        أحمد علي,+218912345678,ahmed@mail.ly,vip\n\
        Ahmed A.,0941111111,AHMED@mail.ly,\n";
    let report = import(&pool, &actor, csv.as_bytes()).await.unwrap();
    assert_eq!(counts(&report), (1, 0, 2, 0, 0), "{report:?}");
    let id = customers::resolve_ref(&pool, "0912345678").await.unwrap();
    let customer = customers::get(&pool, &id).await.unwrap();
    assert_eq!(customer.email, "ahmed@mail.ly");
    assert_eq!(customer.metadata.tags, vec!["vip".to_string(), "wholesale".to_string()]);
}

#[tokio::test]
async fn rows_matching_the_database_update_it() {
    let (_dir, pool, actor) = fresh().await;
    import(&pool, &actor, ARABIC_CSV.as_bytes()).await.unwrap();
    let csv = "phone,email,city,area,notes\n0922345678,fatima@mail.ly,بنغازي,الكيش,تفضل التوصيل صباحاً\n";
    let report = import(&pool, &actor, csv.as_bytes()).await;
    // The file has no name columns: every row lacks the required name.
    let report = report.unwrap();
    assert_eq!(counts(&report), (0, 0, 0, 0, 2));
    let csv = "الاسم,اللقب,الهاتف,البريد,المدينة,المنطقة,ملاحظات\nفاطمة,المصراتي,0922345678,fatima@mail.ly,بنغازي,الكيش,تفضل التوصيل صباحاً\n";
    let report = import(&pool, &actor, csv.as_bytes()).await.unwrap();
    assert_eq!(counts(&report), (0, 1, 0, 0, 0));
    let fatima = customers::get(&pool, &customers::resolve_ref(&pool, "0922345678").await.unwrap()).await.unwrap();
    assert_eq!((fatima.email.as_str(), fatima.incomplete), ("fatima@mail.ly", false));
    assert_eq!(fatima.addresses[0].area, "الكيش");
    assert_eq!(fatima.metadata.notes, "تفضل التوصيل صباحاً");
    let audit = customers::profile(&pool, &fatima.id).await.unwrap().audit_log;
    assert_eq!(audit[0].action, "imported");
}

#[tokio::test]
async fn bad_rows_are_rejected_with_line_field_and_reason() {
    let (_dir, pool, actor) = fresh().await;
    let csv = "first_name,last_name,phone,email,date_of_birth\n\
        Ali,Zway,0912345678,ali@mail.ly,1990-05-01\n\
        ,Gamati,0922222222,,\n\
        Sara,Jehani,12345,,\n\
        Nadia,Darsi,0942222222,nadia@,\n\
        Huda,Atrash,0962222222,,2031-01-01\n";
    let report = import(&pool, &actor, csv.as_bytes()).await.unwrap();
    assert_eq!((report.inserted, report.rejected.len()), (1, 4));
    let rejected: Vec<(u64, &str, &str)> = report.rejected.iter().map(|r| (r.line, r.field.as_str(), r.reason_id.as_str())).collect();
    assert_eq!(
        rejected,
        vec![
            (3, "firstName", "error-required"),
            (4, "phone", "error-invalid-phone"),
            (5, "email", "error-invalid-email"),
            (6, "dateOfBirth", "error-date-in-future"),
        ]
    );
    assert!(report.rejected[1].reason.starts_with("Invalid phone number"));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["rejected"][0]["line"], 3);
    assert_eq!(json["rejected"][0]["field"], "firstName");
    assert_eq!(json["inserted"], 1);
}

#[tokio::test]
async fn formula_cells_are_stored_as_text_and_neutralised_on_export() {
    let (_dir, pool, actor) = fresh().await;
    let csv = "first_name,last_name,phone,notes\n=HYPERLINK(\"http://x\"),@SUM(A1),0912345678,-2+3\n";
    let report = import(&pool, &actor, csv.as_bytes()).await.unwrap();
    assert_eq!(counts(&report), (1, 0, 0, 0, 0));
    let customer = customers::get(&pool, &customers::resolve_ref(&pool, "0912345678").await.unwrap()).await.unwrap();
    assert_eq!(customer.personal_info.first_name, "=HYPERLINK(\"http://x\")");
    assert_eq!(customer.metadata.notes, "-2+3");

    let (bytes, count) = customers::export(&pool, &CustomerFilter::default(), ExportFormat::Csv, Lang::En).await.unwrap();
    assert_eq!(count, 1);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{FEFF}'), "UTF-8 with BOM for Excel");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    assert_eq!(&record[0], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&record[1], "'@SUM(A1)");
    assert_eq!(&record[2], "'+218912345678");
    assert_eq!(&record[10], "'-2+3");
}

#[tokio::test]
async fn what_is_not_a_table_is_refused_whole() {
    let (_dir, pool, actor) = fresh().await;
    let cases: [(&[u8], NotATable); 4] = [
        (b"", NotATable::Empty),
        (b"\n\n", NotATable::Empty),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0", NotATable::Binary),
        (b"PK\x03\x04not really a workbook", NotATable::UnreadableSpreadsheet),
    ];
    for (bytes, expected) in cases {
        let err = import(&pool, &actor, bytes).await.unwrap_err();
        assert!(matches!(err, CoreError::NotATable(kind) if kind == expected), "{err:?}");
        assert_eq!(err.code(), ErrorCode::NotATable);
    }
    assert!(CoreError::NotATable(NotATable::Binary).localized(Lang::Ar).contains("ليس جدولاً"));
    // A header row and nothing else imports nothing, without error.
    let report = import(&pool, &actor, "name,phone\n".as_bytes()).await.unwrap();
    assert_eq!(counts(&report), (0, 0, 0, 0, 0));
    assert_eq!(customers::count(&pool).await.unwrap(), 0);
}

#[tokio::test]
async fn a_mapping_must_fit_the_file_and_name_a_phone() {
    let (_dir, pool, actor) = fresh().await;
    let no_phone = import(&pool, &actor, "name,email\nAli,ali@mail.ly\n".as_bytes()).await.unwrap_err();
    let CoreError::Invalid(fields) = no_phone else { panic!("expected invalid mapping") };
    assert_eq!(fields[0].message_id, "import-error-no-phone-column");

    let mut mapping = ColumnMapping::default();
    mapping.columns.insert(ImportField::Phone, "Telephone".into());
    let err = customers::import(&pool, &actor, ARABIC_CSV.as_bytes(), ImportOptions { now: now(), mapping: Some(mapping), cancel: None }, |_, _| {})
        .await
        .unwrap_err();
    let CoreError::Invalid(fields) = err else { panic!("expected invalid mapping") };
    assert_eq!((fields[0].message_id.as_str(), fields[0].args["column"].as_str()), ("import-error-missing-column", "Telephone"));

    // A mapping staff fixed by hand: the "Contact" column holds the phone.
    let csv = "Customer,Contact\nKhaled Tarhuni,0952222222\n";
    let mut mapping = ColumnMapping::default();
    mapping.columns.insert(ImportField::FullName, "Customer".into());
    mapping.columns.insert(ImportField::Phone, "Contact".into());
    let report = customers::import(&pool, &actor, csv.as_bytes(), ImportOptions { now: now(), mapping: Some(mapping), cancel: None }, |_, _| {})
        .await
        .unwrap();
    assert_eq!(report.inserted, 1);
    let khaled = customers::get(&pool, &customers::resolve_ref(&pool, "0952222222").await.unwrap()).await.unwrap();
    assert_eq!((khaled.personal_info.first_name.as_str(), khaled.personal_info.last_name.as_str()), ("Khaled", "Tarhuni"));
}

#[tokio::test]
async fn a_cancelled_import_leaves_the_database_as_it_was() {
    let (_dir, pool, actor) = fresh().await;
    let mut csv = String::from("name,phone\n");
    for i in 0..3000 {
        csv.push_str(&format!("Customer {i},091{:07}\n", 1_000_000 + i));
    }
    let cancel = AtomicBool::new(false);
    let err = customers::import(&pool, &actor, csv.as_bytes(), ImportOptions { now: now(), mapping: None, cancel: Some(&cancel) }, |done, _| {
        if done >= 1000 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    })
    .await
    .unwrap_err();
    assert!(matches!(err, CoreError::Cancelled));
    assert_eq!(customers::count(&pool).await.unwrap(), 0);
}

#[tokio::test]
async fn xlsx_in_and_out_with_arabic_headers() {
    let (_dir, pool, actor) = fresh().await;
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, header) in ["الاسم", "اللقب", "الهاتف", "المدينة", "المنطقة"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "مريم").unwrap();
    sheet.write_string(1, 1, "الفيتوري").unwrap();
    // Excel turns a typed phone into a number and drops its leading zero.
    sheet.write_number(1, 2, 962345678.0).unwrap();
    sheet.write_string(1, 3, "سبها").unwrap();
    sheet.write_string(1, 4, "المنشية").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let report = import(&pool, &actor, &bytes).await.unwrap();
    assert_eq!((report.encoding.as_str(), counts(&report)), ("xlsx", (1, 0, 0, 0, 0)));
    assert!(customers::resolve_ref(&pool, "+218962345678").await.is_ok());

    let (xlsx, count) = customers::export(&pool, &CustomerFilter::default(), ExportFormat::Xlsx, Lang::Ar).await.unwrap();
    assert_eq!(count, 1);
    let table = eishro_core::import::read_table(&xlsx).unwrap();
    assert_eq!(table.headers[0], "الاسم الأول");
    assert_eq!(table.rows[0].cells[2], "+218962345678");
    assert_eq!(table.rows[0].cells[5], "جديد");
}

#[tokio::test]
async fn export_follows_the_filter() {
    let (_dir, pool, actor) = fresh().await;
    import(&pool, &actor, ARABIC_CSV.as_bytes()).await.unwrap();
    let filter = CustomerFilter { city: Some("بنغازي".into()), ..Default::default() };
    let (_, count) = customers::export(&pool, &filter, ExportFormat::Csv, Lang::Ar).await.unwrap();
    assert_eq!(count, 1);
    let filter = CustomerFilter { query: "احمد".into(), ..Default::default() };
    assert_eq!(customers::export(&pool, &filter, ExportFormat::Csv, Lang::Ar).await.unwrap().1, 1);
    let filter = CustomerFilter { query: "\"*".into(), ..Default::default() };
    assert_eq!(customers::export(&pool, &filter, ExportFormat::Csv, Lang::Ar).await.unwrap().1, 0);
}

#[tokio::test]
async fn rejected_rows_download_with_a_reason_column() {
    let (_dir, pool, actor) = fresh().await;
    let csv = "name;phone\nAli Zway;0912345678\nSara Jehani;123\n";
    let report = import(&pool, &actor, csv.as_bytes()).await.unwrap();
    let bytes = customers::rejected_rows_csv(csv.as_bytes(), &report, Lang::Ar).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines[0], "name,phone,سبب الرفض");
    assert!(lines[1].starts_with("Sara Jehani,123,phone: رقم الهاتف غير صحيح"), "{}", lines[1]);
    assert_eq!(lines.len(), 2);
}

#[tokio::test]
async fn mappings_are_saved_by_name() {
    let (_dir, pool, actor) = fresh().await;
    let mut mapping = ColumnMapping::default();
    mapping.columns.insert(ImportField::Phone, "Contact".into());
    customers::save_mapping(&pool, &actor, "Shopify", &mapping, now()).await.unwrap();
    let saved = customers::saved_mappings(&pool).await.unwrap();
    assert_eq!(saved.get("Shopify"), Some(&mapping));
    assert!(matches!(customers::save_mapping(&pool, &actor, "  ", &mapping, now()).await, Err(CoreError::Invalid(_))));
}

#[tokio::test]
async fn a_large_import_rebuilds_the_indexes_it_dropped() {
    let (_dir, pool, actor) = fresh().await;
    let indexes = |pool: SqlitePool| async move {
        sqlx::query_scalar::<_, String>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' ORDER BY name")
            .fetch_all(&pool)
            .await
            .unwrap()
    };
    let before = indexes(pool.clone()).await;
    let mut csv = Vec::new();
    eishro_core::demo::customers_csv(21_000, 3, &mut csv).unwrap();
    let report = import(&pool, &actor, &csv).await.unwrap();
    assert!(report.inserted > 20_000, "{}", report.inserted);
    assert_eq!(indexes(pool.clone()).await, before, "every index is back, as it was defined");
    // The list and search work on what was loaded.
    let first = customers::list(&pool, &CustomerFilter::default(), Default::default(), 0, 1).await.unwrap();
    assert_eq!(first.total as u64, report.inserted);
    let found = customers::search(&pool, &first.rows[0].phone, 5).await.unwrap();
    assert_eq!(found[0].id, first.rows[0].id);
}
