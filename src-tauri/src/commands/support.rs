//! The support desk: thin adapters over `eishro_core::support` for the inbox screen.

use std::path::PathBuf;

use chrono::Utc;
use eishro_core::staff::{self, Actor, StaffMember};
use eishro_core::support::attachments::{self, Attachment};
use eishro_core::support::canned::{self, CannedReply, FilledReply};
use eishro_core::support::inbox::{self, InboxFilter, InboxPage, QueueCounts, SavedInboxView};
use eishro_core::support::{self, tickets, Assignee, Message, NewTicket, ReplyKind, Ticket, TicketDetail, TicketStatus};
use eishro_core::calendar::{self, ProposedHoliday};
use eishro_core::support::{DeskSettings, SlaSettings, SmartReplySettings, SupportSettings};
use eishro_core::CoreError;
use tauri::{AppHandle, State};
use tauri_plugin_notification::NotificationExt;

use super::{to_payload, CommandResult};
use crate::state::AppState;

fn staff_id(state: &AppState) -> String {
    match &state.actor {
        Actor::Staff(user) => user.id.clone(),
        _ => String::new(),
    }
}

#[tauri::command]
pub async fn inbox_page(state: State<'_, AppState>, filter: InboxFilter, offset: u64, limit: u64) -> CommandResult<InboxPage> {
    inbox::page(&state.pool, &staff_id(&state), &filter, offset, limit, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn inbox_counts(state: State<'_, AppState>) -> CommandResult<QueueCounts> {
    inbox::counts(&state.pool, &staff_id(&state), Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn inbox_views(state: State<'_, AppState>) -> CommandResult<Vec<SavedInboxView>> {
    inbox::views(&state.pool, &staff_id(&state)).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_inbox_view(state: State<'_, AppState>, name: String, filter: InboxFilter) -> CommandResult<SavedInboxView> {
    inbox::save_view(&state.pool, &staff_id(&state), &name, &filter, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn delete_inbox_view(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    inbox::delete_view(&state.pool, &staff_id(&state), &id).await.map_err(to_payload)
}

/// Opening a ticket marks it read for this desk's staff user.
#[tauri::command]
pub async fn ticket_detail(state: State<'_, AppState>, id: String) -> CommandResult<TicketDetail> {
    let now = Utc::now();
    let detail = tickets::detail(&state.pool, &id, now).await.map_err(to_payload)?;
    tickets::mark_read(&state.pool, &staff_id(&state), &id, now).await.map_err(to_payload)?;
    Ok(detail)
}

#[tauri::command]
pub async fn create_ticket(state: State<'_, AppState>, ticket: NewTicket) -> CommandResult<Ticket> {
    tickets::create(&state.pool, &state.actor, ticket, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn reply_to_ticket(state: State<'_, AppState>, id: String, kind: ReplyKind, body: String) -> CommandResult<Message> {
    tickets::reply(&state.pool, &state.actor, &id, kind, &body, Utc::now()).await.map_err(to_payload)
}

/// What the customer said by phone or in the shop, typed in by staff.
#[tauri::command]
pub async fn log_customer_message(state: State<'_, AppState>, id: String, body: String) -> CommandResult<Ticket> {
    let outcome = tickets::customer_message(&state.pool, &state.actor, &id, &body, Utc::now()).await.map_err(to_payload)?;
    Ok(outcome.ticket)
}

#[tauri::command]
pub async fn set_ticket_status(state: State<'_, AppState>, id: String, status: TicketStatus) -> CommandResult<Ticket> {
    tickets::set_status(&state.pool, &state.actor, &id, status, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn assign_ticket(state: State<'_, AppState>, id: String, assignee: Assignee) -> CommandResult<Ticket> {
    tickets::assign(&state.pool, &state.actor, &id, assignee, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn rate_ticket(state: State<'_, AppState>, id: String, rating: i64) -> CommandResult<Ticket> {
    tickets::rate(&state.pool, &id, rating, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn merge_tickets(state: State<'_, AppState>, keep: String, other: String) -> CommandResult<Ticket> {
    let other = tickets::resolve_ref(&state.pool, &other).await.map_err(to_payload)?;
    tickets::merge(&state.pool, &state.actor, &keep, &other, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn escalate_ticket(state: State<'_, AppState>, id: String) -> CommandResult<Ticket> {
    tickets::escalate(&state.pool, &id, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn canned_replies(state: State<'_, AppState>) -> CommandResult<Vec<CannedReply>> {
    canned::list(&state.pool, false, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn fill_canned_reply(state: State<'_, AppState>, reply_id: String, ticket_id: String) -> CommandResult<FilledReply> {
    let agent = match &state.actor {
        Actor::Staff(user) => user.display_name.clone(),
        _ => String::new(),
    };
    canned::fill_for_ticket(&state.pool, &reply_id, &ticket_id, &agent).await.map_err(to_payload)
}

/// The staff user at this desk ("mine" in the inbox).
#[tauri::command]
pub fn current_staff(state: State<'_, AppState>) -> Option<staff::StaffUser> {
    match &state.actor {
        Actor::Staff(user) => Some(user.clone()),
        _ => None,
    }
}

#[tauri::command]
pub async fn staff_members(state: State<'_, AppState>) -> CommandResult<Vec<StaffMember>> {
    staff::list(&state.pool).await.map_err(to_payload)
}

/// Where ticket files are kept: `attachments/` beside the database.
fn attachments_folder(state: &AppState) -> PathBuf {
    state.db_path.parent().map(|p| p.join("attachments")).unwrap_or_else(|| PathBuf::from("attachments"))
}

/// Attaches a file staff chose in the open dialog.
#[tauri::command]
pub async fn attach_file(state: State<'_, AppState>, ticket_id: String, path: String) -> CommandResult<Attachment> {
    let settings = support::settings(&state.pool).await.map_err(to_payload)?;
    attachments::attach_path(&state.pool, &attachments_folder(&state), &ticket_id, &PathBuf::from(path), &settings, Utc::now())
        .await
        .map_err(to_payload)
}

/// An attachment's bytes as a `data:` URL for the in-app viewer (an image, or a PDF the
/// viewer offers to save): nothing is handed to another program.
#[tauri::command]
pub async fn attachment_data(state: State<'_, AppState>, id: String) -> CommandResult<String> {
    let (path, attachment) = attachments::path_of(&state.pool, &attachments_folder(&state), &id).await.map_err(to_payload)?;
    let bytes = std::fs::read(&path).map_err(|source| to_payload(CoreError::File { path: path.display().to_string(), source }))?;
    Ok(format!("data:{};base64,{}", attachment.mime, base64_encode(&bytes)))
}

fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A desktop notification for tickets that arrived; the inbox, which polls the queue
/// counts, sends the text in the language staff chose.
#[tauri::command]
pub fn notify_new_tickets(app: AppHandle, title: String, body: String) {
    // No notification daemon (a bare X server, a locked-down desktop) is not an error the
    // agent can act on; the inbox shows the new tickets anyway.
    if let Err(error) = app.notification().builder().title(title).body(body).show() {
        tracing::warn!(?error, "could not show a desktop notification");
    }
}

#[tauri::command]
pub async fn desk_settings(state: State<'_, AppState>) -> CommandResult<DeskSettings> {
    support::desk_settings(&state.pool).await.map_err(to_payload)
}

/// Saves the SLA targets and store calendar; every active ticket is re-timed.
#[tauri::command]
pub async fn save_sla_settings(state: State<'_, AppState>, settings: SlaSettings) -> CommandResult<()> {
    support::save_sla_settings(&state.pool, &state.actor, settings, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_support_settings(state: State<'_, AppState>, settings: SupportSettings) -> CommandResult<()> {
    support::save_settings(&state.pool, &state.actor, settings, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_smart_reply_settings(state: State<'_, AppState>, settings: SmartReplySettings) -> CommandResult<()> {
    support::save_smart_reply_settings(&state.pool, &state.actor, settings, Utc::now()).await.map_err(to_payload)
}

/// Libya's public holidays for a year, Hijri ones by the Umm al-Qura calendar, for the
/// merchant to confirm or shift.
#[tauri::command]
pub fn proposed_holidays(year: i32) -> Vec<ProposedHoliday> {
    calendar::proposed_holidays(year)
}

#[tauri::command]
pub async fn set_staff_available(state: State<'_, AppState>, id: String, available: bool) -> CommandResult<()> {
    staff::set_available(&state.pool, &id, available).await.map_err(to_payload)
}

/// Every canned reply, deactivated ones too, for the settings.
#[tauri::command]
pub async fn all_canned_replies(state: State<'_, AppState>) -> CommandResult<Vec<CannedReply>> {
    canned::list(&state.pool, true, Utc::now()).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_canned_reply(state: State<'_, AppState>, draft: canned::CannedReplyDraft) -> CommandResult<CannedReply> {
    canned::save(&state.pool, draft, Utc::now()).await.map_err(to_payload)
}
