//! Duplicates and merging (issue #3, SPEC §1.2): candidates with reasons, a merge that
//! loses nothing and can be undone.

use chrono::Duration;
use eishro_core::customers::{self, AddressDraft, CreateOptions, CustomerDraft, DuplicateReason, MergeChoices, MergeField};
use eishro_core::error::CoreError;
use eishro_core::staff::Actor;
use sqlx::SqlitePool;

mod common;
use common::{fresh, now};

async fn add(pool: &SqlitePool, actor: &Actor, first: &str, last: &str, phone: &str, email: &str, city: &str, tags: &[&str]) -> String {
    let draft = CustomerDraft {
        first_name: first.into(),
        last_name: last.into(),
        phone: phone.into(),
        email: email.into(),
        addresses: vec![AddressDraft { city: city.into(), area: "المركز".into(), ..Default::default() }],
        tags: tags.iter().map(|t| t.to_string()).collect(),
        notes: format!("ملاحظة {first}"),
        ..Default::default()
    };
    customers::create(pool, actor, &draft, CreateOptions { now: now(), confirm_duplicate: true }).await.unwrap().id
}

#[tokio::test]
async fn candidates_come_with_their_reasons() {
    let (_dir, pool, actor) = fresh().await;
    let a = add(&pool, &actor, "أحمد", "الورفلي", "0912345678", "ahmed@mail.ly", "طرابلس", &[]).await;
    let b = add(&pool, &actor, "احمد", "الورفلى", "+218 91 234 5678", "AHMED@mail.ly", "طرابلس", &[]).await;
    let c = add(&pool, &actor, "سالم", "الزنتاني", "0922222222", "s1@mail.ly", "بنغازي", &[]).await;
    let d = add(&pool, &actor, "سالم", "الزنتانى", "0933333333", "s2@mail.ly", "بنغازي", &[]).await;
    add(&pool, &actor, "سالم", "الزنتاني", "0944444444", "s3@mail.ly", "سبها", &[]).await;
    let pairs = customers::duplicate_candidates(&pool, 50).await.unwrap();
    let found: Vec<(String, String, Vec<DuplicateReason>)> = pairs.into_iter().map(|p| (p.first.id, p.second.id, p.reasons)).collect();
    let pair = |x: &str, y: &str| if x < y { (x.to_string(), y.to_string()) } else { (y.to_string(), x.to_string()) };
    let (a1, b1) = pair(&a, &b);
    let (c1, d1) = pair(&c, &d);
    assert_eq!(
        found,
        vec![
            (a1, b1, vec![DuplicateReason::SamePhone, DuplicateReason::SameEmail, DuplicateReason::SameNameAndCity]),
            (c1.clone(), d1.clone(), vec![DuplicateReason::SameNameAndCity]),
        ]
    );
    customers::dismiss_pair(&pool, &actor, &d, &c, now()).await.unwrap();
    assert_eq!(customers::duplicate_candidates(&pool, 50).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_merge_keeps_everything_and_undo_restores_both() {
    let (_dir, pool, actor) = fresh().await;
    // Imported from an old sheet without an e-mail: incomplete.
    let csv = "الاسم,اللقب,الهاتف,المدينة,المنطقة,الوسوم,ملاحظات\nفاطمة,المصراتي,0912345678,طرابلس,المركز,جملة,ملاحظة فاطمة\n";
    let options = customers::ImportOptions { now: now(), mapping: None, cancel: None };
    customers::import(&pool, &actor, csv.as_bytes(), options, |_, _| {}).await.unwrap();
    let survivor = customers::resolve_ref(&pool, "0912345678").await.unwrap();
    let merged = add(&pool, &actor, "فاطمه", "المصراتي", "0912345678", "fatima@mail.ly", "مصراتة", &["vip"]).await;
    let at = now() + Duration::hours(1);
    let choices = MergeChoices { take_from_merged: vec![MergeField::Email, MergeField::DefaultAddress] };
    let record = customers::merge(&pool, &actor, &survivor, &merged, &choices, at).await.unwrap();

    let after = customers::get(&pool, &survivor).await.unwrap();
    assert_eq!(after.email, "fatima@mail.ly");
    assert!(!after.incomplete);
    assert_eq!(after.personal_info.first_name, "فاطمة", "the survivor's name was kept");
    assert_eq!(after.metadata.tags, vec!["vip".to_string(), "جملة".to_string()]);
    assert!(after.metadata.notes.contains("ملاحظة فاطمة") && after.metadata.notes.contains("ملاحظة فاطمه"));
    assert_eq!(after.addresses.len(), 2);
    assert_eq!(after.default_address().unwrap().city, "مصراتة");

    // The merged customer is gone from every list and lookup; its id leads to the survivor.
    assert_eq!(customers::count(&pool).await.unwrap(), 1);
    assert_eq!(customers::search(&pool, "فاطمه", 10).await.unwrap().len(), 1);
    assert_eq!(customers::resolve_ref(&pool, &merged).await.unwrap(), survivor);
    assert!(customers::duplicate_candidates(&pool, 10).await.unwrap().is_empty());
    // Its consent and audit history shows on the survivor.
    let profile = customers::profile(&pool, &survivor).await.unwrap();
    assert!(profile.audit_log.iter().any(|e| e.action == "merged"));
    assert!(profile.audit_log.iter().any(|e| e.action == "mergedInto"));
    assert_eq!(customers::recent_merges(&pool, 10).await.unwrap()[0].merged_name, "فاطمه المصراتي");

    customers::undo_merge(&pool, &actor, &record.id, at + Duration::minutes(5)).await.unwrap();
    assert_eq!(customers::count(&pool).await.unwrap(), 2);
    let restored = customers::get(&pool, &survivor).await.unwrap();
    assert_eq!((restored.email.as_str(), restored.metadata.tags.len(), restored.addresses.len()), ("", 1, 1));
    assert_eq!(customers::resolve_ref(&pool, &merged).await.unwrap(), merged);
    assert_eq!(customers::search(&pool, "فاطمه", 10).await.unwrap().len(), 2);
    assert!(customers::recent_merges(&pool, 10).await.unwrap()[0].undone_at.is_some());
    let again = customers::undo_merge(&pool, &actor, &record.id, at + Duration::minutes(6)).await.unwrap_err();
    assert!(matches!(&again, CoreError::Invalid(f) if f[0].message_id == "merge-error-already-undone"));
}

#[tokio::test]
async fn merges_that_would_lose_work_are_refused() {
    let (_dir, pool, actor) = fresh().await;
    let a = add(&pool, &actor, "خالد", "الترهوني", "0912345678", "k1@mail.ly", "طرابلس", &[]).await;
    let b = add(&pool, &actor, "خالد", "الترهوني", "0912345678", "k2@mail.ly", "طرابلس", &[]).await;
    let same = customers::merge(&pool, &actor, &a, &a, &MergeChoices::default(), now()).await.unwrap_err();
    assert!(matches!(&same, CoreError::Invalid(f) if f[0].message_id == "merge-error-same"));
    let record = customers::merge(&pool, &actor, &a, &b, &MergeChoices::default(), now()).await.unwrap();
    let twice = customers::merge(&pool, &actor, &a, &b, &MergeChoices::default(), now()).await.unwrap_err();
    assert!(matches!(&twice, CoreError::Invalid(f) if f[0].message_id == "merge-error-already-merged"));
    // An edit after the merge would be lost by undo: refused.
    let mut draft = CustomerDraft {
        first_name: "خالد".into(),
        last_name: "الترهوني".into(),
        phone: "0912345678".into(),
        email: "k1@mail.ly".into(),
        notes: "عدّل بعد الدمج".into(),
        ..Default::default()
    };
    draft.addresses = vec![AddressDraft { city: "طرابلس".into(), area: "المركز".into(), ..Default::default() }];
    customers::update(&pool, &actor, &a, &draft, now() + Duration::hours(2)).await.unwrap();
    let late = customers::undo_merge(&pool, &actor, &record.id, now() + Duration::hours(3)).await.unwrap_err();
    assert!(matches!(&late, CoreError::Invalid(f) if f[0].message_id == "merge-error-changed-since"));
}
