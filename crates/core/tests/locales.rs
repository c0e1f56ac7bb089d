//! The Fluent files are the one source of every visible string (SPEC §9): both languages
//! must parse, hold the same keys, and Arabic plurals must pick the right form.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use eishro_core::i18n::{self, Lang, LOCALE_FILES};
use fluent_bundle::FluentResource;

fn locales_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales"))
}

fn message_ids(source: &str, file: &str) -> BTreeSet<String> {
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("{file} has Fluent syntax errors: {errors:?}"));
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_locale_file_is_embedded() {
    for lang in ["ar", "en"] {
        let mut on_disk: Vec<String> = std::fs::read_dir(locales_dir().join(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = LOCALE_FILES.iter().map(|(n, _, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "locales/{lang} and i18n::LOCALE_FILES differ");
    }
}

#[test]
fn both_languages_parse_and_have_the_same_keys() {
    for (name, ar, en) in LOCALE_FILES {
        let ar_ids = message_ids(ar, &format!("ar/{name}"));
        let en_ids = message_ids(en, &format!("en/{name}"));
        let only_ar: Vec<_> = ar_ids.difference(&en_ids).collect();
        let only_en: Vec<_> = en_ids.difference(&ar_ids).collect();
        assert!(only_ar.is_empty() && only_en.is_empty(), "{name}: only in ar {only_ar:?}, only in en {only_en:?}");
    }
}

#[test]
fn the_ui_and_rust_read_the_same_files() {
    // The UI imports ../../locales/*/*.ftl; this guards against a copy drifting in ui/.
    let ui = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src"));
    if ui.exists() {
        let stray: Vec<_> = walk(ui).into_iter().filter(|p| p.extension().is_some_and(|e| e == "ftl")).collect();
        assert!(stray.is_empty(), "Fluent files belong in locales/, not {stray:?}");
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn customers_count(lang: Lang, n: u32) -> String {
    let args = BTreeMap::from([("count".to_string(), n.to_string())]);
    i18n::message(lang, "customers-count", &args)
}

#[test]
fn arabic_plurals_use_all_their_forms() {
    let count = |n| customers_count(Lang::Ar, n);
    assert_eq!(count(0), "لا يوجد عملاء");
    assert_eq!(count(1), "عميل واحد");
    assert_eq!(count(2), "عميلان");
    assert_eq!(count(3), "3 عملاء");
    assert_eq!(count(10), "10 عملاء");
    assert_eq!(count(11), "11 عميلاً");
    assert_eq!(count(99), "99 عميلاً");
    assert_eq!(count(100), "100 عميل");
    let en = |n| customers_count(Lang::En, n);
    assert_eq!(en(1), "1 customer");
    assert_eq!(en(5), "5 customers");
}

#[test]
fn a_missing_message_shows_its_id_not_a_blank() {
    assert_eq!(i18n::text(Lang::Ar, "no-such-message"), "no-such-message");
    assert_eq!(i18n::text(Lang::En, "nav-customers"), "Customers");
    assert_eq!(i18n::text(Lang::Ar, "nav-customers"), "العملاء");
}
