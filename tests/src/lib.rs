//! Harness for the end-to-end tests: starts `tauri-driver` (which starts WebKitWebDriver,
//! which starts our real app binary on a throw-away database), connects fantoccini, and
//! saves full-window screenshots for people to look at.
//!
//! Run through `cargo xtask e2e` (or `test`), which builds the app, installs tauri-driver
//! and provides the X display. The driver uses fixed ports, so tests run one at a time.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const DRIVER_URL: &str = "http://127.0.0.1:4444";

pub struct App {
    pub client: Client,
    driver: Child,
    pub db: PathBuf,
    _dir: tempfile::TempDir,
}

fn env_path(name: &str) -> Result<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .with_context(|| format!("{name} is not set: run the end-to-end tests with `cargo xtask e2e`"))
}

impl App {
    /// Starts the app on a fresh database, after `prepare` has filled it (or not).
    pub async fn start<F, Fut>(prepare: F) -> Result<App>
    where
        F: FnOnce(PathBuf) -> Fut,
        Fut: std::future::Future<Output = Result<()>>,
    {
        let app = env_path("E2E_APP")?;
        let driver_bin = env_path("E2E_DRIVER")?;
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("crm.db");
        prepare(db.clone()).await?;
        let driver = Command::new(driver_bin)
            .env("EISHRO_CRM_DB", &db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting tauri-driver")?;
        let caps = json!({
            "tauri:options": { "application": app, "args": ["--db", db] },
            "browserName": "wry",
        });
        let caps = caps.as_object().expect("object").clone();
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::rustls()?.capabilities(caps.clone()).connect(DRIVER_URL).await {
                Ok(client) => break client,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => bail!("could not open a WebDriver session: {e}"),
            }
        };
        let app = App { client, driver, db, _dir: dir };
        app.client.set_window_size(1366, 860).await.ok();
        Ok(app)
    }

