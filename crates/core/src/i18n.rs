//! Localised text from the Fluent files in `locales/`, the one source of every string the
//! product shows: the UI loads the same files, and Rust uses them for errors, exports and
//! later message templates. Errors in core carry a message id and arguments instead of
//! text, so each caller renders them in its user's language.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unic_langid::{langid, LanguageIdentifier};

/// A UI and communication language (`personalInfo.preferredLanguage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ar, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Ar => langid!("ar-LY"),
            Lang::En => langid!("en"),
        }
    }
}

/// Every `.ftl` file, embedded so the binaries need no files beside them. A test checks
/// this list against the `locales/` folders, so a new file cannot be forgotten here.
pub const LOCALE_FILES: &[(&str, &str, &str)] = &[
    (
        "app.ftl",
        include_str!("../../../locales/ar/app.ftl"),
        include_str!("../../../locales/en/app.ftl"),
    ),
    (
        "customers.ftl",
        include_str!("../../../locales/ar/customers.ftl"),
        include_str!("../../../locales/en/customers.ftl"),
    ),
    (
        "errors.ftl",
        include_str!("../../../locales/ar/errors.ftl"),
        include_str!("../../../locales/en/errors.ftl"),
    ),
    (
        "support.ftl",
        include_str!("../../../locales/ar/support.ftl"),
        include_str!("../../../locales/en/support.ftl"),
    ),
    (
        "loyalty.ftl",
        include_str!("../../../locales/ar/loyalty.ftl"),
        include_str!("../../../locales/en/loyalty.ftl"),
    ),
    (
        "orders.ftl",
        include_str!("../../../locales/ar/orders.ftl"),
        include_str!("../../../locales/en/orders.ftl"),
    ),
    (
        "reports.ftl",
        include_str!("../../../locales/ar/reports.ftl"),
        include_str!("../../../locales/en/reports.ftl"),
    ),
];

struct Bundles {
    ar: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundles() -> &'static Bundles {
    static BUNDLES: OnceLock<Bundles> = OnceLock::new();
    BUNDLES.get_or_init(|| Bundles {
        ar: build_bundle(Lang::Ar),
        en: build_bundle(Lang::En),
    })
}

fn build_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    // Isolation marks are right for text shown in the UI, wrong for CSV and SMS output;
    // Rust renders the latter, so it renders without them.
    bundle.set_use_isolating(false);
    for (name, ar, en) in LOCALE_FILES {
        let source = match lang {
            Lang::Ar => *ar,
            Lang::En => *en,
        };
        // A syntax error is caught by the locale tests; at run time we keep what parsed.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, errs)| {
            tracing::error!(file = name, ?errs, "locale file has syntax errors");
            res
        });
        bundle.add_resource_overriding(resource);
    }
    bundle
}

/// Renders message `id` in `lang`. Arguments that are canonical integers are passed as Fluent
/// numbers, so plural selection (Arabic has six forms) works on them.
pub fn message(lang: Lang, id: &str, args: &BTreeMap<String, String>) -> String {
    let bundles = bundles();
    let bundle = match lang {
        Lang::Ar => &bundles.ar,
        Lang::En => &bundles.en,
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        // Never show a blank: the id itself tells a developer what is missing.
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (key, value) in args {
        // Only a canonical integer is a number: "0912345678" or "+218…" must stay text.
        match value.parse::<i64>() {
            Ok(n) if n.to_string() == *value => fluent_args.set(key.as_str(), FluentValue::from(n)),
            _ => fluent_args.set(key.as_str(), FluentValue::from(value.as_str())),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Shorthand for a message without arguments.
pub fn text(lang: Lang, id: &str) -> String {
    message(lang, id, &BTreeMap::new())
}

/// A whole number as the UI language writes it, by CLDR through ICU4X: ar-LY groups with
/// `.` and keeps Latin digits (SPEC §9's default); English groups with `,`. Fluent's own
/// number formatting ignores the locale, so charts and exports come here.
pub fn number(lang: Lang, value: i64) -> String {
    use icu_decimal::DecimalFormatter;
    thread_local! {
        // ICU4X data is not shareable across threads without its `sync` feature; a pair
        // per thread costs less than making every ICU type atomic.
        static FORMATTERS: Option<(DecimalFormatter, DecimalFormatter)> = (|| {
            let ar = DecimalFormatter::try_new(icu_locale_core::locale!("ar-LY").into(), Default::default()).ok()?;
            let en = DecimalFormatter::try_new(icu_locale_core::locale!("en").into(), Default::default()).ok()?;
            Some((ar, en))
        })();
    }
    let decimal = icu_decimal::input::Decimal::from(value);
    FORMATTERS.with(|formatters| match (formatters, lang) {
        (Some((ar, _)), Lang::Ar) => ar.format(&decimal).to_string(),
        (Some((_, en)), Lang::En) => en.format(&decimal).to_string(),
        // Compiled-in data cannot be missing; were it, plain digits still read right.
        (None, _) => value.to_string(),
    })
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(number(Lang::En, 1234567), "1,234,567");
        // ar-LY: Latin digits, `.` between groups (CLDR).
        assert_eq!(number(Lang::Ar, 1234567), "1.234.567");
        assert_eq!(number(Lang::Ar, -45), "\u{200e}-45");
    }
}
