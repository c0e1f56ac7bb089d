//! Ticket attachments (SPEC §7.6 Resolution): one entity per ticket, files kept in the
//! app-data folder under generated names.
//!
//! Nothing a sender chose reaches the file system: the stored name is a fresh UUID with an
//! extension picked from the file's own bytes, the sender's file name is only shown, the
//! type is sniffed rather than trusted, and the size and type limits are settings. Reading
//! a file back goes through [`path_of`], which only ever names a file inside the folder.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqlitePool};
use ts_rs::TS;

use super::SupportSettings;
use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Attachment {
    pub id: String,
    pub ticket_id: String,
    pub message_id: Option<String>,
    pub filename: String,
    /// The platform's URL once uploaded; until then the file is only in the local store.
    pub url: Option<String>,
    #[ts(type = "number")]
    pub size: u64,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub mime: String,
    pub created_at: String,
}

/// The type of a file from its first bytes, with the extension it is stored under.
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", "jpg"))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(("image/gif", "gif"))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("image/webp", "webp"))
    } else if bytes.starts_with(b"%PDF-") {
        Some(("application/pdf", "pdf"))
    } else {
        None
    }
}

/// The name to show for what the sender called the file: its last path component, without
/// control or bidi-override characters, at most 120 characters.
pub fn display_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .take(120)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "file".to_string()
    } else {
        clean
    }
}

/// Stores a file on a ticket (and a message of it, when given). Refused, with nothing
/// written, when it is too big, of a type the settings do not allow, or not what its bytes
/// say.
#[allow(clippy::too_many_arguments)]
pub async fn attach(
    pool: &SqlitePool,
    folder: &Path,
    ticket_id: &str,
    message_id: Option<&str>,
    filename: &str,
    bytes: &[u8],
    settings: &SupportSettings,
    now: DateTime<Utc>,
) -> Result<Attachment> {
    if bytes.len() as u64 > settings.max_attachment_bytes {
        return Err(CoreError::Invalid(vec![FieldError::new("file", "attachment-error-size")
            .with_arg("max", settings.max_attachment_bytes / (1024 * 1024))]));
    }
    let Some((mime, extension)) = sniff(bytes).filter(|(mime, _)| settings.allowed_attachment_types.iter().any(|t| t == mime)) else {
        return Err(CoreError::Invalid(vec![FieldError::new("file", "attachment-error-type")]));
    };
    let known: Option<String> = sqlx::query_scalar("SELECT id FROM tickets WHERE id = ?").bind(ticket_id).fetch_optional(pool).await?;
    if known.is_none() {
        return Err(CoreError::TicketNotFound(ticket_id.to_string()));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let stored_name = format!("{id}.{extension}");
    std::fs::create_dir_all(folder).map_err(|source| CoreError::File { path: folder.display().to_string(), source })?;
    let path = folder.join(&stored_name);
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        // create_new: never over an existing file, whatever happens to be there.
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    write().map_err(|source| CoreError::File { path: path.display().to_string(), source })?;
    let attachment = Attachment {
        id: id.clone(),
        ticket_id: ticket_id.to_string(),
        message_id: message_id.map(str::to_string),
        filename: display_name(filename),
        url: None,
        size: bytes.len() as u64,
        mime: mime.to_string(),
        created_at: now.to_rfc3339(),
    };
    let inserted = sqlx::query(
        "INSERT INTO ticket_attachments (id, ticket_id, message_id, filename, stored_name, size, mime, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&attachment.id)
    .bind(&attachment.ticket_id)
    .bind(&attachment.message_id)
    .bind(&attachment.filename)
    .bind(&stored_name)
    .bind(attachment.size as i64)
    .bind(&attachment.mime)
    .bind(&attachment.created_at)
    .execute(pool)
    .await;
    if let Err(e) = inserted {
        // The row is the record; without it the file is an orphan.
        let _ = std::fs::remove_file(&path);
        return Err(e.into());
    }
    Ok(attachment)
}

/// Attaches a file staff chose on disk: its size is checked before it is read, so a huge
/// file is refused without loading it.
pub async fn attach_path(pool: &SqlitePool, folder: &Path, ticket_id: &str, path: &Path, settings: &SupportSettings, now: DateTime<Utc>) -> Result<Attachment> {
    let file_error = |source| CoreError::File { path: path.display().to_string(), source };
    if std::fs::metadata(path).map_err(file_error)?.len() > settings.max_attachment_bytes {
        return Err(CoreError::Invalid(vec![FieldError::new("file", "attachment-error-size")
            .with_arg("max", settings.max_attachment_bytes / (1024 * 1024))]));
    }
    let bytes = std::fs::read(path).map_err(file_error)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    attach(pool, folder, ticket_id, None, &name, &bytes, settings, now).await
}

fn from_row(row: &sqlx::sqlite::SqliteRow) -> Attachment {
    Attachment {
        id: row.get("id"),
        ticket_id: row.get("ticket_id"),
        message_id: row.get("message_id"),
        filename: row.get("filename"),
        url: row.get("url"),
        size: row.get::<i64, _>("size") as u64,
        mime: row.get("mime"),
        created_at: row.get("created_at"),
    }
}

pub async fn of_ticket(pool: &SqlitePool, ticket_id: &str) -> Result<Vec<Attachment>> {
    let rows = sqlx::query("SELECT id, ticket_id, message_id, filename, url, size, mime, created_at FROM ticket_attachments WHERE ticket_id = ? ORDER BY created_at")
        .bind(ticket_id)
        .fetch_all(pool)
        .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// The file of an attachment and its type. The stored name is checked to be one this
/// module made (a UUID and a known extension), so the path cannot leave the folder.
pub async fn path_of(pool: &SqlitePool, folder: &Path, id: &str) -> Result<(PathBuf, Attachment)> {
    let row = sqlx::query("SELECT id, ticket_id, message_id, filename, url, size, mime, created_at, stored_name FROM ticket_attachments WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| CoreError::Invalid(vec![FieldError::new("attachment", "attachment-error-missing")]))?;
    let stored: String = row.get("stored_name");
    let safe = stored.split_once('.').is_some_and(|(stem, ext)| {
        uuid::Uuid::parse_str(stem).is_ok() && ["jpg", "png", "gif", "webp", "pdf"].contains(&ext)
    });
    if !safe {
        return Err(CoreError::Invalid(vec![FieldError::new("attachment", "attachment-error-missing")]));
    }
    Ok((folder.join(stored), from_row(&row)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes_and_names_are_only_shown() {
        assert_eq!(sniff(b"%PDF-1.7 ..."), Some(("application/pdf", "pdf")));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(("image/png", "png")));
        assert_eq!(sniff(b"MZ\x90\x00 an exe called photo.jpg"), None);
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("C:\\Users\\x\\فاتورة.pdf"), "فاتورة.pdf");
        assert_eq!(display_name("\u{202E}gpj.exe"), "gpj.exe");
        assert_eq!(display_name("..."), "file");
    }
}
