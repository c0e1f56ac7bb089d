//! Staff users and the actor every use-case takes (SPEC §0.2, Addition "staff users").
//! Passing the actor everywhere now means roles can be enforced later without touching
//! any caller, and every audit-log entry knows who acted.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Role {
    Agent,
    Manager,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "agent" => Some(Role::Agent),
            "manager" => Some(Role::Manager),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StaffUser {
    pub id: String,
    pub display_name: String,
    pub role: Role,
}

/// Who is acting: a staff user at this desk, the platform sync, or the customer (a consent
/// change that arrived through sync).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Staff(StaffUser),
    Sync,
    Customer,
}

impl Actor {
    /// The value written to `createdBy`, the audit log and the consent log.
    pub fn audit_name(&self) -> &str {
        match self {
            Actor::Staff(user) => &user.id,
            Actor::Sync => "sync",
            Actor::Customer => "customer",
        }
    }
}

/// The staff user this desk acts as. A new workspace has none, so the first start
/// creates its owner (an admin); later issues add sign-in and more staff.
pub async fn ensure_owner(pool: &sqlx::SqlitePool, now: chrono::DateTime<chrono::Utc>) -> crate::Result<StaffUser> {
    use sqlx::Row;
    let existing = sqlx::query("SELECT id, display_name, role FROM staff_users WHERE role = 'admin' ORDER BY created_at LIMIT 1")
        .fetch_optional(pool)
        .await?;
    if let Some(row) = existing {
        return Ok(StaffUser {
            id: row.get("id"),
            display_name: row.get("display_name"),
            role: Role::parse(row.get("role")).unwrap_or(Role::Admin),
        });
    }
    let owner = StaffUser { id: uuid::Uuid::now_v7().to_string(), display_name: "Owner".to_string(), role: Role::Admin };
    sqlx::query("INSERT INTO staff_users (id, display_name, role, created_at) VALUES (?, ?, ?, ?)")
        .bind(&owner.id)
        .bind(&owner.display_name)
        .bind(owner.role.as_str())
        .bind(now.to_rfc3339())
        .execute(pool)
        .await?;
    Ok(owner)
}

/// A staff user as the desk lists them: for assignment, and for round-robin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StaffMember {
    pub id: String,
    pub display_name: String,
    pub role: Role,
    /// Takes round-robin assignments.
    pub available: bool,
}

pub async fn list(pool: &sqlx::SqlitePool) -> crate::Result<Vec<StaffMember>> {
    let rows: Vec<(String, String, String, bool)> =
        sqlx::query_as("SELECT id, display_name, role, available FROM staff_users ORDER BY created_at, id").fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .map(|(id, display_name, role, available)| StaffMember { id, display_name, role: Role::parse(&role).unwrap_or(Role::Agent), available })
        .collect())
}

/// Adds a staff user (sign-in comes with the sync hub; until then the desk lists them for
/// assignment).
pub async fn add(pool: &sqlx::SqlitePool, display_name: &str, role: Role, now: chrono::DateTime<chrono::Utc>) -> crate::Result<StaffMember> {
    let name = display_name.trim();
    if name.is_empty() {
        return Err(crate::CoreError::Invalid(vec![crate::error::FieldError::new("displayName", "error-required")]));
    }
    let member = StaffMember { id: uuid::Uuid::now_v7().to_string(), display_name: name.to_string(), role, available: true };
    sqlx::query("INSERT INTO staff_users (id, display_name, role, created_at) VALUES (?, ?, ?, ?)")
        .bind(&member.id)
        .bind(&member.display_name)
        .bind(role.as_str())
        .bind(now.to_rfc3339())
        .execute(pool)
        .await?;
    Ok(member)
}

/// Marks a staff user available (or not) for round-robin assignment.
pub async fn set_available(pool: &sqlx::SqlitePool, id: &str, available: bool) -> crate::Result<()> {
    sqlx::query("UPDATE staff_users SET available = ? WHERE id = ?").bind(available).bind(id).execute(pool).await?;
    Ok(())
}
