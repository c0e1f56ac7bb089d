//! Follow-up tasks (SPEC §3.5): the task record, the three default rules that create tasks
//! from live order events (each can be switched off), and the "My tasks" use-cases.
//! Every rule's task has an idempotency key (order, rule), so it is created once however
//! often the order arrives.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection, SqlitePool};
use ts_rs::TS;

use crate::customers::Segment;
use crate::error::{CoreError, FieldError, Result};
use crate::segmentation::SegmentChange;
use crate::staff::{Actor, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TaskType {
    WelcomeCall,
    AccountManagerFollowUp,
    AssignAccountManager,
}

impl TaskType {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskType::WelcomeCall => "welcomeCall",
            TaskType::AccountManagerFollowUp => "accountManagerFollowUp",
            TaskType::AssignAccountManager => "assignAccountManager",
        }
    }

    fn parse(text: &str) -> Option<TaskType> {
        [TaskType::WelcomeCall, TaskType::AccountManagerFollowUp, TaskType::AssignAccountManager].into_iter().find(|t| t.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TaskStatus {
    Open,
    Done,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Task {
    pub id: String,
    pub customer_id: String,
    /// The customer's name, for lists.
    pub customer_name: String,
    pub order_id: Option<String>,
    pub ticket_id: Option<String>,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub task_type: TaskType,
    pub assignee_id: Option<String>,
    /// Set when the task is for everyone with this role (the managers).
    pub assignee_role: Option<Role>,
    pub due_at: DateTime<Utc>,
    pub status: TaskStatus,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// Which default rules are on (SPEC §3.5: each can be switched off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct TaskRules {
    pub welcome_call: bool,
    pub account_manager_follow_up: bool,
    pub assign_account_manager: bool,
}

impl Default for TaskRules {
    fn default() -> Self {
        TaskRules { welcome_call: true, account_manager_follow_up: true, assign_account_manager: true }
    }
}

const RULES_KEY: &str = "tasks.rules";

pub async fn rules(pool: &SqlitePool) -> Result<TaskRules> {
    Ok(crate::settings::get(pool, RULES_KEY).await?.unwrap_or_default())
}

pub async fn save_rules(pool: &SqlitePool, actor: &Actor, rules: TaskRules, now: DateTime<Utc>) -> Result<()> {
    crate::settings::set(pool, actor, RULES_KEY, &rules, now).await
}

async fn rules_on(conn: &mut SqliteConnection) -> Result<TaskRules> {
    Ok(crate::settings::get_on(conn, RULES_KEY).await?.unwrap_or_default())
}

struct NewTask<'a> {
    key: String,
    customer_id: &'a str,
    order_id: Option<&'a str>,
    task_type: TaskType,
    assignee_id: Option<String>,
    assignee_role: Option<Role>,
    due_at: DateTime<Utc>,
}

async fn create(conn: &mut SqliteConnection, task: NewTask<'_>, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO tasks (id, key, customer_id, order_id, type, assignee_id, assignee_role, due_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(&task.key)
    .bind(task.customer_id)
    .bind(task.order_id)
    .bind(task.task_type.as_str())
    .bind(task.assignee_id)
    .bind(task.assignee_role.map(Role::as_str))
    .bind(task.due_at.to_rfc3339())
    .bind(now.to_rfc3339())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Rule 3: a customer who enters platinum or VIP without an account manager gets a task
/// for the managers to assign one, due in 48 hours. Only live order events call this.
pub(crate) async fn on_segment_change(conn: &mut SqliteConnection, change: &SegmentChange, order_id: &str, now: DateTime<Utc>) -> Result<()> {
    if !(change.segment > change.previous && change.segment >= Segment::Platinum) || !rules_on(conn).await?.assign_account_manager {
        return Ok(());
    }
    let manager: Option<String> =
        sqlx::query_scalar("SELECT account_manager_id FROM customers WHERE id = ?").bind(&change.customer_id).fetch_one(&mut *conn).await?;
    if manager.is_some() {
        return Ok(());
    }
    let task = NewTask {
        key: format!("{order_id}:assignAccountManager"),
        customer_id: &change.customer_id,
        order_id: Some(order_id),
        task_type: TaskType::AssignAccountManager,
        assignee_id: None,
        assignee_role: Some(Role::Manager),
        due_at: now + Duration::hours(48),
    };
    create(conn, task, now).await
}

/// Rules 1 and 2, on a live counted order: a welcome call after a customer's first counted
/// order when they prefer the phone, and an account-manager follow-up on every counted
/// order of a platinum or VIP customer. Due in 24 hours.
/// `first_counted` says whether the order is the customer's first counted one.
pub(crate) async fn on_counted_order(conn: &mut SqliteConnection, customer_id: &str, order_id: &str, first_counted: bool, now: DateTime<Utc>) -> Result<()> {
    let rules = rules_on(conn).await?;
    let customer = sqlx::query("SELECT preferred_contact_method, segment, account_manager_id FROM customers WHERE id = ?")
        .bind(customer_id)
        .fetch_one(&mut *conn)
        .await?;
    let due = now + Duration::hours(24);
    if rules.welcome_call && first_counted && customer.get::<&str, _>("preferred_contact_method") == "phone" {
        let task = NewTask {
            key: format!("{order_id}:welcomeCall"),
            customer_id,
            order_id: Some(order_id),
            task_type: TaskType::WelcomeCall,
            assignee_id: None,
            assignee_role: None,
            due_at: due,
        };
        create(conn, task, now).await?;
    }
    let segment = Segment::parse(customer.get("segment")).unwrap_or(Segment::New);
    if rules.account_manager_follow_up && segment >= Segment::Platinum {
        let manager: Option<String> = customer.get("account_manager_id");
        let task = NewTask {
            key: format!("{order_id}:accountManagerFollowUp"),
            customer_id,
            order_id: Some(order_id),
            task_type: TaskType::AccountManagerFollowUp,
            // Without an account manager, the managers follow up (and rule 3 asks them to
            // assign one).
            assignee_role: manager.is_none().then_some(Role::Manager),
            assignee_id: manager,
            due_at: due,
        };
        create(conn, task, now).await?;
    }
    Ok(())
}

const TASK_COLUMNS: &str = "t.id, t.customer_id, c.first_name || ' ' || c.last_name AS customer_name, t.order_id, t.ticket_id, t.type,
     t.assignee_id, t.assignee_role, t.due_at, t.status, t.created_at, t.closed_at";

fn task_from_row(row: &sqlx::sqlite::SqliteRow) -> Task {
    let time = |column: &str| row.get::<Option<&str>, _>(column).and_then(crate::time::parse_instant);
    Task {
        id: row.get("id"),
        customer_id: row.get("customer_id"),
        customer_name: row.get("customer_name"),
        order_id: row.get("order_id"),
        ticket_id: row.get("ticket_id"),
        task_type: TaskType::parse(row.get("type")).unwrap_or(TaskType::WelcomeCall),
        assignee_id: row.get("assignee_id"),
        assignee_role: row.get::<Option<&str>, _>("assignee_role").and_then(Role::parse),
        due_at: time("due_at").unwrap_or_default(),
        status: match row.get::<&str, _>("status") {
            "done" => TaskStatus::Done,
            "cancelled" => TaskStatus::Cancelled,
            _ => TaskStatus::Open,
        },
        created_at: time("created_at").unwrap_or_default(),
        closed_at: time("closed_at"),
    }
}

/// Open tasks for this staff user: assigned to them, or to their role, or to nobody yet;
/// soonest due first.
pub async fn my_open_tasks(pool: &SqlitePool, actor: &Actor) -> Result<Vec<Task>> {
    let (user, role) = match actor {
        Actor::Staff(user) => (Some(user.id.as_str()), Some(user.role.as_str())),
        _ => (None, None),
    };
    let rows = sqlx::query(&format!(
        "SELECT {TASK_COLUMNS} FROM tasks t JOIN customers c ON c.id = t.customer_id
         WHERE t.status = 'open'
           AND (t.assignee_id = ?1 OR t.assignee_role = ?2 OR ?2 = 'admin' OR (t.assignee_id IS NULL AND t.assignee_role IS NULL))
         ORDER BY t.due_at, t.id LIMIT 500"
    ))
    .bind(user)
    .bind(role)
    .fetch_all(pool)
    .await?;
    Ok(rows.iter().map(task_from_row).collect())
}

/// Every task about one customer, newest first (the profile and its timeline).
pub async fn customer_tasks(pool: &SqlitePool, customer_id: &str) -> Result<Vec<Task>> {
    let rows = sqlx::query(&format!(
        "SELECT {TASK_COLUMNS} FROM tasks t JOIN customers c ON c.id = t.customer_id
         WHERE t.customer_id = ?1 OR t.customer_id IN (SELECT id FROM customers WHERE merged_into = ?1)
         ORDER BY t.created_at DESC, t.id DESC"
    ))
    .bind(customer_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.iter().map(task_from_row).collect())
}

/// Marks an open task done or cancelled. A task already closed is refused and unchanged.
pub async fn close(pool: &SqlitePool, actor: &Actor, id: &str, status: TaskStatus, now: DateTime<Utc>) -> Result<Task> {
    if status == TaskStatus::Open {
        return Err(CoreError::Invalid(vec![FieldError::new("status", "task-error-reopen")]));
    }
    let mut tx = pool.begin().await?;
    let updated = sqlx::query("UPDATE tasks SET status = ?, closed_at = ?, closed_by = ? WHERE id = ? AND status = 'open'")
        .bind(if status == TaskStatus::Done { "done" } else { "cancelled" })
        .bind(now.to_rfc3339())
        .bind(actor.audit_name())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if updated == 0 {
        return Err(CoreError::Invalid(vec![FieldError::new("status", "task-error-closed")]));
    }
    let row = sqlx::query(&format!("SELECT {TASK_COLUMNS} FROM tasks t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?"))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(task_from_row(&row))
}
