//! The loyalty screen: thin adapters over `eishro_core::loyalty` (campaigns, rewards, the
//! effective rebate). The profile's loyalty card is in `orders.rs` beside the order panels.

use chrono::Utc;
use eishro_core::loyalty::campaigns::{self, Campaign, CampaignKind};
use eishro_core::loyalty::rewards::Reward;
use eishro_core::loyalty::{self, ledger};
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

/// The dates proposed for a kind of campaign in a year (Umm al-Qura for the Hijri ones),
/// with the default multiplier and scope, for a new campaign's form.
#[tauri::command]
pub async fn campaign_template(state: State<'_, AppState>, kind: CampaignKind, year: i32) -> CommandResult<Campaign> {
    let settings = loyalty::settings(&state.pool).await.map_err(to_payload)?;
    let (multiplier, scope) = kind.default_points(&settings.school_categories);
    let today = Utc::now().date_naive();
    let (start, end) = campaigns::proposed_dates(kind, year).unwrap_or((today, today));
    Ok(Campaign {
        id: format!("{}-{}", serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(), uuid_suffix()),
        name: String::new(),
        kind,
        start_date: start,
        end_date: end,
        multiplier,
        scope,
        audience: Default::default(),
        monthly_days: Vec::new(),
        benefits: Vec::new(),
        active: true,
    })
}

/// Unique enough for campaigns, which staff create one at a time.
fn uuid_suffix() -> String {
    Utc::now().timestamp_millis().to_string()
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
