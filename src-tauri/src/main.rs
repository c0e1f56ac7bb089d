//! The EISHRO CRM desktop app: a Tauri window over `ui/`, with one module of commands per
//! domain. Commands are adapters: they take the shared state, call one core use-case and
//! map its error to the payload the UI localises. Business rules live in eishro-core.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;

// An import in the app allocates as much as one from the CLI; same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;

use eishro_core::staff::{self, Actor};
use eishro_core::db;
use tauri::Manager;

/// `--db FILE` (as for the CLI), else `$EISHRO_CRM_DB`, else the app-data folder.
fn database_path() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return PathBuf::from(path);
            }
        } else if let Some(path) = arg.strip_prefix("--db=") {
            return PathBuf::from(path);
        }
    }
    db::default_path()
}

fn main() {
    let path = database_path();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            let (pool, owner) = tauri::async_runtime::block_on(async {
                let pool = db::open(&path).await?;
                let owner = staff::ensure_owner(&pool, chrono::Utc::now()).await?;
                Ok::<_, eishro_core::CoreError>((pool, owner))
            })
            .map_err(|e| format!("cannot open the database at {}: {e}", path.display()))?;
            // The daily recompute (churn, engagement, RFM) runs in the background once a
            // store day; the window opens at once and the lists refresh on their own.
            let daily = pool.clone();
            tauri::async_runtime::spawn(async move {
                if let Err(error) = eishro_core::segmentation::run_daily_if_due(&daily, chrono::Utc::now()).await {
                    tracing::error!(?error, "the daily recompute failed; it runs again on the next start");
                }
            });
            // Loyalty points expire at the end of their lot's last day (SPEC §4.4), and
            // vouchers at theirs: at start and then every hour, so nothing outlives its
            // day by more than an hour. Each run only takes what is due.
            let ledger = pool.clone();
            tauri::async_runtime::spawn(async move {
                loop {
                    if let Err(error) = eishro_core::loyalty::ledger::run_expiry(&ledger, chrono::Utc::now()).await {
                        tracing::error!(?error, "the points expiry failed; it runs again in an hour");
                    }
                    tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
                }
            });
            // SPEC §7.2's automatic moves (waiting a week → resolved, resolved a week →
            // closed), at start and then every hour.
            let desk = pool.clone();
            tauri::async_runtime::spawn(async move {
                loop {
                    if let Err(error) = eishro_core::support::tickets::run_auto_transitions(&desk, chrono::Utc::now()).await {
                        tracing::error!(?error, "the ticket auto-transitions failed; they run again in an hour");
                    }
                    tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
                }
            });
            app.manage(state::AppState {
                pool,
                actor: Actor::Staff(owner),
                db_path: path.clone(),
                import_cancel: Default::default(),
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::open_demo_store,
            commands::app::start_empty,
            commands::customers::search_customers,
            commands::customers::list_customers,
            commands::customers::customer_profile,
            commands::customers::create_customer,
            commands::customers::update_customer,
            commands::customers::bulk_tag,
            commands::customers::bulk_delete,
            commands::customers::restore_deleted,
            commands::customers::saved_views,
            commands::customers::save_view,
            commands::customers::delete_view,
            commands::orders::customer_insights,
            commands::orders::run_order_import,
            commands::orders::my_tasks,
            commands::orders::close_task,
            commands::orders::segments_overview,
            commands::orders::segmentation_settings,
            commands::orders::tier_equivalents,
            commands::orders::save_segmentation_settings,
            commands::orders::task_rules,
            commands::orders::save_task_rules,
            commands::orders::add_order,
            commands::orders::change_order_status,
            commands::orders::loyalty_card,
            commands::orders::redeem_reward,
            commands::orders::cancel_voucher,
            commands::orders::use_voucher,
            commands::orders::adjust_points,
            commands::loyalty::loyalty_campaigns,
            commands::loyalty::save_campaign,
            commands::loyalty::campaign_template,
            commands::loyalty::loyalty_rewards,
            commands::loyalty::save_reward,
            commands::loyalty::effective_rebate,
            commands::loyalty::loyalty_report,
            commands::loyalty::loyalty_settings,
            commands::loyalty::save_loyalty_settings,
            commands::support::inbox_page,
            commands::support::inbox_counts,
            commands::support::inbox_views,
            commands::support::save_inbox_view,
            commands::support::delete_inbox_view,
            commands::support::ticket_detail,
            commands::support::create_ticket,
            commands::support::reply_to_ticket,
            commands::support::log_customer_message,
            commands::support::set_ticket_status,
            commands::support::assign_ticket,
            commands::support::rate_ticket,
            commands::support::merge_tickets,
            commands::support::escalate_ticket,
            commands::support::canned_replies,
            commands::support::fill_canned_reply,
            commands::support::staff_members,
            commands::support::attach_file,
            commands::support::attachment_data,
            commands::support::notify_new_tickets,
            commands::support::current_staff,
            commands::support::desk_settings,
            commands::support::save_sla_settings,
            commands::support::save_support_settings,
            commands::support::save_smart_reply_settings,
            commands::support::proposed_holidays,
            commands::support::set_staff_available,
            commands::support::all_canned_replies,
            commands::support::save_canned_reply,
            commands::customers::custom_field_definitions,
            commands::customers::save_custom_field_definitions,
            commands::import::preview_import,
            commands::import::run_import,
            commands::import::cancel_import,
            commands::import::save_rejected_rows,
            commands::import::import_mappings,
            commands::import::save_import_mapping,
            commands::import::export_customers,
            commands::duplicates::duplicate_candidates,
            commands::duplicates::duplicate_pair,
            commands::duplicates::merge_customers,
            commands::duplicates::undo_merge,
            commands::duplicates::recent_merges,
            commands::duplicates::dismiss_duplicate,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the EISHRO CRM window could not start");
}
