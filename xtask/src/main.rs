//! `cargo xtask <task>`: every chore behind one Rust entry point, so the README's two
//! commands work on a fresh Debian/Ubuntu machine with only Rust installed.
//!
//! - `run`     install what is missing, build, open the app (on the demo store when empty)
//! - `test`    everything: Rust tests, binding check, UI unit tests, end-to-end under Xvfb
//! - `e2e`     only the end-to-end tests of the real app
//! - `ui`      install UI dependencies and build `ui/dist`
//! - `codegen` regenerate the UI's TypeScript bindings from Rust (ts-rs)
//! - `bench`   the BENCHMARKS.md figures (`crm bench` in release; extra arguments pass through;
//!             `--ui` measures the customer list's scrolling in the real app instead)

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Debian packages the app, its build and its tests need (DESIGN §4).
const SYSTEM_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "fonts-noto-core",
    "nodejs",
    "npm",
];

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = workspace_root();
    std::env::set_current_dir(&root)?;
    match task.as_str() {
        "run" => run_app(&root),
        "test" => test_all(&root),
        "e2e" => {
            ensure_system_packages()?;
            build_ui(&root)?;
            e2e(&root)
        }
        "ui" => build_ui(&root),
        "bench" => {
            // Figures for BENCHMARKS.md: optimised build, same machine, one run.
            let extra: Vec<String> = std::env::args().skip(2).collect();
            if extra.iter().any(|a| a == "--ui") {
                ensure_system_packages()?;
                build_ui(&root)?;
                return scroll_bench(&root);
            }
            status(cargo().args(["run", "--release", "-q", "-p", "eishro-cli", "--", "bench"]).args(extra))
        }
        "codegen" => codegen(&root),
        _ => {
            eprintln!("usage: cargo xtask <run|test|e2e|ui|codegen|bench>");
            std::process::exit(2);
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

fn step(title: &str) {
    eprintln!("\n==> {title}");
}

fn status(cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?}");
    let status = cmd.status().with_context(|| format!("could not start {shown}"))?;
    if !status.success() {
        bail!("{shown} failed with {status}");
    }
    Ok(())
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"))
}

/// Installs the Debian packages that are missing: with apt-get when root, otherwise the
/// exact command to run is printed and the task stops.
fn ensure_system_packages() -> Result<()> {
    let missing: Vec<&str> = SYSTEM_PACKAGES
        .iter()
        .copied()
        .filter(|pkg| {
            let out = Command::new("dpkg-query").args(["-W", "-f=${Status}", pkg]).output();
            !matches!(out, Ok(o) if String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        })
        .collect();
    // A Node.js from elsewhere (nvm, NodeSource) is as good as Debian's.
    let missing: Vec<&str> = missing
        .into_iter()
        .filter(|pkg| !matches!(*pkg, "nodejs" | "npm") || !on_path(if *pkg == "nodejs" { "node" } else { "npm" }))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!("installing system packages: {}", missing.join(" ")));
    let is_root = Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false);
    if !is_root {
        bail!("missing system packages; install them with:\n  sudo apt-get update && sudo apt-get install -y {}", missing.join(" "));
    }
    status(Command::new("apt-get").arg("update").arg("-qq"))?;
    status(Command::new("apt-get").args(["install", "-y", "-qq"]).args(&missing).env("DEBIAN_FRONTEND", "noninteractive"))
}

fn on_path(program: &str) -> bool {
    Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().map(|o| o.status.success()).unwrap_or(false)
}

/// `npm ci` when node_modules is missing or older than the lock file, then `npm run build`.
fn build_ui(root: &Path) -> Result<()> {
    let ui = root.join("ui");
    let lock = ui.join("package-lock.json");
    let marker = ui.join("node_modules/.package-lock.json");
    let stale = match (std::fs::metadata(&lock), std::fs::metadata(&marker)) {
        (Ok(l), Ok(m)) => l.modified()? > m.modified()?,
        _ => true,
    };
    if stale {
        step("installing UI dependencies (npm ci)");
        status(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&ui))?;
    }
    step("building the UI (ui/dist)");
    status(Command::new("npm").args(["run", "build"]).current_dir(&ui))
}

