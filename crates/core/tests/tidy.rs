//! Who depends on what (STYLE.md §2): core is the domain, reused by the desktop shell,
//! the CLI and the sync hub, so it must not grow a dependency on any of their frameworks.

#[test]
fn core_knows_nothing_of_tauri_http_servers_or_the_command_line() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let deps = manifest.split("[dependencies]").nth(1).unwrap_or("");
    let deps = deps.split("\n[").next().unwrap_or("");
    for forbidden in ["tauri", "axum", "clap", "reqwest", "hyper"] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(forbidden)),
            "crates/core must not depend on {forbidden}: put that code in its adapter crate"
        );
    }
}
