//! Reading a spreadsheet into rows of text, whatever wrote it. Merchants arrive with CSV
//! exports and Excel sheets: UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode text"),
//! or Windows-1256 (what Arabic Excel writes as "CSV"), separated by commas, semicolons
//! (European and Arabic locales) or tabs.

use std::io::Cursor;

use calamine::{Data, Reader};

/// A table: its header row and data rows, every cell as text. `line` numbers are the
/// 1-based line (row) in the file, so a report can point staff at the right row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
    pub encoding: &'static str,
    pub delimiter: Option<char>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub line: u64,
    pub cells: Vec<String>,
}

/// Why a file is not a table at all: one clear reason, and nothing is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotATable {
    Empty,
    Binary,
    NoHeader,
    UnreadableSpreadsheet,
}

impl NotATable {
    pub fn message_id(self) -> &'static str {
        match self {
            NotATable::Empty => "import-error-empty",
            NotATable::Binary => "import-error-binary",
            NotATable::NoHeader => "import-error-no-header",
            NotATable::UnreadableSpreadsheet => "import-error-unreadable-xlsx",
        }
    }
}

/// Reads `bytes` as an .xlsx workbook (first sheet) when it is one, else as delimited text.
pub fn read_table(bytes: &[u8]) -> Result<Table, NotATable> {
    // Every .xlsx is a zip archive: "PK\x03\x04".
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes);
    }
    let (text, encoding) = decode(bytes)?;
    read_delimited(&text, encoding)
}

/// Decodes text by its BOM, else as UTF-8 when it is valid UTF-8, else as UTF-16 when its
/// high bytes look like Latin or Arabic, else as Windows-1256. Bytes that no text contains mean a binary file.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), NotATable> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(NotATable::Empty);
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return check_text(text.into_owned(), encoding.name());
    }
    // UTF-16 without a BOM (checked before UTF-8: its Arabic and ASCII code units are also
    // valid single-byte UTF-8). In Latin and Arabic text the high byte of every code unit is
    // 0x00 or 0x06, at odd offsets (little-endian) or even ones (big-endian).
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let high_bytes_plausible = |parity: usize| {
        let highs: Vec<u8> = sample.iter().skip(parity).step_by(2).copied().collect();
        !highs.is_empty()
            && highs.contains(&0)
            && highs.iter().filter(|b| matches!(**b, 0x00 | 0x06)).count() * 10 >= highs.len() * 9
    };
    if high_bytes_plausible(1) {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
        return check_text(text.into_owned(), "UTF-16LE");
    }
    if high_bytes_plausible(0) {
        let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(bytes);
        return check_text(text.into_owned(), "UTF-16BE");
    }
    // NUL bytes are in no other text encoding: with no UTF-16 pattern, this is binary.
    if bytes.contains(&0) {
        return Err(NotATable::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(text.to_string(), "UTF-8");
    }
    let (text, _, _) = encoding_rs::WINDOWS_1256.decode(bytes);
    check_text(text.into_owned(), "windows-1256")
}

/// Text files hold no control characters besides tab and line breaks; a file full of them
/// is an image, a PDF or an archive renamed to .csv.
fn check_text(text: String, encoding: &'static str) -> Result<(String, &'static str), NotATable> {
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')).count();
    if controls > 0 && controls * 100 >= text.chars().count().max(1) {
        return Err(NotATable::Binary);
    }
    if text.trim().is_empty() {
        return Err(NotATable::Empty);
    }
    Ok((text, encoding))
}

