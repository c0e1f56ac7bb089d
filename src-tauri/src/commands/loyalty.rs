//! The loyalty screen: thin adapters over `eishro_core::loyalty` (campaigns, rewards, the
//! effective rebate, the report). The profile's loyalty card is in `orders.rs` beside the order panels.

use chrono::Utc;
use eishro_core::loyalty::campaigns::{Campaign, CampaignKind};
use eishro_core::i18n::Lang;
use eishro_core::loyalty::report::{self, LoyaltyReport, LoyaltyReportQuery};
use eishro_core::loyalty::rewards::Reward;
use eishro_core::loyalty::{self, ledger, LoyaltySettings};
use tauri::State;

use super::{to_payload, CommandResult};
use crate::state::AppState;

#[tauri::command]
pub async fn loyalty_campaigns(state: State<'_, AppState>) -> CommandResult<Vec<Campaign>> {
    loyalty::list_campaigns(&state.pool).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_campaign(state: State<'_, AppState>, campaign: Campaign) -> CommandResult<()> {
    loyalty::save_campaign(&state.pool, &campaign, Utc::now()).await.map_err(to_payload)
}

/// A new campaign's form, from its kind's proposed dates and default multiplier.
#[tauri::command]
pub async fn campaign_template(state: State<'_, AppState>, kind: CampaignKind, year: i32) -> CommandResult<Campaign> {
    loyalty::campaign_template(&state.pool, kind, year, eishro_core::time::store_date(Utc::now())).await.map_err(to_payload)
}

#[tauri::command]
pub async fn loyalty_rewards(state: State<'_, AppState>) -> CommandResult<Vec<Reward>> {
    ledger::rewards(&state.pool).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_reward(state: State<'_, AppState>, reward: Reward) -> CommandResult<()> {
    loyalty::save_reward(&state.pool, &reward, Utc::now()).await.map_err(to_payload)
}

/// The effective rebate as a decimal fraction ("0.15"), or null when it cannot be known.
#[tauri::command]
pub async fn effective_rebate(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    Ok(loyalty::effective_rebate(&state.pool).await.map_err(to_payload)?.map(|d| d.to_string()))
}

/// The loyalty report (SPEC §8.5) with its charts labelled in the UI's language.
#[tauri::command]
pub async fn loyalty_report(state: State<'_, AppState>, query: LoyaltyReportQuery, lang: Lang) -> CommandResult<LoyaltyReport> {
    report::loyalty_report(&state.pool, &query, lang).await.map_err(to_payload)
}

#[tauri::command]
pub async fn loyalty_settings(state: State<'_, AppState>) -> CommandResult<LoyaltySettings> {
    loyalty::settings(&state.pool).await.map_err(to_payload)
}

#[tauri::command]
pub async fn save_loyalty_settings(state: State<'_, AppState>, settings: LoyaltySettings) -> CommandResult<()> {
    loyalty::save_settings(&state.pool, &state.actor, settings, Utc::now()).await.map_err(to_payload)
}
