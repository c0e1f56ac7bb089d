//! Saved views of the customer list: a named filter, sort and set of columns, kept per
//! staff user, so an agent's "gold customers in Benghazi" is one click away.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;
use ts_rs::TS;

use super::filter::{CustomerFilter, CustomerSort};
use crate::error::{CoreError, FieldError, Result};
use crate::settings;
use crate::staff::Actor;

/// A column of the customer list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ListColumn {
    Name,
    Phone,
    Email,
    City,
    Segment,
    TotalSpent,
    LifetimeValue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedView {
    pub name: String,
    pub filter: CustomerFilter,
    pub sort: CustomerSort,
    pub columns: Vec<ListColumn>,
}

pub const MAX_VIEW_NAME: usize = 60;

fn key(actor: &Actor) -> String {
    format!("views.customers.{}", actor.audit_name())
}

pub async fn saved_views(pool: &SqlitePool, actor: &Actor) -> Result<Vec<SavedView>> {
    Ok(settings::get(pool, &key(actor)).await?.unwrap_or_default())
}

/// Saves `view` for this staff user, replacing a view of the same name.
pub async fn save_view(pool: &SqlitePool, actor: &Actor, view: &SavedView, now: DateTime<Utc>) -> Result<Vec<SavedView>> {
    let name = view.name.trim();
    if name.is_empty() {
        return Err(CoreError::Invalid(vec![FieldError::new("name", "error-required")]));
    }
    if name.chars().count() > MAX_VIEW_NAME {
        return Err(CoreError::Invalid(vec![FieldError::new("name", "error-too-long").with_arg("max", MAX_VIEW_NAME)]));
    }
    if view.columns.is_empty() {
        return Err(CoreError::Invalid(vec![FieldError::new("columns", "error-required")]));
    }
    let mut views = saved_views(pool, actor).await?;
    let view = SavedView { name: name.to_string(), ..view.clone() };
    match views.iter_mut().find(|v| v.name == view.name) {
        Some(existing) => *existing = view,
        None => views.push(view),
    }
    settings::set(pool, actor, &key(actor), &views, now).await?;
    Ok(views)
}

pub async fn delete_view(pool: &SqlitePool, actor: &Actor, name: &str, now: DateTime<Utc>) -> Result<Vec<SavedView>> {
    let mut views = saved_views(pool, actor).await?;
    views.retain(|v| v.name != name);
    settings::set(pool, actor, &key(actor), &views, now).await?;
    Ok(views)
}
