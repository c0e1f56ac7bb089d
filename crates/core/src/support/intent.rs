//! Smart replies (SPEC §7.7): the intent of a customer's message and a suggested reply.
//!
//! Matching follows SPEC: intents are tried in order and the first with a matching
//! keyword wins, on text normalised by [`crate::arabic::fold`] (diacritics, tatweel and
//! the alef, yaa and taa marbuta forms do not matter). Two things are added, because
//! Libyan customers do not write SPEC's exact phrases: each intent also has dialect
//! phrasings (`وين الطلبية`, `ما وصلنيش`), and a phrase matches word by word where each
//! word may carry the article, a conjunction or a pronoun ending (`طلبيتي` for `طلبي`,
//! `وصلني` for `وصل`). A plain substring match, SPEC's own rule, still counts as well.
//!
//! Pure: the keywords come from the settings, the context from the ticket.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use super::template::ReplyContext;
use super::template::fill;
use crate::arabic::fold;
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Intent {
    OrderStatus,
    PaymentIssue,
    ShippingProblem,
    ProductInquiry,
    Complaint,
    GeneralInquiry,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::OrderStatus => "order_status",
            Intent::PaymentIssue => "payment_issue",
            Intent::ShippingProblem => "shipping_problem",
            Intent::ProductInquiry => "product_inquiry",
            Intent::Complaint => "complaint",
            Intent::GeneralInquiry => "general_inquiry",
        }
    }

    /// The ticket category the intent proposes (SPEC §7.7 Resolution).
    pub fn category(self) -> super::Category {
        use super::Category;
        match self {
            Intent::OrderStatus => Category::Order,
            Intent::PaymentIssue => Category::Payment,
            Intent::ShippingProblem => Category::Shipping,
            Intent::ProductInquiry => Category::Product,
            Intent::Complaint | Intent::GeneralInquiry => Category::Other,
        }
    }
}

/// One intent's phrases: SPEC's keywords, stored verbatim, and dialect phrasings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IntentRule {
    pub intent: Intent,
    pub keywords: Vec<String>,
    #[serde(default)]
    pub variants: Vec<String>,
}

/// The smart-reply settings: the rules in evaluation order, and the reply templates per
/// intent and language. `{{orderNumber}}` and `{{firstName}}` are filled from the context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SmartReplySettings {
    pub rules: Vec<IntentRule>,
    pub replies: BTreeMap<Intent, Reply>,
    /// Sent when `{{orderNumber}}` cannot be filled (SPEC §7.7, missing order number).
    pub order_number_fallback: Reply,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Reply {
    pub ar: String,
    pub en: String,
}

impl Reply {
    fn new(ar: &str, en: &str) -> Reply {
        Reply { ar: ar.to_string(), en: en.to_string() }
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }
}