/// The delimiter that splits the first lines into the same, largest number of fields.
fn detect_delimiter(text: &str) -> char {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(20).collect();
    let mut best = (',', 0usize, 0usize);
    for candidate in [',', ';', '\t', '|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, candidate)).collect();
        let Some(&first) = counts.first() else { continue };
        let consistent = counts.iter().filter(|&&c| c == first).count();
        if first > 0 && (consistent, first) > (best.1, best.2) {
            best = (candidate, consistent, first);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: char) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for ch in line.chars() {
        if ch == '"' {
            quoted = !quoted;
        } else if ch == delimiter && !quoted {
            count += 1;
        }
    }
    count
}

fn read_delimited(text: &str, encoding: &'static str) -> Result<Table, NotATable> {
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            Some(Ok(record)) if record.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(record)) => break record,
            Some(Err(_)) => return Err(NotATable::NoHeader),
            None => return Err(NotATable::Empty),
        }
    };
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    if headers.iter().all(String::is_empty) {
        return Err(NotATable::NoHeader);
    }
    let mut rows = Vec::new();
    for record in records {
        // A malformed record (a stray quote) still becomes a row; validation reports it.
        let Ok(record) = record else { continue };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cells: Vec<String> = record.iter().map(|c| c.to_string()).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(TableRow { line, cells });
    }
    Ok(Table { headers, rows, encoding, delimiter: Some(delimiter) })
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, NotATable> {
    let mut workbook = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|_| NotATable::UnreadableSpreadsheet)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(NotATable::Empty)?
        .map_err(|_| NotATable::UnreadableSpreadsheet)?;
    let start_row = range.start().map(|(r, _)| r as u64).unwrap_or(0);
    let mut rows_iter = range.rows().enumerate().filter(|(_, r)| r.iter().any(|c| !cell_text(c).trim().is_empty()));
    let Some((_, header)) = rows_iter.next() else { return Err(NotATable::Empty) };
    let headers: Vec<String> = header.iter().map(|c| cell_text(c).trim().to_string()).collect();
    let rows = rows_iter
        .map(|(i, r)| TableRow { line: start_row + i as u64 + 1, cells: r.iter().map(cell_text).collect() })
        .collect();
    Ok(Table { headers, rows, encoding: "xlsx", delimiter: None })
}

/// A cell as the text staff see in Excel. Whole numbers lose the ".0" Excel never showed
/// (a phone typed as 912345678 is stored as a number).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map(|dt| dt.date().format("%Y-%m-%d").to_string()).unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        for bytes in ["الاسم,الهاتف\nأحمد,0912345678\n".as_bytes().to_vec(), [b"\xEF\xBB\xBF".as_slice(), "الاسم,الهاتف\nأحمد,0912345678\n".as_bytes()].concat()] {
            let table = read_table(&bytes).unwrap();
            assert_eq!(table.headers, vec!["الاسم", "الهاتف"]);
            assert_eq!(table.rows[0].cells, vec!["أحمد", "0912345678"]);
            assert_eq!(table.rows[0].line, 2);
        }
    }

    #[test]
    fn utf16_and_windows_1256() {
        let text = "الاسم\tالهاتف\r\nفاطمة\t0922345678\r\n";
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let table = read_table(&utf16).unwrap();
        assert_eq!((table.encoding, table.delimiter), ("UTF-16LE", Some('\t')));
        assert_eq!(table.rows[0].cells, vec!["فاطمة", "0922345678"]);

        let without_bom: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(read_table(&without_bom).unwrap().rows[0].cells[0], "فاطمة");

        let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode("الاسم;الهاتف\nسالم;0952345678\n");
        let table = read_table(&cp1256).unwrap();
        assert_eq!((table.encoding, table.delimiter), ("windows-1256", Some(';')));
        assert_eq!(table.rows[0].cells, vec!["سالم", "0952345678"]);
    }

    #[test]
    fn delimiters_respect_quotes() {
        let table = read_table("name;notes\n\"Ali\";\"a, b, c\"\n".as_bytes()).unwrap();
        assert_eq!(table.delimiter, Some(';'));
        assert_eq!(table.rows[0].cells, vec!["Ali", "a, b, c"]);
    }

    #[test]
    fn what_is_not_a_table() {
        assert_eq!(read_table(b""), Err(NotATable::Empty));
        assert_eq!(read_table(b"  \n\n "), Err(NotATable::Empty));
        assert_eq!(read_table(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"), Err(NotATable::Binary));
        assert_eq!(read_table(b"PK\x03\x04garbage"), Err(NotATable::UnreadableSpreadsheet));
        assert_eq!(read_table(b",,,\n,,\n"), Err(NotATable::Empty));
    }
}
