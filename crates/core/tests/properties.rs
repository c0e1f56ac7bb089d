//! Invariants over arbitrary input: what staff paste into a search box or a phone field
//! must never crash the app or reach SQLite as syntax.

use chrono::{TimeZone, Utc};
use eishro_core::arabic::fold;
use eishro_core::customers::{self, AddressDraft, CreateOptions, CustomerDraft};
use eishro_core::phone::PhoneE164;
use eishro_core::staff::{self, Actor};
use eishro_core::db;
use proptest::prelude::*;

/// Text drawn from what really arrives: Arabic letters and marks, digits of both kinds,
/// Latin, punctuation that means something to FTS5, and bidi controls.
fn messy_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::char::range('\u{0600}', '\u{06FF}'),
            proptest::char::range('0', '9'),
            proptest::char::range('a', 'z'),
            prop::sample::select(vec!['"', '*', '(', ')', ':', '^', '-', '+', '{', '}', ' ', '@', '.', '\u{0640}', '\u{200F}', '\'', 'N', 'O', 'R']),
        ],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn folding_is_idempotent(text in messy_text()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn a_parsed_phone_parses_to_itself(text in messy_text()) {
        if let Ok(phone) = PhoneE164::parse(&text) {
            prop_assert!(phone.as_str().starts_with('+'));
            prop_assert_eq!(PhoneE164::parse(phone.as_str()), Ok(phone.clone()));
        }
    }
}

#[test]
fn no_search_text_is_an_fts_syntax_error() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pool = runtime.block_on(async {
        let pool = db::open(&dir.path().join("crm.db")).await.unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
        let actor = Actor::Staff(staff::ensure_owner(&pool, now).await.unwrap());
        let draft = CustomerDraft {
            first_name: "نور".into(),
            last_name: "الهدى".into(),
            phone: "0941234567".into(),
            email: "nour@mail.ly".into(),
            addresses: vec![AddressDraft { city: "سبها".into(), area: "المنشية".into(), ..Default::default() }],
            ..Default::default()
        };
        customers::create(&pool, &actor, &draft, CreateOptions { now, confirm_duplicate: false }).await.unwrap();
        pool
    });
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(300));
    runner
        .run(&messy_text(), |query| {
            let result = runtime.block_on(customers::search(&pool, &query, 20));
            prop_assert!(result.is_ok(), "query {:?}: {:?}", query, result.err());
            Ok(())
        })
        .unwrap();
}

proptest! {
    /// Intent detection takes any text a customer sends without failing, and decorating a
    /// message with harakat and tatweel, as people do, never changes its intent (SPEC §7.7
    /// Resolution: matching works on normalised text).
    #[test]
    fn decorating_a_message_never_changes_its_intent(
        text in messy_text(),
        keyword in prop::sample::select(vec!["وين طلبي", "ما نجح الدفع", "ما وصل الطلب", "مواصفات", "شكوى", "غير راضي", "حالة الطلب"]),
        marks in proptest::collection::vec(prop::sample::select(vec!['\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0640}']), 0..6),
    ) {
        use eishro_core::support::intent::{detect, order_number_in, SmartReplySettings};
        let settings = SmartReplySettings::default();
        let message = format!("{text} {keyword} {text}");
        let plain = detect(&message, &settings);
        let mut decorated = String::new();
        for (i, c) in message.chars().enumerate() {
            decorated.push(c);
            if let Some(mark) = marks.get(i % (marks.len().max(1))) {
                if ('\u{0621}'..='\u{064A}').contains(&c) {
                    decorated.push(*mark);
                }
            }
        }
        prop_assert_eq!(detect(&decorated, &settings), plain);
        let _ = order_number_in(&text);
    }
}
