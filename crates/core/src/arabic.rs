//! Arabic text folding for search and identity.
//!
//! Staff type names the way they were heard, not the way they were registered: `احمد` for
//! `أحمد`, with or without harakat, with tatweel from a copied WhatsApp message, with
//! Arabic-Indic digits from a phone keyboard. Folding maps all those spellings to one key.
//! It runs at index time and at query time, so the two always agree. SQLite's FTS5
//! `remove_diacritics` cannot do this: it treats harakat as token separators.

/// Folds `text` to its search key: harakat, Quranic marks and tatweel removed; alef, yaa,
/// taa marbuta, waw-hamza and yaa-hamza variants unified; Arabic-Indic digits to ASCII;
/// Latin lower-cased. Whitespace runs collapse to one space and the ends are trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        let Some(folded) = fold_char(ch) else { continue };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        for lower in folded.to_lowercase() {
            out.push(lower);
        }
    }
    out
}

/// The folded form of one character, or `None` when the character carries no identity
/// (a diacritic or tatweel).
fn fold_char(ch: char) -> Option<char> {
    match ch {
        // Honorifics and Quranic annotation signs, harakat, superscript alef, small high marks.
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => {
            None
        }
        // Tatweel (kashida) only stretches a word.
        '\u{0640}' => None,
        // Bidi controls pasted along with phone numbers and names.
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        'ؤ' => Some('و'),
        'ئ' => Some('ي'),
        '\u{0660}'..='\u{0669}' => char::from_digit(ch as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(ch as u32 - 0x06F0, 10),
        _ => Some(ch),
    }
}

/// Replaces Arabic-Indic and Extended Arabic-Indic digits with ASCII digits, leaving
/// everything else as it is. Phones and amounts typed on an Arabic keyboard need this
/// before any parsing.
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|ch| match ch {
            '\u{0660}'..='\u{0669}' => char::from_digit(ch as u32 - 0x0660, 10).unwrap_or(ch),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(ch as u32 - 0x06F0, 10).unwrap_or(ch),
            _ => ch,
        })
        .collect()
}

/// The extra index forms of one folded word, so that common spelling habits still match:
/// the word without its definite article (`الفيتوري` is also found as `فيتوري`) and the
/// two ways of writing theophoric names (`عبدالله` / `عبد الله`).
pub fn word_variants(word: &str) -> Vec<String> {
    let mut variants = Vec::new();
    if let Some(rest) = word.strip_prefix("ال") {
        if rest.chars().count() >= 3 {
            variants.push(rest.to_string());
        }
    }
    if let Some(rest) = word.strip_prefix("عبد") {
        if rest.chars().count() >= 2 {
            variants.push("عبد".to_string());
            variants.push(rest.to_string());
        }
    }
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_spellings_staff_actually_type() {
        let cases = [
            ("أحمد", "احمد"),
            ("إبراهيم", "ابراهيم"),
            ("آمنة", "امنه"),
            ("أَحْمَد", "احمد"),
            ("مُحَمَّد", "محمد"),
            ("مـــحـمـد", "محمد"),
            ("مصطفى", "مصطفي"),
            ("فاطمة", "فاطمه"),
            ("مؤمن", "مومن"),
            ("هانئ", "هاني"),
            ("ٱلله", "الله"),
            ("  سالم   الورفلي ", "سالم الورفلي"),
            ("٠٩١٢٣٤٥٦٧٨", "0912345678"),
            ("۰۹۱", "091"),
            ("Ahmed@Mail.COM", "ahmed@mail.com"),
            ("\u{200F}0912345678\u{200E}", "0912345678"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "fold({input:?})");
        }
    }

    #[test]
    fn every_spelling_of_ahmad_has_one_key() {
        let key = fold("احمد");
        for spelling in ["أحمد", "أَحْمَد", "أحـــمد", "إحمد", "آحمد"] {
            assert_eq!(fold(spelling), key, "{spelling}");
        }
    }

    #[test]
    fn ascii_digits_keeps_other_characters() {
        assert_eq!(ascii_digits("+٢١٨ ٩١-٢٣٤"), "+218 91-234");
    }

    #[test]
    fn word_variants_drop_article_and_split_abd() {
        assert_eq!(word_variants("الفيتوري"), vec!["فيتوري".to_string()]);
        assert_eq!(word_variants("عبدالله"), vec!["عبد".to_string(), "الله".to_string()]);
        assert!(word_variants("الي").is_empty());
        assert!(word_variants("سالم").is_empty());
    }
}