    pub async fn find(&self, css: &str) -> Result<Element> {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("waiting for {css}"))
    }

    /// Clicks once the layout has settled: right after a language switch the page mirrors,
    /// and a click aimed at the old position lands on nothing. A click that something
    /// still covers (a closing dialog's overlay) is tried again for a few seconds.
    pub async fn click(&self, css: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let element = self.find(css).await?;
            self.settle().await;
            self.wait_still(css).await;
            match element.click().await {
                Ok(()) => return Ok(()),
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => {
                    let _ = self.screenshot("failed-click").await;
                    return Err(e).with_context(|| format!("clicking {css}"));
                }
            }
        }
    }

    /// Waits until the element stops moving: a dialog that is still opening scales and
    /// slides, and a click aimed at where its button was a moment ago misses it.
    pub async fn wait_still(&self, css: &str) {
        let rect = "const r = document.querySelector(arguments[0])?.getBoundingClientRect(); return r ? [r.x, r.y, r.width, r.height] : null;";
        let deadline = Instant::now() + Duration::from_secs(3);
        let mut last = serde_json::Value::Null;
        while Instant::now() < deadline {
            let now = self.client.execute(rect, vec![json!(css)]).await.unwrap_or(serde_json::Value::Null);
            if now == last && !now.is_null() {
                return;
            }
            last = now;
            tokio::time::sleep(Duration::from_millis(80)).await;
        }
    }

    /// Waits two animation frames and a moment for transitions.
    pub async fn settle(&self) {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .ok();
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    /// Picks `option` in a Mantine select: opens it and clicks the option through script,
    /// because the dropdown's options may be scrolled out of WebDriver's reach.
    pub async fn select_option(&self, select_css: &str, option: &str) -> Result<()> {
        self.find(select_css).await?;
        // Opened through script too: a closing modal's overlay may still cover the select.
        self.client
            .execute("document.querySelector(arguments[0]).click(); return true;", vec![json!(select_css)])
            .await?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let clicked = self
                .client
                .execute(
                    "const o = Array.from(document.querySelectorAll('[role=option]')).find(e => e.offsetParent !== null && e.textContent.trim() === arguments[0]);
                     if (!o) return false; o.scrollIntoView({block: 'nearest'}); o.click(); return true;",
                    vec![json!(option)],
                )
                .await?;
            if clicked == serde_json::Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("no option {option:?} in {select_css}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let input = self.find(css).await?;
        // Select all and delete, as a person would: WebDriver's clear() changes the value
        // behind React's back, and the next render puts the old text back.
        let select_all: String = [char::from(Key::Control), 'a'].iter().collect();
        input.send_keys(&select_all).await.with_context(|| format!("selecting the text of {css}"))?;
        input.send_keys(&char::from(Key::Backspace).to_string()).await?;
        if text.is_empty() {
            // Emptying the field is all that was asked; WebDriver refuses to send no keys.
            return Ok(());
        }
        input.send_keys(text).await.with_context(|| format!("typing into {css}"))
    }

    /// Waits until some element matching `css` has `needle` in its text, and returns that
    /// text. It reads `textContent` through script: WebKitWebDriver's element text drops
    /// Arabic runs inside `overflow: hidden; white-space: nowrap` boxes. Fluent's bidi
    /// isolation marks are removed, so tests match the text people read.
    pub async fn wait_text(&self, css: &str, needle: &str) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last = serde_json::Value::Null;
        while Instant::now() < deadline {
            let texts = self
                .client
                .execute(
                    "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.replace(/[\\u2066-\\u2069]/g, ''));",
                    vec![json!(css)],
                )
                .await?;
            if let Some(found) = texts.as_array().into_iter().flatten().filter_map(|t| t.as_str()).find(|t| t.contains(needle)) {
                return Ok(found.to_string());
            }
            last = texts;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // What the window showed when the wait gave up, for whoever reads the failure.
        let _ = self.screenshot("failed-wait").await;
        bail!("{css} never showed {needle:?}; it showed {last}")
    }

    /// The UI language is remembered between starts; a test that needs Arabic asks for it.
    pub async fn use_arabic(&self) -> Result<()> {
        self.find("[data-testid=lang-toggle]").await?;
        if self.eval("return document.documentElement.dir").await? != "rtl" {
            self.click("[data-testid=lang-toggle]").await?;
        }
        Ok(())
    }

    pub async fn count(&self, css: &str) -> Result<usize> {
        Ok(self.client.find_all(Locator::Css(css)).await?.len())
    }

    /// Waits until exactly `expected` elements match `css`: lists refresh a moment after
    /// the values that changed them.
    pub async fn wait_count(&self, css: &str, expected: usize) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.count(css).await?;
            if found == expected {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("{css} matched {found} elements, not {expected}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn eval(&self, script: &str) -> Result<serde_json::Value> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Runs a script that reports through its last argument, the WebDriver callback, for
    /// measurements that span many animation frames.
    pub async fn eval_async(&self, script: &str) -> Result<serde_json::Value> {
        Ok(self.client.execute_async(script, vec![]).await?)
    }

    /// A full-window screenshot (element screenshots come back black in WebKitGTK), taken
    /// after two animation frames so the layout has settled.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        self.settle().await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        let png = self.client.screenshot().await?;
        let dir = screenshots_dir();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Ends the session and stops tauri-driver with SIGTERM (SIGKILL leaves WebKitWebDriver
    /// running and holding its port).
    pub async fn close(mut self) -> Result<()> {
        let _ = self.client.clone().close().await;
        terminate(&mut self.driver);
        Ok(())
    }
}

impl Drop for App {
    fn drop(&mut self) {
        terminate(&mut self.driver);
    }
}

fn terminate(child: &mut Child) {
    if let Ok(None) = child.try_wait() {
        let _ = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

pub fn screenshots_dir() -> PathBuf {
    std::env::var_os("E2E_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-screenshots"))
}
