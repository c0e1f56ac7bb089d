-- Orders (SPEC §3.1), the history derived from them (§3.3), segment history (§2.7),
-- follow-up tasks (§3.5) and the notifications later issues send (§3.4).
-- Money is integer dirhams; instants are RFC 3339 UTC.

CREATE TABLE orders (
    -- The platform's order id: an order is credited at most once, however often it comes.
    id               TEXT PRIMARY KEY,
    order_number     TEXT NOT NULL,
    customer_id      TEXT NOT NULL REFERENCES customers (id),
    store_id         TEXT,
    created_at       TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'refunded')),
    total            INTEGER NOT NULL CHECK (total >= 0),
    shipping_fee     INTEGER NOT NULL DEFAULT 0 CHECK (shipping_fee >= 0),
    refunded_amount  INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= total),
    payment_method   TEXT NOT NULL DEFAULT '',
    shipping_method  TEXT NOT NULL DEFAULT '',
    voucher_code     TEXT,
    -- Brought in by a historical import or backfill, or arrived older than the staleness
    -- window: it counts for history, tier and points but never fires automations.
    historical       INTEGER NOT NULL DEFAULT 1,
    received_at      TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, created_at);

-- When each status was first reached.
CREATE TABLE order_status_history (
    order_id  TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status    TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (order_id, status)
) WITHOUT ROWID;

CREATE TABLE order_items (
    order_id          TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    product_id        TEXT NOT NULL,
    product_name      TEXT NOT NULL,
    category          TEXT NOT NULL DEFAULT '',
    brand             TEXT,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    unit_price        INTEGER NOT NULL CHECK (unit_price >= 0),
    line_total        INTEGER NOT NULL CHECK (line_total >= 0),
    is_local_product  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, position)
) WITHOUT ROWID;

-- Every tier change, with why (SPEC §2.7). Append-only.
CREATE TABLE segment_history (
    id           TEXT PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    previous     TEXT NOT NULL,
    segment      TEXT NOT NULL,
    at           TEXT NOT NULL,
    -- order | settings | import | daily | merge
    reason       TEXT NOT NULL,
    order_id     TEXT
);
CREATE INDEX segment_history_customer ON segment_history (customer_id, at);
CREATE INDEX segment_history_at ON segment_history (at);
CREATE TRIGGER segment_history_no_update BEFORE UPDATE ON segment_history
BEGIN SELECT RAISE(ABORT, 'segment_history is append-only'); END;

-- Notifications waiting for the messaging module. `key` is the idempotency key
-- (SPEC §3.3): a second attempt to record the same one changes nothing.
CREATE TABLE pending_notifications (
    id           TEXT PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL DEFAULT '{}',
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'skipped'))
);
CREATE INDEX pending_notifications_customer ON pending_notifications (customer_id);

-- Follow-up tasks (SPEC §3.5). `key` is (order or customer, rule), so a rule fires once.
CREATE TABLE tasks (
    id             TEXT PRIMARY KEY,
    key            TEXT UNIQUE,
    customer_id    TEXT NOT NULL REFERENCES customers (id),
    order_id       TEXT,
    ticket_id      TEXT,
    type           TEXT NOT NULL,
    -- Empty for the default rules, whose title comes from `locales/` by type.
    title          TEXT NOT NULL DEFAULT '',
    assignee_id    TEXT REFERENCES staff_users (id),
    -- Tasks for "the managers" rather than one person.
    assignee_role  TEXT,
    due_at         TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    created_at     TEXT NOT NULL,
    closed_at      TEXT,
    closed_by      TEXT
);
CREATE INDEX tasks_status_due ON tasks (status, due_at);
CREATE INDEX tasks_customer ON tasks (customer_id);

-- The churn band the list filters on, kept with the churn risk it comes from.
ALTER TABLE customers ADD COLUMN churn_band TEXT NOT NULL DEFAULT 'low' CHECK (churn_band IN ('low', 'medium', 'high'));