fn build_app() -> Result<()> {
    step("building the desktop app");
    status(cargo().args(["build", "-p", "eishro-crm-app", "-p", "eishro-cli"]))
}

fn run_app(root: &Path) -> Result<()> {
    ensure_system_packages()?;
    build_ui(root)?;
    build_app()?;
    let bin = target_dir(root).join("debug");
    // A newcomer's first start opens on a ready demo store; an existing store is left alone.
    step("preparing the store");
    status(Command::new(bin.join("crm")).args(["demo", "--if-new"]))?;
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        bail!("no display to open the window on (DISPLAY is not set); run this from a desktop session");
    }
    step("opening EISHRO CRM");
    status(&mut Command::new(bin.join("eishro-crm")))
}

fn codegen(root: &Path) -> Result<()> {
    step("regenerating ui/src/bindings from Rust");
    let bindings = root.join("ui/src/bindings");
    if bindings.exists() {
        std::fs::remove_dir_all(&bindings)?;
    }
    status(cargo().args(["test", "-q", "-p", "eishro-core", "--lib", "export_bindings"]))
}

fn snapshot(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    if dir.exists() {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            files.push((entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path())?));
        }
    }
    files.sort();
    Ok(files)
}

fn test_all(root: &Path) -> Result<()> {
    ensure_system_packages()?;
    build_ui(root)?;

    step("Rust tests");
    let bindings = root.join("ui/src/bindings");
    let before = snapshot(&bindings)?;
    // The Rust tests also re-export the TypeScript bindings (ts-rs); they must not change.
    status(cargo().args(["test", "--workspace", "--exclude", "eishro-e2e"]))?;
    if snapshot(&bindings)? != before {
        bail!("ui/src/bindings is out of date with the Rust types: run `cargo xtask codegen` and commit the result");
    }

    step("UI unit tests (vitest)");
    status(Command::new("npm").args(["test"]).current_dir(root.join("ui")))?;

    e2e(root)
}

fn ensure_tauri_driver() -> Result<PathBuf> {
    let home = PathBuf::from(std::env::var_os("HOME").unwrap_or_default());
    let path = home.join(".cargo/bin/tauri-driver");
    if !path.exists() && !on_path("tauri-driver") {
        step("installing tauri-driver");
        status(cargo().args(["install", "tauri-driver", "--locked"]))?;
    }
    Ok(if path.exists() { path } else { PathBuf::from("tauri-driver") })
}

/// The UI list's scrolling over a large store, in the real app (tests/e2e/scroll_bench.rs).
fn scroll_bench(root: &Path) -> Result<()> {
    build_app()?;
    let driver = ensure_tauri_driver()?;
    step("scrolling the customer list of a large store, in the real app under Xvfb");
    status(
        Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1366x900x24"])
            .arg(cargo().get_program())
            .args(["test", "--release", "-p", "eishro-e2e", "--test", "scroll_bench", "--", "--ignored", "--nocapture"])
            .env("E2E_APP", target_dir(root).join("debug/eishro-crm"))
            .env("E2E_DRIVER", &driver)
            .env("E2E_SCREENSHOTS", root.join("target/e2e-screenshots")),
    )
}

fn e2e(root: &Path) -> Result<()> {
    build_app()?;
    let driver = ensure_tauri_driver()?;
    step("end-to-end tests of the real app under Xvfb");
    let app = target_dir(root).join("debug/eishro-crm");
    status(
        Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1366x900x24"])
            .arg(cargo().get_program())
            .args(["test", "-p", "eishro-e2e", "--", "--test-threads=1"])
            .env("E2E_APP", &app)
            .env("E2E_DRIVER", &driver)
            .env("E2E_SCREENSHOTS", root.join("target/e2e-screenshots")),
    )
}
