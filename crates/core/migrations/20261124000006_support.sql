-- The support desk (SPEC §7; issue #5): tickets, their messages and attachments, status
-- history (which the SLA clock reads for its pauses), per-agent read markers, canned
-- replies, saved inbox views and the per-device ticket number counters.

CREATE TABLE tickets (
    id                      TEXT PRIMARY KEY,
    -- T-<device>-<yyMM>-<seq>: unique even when two desks create tickets offline.
    ticket_number           TEXT NOT NULL UNIQUE,
    customer_id             TEXT NOT NULL REFERENCES customers (id),
    store_id                TEXT,
    subject                 TEXT NOT NULL,
    description             TEXT NOT NULL,
    priority                TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    -- 0 low … 3 urgent: the queue sorts on it, highest first (SPEC §7.3).
    priority_rank           INTEGER NOT NULL CHECK (priority_rank BETWEEN 0 AND 3),
    category                TEXT NOT NULL CHECK (category IN ('order', 'payment', 'shipping', 'product', 'technical', 'other')),
    subcategory             TEXT NOT NULL DEFAULT '',
    status                  TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'waiting_response', 'resolved', 'closed')),
    channel                 TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp', 'phone', 'platform')),
    order_id                TEXT,
    assigned_to             TEXT REFERENCES staff_users (id),
    assigned_at             TEXT,
    intent                  TEXT,
    satisfaction_rating     INTEGER CHECK (satisfaction_rating BETWEEN 1 AND 5),
    -- SPEC §7.5, wall-clock: minutes to the first agent message; minutes to the latest
    -- resolution (shown in hours).
    first_response_minutes  INTEGER,
    resolution_minutes      INTEGER,
    reopened_count          INTEGER NOT NULL DEFAULT 0 CHECK (reopened_count >= 0),
    escalated               INTEGER NOT NULL DEFAULT 0,
    escalated_at            TEXT,
    related_ticket_id       TEXT REFERENCES tickets (id),
    merged_into             TEXT REFERENCES tickets (id),
    -- The SLA clocks in business time: when each falls due (NULL once met, or while
    -- paused), and the sooner of the two for the overdue view.
    first_response_due      TEXT,
    resolution_due          TEXT,
    next_due                TEXT,
    first_response_breached INTEGER NOT NULL DEFAULT 0,
    resolution_breached     INTEGER NOT NULL DEFAULT 0,
    last_message_at         TEXT NOT NULL,
    last_customer_message_at TEXT,
    message_count           INTEGER NOT NULL DEFAULT 0,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    resolved_at             TEXT,
    closed_at               TEXT
);
-- The queues cover active tickets only (open, in progress, waiting: still to be worked
-- on); queries repeat the same condition so SQLite picks these partial indexes.
-- The queues: everything open, one agent's, unassigned (assigned_to IS NULL), per status,
-- per category, and overdue; all sorted as SPEC §7.3 says.
CREATE INDEX tickets_queue ON tickets (priority_rank DESC, created_at) WHERE status IN ('open', 'in_progress', 'waiting_response');
CREATE INDEX tickets_assignee_queue ON tickets (assigned_to, priority_rank DESC, created_at) WHERE status IN ('open', 'in_progress', 'waiting_response');
CREATE INDEX tickets_status_queue ON tickets (status, priority_rank DESC, created_at);
CREATE INDEX tickets_category_queue ON tickets (category, priority_rank DESC, created_at) WHERE status IN ('open', 'in_progress', 'waiting_response');
CREATE INDEX tickets_overdue ON tickets (next_due) WHERE status IN ('open', 'in_progress', 'waiting_response') AND next_due IS NOT NULL;
CREATE INDEX tickets_customer ON tickets (customer_id, created_at);
CREATE INDEX tickets_resolved_waiting ON tickets (status, updated_at) WHERE status IN ('waiting_response', 'resolved');

-- Every status a ticket took, when and by whom; the SLA pauses are read from it.
CREATE TABLE ticket_status_history (
    ticket_id  TEXT NOT NULL REFERENCES tickets (id),
    seq        INTEGER NOT NULL,
    status     TEXT NOT NULL,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    PRIMARY KEY (ticket_id, seq)
) WITHOUT ROWID;

-- Messages are append-only (sync sends them with client UUIDs). Only `ticket_id` may
-- change, when two tickets are merged.
CREATE TABLE ticket_messages (
    id          TEXT PRIMARY KEY,
    ticket_id   TEXT NOT NULL REFERENCES tickets (id),
    sender      TEXT NOT NULL CHECK (sender IN ('customer', 'agent', 'system')),
    -- An internal note: shown to staff, never sent to the customer.
    internal    INTEGER NOT NULL DEFAULT 0,
    author_id   TEXT,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX ticket_messages_thread ON ticket_messages (ticket_id, created_at);
CREATE TRIGGER ticket_messages_append_only BEFORE UPDATE OF sender, internal, author_id, body, created_at ON ticket_messages
BEGIN SELECT RAISE(ABORT, 'ticket messages are append-only'); END;
CREATE TRIGGER ticket_messages_no_delete BEFORE DELETE ON ticket_messages
BEGIN SELECT RAISE(ABORT, 'ticket messages are append-only'); END;

-- Files live in the app-data folder under `stored_name` (generated, never the sender's
-- name); `filename` is only shown.
CREATE TABLE ticket_attachments (
    id           TEXT PRIMARY KEY,
    ticket_id    TEXT NOT NULL REFERENCES tickets (id),
    message_id   TEXT REFERENCES ticket_messages (id),
    filename     TEXT NOT NULL,
    stored_name  TEXT NOT NULL UNIQUE,
    url          TEXT,
    size         INTEGER NOT NULL CHECK (size >= 0),
    mime         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments (ticket_id);

-- When each agent last looked at a ticket: newer customer messages make it unread.
CREATE TABLE ticket_reads (
    ticket_id  TEXT NOT NULL REFERENCES tickets (id),
    staff_id   TEXT NOT NULL REFERENCES staff_users (id),
    read_at    TEXT NOT NULL,
    PRIMARY KEY (staff_id, ticket_id)
) WITHOUT ROWID;

CREATE TABLE canned_replies (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    body_ar     TEXT NOT NULL,
    body_en     TEXT NOT NULL,
    category    TEXT,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- A staff user's saved inbox views: a name and the filter, as JSON.
CREATE TABLE ticket_views (
    id          TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff_users (id),
    name        TEXT NOT NULL,
    filter      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (staff_id, name)
);

CREATE TABLE ticket_counters (
    device_code  TEXT NOT NULL,
    period       TEXT NOT NULL,
    last         INTEGER NOT NULL,
    PRIMARY KEY (device_code, period)
) WITHOUT ROWID;

-- Agents who take round-robin assignments.
ALTER TABLE staff_users ADD COLUMN available INTEGER NOT NULL DEFAULT 1;