fn phrases(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for SmartReplySettings {
    fn default() -> Self {
        let rule = |intent, keywords: &[&str], variants: &[&str]| IntentRule { intent, keywords: phrases(keywords), variants: phrases(variants) };
        SmartReplySettings {
            rules: vec![
                rule(
                    Intent::OrderStatus,
                    &["حالة الطلب", "وين طلبي", "متى يوصل"],
                    &["وين الطلبية", "وين الطلب", "وين وصل طلبي", "متى توصل", "امتى يوصل", "امتى توصل", "وقتاش يوصل", "وقتاش توصل", "تتبع الطلب", "طلبي وين"],
                ),
                rule(
                    Intent::PaymentIssue,
                    &["مشكلة في الدفع", "ما نجح الدفع", "إرجاع فلوس"],
                    &["الدفع ما نجح", "الدفع ما نجحش", "الدفع فشل", "فشل الدفع", "ما تم الدفع", "ما تمش الدفع", "ارجاع الفلوس", "رجعولي فلوسي", "استرجاع المبلغ", "خصم مرتين"],
                ),
                rule(
                    Intent::ShippingProblem,
                    &["تأخير في الشحن", "ما وصل الطلب", "مشكلة في التوصيل"],
                    &["الشحن متأخر", "تأخر الشحن", "التوصيل متأخر", "تأخر التوصيل", "ما وصلني", "ما وصلنيش", "ما وصلتش", "الطلب ما وصل", "الطلبية ما وصلت", "لم يصل", "المندوب ما جاش"],
                ),
                rule(
                    Intent::ProductInquiry,
                    &["استفسار عن منتج", "معلومات إضافية", "مواصفات"],
                    &["استفسار على منتج", "عندكم مقاس", "متوفر عندكم", "شن مواصفات", "نبي نسأل على"],
                ),
                rule(Intent::Complaint, &["شكوى", "غير راضي", "مشكلة", "سيء"], &["مش راضي", "موش راضي", "نبي نشتكي", "سيئ", "خدمة خايبة"]),
            ],
            replies: BTreeMap::from([
                (
                    Intent::OrderStatus,
                    Reply::new("سأتحقق من حالة طلبك برقم {{orderNumber}}. يرجى الانتظار قليلاً.", "I'll check the status of your order {{orderNumber}}. Please wait a moment."),
                ),
                (
                    Intent::PaymentIssue,
                    Reply::new("سأساعدك في حل مشكلة الدفع. هل يمكنك وصف المشكلة بالتفصيل؟", "I'll help you sort out the payment problem. Could you describe it in detail?"),
                ),
                (
                    Intent::ShippingProblem,
                    Reply::new("عذراً للتأخير في الشحن. سأتواصل مع شركة الشحن وأحدثك قريباً.", "Sorry for the shipping delay. I'll contact the shipping company and update you soon."),
                ),
                (
                    Intent::ProductInquiry,
                    Reply::new("سأقدم لك المعلومات المطلوبة عن المنتج. ما الذي تود معرفته بالضبط؟", "I'll give you the information you need about the product. What exactly would you like to know?"),
                ),
                (
                    Intent::Complaint,
                    Reply::new("عذراً لأي إزعاج سببته لك. سأحل مشكلتك في أقرب وقت ممكن.", "Sorry for any inconvenience. I'll solve your problem as soon as possible."),
                ),
                (
                    Intent::GeneralInquiry,
                    Reply::new("شكراً لتواصلك معنا. سأساعدك في استفسارك.", "Thank you for contacting us. I'll help you with your enquiry."),
                ),
            ]),
            order_number_fallback: Reply::new(
                "سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟",
                "I'll check the status of your order. Could you give me the order number?",
            ),
        }
    }
}

/// Article, conjunction and preposition prefixes a word may carry.
const PREFIXES: &[&str] = &["وال", "بال", "فال", "لل", "ال", "و", "ف", "ب"];
/// Pronoun and dialect endings (folded: ة is ه); `ش` is the Libyan negation `ما …ش`.
const SUFFIXES: &[&str] = &["يتي", "يته", "تي", "يه", "ني", "نا", "ها", "كم", "ش", "ي", "ك", "ه"];

/// The forms a folded word may stand for: itself, and itself without one prefix and/or
/// one ending, never shorter than three letters.
fn stems(word: &str) -> Vec<&str> {
    let long_enough = |s: &str| s.chars().count() >= 3;
    let mut out = vec![word];
    let without_prefix: Vec<&str> = PREFIXES.iter().filter_map(|p| word.strip_prefix(p)).filter(|s| long_enough(s)).collect();
    for base in std::iter::once(word).chain(without_prefix.iter().copied()) {
        out.push(base);
        for suffix in SUFFIXES {
            if let Some(stem) = base.strip_suffix(suffix).filter(|s| long_enough(s)) {
                out.push(stem);
            }
        }
    }
    out
}

fn words_match(message_word: &str, phrase_word: &str) -> bool {
    if message_word == phrase_word {
        return true;
    }
    let phrase_stems = stems(phrase_word);
    stems(message_word).iter().any(|s| phrase_stems.contains(s))
}

fn words(folded: &str) -> Vec<&str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// Whether a folded message contains a phrase: as a substring (SPEC's rule), or word by
/// word in sequence with each word allowed its prefixes and endings.
fn contains(message: &str, message_words: &[&str], phrase: &str) -> bool {
    let phrase = fold(phrase);
    if phrase.is_empty() {
        return false;
    }
    if message.contains(&phrase) {
        return true;
    }
    let phrase_words = words(&phrase);
    !phrase_words.is_empty()
        && message_words.windows(phrase_words.len()).any(|window| window.iter().zip(&phrase_words).all(|(m, p)| words_match(m, p)))
}

/// The intent of a message: the first rule, in order, with a matching keyword or
/// phrasing; `general_inquiry` when none matches.
pub fn detect(message: &str, settings: &SmartReplySettings) -> Intent {
    let folded = fold(message);
    let message_words = words(&folded);
    settings
        .rules
        .iter()
        .find(|rule| rule.keywords.iter().chain(&rule.variants).any(|phrase| contains(&folded, &message_words, phrase)))
        .map_or(Intent::GeneralInquiry, |rule| rule.intent)
}

/// An order number a customer wrote: a token with a digit that follows `#`, `رقم`,
/// `طلب`/`طلبية` or `order`, or a platform-style code such as `EL-1042`. Phone numbers are
/// not order numbers.
pub fn order_number_in(message: &str) -> Option<String> {
    let text = crate::arabic::ascii_digits(message);
    let tokens: Vec<&str> = text.split(|c: char| c.is_whitespace() || matches!(c, '،' | ',' | '.' | '؟' | '?' | ':' | '(' | ')')).filter(|t| !t.is_empty()).collect();
    let is_phone = |t: &str| {
        let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
        digits >= 9 && crate::phone::PhoneE164::parse(t).is_ok()
    };
    let looks_like_number = |t: &str| {
        let t = t.trim_start_matches('#');
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && t.chars().filter(|c| c.is_ascii_digit()).count() >= 3
            && !is_phone(t)
    };
    let after_cue = |i: usize| {
        i > 0 && {
            let cue = fold(tokens[i - 1]);
            ["رقم", "طلب", "طلبي", "الطلب", "طلبيه", "الطلبيه", "order", "#", "no"].contains(&cue.as_str())
        }
    };
    tokens.iter().enumerate().find_map(|(i, t)| {
        let code = t.contains('-') && t.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        (looks_like_number(t) && (t.starts_with('#') || after_cue(i) || code)).then(|| t.trim_start_matches('#').to_string())
    })
}

/// The suggested reply to a message of `intent`, never with an unfilled placeholder: an
/// order-status reply without an order number asks for it (SPEC §7.7), and any other
/// template that cannot be filled gives way to the general reply.
pub fn suggested_reply(intent: Intent, context: &ReplyContext, settings: &SmartReplySettings, lang: Lang) -> String {
    let defaults = SmartReplySettings::default();
    let template = |i: Intent| settings.replies.get(&i).or_else(|| defaults.replies.get(&i)).map_or("", |r| r.text(lang)).to_string();
    if let Ok(reply) = fill(&template(intent), context) {
        return reply;
    }
    if intent == Intent::OrderStatus {
        if let Ok(reply) = fill(settings.order_number_fallback.text(lang), context) {
            return reply;
        }
    }
    fill(&template(Intent::GeneralInquiry), context).unwrap_or_else(|_| defaults.replies[&Intent::GeneralInquiry].text(lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(message: &str) -> Intent {
        detect(message, &SmartReplySettings::default())
    }

    /// Every SPEC keyword on its own, as written, without its diacritics and hamza, and
    /// with tashkeel and tatweel added, gives its intent.
    #[test]
    fn each_spec_keyword_in_every_spelling() {
        let settings = SmartReplySettings::default();
        for rule in &settings.rules {
            for keyword in &rule.keywords {
                let plain: String = keyword.replace(['أ', 'إ', 'آ'], "ا").replace('ى', "ي").replace('ة', "ه");
                let decorated: String = keyword.chars().flat_map(|c| if c == ' ' { vec![c] } else { vec![c, '\u{064E}'] }).collect();
                let stretched = keyword.replacen(' ', "ـــ ", 1);
                for text in [keyword.clone(), plain, decorated, stretched, format!("السلام عليكم، {keyword} لو سمحت")] {
                    assert_eq!(detect(&text, &settings), rule.intent, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn the_first_intent_in_order_wins() {
        assert_eq!(intent("عندي مشكلة في الدفع"), Intent::PaymentIssue, "not complaint, though it says مشكلة");
        assert_eq!(intent("مشكلة في التوصيل"), Intent::ShippingProblem);
        assert_eq!(intent("مرحبا، نبي نعرف الأسعار"), Intent::GeneralInquiry);
        assert_eq!(intent(""), Intent::GeneralInquiry);
    }

    #[test]
    fn libyan_messages_as_customers_write_them() {
        let cases = [
            ("السلام عليكم خويا، وين طلبيتي؟ طلبتها من أسبوع", Intent::OrderStatus),
            ("وين الطلبية متاعي يا جماعة", Intent::OrderStatus),
            ("امتى توصل الطلبية لطرابلس؟", Intent::OrderStatus),
            ("وقتاش يوصل الطلب لبنغازي", Intent::OrderStatus),
            ("حاولت ندفع بالبطاقة والدفع ما نجحش", Intent::PaymentIssue),
            ("الفلوس انخصمت مرتين، نبي إرجاع فلوسي", Intent::PaymentIssue),
            ("الطلب ما وصلنيش لتوا ومر عليه عشر أيام", Intent::ShippingProblem),
            ("ما وصلني شي والمندوب ما جاش", Intent::ShippingProblem),
            ("الشحن متأخر واجد", Intent::ShippingProblem),
            ("نبي معلومات إضافيه على الجهاز هذا", Intent::ProductInquiry),
            ("شن مواصفات الشاشة؟", Intent::ProductInquiry),
            ("أنا موش راضي على الخدمة", Intent::Complaint),
            ("المنتج سيئ جداً", Intent::Complaint),
            ("نبي نقدم شكوي على المندوب", Intent::Complaint),
        ];
        for (message, expected) in cases {
            assert_eq!(intent(message), expected, "{message}");
        }
    }

    #[test]
    fn word_endings_do_not_make_unrelated_words_match() {
        assert_eq!(intent("شكرا على الطلبية وصلت كاملة"), Intent::GeneralInquiry);
        assert_eq!(intent("وينكم؟ نبي نطلب"), Intent::GeneralInquiry);
    }

    #[test]
    fn order_numbers_in_messages() {
        assert_eq!(order_number_in("وين طلبي رقم 10452؟"), Some("10452".into()));
        assert_eq!(order_number_in("طلبي #EL-1042 ما وصل"), Some("EL-1042".into()));
        assert_eq!(order_number_in("الطلب EL-2201 متأخر"), Some("EL-2201".into()));
        assert_eq!(order_number_in("رقم الطلب ١٠٤٥٢"), Some("10452".into()));
        assert_eq!(order_number_in("كلموني على 0912345678"), None);
        assert_eq!(order_number_in("رقم 0912345678"), None, "a phone is not an order number");
        assert_eq!(order_number_in("عندي 3 طلبات"), None);
    }

    /// SPEC §7.7: never "… برقم undefined".
    #[test]
    fn replies_never_keep_a_placeholder() {
        let settings = SmartReplySettings::default();
        let with = ReplyContext { order_number: Some("EL-1042".into()), ..Default::default() };
        assert_eq!(suggested_reply(Intent::OrderStatus, &with, &settings, Lang::Ar), "سأتحقق من حالة طلبك برقم EL-1042. يرجى الانتظار قليلاً.");
        assert_eq!(suggested_reply(Intent::OrderStatus, &ReplyContext::default(), &settings, Lang::Ar), "سأتحقق من حالة طلبك. هل يمكنك تزويدي برقم الطلب؟");
        assert_eq!(suggested_reply(Intent::Complaint, &ReplyContext::default(), &settings, Lang::Ar), "عذراً لأي إزعاج سببته لك. سأحل مشكلتك في أقرب وقت ممكن.");
        let mut edited = settings.clone();
        edited.replies.insert(Intent::PaymentIssue, Reply::new("أهلاً {{firstName}}، سنراجع الدفع.", "Hi {{firstName}}, we'll check the payment."));
        assert_eq!(suggested_reply(Intent::PaymentIssue, &ReplyContext::default(), &edited, Lang::En), "Thank you for contacting us. I'll help you with your enquiry.");
        let named = ReplyContext { first_name: Some("هدى".into()), ..Default::default() };
        assert_eq!(suggested_reply(Intent::PaymentIssue, &named, &edited, Lang::Ar), "أهلاً هدى، سنراجع الدفع.");
    }
}
