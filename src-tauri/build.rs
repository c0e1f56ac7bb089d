//! Tauri's build step. Our `tauri.conf.json` sits at the workspace root (DESIGN §1), and
//! tauri-build reads the config from the current directory, so it runs from there.

use std::path::PathBuf;

const COMMANDS: &[&str] = &[
    "app_status",
    "open_demo_store",
    "start_empty",
    "search_customers",
    "list_customers",
    "customer_profile",
    "create_customer",
    "update_customer",
    "bulk_tag",
    "bulk_delete",
    "restore_deleted",
    "saved_views",
    "save_view",
    "delete_view",
    "custom_field_definitions",
    "save_custom_field_definitions",
    "preview_import",
    "run_import",
    "cancel_import",
    "save_rejected_rows",
    "import_mappings",
    "save_import_mapping",
    "export_customers",
    "duplicate_candidates",
    "duplicate_pair",
    "merge_customers",
    "undo_merge",
    "recent_merges",
    "dismiss_duplicate",
    "customer_insights",
    "run_order_import",
    "my_tasks",
    "close_task",
    "segments_overview",
    "segmentation_settings",
    "tier_equivalents",
    "save_segmentation_settings",
    "task_rules",
    "save_task_rules",
    "add_order",
    "change_order_status",
    "inbox_page",
    "inbox_counts",
    "inbox_views",
    "save_inbox_view",
    "delete_inbox_view",
    "ticket_detail",
    "create_ticket",
    "reply_to_ticket",
    "log_customer_message",
    "set_ticket_status",
    "assign_ticket",
    "rate_ticket",
    "merge_tickets",
    "escalate_ticket",
    "canned_replies",
    "fill_canned_reply",
    "staff_members",
    "attach_file",
    "attachment_data",
    "notify_new_tickets",
    "current_staff",
    "desk_settings",
    "save_sla_settings",
    "save_support_settings",
    "save_smart_reply_settings",
    "proposed_holidays",
    "set_staff_available",
    "all_canned_replies",
    "save_canned_reply",
    "loyalty_card",
    "redeem_reward",
    "cancel_voucher",
    "use_voucher",
    "loyalty_campaigns",
    "save_campaign",
    "campaign_template",
    "loyalty_rewards",
    "save_reward",
    "effective_rebate",
    "adjust_points",
    "loyalty_report",
    "loyalty_settings",
    "save_loyalty_settings",
];

fn main() {
    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = crate_dir.parent().expect("src-tauri is inside the workspace").to_path_buf();
    let dist = root.join("ui/dist/index.html");
    if !dist.exists() {
        panic!(
            "ui/dist is missing: build the UI first with `cargo xtask ui` (or `cargo xtask run`), \
             which runs `npm ci && npm run build` in ui/"
        );
    }
    println!("cargo:rerun-if-changed={}", root.join("tauri.conf.json").display());
    println!("cargo:rerun-if-changed={}", root.join("ui/dist").display());
    println!("cargo:rerun-if-changed={}", crate_dir.join("capabilities").display());
    std::env::set_current_dir(&root).expect("workspace root exists");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern(
            Box::leak(format!("{}/capabilities/*.json", crate_dir.display()).into_boxed_str()),
        )
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step");
}
